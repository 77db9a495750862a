# Runs `hearth --demo --page analytics --quit-after 6 --screenshot OUTPUT` and checks it exits 0 with
# a PNG of the window at the requested size (the Analytics page, as README shows it).
file(REMOVE "${OUTPUT}")
execute_process(COMMAND "${HEARTH}" --demo --page analytics --quit-after 6 --screenshot "${OUTPUT}"
                RESULT_VARIABLE result ERROR_VARIABLE errors TIMEOUT 50)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "hearth --demo --page analytics exited with ${result}:\n${errors}")
endif()
if(NOT EXISTS "${OUTPUT}")
    message(FATAL_ERROR "no screenshot at ${OUTPUT}")
endif()
file(READ "${OUTPUT}" signature LIMIT 8 HEX)
if(NOT signature STREQUAL "89504e470d0a1a0a")
    message(FATAL_ERROR "${OUTPUT} is not a PNG (starts with ${signature})")
endif()
# The page must be the widgets page: hearth logs which page the window shows.
if(NOT errors MATCHES "page: analytics")
    message(FATAL_ERROR "the window did not show the Analytics page:\n${errors}")
endif()
file(SIZE "${OUTPUT}" size)
message(STATUS "analytics screenshot: ${OUTPUT}, ${size} bytes")
