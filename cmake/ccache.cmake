# ccache when present: the release, package and sanitizer trees then compile each unchanged
# source once per checkout. CCACHE_BASEDIR (the checkout, unless the caller set one) makes paths
# relative so those trees hit the same entries; the sloppiness lets ccache cache compilations that
# use the precompiled headers (without it every one of them would miss). A launcher the caller
# chose is kept; a plain `ccache` one gets the same settings.
get_filename_component(LINKEDOUT_CCACHE_BASEDIR "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
if(CMAKE_CXX_COMPILER_LAUNCHER)
  if(CMAKE_CXX_COMPILER_LAUNCHER MATCHES "^(.*/)?ccache$")
    set(LINKEDOUT_CCACHE "${CMAKE_CXX_COMPILER_LAUNCHER}")
  endif()
else()
  find_program(LINKEDOUT_CCACHE ccache)
endif()
if(LINKEDOUT_CCACHE)
  set(ccache_env CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime)
  if(NOT DEFINED ENV{CCACHE_BASEDIR})
    list(APPEND ccache_env "CCACHE_BASEDIR=${LINKEDOUT_CCACHE_BASEDIR}")
  endif()
  set(CMAKE_CXX_COMPILER_LAUNCHER "${CMAKE_COMMAND};-E;env;${ccache_env};${LINKEDOUT_CCACHE}")
  set(CMAKE_C_COMPILER_LAUNCHER "${CMAKE_CXX_COMPILER_LAUNCHER}")
endif()
