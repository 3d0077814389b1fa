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

namespace linkedout::protocol {

inline constexpr int kProtocolVersion = 1;

// Field limits (§4.2); lengths count Unicode code points.
inline constexpr std::size_t kMaxControls = 500;
inline constexpr std::size_t kMaxKey = 256;
inline constexpr std::size_t kMaxLabel = 1024;
inline constexpr std::size_t kMaxUrl = 2048;
inline constexpr std::size_t kMaxLang = 64;
inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::size_t kMaxShortString = 256;  // extension_version, step, action, region

inline constexpr std::string_view kSettingsUrlPrefix = "https://www.linkedin.com/mypreferences/";

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

// A request whose envelope is valid: an object with a string `type` and a readable `id`.
struct Envelope {
  nlohmann::json id;  // null, string (≤ 64 chars) or integer
  std::string type;
  nlohmann::json message;  // the whole object, for the handler's typed parse
};

// bad_utf8 → bad_json → not_object → missing_type → bad_field(id). Throws ProtocolError
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

enum class WalkthroughAction { start, status, reset, mark_done };
struct WalkthroughRequest {
  WalkthroughAction action = WalkthroughAction::status;
  std::string step;  // mark_done only
};
WalkthroughRequest parse_walkthrough(const nlohmann::json& message);

struct ConfigRequest {
  bool set_region = false;            // `region` present
  std::optional<std::string> region;  // null clears; checked against the ruleset by the handler
};
ConfigRequest parse_config(const nlohmann::json& message);

// Field accessors for handlers (also for handlers added later, e.g. report).
// Missing → nullopt; present with the wrong type or over `max_chars` → bad_field.
std::optional<std::string> optional_string(const nlohmann::json& message, const char* field,
                                           std::size_t max_chars = kMaxShortString);
std::string required_string(const nlohmann::json& message, const char* field,
                            std::size_t max_chars = kMaxShortString);

}  // namespace linkedout::protocol
