// The `config` request (§4.4), parsed; the handler is handlers::config.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace linkedout::protocol {

struct ConfigRequest {
  bool set_region = false;            // `region` present
  std::optional<std::string> region;  // null clears; checked against the ruleset by the handler
  bool set_reminder = false;          // `reminder_days` present
  std::optional<int> reminder_days;   // null: reminder off; else kMinReminderDays..kMaxReminderDays
};
// Throws ProtocolError bad_field "region" for anything but null or a region code, and
// "reminder_days" for anything but null or a whole number of days in range.
ConfigRequest parse_config(const nlohmann::json& message);

}  // namespace linkedout::protocol
