// What `config` and `status` share: applying the request's region and reminder, and the config
// reply (handlers/config.cpp).
#pragma once

#include <optional>
#include <string>

#include "handler.hpp"

namespace linkedout {

using RegionField = decltype(protocol::ConfigRequest::region);
using ReminderField = decltype(protocol::ConfigRequest::reminder_days);

// Applies what is present (the region checked against the ruleset: bad_field "region") and
// returns the store as it is then.
StoreData apply_config(const RegionField& region, const ReminderField& reminder_days, HostContext& context);

// The config reply for `data` (without id): region names in the UI language, the region hint.
protocol::ConfigReply config_reply(const StoreData& data, HostContext& context, const std::optional<std::string>& ui_lang);

}  // namespace linkedout
