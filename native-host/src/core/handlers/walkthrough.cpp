// `walkthrough` start / status / reset / mark_done (§4.3); its reply is also the re-check's (recheck.cpp).
#include "walkthrough.hpp"

#include "decide.hpp"
#include "handler.hpp"
#include "protocol_replies.hpp"
#include "recheck.hpp"

namespace linkedout {

namespace {

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

protocol::WalkthroughStep step_reply(const Step& step) {
  protocol::WalkthroughStep out;
  out.step = step.id;
  out.kind = step.kind;
  out.title = step.title;
  out.url = step.url;
  out.severity = step.severity;
  out.state = step.state;
  if (step.kind == "form") {
    out.guidance = step.guidance;
    out.done_at = step.done_at;
  } else {
    out.last_seen = step.last_seen;
    out.drift = step.drift;
  }
  return out;
}

// The last re-check run as the reply's `check.last` shows it (no dates per new switch).
protocol::CheckLast last_check_reply(const CheckRecord& record) {
  protocol::CheckLast out;
  out.started_at = record.started_at;
  out.ended_at = record.ended_at;
  out.complete = record.complete;
  out.off = record.off;
  out.on = record.on;
  out.unreadable = record.unreadable;
  out.unchecked = record.unchecked;
  for (const auto& c : record.new_controls) out.new_controls.push_back({c.page, c.key, c.label});
  return out;
}

// The reply's `check` object: reminder, last full re-check, next due, the run in progress and the
// last run's summary (§4.3).
protocol::Check check_reply(const CheckSchedule& schedule, const StoreData& known) {
  protocol::Check out;
  out.reminder_days = schedule.reminder_days;
  out.last_full_check = schedule.last_full_check;
  out.next_due = schedule.next_due;
  out.due = schedule.due;
  if (!schedule.due_reason.empty()) out.due_reason = schedule.due_reason;
  out.running = known.recheck.has_value();
  if (!known.checks.empty()) out.last = last_check_reply(known.checks.back());
  return out;
}

}  // namespace

protocol::WalkthroughReply handlers::walkthrough(protocol::WalkthroughRequest request, HostContext& context) {
  StoreData data;
  switch (request.action) {
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
      const std::string& step = request.step.value();  // the reader requires it for mark_done
      check_markable(context.rules, step);
      const std::string now = context.now();
      data = context.store.update([&](StoreData& d) { return record_form_done(d, step, now); });
      break;
    }
  }
  return walkthrough_plan_reply(data, context, request.ui_lang);
}

protocol::WalkthroughReply walkthrough_plan_reply(const StoreData& data, HostContext& context,
                                                  const std::optional<std::string>& ui_lang) {
  const Plan plan = plan_walkthrough(context.rules, data, {}, ui_lang.value_or(""));
  protocol::WalkthroughReply reply;
  reply.active = data.walkthrough_active;
  reply.region = data.region;
  reply.steps.reserve(plan.steps.size());
  for (const auto& step : plan.steps) reply.steps.push_back(step_reply(step));
  reply.progress = protocol::progress_reply(plan.progress);
  reply.next = protocol::next_reply(plan.next);
  reply.check = check_reply(check_schedule(data, context.rules.version, context.now()), data);
  return reply;
}

}  // namespace linkedout
