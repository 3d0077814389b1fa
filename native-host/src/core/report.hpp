// The report a person keeps or shares: each setting's state, when it was last seen and when it
// changed (from the store's history), what still needs action, the objection-form step with its
// date, and the region, in the user's language with times in the local time zone (report_text.hpp).
// (ruleset, store data, now, language) → Report → Markdown / HTML / JSON text.
// Used by the protocol `report` message (handlers/report.cpp) and `linkedout-host report`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "recheck.hpp"
#include "ruleset.hpp"
#include "report_text.hpp"
#include "store_format.hpp"

namespace linkedout::report {

enum class Format { md, html, json };

// "md" | "html" | "json" → Format; anything else → nullopt.
std::optional<Format> parse_format(std::string_view name);
std::string_view to_string(Format format);

struct Change {
  std::string at;    // ISO 8601 UTC
  std::string from;  // "" on the first sighting
  std::string to;
};

struct SettingRow {
  std::string id, title, url, severity, desired, reason;
  std::string state;  // off | on | unseen | not_in_region
  std::optional<std::string> first_seen, last_seen, last_changed;
  bool drift = false;         // was off, seen on again
  bool needs_action = false;  // in the region and not in the desired state
  bool seen_outside_region = false;  // not expected in the region, yet LinkedIn showed it
  std::vector<Change> changes;       // oldest first, the most recent `max_changes` only
  std::size_t changes_omitted = 0;   // older changes left out
};

struct FormRow {
  std::string id, title, url, severity, guidance;
  std::string state;  // todo | done | not_in_region
  std::optional<std::string> done_at;  // YYYY-MM-DD
  bool needs_action = false;
};

// What the store's sightings say about the region when the user has not set one: LinkedIn
// showed a setting it does not show in some regions, so the user is not in those. The region the
// user sets is authoritative; this is only a hint.
struct RegionHint {
  std::string evidence;                 // the setting id that was seen
  std::vector<std::string> ruled_out;   // region codes where LinkedIn does not show it
};
std::optional<RegionHint> infer_region(const Ruleset& rules, const StoreData& data);

struct Report {
  std::string lang;          // the language it is written in: one of kLanguages
  std::string generated_at;  // ISO 8601 UTC
  std::string host_version;
  std::string ruleset_name, ruleset_version;
  std::optional<std::string> region;  // code, or unset (every setting expected)
  std::string region_name;            // the ruleset's name of it in `lang`, or ""
  std::optional<RegionHint> region_hint;
  std::vector<SettingRow> settings;  // ruleset order
  std::vector<FormRow> forms;
  int done = 0, total = 0;  // steps in the desired state / steps expected in the region
  std::vector<std::string> corrupt_files;
  CheckSchedule check;                   // last full re-check, next due, reminder
  std::optional<CheckRecord> last_check;  // the latest quick re-check, complete or not
  std::vector<NewControl> new_controls;  // switches on ruleset pages the ruleset does not know
  LocalZone zone;                        // for the times it shows; unset: UTC
  int needs_action() const { return total - done; }
};

struct BuildOptions {
  std::size_t max_changes = 20;  // per setting
  std::string lang;              // BCP 47 (ui_lang, --lang); empty or unknown: English
  LocalZone zone;                // the reader's time zone (the shell's); unset: UTC
};

Report build_report(const Ruleset& rules, const StoreData& data, std::string now_iso,
                    const BuildOptions& options = {});

// The sentences the report and `linkedout-host status` share, so the two never disagree:
// "3 of 14 steps still need action." and a setting's or form's state in words, in report.lang.
std::string summary_text(const Report& report);
std::string state_text(const Report& report, const SettingRow& row);
std::string form_state_text(const Report& report, const FormRow& row);

std::string render_markdown(const Report& report);
std::string render_html(const Report& report);  // one self-contained file: inline CSS, no scripts
std::string render_json(const Report& report);  // pretty-printed, schema in docs/protocol.md §4.5
std::string render(const Report& report, Format format);

// Escapes text for HTML element content and attribute values.
std::string escape_html(std::string_view text);

}  // namespace linkedout::report
