# Cross-compiles LinkedOut for 64-bit Windows with Debian's MinGW-w64 (g++-mingw-w64-x86-64-posix:
# GCC with POSIX threads, so std::thread and std::mutex work). Used by the `windows` preset.
# The header-only libraries come from a folder of links made by cmake/windows_deps.cmake, never
# from /usr/include: glibc's headers there break a MinGW build.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(LINKEDOUT_MINGW_TRIPLE x86_64-w64-mingw32)

find_program(LINKEDOUT_MINGW_CXX NAMES ${LINKEDOUT_MINGW_TRIPLE}-g++-posix REQUIRED)
find_program(LINKEDOUT_MINGW_CC NAMES ${LINKEDOUT_MINGW_TRIPLE}-gcc-posix REQUIRED)
set(CMAKE_CXX_COMPILER "${LINKEDOUT_MINGW_CXX}")
set(CMAKE_C_COMPILER "${LINKEDOUT_MINGW_CC}")
set(CMAKE_RC_COMPILER ${LINKEDOUT_MINGW_TRIPLE}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${LINKEDOUT_MINGW_TRIPLE})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tests and generated steps that run a Windows program run it under Wine (tests/windows/wine-run
# gives it a throw-away prefix when WINEPREFIX is unset).
get_filename_component(LINKEDOUT_TOOLCHAIN_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(CMAKE_CROSSCOMPILING_EMULATOR "${LINKEDOUT_TOOLCHAIN_SOURCE_DIR}/tests/windows/wine-run")

# PE/COFF objects hold at most 32,767 sections unless assembled as big objects: nlohmann/json's
# templates in one unity batch, or a test file at -O0, go past that.
set(CMAKE_CXX_FLAGS_INIT "-Wa,-mbig-obj")
