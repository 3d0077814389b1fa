# Cross-compiles LinkedOut for 64-bit Windows. Used by the `windows` preset.
#
# The compiler is clang (--target=x86_64-w64-mingw32) linking with lld, on Debian's MinGW-w64 GCC
# toolchain (g++-mingw-w64-x86-64-posix): its headers, libstdc++, libgcc and winpthreads (POSIX
# threads, so std::thread and std::mutex work). Same runtime as MinGW's own g++, but GNU ld took
# 73 s CPU to link the test program alone, lld a few; Debian's g++ cannot use lld (it ignores
# -fuse-ld=lld). LINKEDOUT_MINGW_COMPILER=gcc builds with MinGW's g++ and GNU ld instead.
# The header-only libraries come from a folder of links made by cmake/windows_deps.cmake, never
# from /usr/include: glibc's headers there break a MinGW build.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(LINKEDOUT_MINGW_TRIPLE x86_64-w64-mingw32)
set(LINKEDOUT_MINGW_ROOT /usr/${LINKEDOUT_MINGW_TRIPLE})
set(LINKEDOUT_MINGW_COMPILER clang CACHE STRING "clang (with lld) or gcc (MinGW's g++ with GNU ld)")
# Handed to try_compile's own projects, which read this file again.
list(APPEND CMAKE_TRY_COMPILE_PLATFORM_VARIABLES LINKEDOUT_MINGW_COMPILER)

if(LINKEDOUT_MINGW_COMPILER STREQUAL "gcc")
  find_program(LINKEDOUT_MINGW_CXX NAMES ${LINKEDOUT_MINGW_TRIPLE}-g++-posix REQUIRED)
  find_program(LINKEDOUT_MINGW_CC NAMES ${LINKEDOUT_MINGW_TRIPLE}-gcc-posix REQUIRED)
  set(CMAKE_CXX_COMPILER "${LINKEDOUT_MINGW_CXX}")
  set(CMAKE_C_COMPILER "${LINKEDOUT_MINGW_CC}")
  # PE/COFF objects hold at most 32,767 sections unless assembled as big objects: nlohmann/json's
  # templates in one unity batch, or a test file at -O0, go past that. (clang's assembler switches
  # to big objects by itself.)
  set(CMAKE_CXX_FLAGS_INIT "-Wa,-mbig-obj")
else()
  find_program(LINKEDOUT_MINGW_CXX NAMES clang++ REQUIRED)
  find_program(LINKEDOUT_MINGW_CC NAMES clang REQUIRED)
  find_program(LINKEDOUT_LLD NAMES ld.lld REQUIRED)
  # The POSIX-threads flavour of MinGW's GCC: its libstdc++ headers and libraries.
  file(GLOB LINKEDOUT_MINGW_GCC_DIRS LIST_DIRECTORIES true "/usr/lib/gcc/${LINKEDOUT_MINGW_TRIPLE}/*-posix")
  list(SORT LINKEDOUT_MINGW_GCC_DIRS COMPARE NATURAL ORDER DESCENDING)
  list(GET LINKEDOUT_MINGW_GCC_DIRS 0 LINKEDOUT_MINGW_GCC)
  if(NOT EXISTS "${LINKEDOUT_MINGW_GCC}/include/c++")
    message(FATAL_ERROR "windows build: no MinGW-w64 GCC (posix) under /usr/lib/gcc/${LINKEDOUT_MINGW_TRIPLE} "
                        "(scripts/setup installs g++-mingw-w64-x86-64-posix)")
  endif()
  set(CMAKE_CXX_COMPILER "${LINKEDOUT_MINGW_CXX}")
  set(CMAKE_C_COMPILER "${LINKEDOUT_MINGW_CC}")
  set(CMAKE_CXX_COMPILER_TARGET ${LINKEDOUT_MINGW_TRIPLE})
  set(CMAKE_C_COMPILER_TARGET ${LINKEDOUT_MINGW_TRIPLE})
  # The sysroot keeps /usr/include (glibc) off the search path; libstdc++ comes from MinGW's GCC,
  # which clang does not find by itself.
  set(CMAKE_SYSROOT "${LINKEDOUT_MINGW_ROOT}")
  set(libstdcxx "${LINKEDOUT_MINGW_GCC}/include/c++")
  set(CMAKE_CXX_STANDARD_INCLUDE_DIRECTORIES "${libstdcxx}" "${libstdcxx}/${LINKEDOUT_MINGW_TRIPLE}" "${libstdcxx}/backward")
  # The ABI choices MinGW's GCC compiled its libstdc++ with, which clang's MinGW target does not
  # make by itself: emulated thread-local variables (std::call_once's state), and type_info's ==
  # out of line in libstdc++ (inline, a test program at -O0 defined it twice).
  set(CMAKE_CXX_FLAGS_INIT "-femulated-tls -D__GXX_TYPEINFO_EQUALITY_INLINE=0 -D__GXX_MERGED_TYPEINFO_NAMES=0")
  set(CMAKE_C_FLAGS_INIT "-femulated-tls")
  # -pthread: winpthreads, which MinGW's libstdc++ (std::thread, std::mutex) calls; its g++ links it
  # by itself.
  foreach(kind IN ITEMS EXE SHARED MODULE)
    set(CMAKE_${kind}_LINKER_FLAGS_INIT "-fuse-ld=lld -pthread -L${LINKEDOUT_MINGW_GCC}")
  endforeach()
endif()
set(CMAKE_RC_COMPILER ${LINKEDOUT_MINGW_TRIPLE}-windres)

set(CMAKE_FIND_ROOT_PATH "${LINKEDOUT_MINGW_ROOT}")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# Tests and generated steps that run a Windows program run it under Wine (tests/windows/wine-run
# gives it a throw-away prefix when WINEPREFIX is unset).
get_filename_component(LINKEDOUT_TOOLCHAIN_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(CMAKE_CROSSCOMPILING_EMULATOR "${LINKEDOUT_TOOLCHAIN_SOURCE_DIR}/tests/windows/wine-run")
