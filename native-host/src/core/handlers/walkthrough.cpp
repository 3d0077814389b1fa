// `walkthrough` start / status / reset / mark_done (§4.3); its reply is also the re-check's (recheck.cpp).
#include "walkthrough.hpp"

#include "decide.hpp"
#include "handler.hpp"
#include "protocol_replies.hpp"
#include "recheck.hpp"

namespace linkedout {

namespace {

using nlohmann::json;
using protocol::ErrorCode;
using protocol::ProtocolError;
using protocol::WalkthroughAction;

void check_markable(const Ruleset& rules, const std::string& step) {
  if (rules.find_form(step)) return;
  if (rules.find_setting(step)) {
    throw ProtocolError(ErrorCode::bad_field,
                        "step \"" + step + "\" is a toggle: it is done when the page shows it off", "step");
  }
  throw ProtocolError(ErrorCode::bad_field, "step \"" + step + "\" is not a form step of the walkthrough", "step");
}

json step_json(const Step& step) {
  json out = {{"step", step.id},   {"kind", step.kind},         {"title", step.title},
              {"url", step.url},   {"severity", step.severity}, {"state", step.state}};
  if (step.kind == "form") {
    out["guidance"] = step.guidance;
    out["done_at"] = protocol::optional_json(step.done_at);
  } else {
    out["last_seen"] = protocol::optional_json(step.last_seen);
    out["drift"] = step.drift;
  }
  return out;
}

json walkthrough_reply(const Plan& plan, const StoreData& known) {
  json steps = json::array();
  for (const auto& step : plan.steps) steps.push_back(step_json(step));
  return {{"type", "walkthrough"},
          {"active", known.walkthrough_active},
          {"region", protocol::optional_json(known.region)},
          {"steps", std::move(steps)},
          {"progress", protocol::progress_json(plan.progress)},
          {"next", protocol::next_json(plan.next)}};
}

// The reply's `check` object: reminder, last full re-check, next due, the run in progress and the
// last run's summary (§4.3).
json check_reply_json(const CheckSchedule& schedule, const StoreData& known) {
  json check = check_schedule_json(schedule);
  check["running"] = known.recheck.has_value();
  check["last"] = known.checks.empty() ? json(nullptr) : check_record_json(known.checks.back(), /*for_protocol=*/true);
  return check;
}

}  // namespace

protocol::WalkthroughRequest protocol::parse_walkthrough(const json& message) {
  WalkthroughRequest request;
  const std::string action = required_string(message, "action");
  if (action == "start") {
    request.action = WalkthroughAction::start;
  } else if (action == "status") {
    request.action = WalkthroughAction::status;
  } else if (action == "reset") {
    request.action = WalkthroughAction::reset;
  } else if (action == "mark_done") {
    request.action = WalkthroughAction::mark_done;
    request.step = required_string(message, "step", kMaxStep);
  } else {
    std::string allowed;
    for (const auto name : kWalkthroughActions) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    bad_field("action", "action must be one of " + allowed);
  }
  return request;
}

json handlers::walkthrough(const protocol::Envelope& request, HostContext& context) {
  const auto parsed = protocol::parse_walkthrough(request.message);
  StoreData data;
  switch (parsed.action) {
    case WalkthroughAction::status:
      data = context.store.load();
      break;
    case WalkthroughAction::start:
      data = context.store.update([](StoreData& d) {
        if (d.walkthrough_active) return false;
        d.walkthrough_active = true;
        return true;
      });
      break;
    case WalkthroughAction::reset:
      // Progress lives in the last-seen states and form dates; history stays for the report.
      data = context.store.update([](StoreData& d) {
        d.settings.clear();
        d.forms_done.clear();
        d.walkthrough_active = false;
        return true;
      });
      break;
    case WalkthroughAction::mark_done: {
      check_markable(context.rules, parsed.step);
      const std::string now = context.now();
      data = context.store.update([&](StoreData& d) { return record_form_done(d, parsed.step, now); });
      break;
    }
  }
  return walkthrough_plan_reply(data, context, request);
}

json walkthrough_plan_reply(const StoreData& data, HostContext& context, const protocol::Envelope& request) {
  auto reply = walkthrough_reply(plan_walkthrough(context.rules, data, {}, request.ui_lang.value_or("")), data);
  reply["check"] = check_reply_json(check_schedule(data, context.rules.version, context.now()), data);
  return reply;
}

}  // namespace linkedout
