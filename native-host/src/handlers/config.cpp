// `config`: the user's region, read or set (§4.4).
#include "handler.hpp"

namespace linkedout::handlers {

nlohmann::json config(const protocol::Envelope& request, HostContext& context) {
  const auto parsed = protocol::parse_config(request.message);
  StoreData data;
  if (parsed.set_region) {
    if (parsed.region && !context.rules.regions.count(*parsed.region)) {
      std::string codes;
      for (const auto& [code, description] : context.rules.regions) codes += (codes.empty() ? "" : ", ") + code;
      throw protocol::ProtocolError(protocol::ErrorCode::bad_field,
                                    "region must be null or one of " + codes, "region");
    }
    data = context.store.update([&](StoreData& d) {
      if (d.region == parsed.region) return false;
      d.region = parsed.region;
      return true;
    });
  } else {
    data = context.store.load();
  }
  nlohmann::json regions = nlohmann::json::object();
  for (const auto& [code, description] : context.rules.regions) regions[code] = description;
  return {{"type", "config"},
          {"region", data.region ? nlohmann::json(*data.region) : nlohmann::json(nullptr)},
          {"regions", std::move(regions)}};
}

}  // namespace linkedout::handlers
