// Typed results → reply objects exactly as docs/protocol.md shows them. The dispatcher adds `id`.
#pragma once

#include <nlohmann/json.hpp>

#include "decide.hpp"
#include "protocol.hpp"
#include "recheck.hpp"

namespace linkedout::protocol {

nlohmann::json error_reply(const ProtocolError& error);
nlohmann::json verdict_reply(const Verdict& verdict, const PageState& page);
nlohmann::json walkthrough_reply(const Plan& plan, const StoreData& known);
// The walkthrough reply's `check` object: reminder, last full re-check, next due, the run in
// progress and the last run's summary (§4.3).
nlohmann::json check_json(const CheckSchedule& schedule, const StoreData& known);
nlohmann::json new_controls_json(const std::vector<NewControl>& controls);
nlohmann::json progress_json(const Progress& progress);
nlohmann::json next_json(const std::optional<NextStep>& next);

}  // namespace linkedout::protocol
