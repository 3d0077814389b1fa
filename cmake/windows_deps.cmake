# The header-only libraries for a MinGW-w64 cross build, under the same target names find_package
# gives a Linux build. MinGW must not see /usr/include (glibc's headers there break it), so the
# build tree gets a folder holding only links to each library's own header folder.
set(LINKEDOUT_MINGW_INCLUDE "${CMAKE_BINARY_DIR}/mingw-include")
file(MAKE_DIRECTORY "${LINKEDOUT_MINGW_INCLUDE}")
set(LINKEDOUT_HEADER_ROOT "/usr/include" CACHE PATH "Where the Linux packages put the header-only libraries")
foreach(library IN ITEMS boost nlohmann spdlog fmt CLI doctest)
  if(NOT EXISTS "${LINKEDOUT_HEADER_ROOT}/${library}")
    message(FATAL_ERROR "windows build: ${LINKEDOUT_HEADER_ROOT}/${library} is missing (scripts/setup installs it)")
  endif()
  file(CREATE_LINK "${LINKEDOUT_HEADER_ROOT}/${library}" "${LINKEDOUT_MINGW_INCLUDE}/${library}" SYMBOLIC)
endforeach()

function(linkedout_header_target name)
  add_library(${name} INTERFACE IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${LINKEDOUT_MINGW_INCLUDE}"
                                           INTERFACE_COMPILE_DEFINITIONS "${ARGN}")
endfunction()
linkedout_header_target(nlohmann_json::nlohmann_json)
linkedout_header_target(Boost::headers)
linkedout_header_target(fmt::fmt-header-only FMT_HEADER_ONLY)
# SPDLOG_WCHAR_FILENAMES: the log file is opened by its UTF-16 name (a user named Zoë), not
# through the ANSI code page.
linkedout_header_target(spdlog::spdlog_header_only SPDLOG_HEADER_ONLY FMT_HEADER_ONLY SPDLOG_WCHAR_FILENAMES)
linkedout_header_target(CLI11::CLI11)
linkedout_header_target(doctest::doctest)
