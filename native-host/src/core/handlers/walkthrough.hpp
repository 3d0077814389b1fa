// The `walkthrough` request (§4.3), parsed; the handler is handlers::walkthrough.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace linkedout::protocol {

enum class WalkthroughAction { start, status, reset, mark_done, recheck_start, recheck_end };
struct WalkthroughRequest {
  WalkthroughAction action = WalkthroughAction::status;
  std::string step;  // mark_done only
};
// Throws ProtocolError bad_field ("action", "step").
WalkthroughRequest parse_walkthrough(const nlohmann::json& message);

}  // namespace linkedout::protocol
