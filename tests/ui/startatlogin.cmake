# `hearth --start-at-login on|off` as a user types it, without a display: the XDG autostart entry
# appears in XDG_CONFIG_HOME/autostart starting this hearth, goes away again, and anything but
# on/off is a usage error (exit 2) that changes nothing.
set(config "${WORKDIR}/start-at-login-config")
file(REMOVE_RECURSE "${config}")
set(entry "${config}/autostart/org.hearth.Hearth.desktop")
set(run "${CMAKE_COMMAND}" -E env --unset=QT_QPA_PLATFORM --unset=DISPLAY --unset=WAYLAND_DISPLAY
        --unset=APPIMAGE "XDG_CONFIG_HOME=${config}" "${HEARTH}")

execute_process(COMMAND ${run} --start-at-login on RESULT_VARIABLE result OUTPUT_VARIABLE output
                ERROR_VARIABLE errors TIMEOUT 20)
if(NOT result EQUAL 0 OR NOT EXISTS "${entry}")
    message(FATAL_ERROR "--start-at-login on: exit ${result}, no ${entry}\n${output}\n${errors}")
endif()
file(READ "${entry}" text)
string(FIND "${text}" "Exec=\"${HEARTH}\"\n" at)
if(at EQUAL -1)
    message(FATAL_ERROR "the autostart entry does not start ${HEARTH}:\n${text}")
endif()
message(STATUS "on: ${output}")

execute_process(COMMAND ${run} --start-at-login sometimes RESULT_VARIABLE result ERROR_VARIABLE errors TIMEOUT 20)
if(NOT result EQUAL 2 OR NOT EXISTS "${entry}")
    message(FATAL_ERROR "--start-at-login sometimes: expected exit 2 and the entry kept, got ${result}\n${errors}")
endif()

execute_process(COMMAND ${run} --start-at-login off RESULT_VARIABLE result OUTPUT_VARIABLE output TIMEOUT 20)
if(NOT result EQUAL 0 OR EXISTS "${entry}")
    message(FATAL_ERROR "--start-at-login off: exit ${result}, entry still there: ${output}")
endif()
message(STATUS "off: ${output}")
