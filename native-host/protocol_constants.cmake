# Turns docs/protocol.schema.json (the one contract) into protocol_constants.hpp: the protocol
# version, every length limit and every enum the host checks. The host never writes these by hand,
# so they cannot drift from the schema the extension is tested against.
#   cmake -DIN=protocol.schema.json -DOUT=protocol_constants.hpp -P protocol_constants.cmake
file(READ "${IN}" schema)

function(schema_value out)
  string(JSON value ERROR_VARIABLE error GET "${schema}" "$defs" ${ARGN})
  if(error)
    message(FATAL_ERROR "protocol schema: no $defs/${ARGN}: ${error}")
  endif()
  set(${out} "${value}" PARENT_SCOPE)
endfunction()

set(body "")
macro(emit_size name)
  schema_value(value ${ARGN})
  string(APPEND body "inline constexpr std::size_t ${name} = ${value};\n")
endmacro()

# A string_view array of the enum's values, in schema order.
include("${CMAKE_CURRENT_LIST_DIR}/schema_enum.cmake")
include("${CMAKE_CURRENT_LIST_DIR}/write_if_changed.cmake")
macro(emit_enum name def)
  schema_enum(values "${schema}" ${def} enum)
  list(LENGTH values count)
  set(items "")
  foreach(item IN LISTS values)
    string(APPEND items "\"${item}\", ")
  endforeach()
  string(APPEND body "inline constexpr std::array<std::string_view, ${count}> ${name} = {${items}};\n")
endmacro()

schema_value(version protocol_version const)
string(APPEND body "inline constexpr int kProtocolVersion = ${version};\n")
emit_size(kMaxMessageBytes max_message_bytes const)
string(APPEND body "\n// Length limits, in Unicode code points.\n")
emit_size(kMaxControls controls maxItems)
emit_size(kMaxKey key maxLength)
emit_size(kMaxLabel label maxLength)
emit_size(kMaxUrl url maxLength)
emit_size(kMaxLang lang maxLength)
emit_size(kMaxIdLength id maxLength)
emit_size(kMaxStep step maxLength)
emit_size(kMaxRegion region maxLength)
emit_size(kMaxVersion version maxLength)
string(APPEND body "\n// Enums, in schema order.\n")
emit_enum(kWalkthroughActions walkthrough_action)
emit_enum(kRecheckActions recheck_action)
emit_enum(kReportFormats report_format)
emit_enum(kErrorCodes error_code)
emit_enum(kMatchedBy matched_by)

set(header "// Generated from docs/protocol.schema.json by native-host/protocol_constants.cmake. Do not edit.
#pragma once

#include <array>
#include <cstddef>
#include <string_view>

namespace linkedout::protocol {

${body}
}  // namespace linkedout::protocol
")
# Rewritten only on change, so a schema edit that changes nothing here rebuilds nothing.
write_if_changed("${OUT}" "${header}")
