# Runs `hearth --demo --page orders --size 1100x700 --quit-after 8 --screenshot OUTPUT` (the
# README's picture) and checks it exits 0 with a PNG of the window at that size, on the Orders
# page, with orders listed and one of them in the detail pane.
file(REMOVE "${OUTPUT}")
execute_process(COMMAND "${HEARTH}" --demo --page orders --size 1100x700 --quit-after 8 --screenshot "${OUTPUT}"
                RESULT_VARIABLE result ERROR_VARIABLE errors TIMEOUT 50)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "hearth --demo --page orders exited with ${result}:\n${errors}")
endif()
if(NOT EXISTS "${OUTPUT}")
    message(FATAL_ERROR "no screenshot at ${OUTPUT}")
endif()
file(READ "${OUTPUT}" signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "${OUTPUT} is not a PNG (starts with ${signature})")
endif()
# The PNG header's width and height (IHDR, bytes 16–23): the window at the size asked for.
file(READ "${OUTPUT}" dimensions OFFSET 16 LIMIT 8 HEX)
if(NOT dimensions STREQUAL "0000044c000002bc")
    message(FATAL_ERROR "${OUTPUT} is not 1100×700 (IHDR ${dimensions})")
endif()
if(NOT errors MATCHES "page: orders")
    message(FATAL_ERROR "the window did not show the Orders page:\n${errors}")
endif()
if(NOT errors MATCHES "screenshot: [1-9][0-9]* orders shown, order #[0-9]+ in the detail pane")
    message(FATAL_ERROR "no orders, or none in the detail pane, when the picture was taken:\n${errors}")
endif()
file(SIZE "${OUTPUT}" size)
message(STATUS "orders screenshot: ${OUTPUT}, ${size} bytes")
