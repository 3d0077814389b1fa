# ruleset-codegen for the build machine, in a cross build: compiled by the build machine's own C++
# compiler (LINKEDOUT_BUILD_CXX, default c++) from the same sources the host's parser uses, so the
# ruleset is validated and compiled to C++ exactly as in a native build. Sets
# LINKEDOUT_RULESET_CODEGEN to the program's path.
set(LINKEDOUT_BUILD_CXX "c++" CACHE STRING "The build machine's C++ compiler, for tools run during a cross build")
set(codegen_dir "${CMAKE_CURRENT_SOURCE_DIR}")
set(LINKEDOUT_RULESET_CODEGEN "${CMAKE_CURRENT_BINARY_DIR}/build-tools/ruleset-codegen")
set(codegen_sources
  "${codegen_dir}/tools/ruleset_codegen.cpp" "${codegen_dir}/src/core/ruleset.cpp"
  "${codegen_dir}/src/core/json_util.cpp" "${codegen_dir}/src/core/decide_text.cpp")
file(GLOB codegen_headers "${codegen_dir}/src/core/*.hpp")
# The four files as one translation unit, as the native trees batch the parser's three: nlohmann/json
# is parsed and instantiated once, not four times (15.6 s CPU → 8.9 s; docs/performance.md, round 7).
set(codegen_unity "${CMAKE_CURRENT_BINARY_DIR}/build-tools/ruleset_codegen_unity.cpp")
set(codegen_includes "")
foreach(source IN LISTS codegen_sources)
  string(APPEND codegen_includes "#include \"${source}\"\n")
endforeach()
file(CONFIGURE OUTPUT "${codegen_unity}" CONTENT "${codegen_includes}" @ONLY)
add_custom_command(
  OUTPUT "${LINKEDOUT_RULESET_CODEGEN}"
  COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_CURRENT_BINARY_DIR}/build-tools"
  COMMAND ${LINKEDOUT_BUILD_CXX} -std=c++20 -O1 -I "${codegen_dir}/src/core" "${codegen_unity}"
          -o "${LINKEDOUT_RULESET_CODEGEN}"
  DEPENDS ${codegen_sources} ${codegen_headers}
  COMMENT "Building ruleset-codegen for the build machine")
