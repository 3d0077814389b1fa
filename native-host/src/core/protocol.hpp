// The wire format of docs/protocol.md shared by every message: the envelope, the typed errors and
// the field accessors handlers parse their requests with. Each message type's own fields are
// parsed, handled and answered in its handler file (handlers/<type>.cpp).
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "decide.hpp"
#include "protocol_constants.hpp"  // generated from docs/protocol.schema.json: version, limits, enums

namespace linkedout::protocol {

// Default cap for fields whose value is one of an enum (action, format): the enum decides.
inline constexpr std::size_t kMaxShortString = 256;

inline constexpr std::string_view kSettingsUrlPrefix = "https://www.linkedin.com/mypreferences/";

// In the schema's order (kErrorCodes), which is the order the checks run.
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

// A request whose envelope is valid: an object with a string `type`, a readable `id` and, when
// present, a well-formed `ui_lang`.
struct Envelope {
  nlohmann::json id;  // null, string (≤ 64 chars) or integer
  std::string type;
  std::optional<std::string> ui_lang;  // the browser's UI language (BCP 47), for human text
  nlohmann::json message;  // the whole object, for the handler's typed parse
};

// bad_utf8 → bad_json → not_object → missing_type → bad_field(id) → bad_field(ui_lang). Throws ProtocolError
// (with `id` set when readable). Does not know which types exist: that is the dispatcher's job.
Envelope parse_envelope(std::string_view body);

// A BCP 47 tag as the schema's `lang` pattern allows: letter subtag, then alphanumeric ones
// (each 1-8), joined by hyphens; empty is allowed (unknown).
bool is_language_tag(std::string_view tag);
// A ruleset region code as the schema's `region` pattern allows: 2-8 capital letters.
bool is_region_code(std::string_view code);

// Field accessors for handlers. Each throws ProtocolError bad_field naming the field.
[[noreturn]] void bad_field(const std::string& field, const std::string& message);
// The field's value; missing → bad_field "<field> is required".
const nlohmann::json& required(const nlohmann::json& message, const char* field);
// `value` as a string of at most `max_chars` code points; else bad_field "<field> must be <what>".
std::string string_field(const nlohmann::json& value, const std::string& field, std::size_t max_chars,
                         const char* what);
// Missing → nullopt; present with the wrong type or over `max_chars` → bad_field.
std::optional<std::string> optional_string(const nlohmann::json& message, const char* field,
                                           std::size_t max_chars = kMaxShortString);
std::string required_string(const nlohmann::json& message, const char* field,
                            std::size_t max_chars = kMaxShortString);

}  // namespace linkedout::protocol
