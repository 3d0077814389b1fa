// `status` (§4.8): everything the popup shows when it opens, in one reply — the walkthrough plan
// (with the re-check's state) and the config, read from one store load. It may carry config's
// fields (an organisation's fixed region and reminder), applied first.
#include "config.hpp"
#include "handler.hpp"
#include "walkthrough.hpp"

namespace linkedout {

nlohmann::json handlers::status(const protocol::Envelope& request, HostContext& context) {
  const StoreData data = apply_config(protocol::parse_config(request.message), context);
  nlohmann::json plan = walkthrough_plan_reply(data, context, request);
  nlohmann::json config = config_reply(data, context, request);
  // Each is that message's whole reply: the same id as the request's.
  plan["id"] = request.id;
  config["id"] = request.id;
  return {{"type", "status"}, {"plan", std::move(plan)}, {"config", std::move(config)}};
}

}  // namespace linkedout
