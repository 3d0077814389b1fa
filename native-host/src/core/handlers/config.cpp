// `config`: the user's region and re-check reminder, read or set, and what the pages seen hint
// about the region (§4.4).
#include "handler.hpp"
#include "report.hpp"
#include "ruleset_text.hpp"

namespace linkedout {

protocol::ConfigReply handlers::config(protocol::ConfigRequest request, HostContext& context) {
  // The reader checked the region's form (a code or null); whether the ruleset knows it is ours.
  if (request.region && *request.region && !context.rules.regions.count(**request.region)) {
    std::string codes;
    for (const auto& [code, names] : context.rules.regions) codes += (codes.empty() ? "" : ", ") + code;
    protocol::bad_field("region", "region must be null or one of " + codes);
  }
  StoreData data;
  if (request.region || request.reminder_days) {
    data = context.store.update([&](StoreData& d) {
      bool changed = false;
      if (request.region && d.region != *request.region) {
        d.region = *request.region;
        changed = true;
      }
      if (request.reminder_days) {
        // The reader keeps it within the schema's 1-365 days (or null: the reminder off).
        const std::optional<int> days = *request.reminder_days ? std::optional<int>(static_cast<int>(**request.reminder_days))
                                                               : std::nullopt;
        if (d.reminder_days != days) {
          d.reminder_days = days;
          changed = true;
        }
      }
      return changed;
    });
  } else {
    data = context.store.load();
  }
  protocol::ConfigReply reply;
  reply.region = data.region;
  // Region names in the user's language (ui_lang), falling back to English.
  const std::string ui_lang = request.ui_lang.value_or("");
  for (const auto& [code, names] : context.rules.regions) reply.regions[code] = text_in(names, ui_lang);
  // With no region set, what the toggles LinkedIn showed rule out (the popup offers it).
  if (const auto inferred = report::infer_region(context.rules, data)) {
    reply.region_hint = protocol::RegionHint{inferred->evidence, inferred->ruled_out};
  }
  reply.reminder_days.emplace(data.reminder_days);
  return reply;
}

}  // namespace linkedout
