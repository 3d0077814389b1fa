// The quick re-check and its reminder (docs/protocol.md §4.3 `check`, issue 16): what a run has
// read so far, how it ended, and when the next one is due. Pure: the time is an argument, so the
// due logic is unit-tested without sleeping.
#pragma once

#include <cstdint>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>

#include "decide.hpp"
#include "ruleset.hpp"
#include "store_format.hpp"

namespace linkedout {

// "YYYY-MM-DDTHH:MM:SSZ" ⇄ seconds since the epoch (UTC). nullopt for any other text.
std::optional<std::time_t> parse_iso8601(std::string_view text);
std::string format_iso8601(std::time_t time);

// A UTC instant as calendar fields (proleptic Gregorian), without the C library's time zone state.
struct CivilTime {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
};
CivilTime civil_from_seconds(std::int64_t seconds_since_epoch);

// When the reminder says a re-check is due.
struct CheckSchedule {
  std::optional<int> reminder_days;           // unset: the reminder is off
  std::optional<std::string> last_full_check;  // ISO 8601 UTC
  std::optional<std::string> next_due;         // last full check + interval; unset when off or never checked
  bool due = false;
  // "" | "never_checked" (reminder on, no full re-check yet) | "interval" | "ruleset_changed"
  // (the last full re-check ran with another ruleset version: the ruleset may know new settings)
  std::string due_reason;
  // The last full check is dated later than now (beyond a clock's drift): the clock was wrong when
  // it was recorded, or is wrong now. It is then due ("interval"), and the report says so.
  bool last_check_in_future = false;
};
CheckSchedule check_schedule(const StoreData& data, std::string_view ruleset_version, std::string_view now_iso);
// The schedule as every `check` object writes it (the walkthrough reply, the JSON report,
// `linkedout-host status --json`): reminder_days, last_full_check, next_due, due, due_reason.
nlohmann::json check_schedule_json(const CheckSchedule& schedule);

// Adds what one verdict read to the run: each sighting's state ("on" stays "on" for the rest of
// the run: it came back on, even once the user switched it off again), "unreadable" for the
// page's own setting when the page showed no readable switch for it (a readable sighting later
// replaces it), and the unknown switches on a ruleset page as new controls.
void note_verdict_in_run(RecheckRun& run, const Verdict& verdict, const PageState& page, const std::string& now_iso);

// A ruleset page's switches the ruleset does not know: recorded in `list` (the store's or a run's).
void note_new_controls(std::vector<NewControl>& list, const Verdict& verdict, const PageState& page,
                       const std::string& now_iso);

// How a run ended: each toggle step expected in the region is off, on, unreadable or unchecked.
// Complete when every one was read.
CheckRecord finish_run(const Ruleset& rules, const StoreData& data, const RecheckRun& run, const std::string& now_iso);

}  // namespace linkedout
