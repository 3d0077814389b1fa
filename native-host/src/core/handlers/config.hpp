// The `config` request (§4.4), parsed; the handler is handlers::config.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "protocol.hpp"

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

namespace linkedout {

struct HostContext;
struct StoreData;

// Applies what `request` sets (checking the region against the ruleset: bad_field "region") and
// returns the store as it is then. Shared with `status`, which may carry the same fields.
StoreData apply_config(const protocol::ConfigRequest& request, HostContext& context);

// The config reply for `data`: region names in the request's UI language, the region hint.
nlohmann::json config_reply(const StoreData& data, HostContext& context, const protocol::Envelope& request);

}  // namespace linkedout
