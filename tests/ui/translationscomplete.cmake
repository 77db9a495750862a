# lupdate over today's sources into a copy of the .ts, then lrelease on the copy: a tr() string
# added to the code without its German translation (or a .ts nobody refreshed) fails here, not on
# a German manager's screen. The checked-in file is left alone.
file(MAKE_DIRECTORY "${WORKDIR}")
execute_process(COMMAND "${CMAKE_COMMAND}" "-DIN_FILE=${PROJECT_CMAKE}" "-DOUT_FILE=${WORKDIR}/project.json"
                        -P "${GENERATOR}"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "could not write the lupdate project from ${PROJECT_CMAKE}")
endif()
file(COPY_FILE "${TS_FILE}" "${WORKDIR}/hearth_de.ts")
execute_process(COMMAND "${LUPDATE}" -project "${WORKDIR}/project.json" -ts "${WORKDIR}/hearth_de.ts"
                        -no-obsolete -locations none
                OUTPUT_VARIABLE updated ERROR_VARIABLE updated RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "lupdate failed:\n${updated}")
endif()
execute_process(COMMAND "${LRELEASE}" "${WORKDIR}/hearth_de.ts" -qm "${WORKDIR}/hearth_de.qm"
                OUTPUT_VARIABLE released ERROR_VARIABLE released RESULT_VARIABLE result)
message(STATUS "${updated}${released}")
if(NOT result EQUAL 0 OR NOT updated MATCHES "\\(0 new and" OR released MATCHES "untranslated"
   OR NOT released MATCHES "\\(([0-9]+) finished and 0 unfinished\\)")
    message(FATAL_ERROR "strings without a German translation: run `cmake --build --preset debug "
                        "--target update_translations` and translate the unfinished ones in ${TS_FILE}")
endif()
string(REGEX MATCH "\\(([0-9]+) finished" finished "${released}")
if(CMAKE_MATCH_1 LESS 300)
    message(FATAL_ERROR "only ${CMAKE_MATCH_1} strings found: lupdate did not see the sources")
endif()
