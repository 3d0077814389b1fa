// `config`: the user's region, read or set, and what the pages seen hint about it (§4.4).
#include "config.hpp"

#include "handler.hpp"
#include "report.hpp"
#include "ruleset_text.hpp"

namespace linkedout {

protocol::ConfigRequest protocol::parse_config(const nlohmann::json& message) {
  ConfigRequest request;
  if (auto region = message.find("region"); region != message.end()) {
    request.set_region = true;
    if (!region->is_null()) {
      request.region = string_field(*region, "region", kMaxRegion, "a region code or null");
      if (!is_region_code(*request.region)) bad_field("region", "region must be a region code (2-8 capital letters) or null");
    }
  }
  if (auto days = message.find("reminder_days"); days != message.end()) {
    request.set_reminder = true;
    if (!days->is_null()) {
      const bool in_range = days->is_number_integer() && days->get<long long>() >= kMinReminderDays &&
                            days->get<long long>() <= kMaxReminderDays;
      if (!in_range) {
        bad_field("reminder_days", "reminder_days must be null (reminder off) or a whole number of days from " +
                                       std::to_string(kMinReminderDays) + " to " + std::to_string(kMaxReminderDays));
      }
      request.reminder_days = static_cast<int>(days->get<long long>());
    }
  }
  return request;
}

StoreData apply_config(const protocol::ConfigRequest& parsed, HostContext& context) {
  if (parsed.set_region && parsed.region && !context.rules.regions.count(*parsed.region)) {
    std::string codes;
    for (const auto& [code, names] : context.rules.regions) codes += (codes.empty() ? "" : ", ") + code;
    protocol::bad_field("region", "region must be null or one of " + codes);
  }
  if (!parsed.set_region && !parsed.set_reminder) return context.store.load();
  return context.store.update([&](StoreData& d) {
    bool changed = false;
    if (parsed.set_region && d.region != parsed.region) {
      d.region = parsed.region;
      changed = true;
    }
    if (parsed.set_reminder && d.reminder_days != parsed.reminder_days) {
      d.reminder_days = parsed.reminder_days;
      changed = true;
    }
    return changed;
  });
}

nlohmann::json config_reply(const StoreData& data, HostContext& context, const protocol::Envelope& request) {
  nlohmann::json regions = nlohmann::json::object();
  // Region names in the user's language (ui_lang), falling back to English.
  const std::string ui_lang = request.ui_lang.value_or("");
  for (const auto& [code, names] : context.rules.regions) regions[code] = text_in(names, ui_lang);
  // With no region set, what the toggles LinkedIn showed rule out (the popup offers it).
  nlohmann::json hint = nullptr;
  if (const auto inferred = report::infer_region(context.rules, data)) {
    hint = {{"evidence", inferred->evidence}, {"ruled_out", inferred->ruled_out}};
  }
  return {{"type", "config"},
          {"region", data.region ? nlohmann::json(*data.region) : nlohmann::json(nullptr)},
          {"regions", std::move(regions)},
          {"region_hint", std::move(hint)},
          {"reminder_days", data.reminder_days ? nlohmann::json(*data.reminder_days) : nlohmann::json(nullptr)}};
}

nlohmann::json handlers::config(const protocol::Envelope& request, HostContext& context) {
  const StoreData data = apply_config(protocol::parse_config(request.message), context);
  return config_reply(data, context, request);
}

}  // namespace linkedout
