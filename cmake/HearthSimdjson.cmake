# simdjson 3, the JSON parser of the realtime hot path (src/realtime/fastorderevents.cpp).
# Debian and Ubuntu package it (libsimdjson-dev; packaging/install-deps.sh installs it). Where no
# package is found — the Windows, macOS and Qt 6.8 CI jobs, other systems — its pinned release is
# fetched and built as a static library from its sources (what simdjson's own CMake project
# builds; that project is kept out, as its install rules would put its headers into the
# installers).
find_package(simdjson 3.0 QUIET)
if(simdjson_FOUND)
    return()
endif()

message(STATUS "simdjson 3 was not found: building simdjson 3.13.0 from source")
include(FetchContent)
FetchContent_Declare(simdjson
    GIT_REPOSITORY https://github.com/simdjson/simdjson.git
    GIT_TAG v3.13.0 # 0c0ce1bd48baa0677dc7c0945ea7cd1e8b52b297
    GIT_SHALLOW TRUE
    # A subdirectory without a CMakeLists.txt: the sources are made available, not added.
    SOURCE_SUBDIR no-cmake-project)
FetchContent_MakeAvailable(simdjson)

add_library(hearth_simdjson STATIC ${simdjson_SOURCE_DIR}/src/simdjson.cpp)
target_include_directories(hearth_simdjson SYSTEM PUBLIC ${simdjson_SOURCE_DIR}/include)
target_include_directories(hearth_simdjson PRIVATE ${simdjson_SOURCE_DIR}/src)
target_compile_features(hearth_simdjson PUBLIC cxx_std_17)
set_target_properties(hearth_simdjson PROPERTIES POSITION_INDEPENDENT_CODE ON AUTOMOC OFF AUTOUIC OFF AUTORCC OFF)
add_library(simdjson::simdjson ALIAS hearth_simdjson)
