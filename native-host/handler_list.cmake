# Writes handler_list.hpp, the dispatcher's list of message types, and checks it against the one
# contract: every request type in docs/protocol.schema.json has exactly one handlers/<type>.cpp,
# and every handlers/*.cpp serves a request type of the schema. Either mismatch stops the build
# here, naming the type, so a new message type is one schema entry and one handler file.
#   cmake -DSCHEMA=protocol.schema.json -DHANDLERS=src/core/handlers -DOUT=handler_list.hpp -P handler_list.cmake
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/schema_enum.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/write_if_changed.cmake")
file(READ "${SCHEMA}" schema)
schema_enum(schema_types "${schema}" request properties type enum)

file(GLOB sources RELATIVE "${HANDLERS}" "${HANDLERS}/*.cpp")
set(handler_types "")
foreach(source IN LISTS sources)
  string(REGEX REPLACE "\\.cpp$" "" type "${source}")
  list(APPEND handler_types "${type}")
endforeach()

set(problems "")
foreach(type IN LISTS schema_types)
  if(NOT type IN_LIST handler_types)
    string(APPEND problems "\n  request type \"${type}\" is in the schema but has no handlers/${type}.cpp")
  endif()
endforeach()
foreach(type IN LISTS handler_types)
  if(NOT type IN_LIST schema_types)
    string(APPEND problems "\n  handlers/${type}.cpp serves no request type of the schema ($defs/request/properties/type/enum)")
  endif()
endforeach()
if(problems)
  message(FATAL_ERROR "message types: the schema and native-host/src/core/handlers disagree:${problems}")
endif()

# In schema order.
set(list "")
foreach(type IN LISTS schema_types)
  string(APPEND list " X(${type})")
endforeach()
set(header "// Generated from the request types of docs/protocol.schema.json, each served by
// native-host/src/core/handlers/<type>.cpp (checked by native-host/handler_list.cmake). Do not edit.
#pragma once
#define LINKEDOUT_HANDLERS(X)${list}
")
# Rewritten only on change, so a schema edit that changes nothing here rebuilds nothing.
write_if_changed("${OUT}" "${header}")
