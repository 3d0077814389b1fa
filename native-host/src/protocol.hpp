// The wire format of docs/protocol.md: frame body → typed request, or a typed error.
// Replies are built in protocol_replies.hpp.
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

// Typed requests, one per message type. Each throws ProtocolError (bad_field, not_linkedin).
struct HelloRequest {
  std::optional<std::string> extension_version;
};
HelloRequest parse_hello(const nlohmann::json& message);

// Validates url, lang and controls (§4.2). `path` is the URL path without query, fragment or
// trailing slash.
PageState parse_page_state(const nlohmann::json& message);

enum class WalkthroughAction { start, status, reset, mark_done, recheck_start, recheck_end };
struct WalkthroughRequest {
  WalkthroughAction action = WalkthroughAction::status;
  std::string step;  // mark_done only
};
WalkthroughRequest parse_walkthrough(const nlohmann::json& message);

struct ConfigRequest {
  bool set_region = false;            // `region` present
  std::optional<std::string> region;  // null clears; checked against the ruleset by the handler
  bool set_reminder = false;          // `reminder_days` present
  std::optional<int> reminder_days;   // null: reminder off; else kMinReminderDays..kMaxReminderDays
};
ConfigRequest parse_config(const nlohmann::json& message);

// A BCP 47 tag as the schema's `lang` pattern allows: letter subtag, then alphanumeric ones
// (each 1-8), joined by hyphens; empty is allowed (unknown).
bool is_language_tag(std::string_view tag);
// A ruleset region code as the schema's `region` pattern allows: 2-8 capital letters.
bool is_region_code(std::string_view code);

// Field accessors for handlers (also for handlers added later, e.g. report).
// Missing → nullopt; present with the wrong type or over `max_chars` → bad_field.
std::optional<std::string> optional_string(const nlohmann::json& message, const char* field,
                                           std::size_t max_chars = kMaxShortString);
std::string required_string(const nlohmann::json& message, const char* field,
                            std::size_t max_chars = kMaxShortString);

}  // namespace linkedout::protocol
