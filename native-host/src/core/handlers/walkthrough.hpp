// The walkthrough reply (§4.3): the plan with the re-check's state. It answers the `walkthrough`
// request (handlers/walkthrough.cpp) and the `recheck` request (handlers/recheck.cpp).
#pragma once

#include <optional>
#include <string>

#include "handler.hpp"

namespace linkedout {

// The walkthrough reply for `data` (without id): the plan in the UI language, with `check`.
protocol::WalkthroughReply walkthrough_plan_reply(const StoreData& data, HostContext& context,
                                                  const std::optional<std::string>& ui_lang);

}  // namespace linkedout
