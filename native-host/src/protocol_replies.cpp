#include "protocol_replies.hpp"

namespace linkedout::protocol {

using nlohmann::json;

namespace {

json optional_json(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

json step_json(const Step& step) {
  json out = {{"step", step.id},   {"kind", step.kind},         {"title", step.title},
              {"url", step.url},   {"severity", step.severity}, {"state", step.state}};
  if (step.kind == "form") {
    out["guidance"] = step.guidance;
    out["done_at"] = optional_json(step.done_at);
  } else {
    out["last_seen"] = optional_json(step.last_seen);
    out["drift"] = step.drift;
  }
  return out;
}

}  // namespace

json error_reply(const ProtocolError& error) {
  json out = {{"type", "error"}, {"id", error.id}, {"code", to_string(error.code)}};
  if (!error.field.empty()) out["field"] = error.field;
  out["message"] = error.what();
  return out;
}

json new_controls_json(const std::vector<NewControl>& controls) {
  json out = json::array();
  for (const auto& c : controls) out.push_back({{"page", c.page}, {"key", optional_json(c.key)}, {"label", c.label}});
  return out;
}

json check_json(const CheckSchedule& schedule, const StoreData& known) {
  json last = nullptr;
  if (!known.checks.empty()) {
    const CheckRecord& c = known.checks.back();
    last = {{"started_at", c.started_at}, {"ended_at", c.ended_at},   {"complete", c.complete},
            {"off", c.off},               {"on", c.on},               {"unreadable", c.unreadable},
            {"unchecked", c.unchecked},   {"new_controls", new_controls_json(c.new_controls)}};
  }
  return {{"reminder_days", schedule.reminder_days ? json(*schedule.reminder_days) : json(nullptr)},
          {"last_full_check", optional_json(schedule.last_full_check)},
          {"next_due", optional_json(schedule.next_due)},
          {"due", schedule.due},
          {"due_reason", schedule.due_reason.empty() ? json(nullptr) : json(schedule.due_reason)},
          {"running", known.recheck.has_value()},
          {"last", std::move(last)}};
}

json progress_json(const Progress& progress) {
  return {{"done", progress.done}, {"total", progress.total}, {"remaining", progress.remaining}};
}

json next_json(const std::optional<NextStep>& next) {
  if (!next) return nullptr;
  return {{"step", next->step}, {"url", next->url}};
}

json verdict_reply(const Verdict& verdict, const PageState& page) {
  json highlight = json::array();
  for (const auto& h : verdict.highlight) {
    highlight.push_back({{"key", optional_json(h.key)},
                         {"setting", h.setting},
                         {"action", h.action},
                         {"severity", h.severity},
                         {"reason", h.reason},
                         {"matched_by", h.matched_by}});
  }
  json ok = json::array();
  for (const auto& o : verdict.ok) {
    ok.push_back({{"key", optional_json(o.key)}, {"setting", o.setting}, {"matched_by", o.matched_by}});
  }
  json unknown = json::array();
  for (const auto& u : verdict.unknown) {
    unknown.push_back({{"key", optional_json(u.key)}, {"label", u.label}, {"why", u.why}});
  }
  json drift = json::array();
  for (const auto& d : verdict.drift) drift.push_back({{"setting", d.setting}, {"kind", d.kind}});

  json reply = {{"type", "verdict"},
                {"url", page.url},
                {"setting", verdict.setting ? json(verdict.setting->id) : json(nullptr)},
                {"highlight", std::move(highlight)},
                {"ok", std::move(ok)},
                {"unknown", std::move(unknown)},
                {"drift", std::move(drift)},
                {"progress", progress_json(verdict.progress)},
                {"next", next_json(verdict.next)},
                {"walkthrough", {{"active", verdict.walkthrough_active}, {"still_on", verdict.still_on}}}};
  // Only when true: the page names a setting LinkedOut could not read (the user must act by hand).
  if (verdict.page_unreadable) reply["page_unreadable"] = true;
  return reply;
}

json walkthrough_reply(const Plan& plan, const StoreData& known) {
  json steps = json::array();
  for (const auto& step : plan.steps) steps.push_back(step_json(step));
  return {{"type", "walkthrough"},
          {"active", known.walkthrough_active},
          {"region", optional_json(known.region)},
          {"steps", std::move(steps)},
          {"progress", progress_json(plan.progress)},
          {"next", next_json(plan.next)}};
}

}  // namespace linkedout::protocol
