# hearth --profile with a profile that misses its channels: a sentence naming the file on stderr,
# and a window that says it too (the sign-in dialog, from where another profile can be chosen)
# instead of an exit that someone who started hearth from a shortcut would never see.
file(WRITE "${WORKDIR}/bistro.json" "{\"name\": \"Bistro\", \"protocol\": \"actioncable\", \"url\": \"wss://bistro.example.com/cable\"}")
file(REMOVE "${WORKDIR}/badprofile.png")
execute_process(COMMAND "${HEARTH}" --profile "${WORKDIR}/bistro.json" --quit-after 3
                        --screenshot "${WORKDIR}/badprofile.png"
                RESULT_VARIABLE result ERROR_VARIABLE errors TIMEOUT 30)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "expected hearth to stay open until --quit-after (exit 0), got ${result}:\n${errors}")
endif()
if(NOT errors MATCHES "bistro.json")
    message(FATAL_ERROR "the message does not name the file:\n${errors}")
endif()
if(NOT EXISTS "${WORKDIR}/badprofile.png")
    message(FATAL_ERROR "no picture of the dialog at ${WORKDIR}/badprofile.png")
endif()
message(STATUS "hearth said: ${errors}")
