#include "recheck.hpp"

#include <cstdio>

namespace linkedout {

namespace {

constexpr std::time_t kSecondsPerDay = 24 * 60 * 60;

}  // namespace

std::optional<std::time_t> parse_iso8601(std::string_view text) {
  if (text.size() != 20) return std::nullopt;
  const std::string copy(text);
  std::tm utc{};
  char zone = 0;
  int consumed = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                  &utc.tm_min, &utc.tm_sec, &zone, &consumed) != 7 ||
      zone != 'Z' || consumed != 20) {
    return std::nullopt;
  }
  if (utc.tm_mon < 1 || utc.tm_mon > 12 || utc.tm_mday < 1 || utc.tm_mday > 31 || utc.tm_hour > 23 ||
      utc.tm_min > 59 || utc.tm_sec > 60) {
    return std::nullopt;
  }
  utc.tm_year -= 1900;
  utc.tm_mon -= 1;
  return ::timegm(&utc);
}

std::string format_iso8601(std::time_t time) {
  std::tm utc{};
  ::gmtime_r(&time, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

CheckSchedule check_schedule(const StoreData& data, std::string_view ruleset_version, std::string_view now_iso) {
  CheckSchedule schedule;
  schedule.reminder_days = data.reminder_days;
  schedule.last_full_check = data.last_full_check;
  if (!data.reminder_days) return schedule;
  const auto last = data.last_full_check ? parse_iso8601(*data.last_full_check) : std::nullopt;
  if (!last) {
    schedule.due = true;
    schedule.due_reason = "never_checked";
    return schedule;
  }
  const std::time_t next = *last + static_cast<std::time_t>(*data.reminder_days) * kSecondsPerDay;
  schedule.next_due = format_iso8601(next);
  const auto now = parse_iso8601(now_iso);
  if (now && *now >= next) {
    schedule.due = true;
    schedule.due_reason = "interval";
  } else if (data.last_full_check_ruleset != ruleset_version) {
    schedule.due = true;
    schedule.due_reason = "ruleset_changed";
  }
  return schedule;
}

void note_new_controls(std::vector<NewControl>& list, const Verdict& verdict, const PageState& page,
                       const std::string& now_iso) {
  // Only on the ruleset's own pages: LinkedIn's many other settings pages hold switches
  // LinkedOut has no opinion about, and listing them all would bury the ones that matter.
  if (!verdict.setting) return;
  for (const auto& unknown : verdict.unknown) {
    if (unknown.why != "not_in_ruleset") continue;
    record_new_control(list, page.path, unknown.key, unknown.label, now_iso, Store::kMaxNewControls);
  }
}

void note_verdict_in_run(RecheckRun& run, const Verdict& verdict, const PageState& page, const std::string& now_iso) {
  for (const auto& sighting : verdict.sightings) {
    auto& state = run.pages[sighting.setting];
    if (state != "on") state = sighting.state;
  }
  if (verdict.setting) run.pages.try_emplace(verdict.setting->id, "unreadable");
  note_new_controls(run.new_controls, verdict, page, now_iso);
}

CheckRecord finish_run(const Ruleset& rules, const StoreData& data, const RecheckRun& run, const std::string& now_iso) {
  CheckRecord record;
  record.started_at = run.started_at;
  record.ended_at = now_iso;
  record.ruleset_version = rules.version;
  const std::string_view region = effective_region(data);
  for (const auto& setting : rules.settings) {
    if (!setting.shown_in(region)) continue;
    const auto it = run.pages.find(setting.id);
    if (it == run.pages.end()) {
      record.unchecked.push_back(setting.id);
    } else if (it->second == "unreadable") {
      record.unreadable.push_back(setting.id);
    } else if (it->second == setting.desired) {
      record.off.push_back(setting.id);
    } else {
      record.on.push_back(setting.id);
    }
  }
  record.complete = record.unchecked.empty() && record.unreadable.empty();
  record.new_controls = run.new_controls;
  return record;
}

}  // namespace linkedout
