// `config`: the user's region and re-check reminder, read or set, and what the pages seen hint
// about the region (§4.4). `status` applies and answers the same (config.hpp).
#include "config.hpp"

#include "report.hpp"
#include "ruleset_text.hpp"

namespace linkedout {

StoreData apply_config(const RegionField& region, const ReminderField& reminder_days, HostContext& context) {
  // The reader checked the region's form (a code or null); whether the ruleset knows it is ours.
  if (region && *region && !context.rules.regions.count(**region)) {
    std::string codes;
    for (const auto& [code, names] : context.rules.regions) codes += (codes.empty() ? "" : ", ") + code;
    protocol::bad_field("region", "region must be null or one of " + codes);
  }
  if (!region && !reminder_days) return context.store.load();
  return context.store.update([&](StoreData& d) {
    bool changed = false;
    if (region && d.region != *region) {
      d.region = *region;
      changed = true;
    }
    if (reminder_days) {
      // The reader keeps it within the schema's 1-365 days (or null: the reminder off).
      const std::optional<int> days =
          *reminder_days ? std::optional<int>(static_cast<int>(**reminder_days)) : std::nullopt;
      if (d.reminder_days != days) {
        d.reminder_days = days;
        changed = true;
      }
    }
    return changed;
  });
}

protocol::ConfigReply config_reply(const StoreData& data, HostContext& context, const std::optional<std::string>& ui_lang) {
  protocol::ConfigReply reply;
  reply.region = data.region;
  // Region names in the user's language (ui_lang), falling back to English.
  for (const auto& [code, names] : context.rules.regions) reply.regions[code] = text_in(names, ui_lang.value_or(""));
  // With no region set, what the toggles LinkedIn showed rule out (the popup offers it).
  if (const auto inferred = report::infer_region(context.rules, data)) {
    reply.region_hint = protocol::RegionHint{inferred->evidence, inferred->ruled_out};
  }
  reply.reminder_days.emplace(data.reminder_days);
  return reply;
}

protocol::ConfigReply handlers::config(protocol::ConfigRequest request, HostContext& context) {
  return config_reply(apply_config(request.region, request.reminder_days, context), context, request.ui_lang);
}

}  // namespace linkedout
