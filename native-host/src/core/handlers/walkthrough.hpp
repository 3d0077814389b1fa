// The `walkthrough` request (§4.3), parsed; the handler is handlers::walkthrough. Its reply, the
// plan with the re-check's state, answers the `recheck` request too.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "handler.hpp"

namespace linkedout::protocol {

enum class WalkthroughAction { start, status, reset, mark_done };
struct WalkthroughRequest {
  WalkthroughAction action = WalkthroughAction::status;
  std::string step;  // mark_done only
};
// Throws ProtocolError bad_field ("action", "step").
WalkthroughRequest parse_walkthrough(const nlohmann::json& message);

}  // namespace linkedout::protocol

namespace linkedout {

// The walkthrough reply for `data`: the plan in the request's UI language, with `check`.
nlohmann::json walkthrough_plan_reply(const StoreData& data, HostContext& context, const protocol::Envelope& request);

}  // namespace linkedout
