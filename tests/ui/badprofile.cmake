# hearth --profile with a profile that misses its channels: exit 1 and a sentence naming the file.
file(WRITE "${WORKDIR}/bistro.json" "{\"name\": \"Bistro\", \"protocol\": \"actioncable\", \"url\": \"wss://bistro.example.com/cable\"}")
execute_process(COMMAND "${HEARTH}" --profile "${WORKDIR}/bistro.json"
                RESULT_VARIABLE result ERROR_VARIABLE errors TIMEOUT 20)
if(NOT result EQUAL 1)
    message(FATAL_ERROR "expected exit code 1, got ${result}")
endif()
if(NOT errors MATCHES "bistro.json")
    message(FATAL_ERROR "the message does not name the file:\n${errors}")
endif()
message(STATUS "hearth said: ${errors}")
