// `config`: the user's region, read or set (§4.4).
#include "handler.hpp"
#include "report.hpp"

namespace linkedout::handlers {

nlohmann::json config(const protocol::Envelope& request, HostContext& context) {
  const auto parsed = protocol::parse_config(request.message);
  StoreData data;
  if (parsed.set_region && parsed.region && !context.rules.regions.count(*parsed.region)) {
    std::string codes;
    for (const auto& [code, description] : context.rules.regions) codes += (codes.empty() ? "" : ", ") + code;
    throw protocol::ProtocolError(protocol::ErrorCode::bad_field, "region must be null or one of " + codes, "region");
  }
  if (parsed.set_region || parsed.set_reminder) {
    data = context.store.update([&](StoreData& d) {
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
  } else {
    data = context.store.load();
  }
  nlohmann::json regions = nlohmann::json::object();
  for (const auto& [code, description] : context.rules.regions) regions[code] = description;
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

}  // namespace linkedout::handlers
