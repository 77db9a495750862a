# `hearth --help` and `hearth --version` on a machine without a display (a server, an SSH session,
# CI): no platform plugin may be needed to print text. QT_QPA_PLATFORM, DISPLAY and
# WAYLAND_DISPLAY are removed so Qt would fall back to xcb and abort if a GUI were created.
foreach(flag --help --version)
    execute_process(COMMAND "${CMAKE_COMMAND}" -E env --unset=QT_QPA_PLATFORM --unset=DISPLAY
                            --unset=WAYLAND_DISPLAY "${HEARTH}" ${flag}
                    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE errors TIMEOUT 20)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "hearth ${flag} exited with ${result}\nstdout:\n${output}\nstderr:\n${errors}")
    endif()
    if(flag STREQUAL "--help")
        foreach(expected "Usage:" "--demo" "--server <URL>" "--profile <FILE>")
            string(FIND "${output}" "${expected}" at)
            if(at EQUAL -1)
                message(FATAL_ERROR "hearth --help does not mention ${expected}:\n${output}")
            endif()
        endforeach()
    else()
        string(FIND "${output}" "${VERSION}" at)
        if(at EQUAL -1)
            message(FATAL_ERROR "hearth --version does not print ${VERSION}:\n${output}")
        endif()
    endif()
    message(STATUS "hearth ${flag}: exit 0, ${output}")
endforeach()
