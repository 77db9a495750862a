# Sanitizer and fuzzing builds. Flags go on every target of the tree (libraries, executables,
# tests), so one clang build serves both the whole suite under ASan/UBSan and the fuzzers, which
# link the real libraries rather than a hand-kept list of their sources.
#   HEARTH_SANITIZE: -fsanitize=address,undefined; any UB report is fatal.
#   HEARTH_FUZZ:     adds -fsanitize=fuzzer-no-link (coverage for libFuzzer) to everything; the
#                    fuzz executables alone link libFuzzer itself (tests/fuzz).
if(HEARTH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "HEARTH_FUZZ needs clang, which ships libFuzzer "
                            "(-DCMAKE_CXX_COMPILER=clang++, or the asan preset)")
    endif()
    set(HEARTH_SANITIZE ON)
    add_compile_options(-fsanitize=fuzzer-no-link)
endif()

if(HEARTH_SANITIZE)
    if(MSVC)
        message(FATAL_ERROR "HEARTH_SANITIZE is for clang and GCC")
    endif()
    add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=undefined
                        -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
    # Some 170 executables link the instrumented libraries: lld does each in a quarter of the time
    # GNU ld takes (0.3 s against 1.4 s measured on a test), a minute and a half of every CI run.
    find_program(HEARTH_LLD NAMES ld.lld)
    if(HEARTH_LLD AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        add_link_options(-fuse-ld=lld)
    endif()
endif()
