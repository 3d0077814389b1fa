// The report's own words and its dates in the user's language (en, de, fr, es, nl, it; any other
// language gets English), and times in the local time zone (the TZ environment variable, else
// the system's, as the shell reads it: LocalZone), each written the way that language writes them. The report's data stays UTC.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace linkedout::report {

enum class Phrase {
  title, generated, region, region_unset, hint, summary_nothing, summary_all, summary_some,
  settings_heading, col_setting, col_kind, col_state, col_needs_action, col_last_seen,
  col_last_changed, col_changes, kind_ai_training, kind_ads, kind_other, state_off, state_on,
  state_on_again, state_unseen, state_not_in_region, form_done, form_todo, word_on, word_off,
  word_todo, word_done, first_seen, yes, no, forms_heading, history_heading, earlier_changes,
  seen_outside_region, nothing_seen, kept_aside_heading, last_changed_at, made_locally,
  // the re-check section (issue 16)
  recheck_heading, last_full_check, no_full_check, reminder_off, due_ruleset_changed, due_now, next_due,
  latest_recheck, came_back_on, could_not_read, not_reached, new_switch_one, new_switches, all_off, new_heading,
  new_intro, new_control,
  count_  // not a phrase: the number of phrases
};

// The phrase in `lang` (a language code of the ruleset, see text_language()); "{1}", "{2}"… mark
// where fill() puts its arguments.
std::string_view phrase(Phrase which, std::string_view lang);
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

// The local zone at a UTC instant (seconds since the epoch): its offset east of UTC and its
// abbreviation ("CET"; "" when it has none). Passed in by the shell (the core reads no TZ);
// unset, or nullopt for an instant: UTC.
struct ZoneAt {
  long offset_seconds = 0;
  std::string abbreviation;
};
using LocalZone = std::function<std::optional<ZoneAt>(std::int64_t utc_seconds)>;

// "2026-11-25T10:00:00Z" → the local time as `lang` writes it, with the zone: "2026-11-25 11:00 CET"
// (en), "25.11.2026, 11:00 CET" (de)… Anything that is not such a timestamp is returned as it is.
std::string local_time(std::string_view iso_utc, std::string_view lang, const LocalZone& zone = {});
// "2026-11-25" → "25.11.2026" (de) etc.; anything else as it is.
std::string local_date(std::string_view ymd, std::string_view lang);

}  // namespace linkedout::report
