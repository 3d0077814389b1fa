#include "recheck.hpp"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace linkedout {

namespace {

constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;
// A last check this much later than now is a clock's drift between two reads, not a wrong date.
constexpr std::int64_t kClockDrift = 5 * 60;

}  // namespace

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil algorithms):
// plain arithmetic, so the core needs neither timegm nor gmtime_r (not on every platform).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilTime civil_from_seconds(std::int64_t seconds) {
  std::int64_t days = seconds / kSecondsPerDay;
  std::int64_t rest = seconds % kSecondsPerDay;
  if (rest < 0) {
    rest += kSecondsPerDay;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  CivilTime out;
  out.year = static_cast<int>(static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2));
  out.month = static_cast<int>(m);
  out.day = static_cast<int>(d);
  out.hour = static_cast<int>(rest / 3600);
  out.minute = static_cast<int>(rest % 3600 / 60);
  out.second = static_cast<int>(rest % 60);
  return out;
}

std::optional<std::time_t> parse_iso8601(std::string_view text) {
  if (text.size() != 20) return std::nullopt;
  const std::string copy(text);
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  char zone = 0;
  int consumed = 0;
  if (std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &year, &month, &day, &hour, &minute, &second, &zone,
                  &consumed) != 7 ||
      zone != 'Z' || consumed != 20) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59 ||
      second < 0 || second > 60) {
    return std::nullopt;
  }
  // As timegm did: a day past the month's end rolls over into the next.
  return static_cast<std::time_t>(days_from_civil(year, static_cast<unsigned>(month), 1) * kSecondsPerDay +
                                  (day - 1) * kSecondsPerDay + hour * 3600 + minute * 60 + second);
}

std::string format_iso8601(std::time_t time) {
  const CivilTime t = civil_from_seconds(static_cast<std::int64_t>(time));
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
  return text;
}

CheckSchedule check_schedule(const StoreData& data, std::string_view ruleset_version, std::string_view now_iso) {
  CheckSchedule schedule;
  schedule.reminder_days = data.reminder_days;
  schedule.last_full_check = data.last_full_check;
  // Not `a ? parse(a) : nullopt`: GCC's -Wmaybe-uninitialized misreads the ternary's empty optional.
  const auto last = parse_iso8601(data.last_full_check.value_or(std::string()));
  const auto now = parse_iso8601(now_iso);
  // Recorded with a clock that ran ahead (and was corrected since), the last check would keep the
  // reminder quiet until that future date: it is due now, and the report says the date looks wrong.
  schedule.last_check_in_future = last && now && *last > *now + kClockDrift;
  if (!data.reminder_days) return schedule;
  if (!last) {
    schedule.due = true;
    schedule.due_reason = "never_checked";
    return schedule;
  }
  const std::time_t next = *last + static_cast<std::time_t>(*data.reminder_days) * kSecondsPerDay;
  schedule.next_due = format_iso8601(next);
  if (schedule.last_check_in_future || (now && *now >= next)) {
    schedule.due = true;
    schedule.due_reason = "interval";
  } else if (data.last_full_check_ruleset != ruleset_version) {
    schedule.due = true;
    schedule.due_reason = "ruleset_changed";
  }
  return schedule;
}

nlohmann::json check_schedule_json(const CheckSchedule& schedule) {
  const auto optional = [](const std::optional<std::string>& text) { return text ? nlohmann::json(*text) : nlohmann::json(nullptr); };
  return {{"reminder_days", schedule.reminder_days ? nlohmann::json(*schedule.reminder_days) : nlohmann::json(nullptr)},
          {"last_full_check", optional(schedule.last_full_check)},
          {"next_due", optional(schedule.next_due)},
          {"due", schedule.due},
          {"due_reason", schedule.due_reason.empty() ? nlohmann::json(nullptr) : nlohmann::json(schedule.due_reason)}};
}

void note_new_controls(std::vector<NewControl>& list, const Verdict& verdict, const PageState& page,
                       const std::string& now_iso) {
  // Only on the ruleset's own pages: LinkedIn's many other settings pages hold switches
  // LinkedOut has no opinion about, and listing them all would bury the ones that matter.
  if (!verdict.setting) return;
  for (const auto& unknown : verdict.unknown) {
    if (unknown.why != "not_in_ruleset") continue;
    record_new_control(list, page.path, unknown.key, unknown.label, now_iso, store_caps::kMaxNewControls);
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
