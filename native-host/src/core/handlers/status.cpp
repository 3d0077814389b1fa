// `status` (§4.8): everything the popup shows when it opens, in one reply — the walkthrough plan
// (with the re-check's state) and the config, read from one store load. It may carry config's
// fields (an organisation's fixed region and reminder), applied first.
#include "config.hpp"
#include "handler.hpp"
#include "walkthrough.hpp"

namespace linkedout {

protocol::StatusReply handlers::status(protocol::StatusRequest request, HostContext& context) {
  const StoreData data = apply_config(request.region, request.reminder_days, context);
  protocol::StatusReply reply;
  reply.plan = walkthrough_plan_reply(data, context, request.ui_lang);
  reply.config = config_reply(data, context, request.ui_lang);
  // Each is that message's whole reply, to this request: its id too.
  reply.plan.id = request.id;
  reply.config.id = request.id;
  return reply;
}

}  // namespace linkedout
