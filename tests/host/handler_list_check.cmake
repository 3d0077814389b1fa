# native-host/handler_list.cmake must stop the build when the schema's request types and the
# handler files disagree, either way, and pass when they agree. Runs it on copies of the real
# handler directory: as it is, with a handler file no schema type asks for, and with one missing.
#   cmake -DSOURCE_DIR=<checkout> -DWORK=<scratch dir> -P handler_list_check.cmake
cmake_minimum_required(VERSION 3.20)
set(script "${SOURCE_DIR}/native-host/handler_list.cmake")
set(schema "${SOURCE_DIR}/docs/protocol.schema.json")
include("${SOURCE_DIR}/native-host/schema_enum.cmake")
file(READ "${schema}" schema_text)
schema_enum(types "${schema_text}" request properties type enum)
list(GET types 0 first)

function(run_check handlers out_result out_output)
  execute_process(COMMAND ${CMAKE_COMMAND} -DSCHEMA=${schema} -DHANDLERS=${handlers}
                          -DOUT=${handlers}/handler_list.hpp -P "${script}"
                  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  set(${out_result} "${result}" PARENT_SCOPE)
  set(${out_output} "${output}" PARENT_SCOPE)
endfunction()

function(fresh_copy dir)
  file(REMOVE_RECURSE "${dir}")
  file(COPY "${SOURCE_DIR}/native-host/src/core/handlers/" DESTINATION "${dir}")
endfunction()

# As the checkout is: passes, and lists every schema type.
fresh_copy("${WORK}/agree")
run_check("${WORK}/agree" result output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the checkout's own handlers were refused:\n${output}")
endif()
file(READ "${WORK}/agree/handler_list.hpp" header)
foreach(type IN LISTS types)
  string(FIND "${header}" "X(${type})" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "handler_list.hpp lacks X(${type}):\n${header}")
  endif()
endforeach()

# A handler file for a type the schema does not have.
fresh_copy("${WORK}/extra")
file(WRITE "${WORK}/extra/gossip.cpp" "// not a message type\n")
run_check("${WORK}/extra" result output)
if(result EQUAL 0 OR NOT output MATCHES "handlers/gossip.cpp serves no request type")
  message(FATAL_ERROR "a handler without a schema type was accepted (${result}):\n${output}")
endif()

# A schema type without its handler file.
fresh_copy("${WORK}/missing")
file(REMOVE "${WORK}/missing/${first}.cpp")
run_check("${WORK}/missing" result output)
if(result EQUAL 0 OR NOT output MATCHES "request type \"${first}\" is in the schema but has no handlers/${first}.cpp")
  message(FATAL_ERROR "a schema type without a handler was accepted (${result}):\n${output}")
endif()
message(STATUS "handler_list.cmake: agrees on the checkout, refuses an extra and a missing handler")
