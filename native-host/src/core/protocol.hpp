// The wire format of docs/protocol.md shared by every message: the typed errors. The messages'
// types, their reader and their writers are generated from docs/protocol.schema.json
// (protocol_messages.hpp); each message type is handled in its handler file (handlers/<type>.cpp).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "protocol_constants.hpp"  // generated from docs/protocol.schema.json: version, limits, enums
#include "protocol_messages.hpp"   // generated too: the message types, read_request, write

namespace linkedout::protocol {

inline constexpr std::string_view kSettingsUrlPrefix = "https://www.linkedin.com/mypreferences/";

// In the schema's order (kErrorCodes); docs/protocol.md §2 gives the order the checks run.
enum class ErrorCode {
  bad_json,
  bad_utf8,
  not_object,
  too_large,
  missing_type,
  unknown_type,
  bad_field,
  not_linkedin,
  not_allowed,
  store_error,
  store_busy,
  internal,
};

std::string_view to_string(ErrorCode code);

// Any refusal the protocol defines. `id` is filled by the dispatcher when the request had a
// readable one; `field` names the offending field for bad_field.
struct ProtocolError : std::runtime_error {
  ProtocolError(ErrorCode code, std::string message, std::string field = {})
      : std::runtime_error(message), code(code), field(std::move(field)) {}
  ErrorCode code;
  std::string field;
  nlohmann::json id;  // null unless readable
};

// A BCP 47 tag as the schema's `lang` pattern allows: letter subtag, then alphanumeric ones
// (each 1-8), joined by hyphens; empty is allowed (unknown).
bool is_language_tag(std::string_view tag);
// A ruleset region code as the schema's `region` pattern allows: 2-8 capital letters.
bool is_region_code(std::string_view code);

// The handler's own refusal of a field the schema allows (a step the ruleset does not know):
// throws ProtocolError bad_field naming it.
[[noreturn]] void bad_field(const std::string& field, const std::string& message);

}  // namespace linkedout::protocol
