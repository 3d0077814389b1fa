// The state store's format and history policy (docs/protocol.md §5): what LinkedOut last saw of
// each setting, the history of changes, the re-check records; how they are parsed and written,
// and how the history is capped. Pure: where the text is kept (a file, the browser's storage) is
// a StateStore's business (state_store.hpp). The history is capped in entries and the text in
// bytes; what goes first is always the oldest entry of the setting with the most entries, so a
// flood about one setting never evicts another's record.
#pragma once

#include <cstddef>
#include <map>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace linkedout {

// The store's caps, the same wherever it is kept.
namespace store_caps {
inline constexpr std::size_t kMaxHistory = 5000;
// The text is kept under this size by trimming history (5,000 entries with the ruleset's URLs
// take about 1.3 MB). Only unknown fields kept for a newer host can make it larger.
inline constexpr std::size_t kMaxFileBytes = 2 * 1024 * 1024;
inline constexpr std::size_t kMaxChecks = 20;
inline constexpr std::size_t kMaxNewControls = 100;
// Files kept aside (state.json.corrupt-*) the store names; more stay on disk, unlisted.
inline constexpr std::size_t kMaxCorruptFilesListed = 100;
// The most a store read takes in: far above what the caps let a writer produce (a store trimmed
// from an 11 MB file still loads), far below what would exhaust memory (a 3 GiB sparse file).
inline constexpr std::size_t kMaxReadBytes = 32 * 1024 * 1024;
}  // namespace store_caps

struct SettingRecord {
  std::string state;         // "on" | "off" as last seen
  std::string first_seen;    // ISO 8601 UTC, e.g. "2026-11-25T10:00:00Z"
  std::string last_seen;
  std::string last_changed;  // when state last differed from the previous sighting
};

struct HistoryEntry {
  std::string at;       // ISO 8601 UTC
  std::string setting;  // ruleset id, or a form id
  std::string from;     // "" (first sighting) | "on" | "off" | "todo"
  std::string to;       // "on" | "off" | "done"
  std::string url;      // where it was seen ("" for forms)
};

// A switch on a settings page that the ruleset does not know: listed until the ruleset learns it,
// never silently dropped (issue 16, "new on LinkedIn — review it").
struct NewControl {
  std::string page;                // URL path where it was seen
  std::optional<std::string> key;  // aria-labelledby / id, when the page gave one
  std::string label;
  std::string first_seen, last_seen;  // ISO 8601 UTC
};

// The quick re-check in progress: what each settings page read as during this run.
struct RecheckRun {
  std::string started_at;                    // ISO 8601 UTC
  std::map<std::string, std::string> pages;  // setting id → "off" | "on" | "unreadable"
  std::vector<NewControl> new_controls;      // unknown switches seen during this run
};

// One quick re-check as it ended (docs/protocol.md §4.3 `check.last`).
struct CheckRecord {
  std::string started_at, ended_at;  // ISO 8601 UTC
  std::string ruleset_version;
  bool complete = false;  // every toggle page expected in the region was read during the run
  std::vector<std::string> off, on, unreadable, unchecked;  // setting ids
  std::vector<NewControl> new_controls;
};

struct StoreData {
  int version = 1;
  std::map<std::string, SettingRecord> settings;
  std::vector<HistoryEntry> history;          // oldest first, capped (see store_caps::kMaxHistory)
  std::optional<std::string> region;          // region code, or unset
  std::map<std::string, std::string> forms_done;  // form id → ISO date it was marked done
  bool walkthrough_active = false;
  std::vector<std::string> corrupt_files;     // files moved aside, reported by `status`
  // Re-check and reminder (issue 16). reminder_days unset: the reminder is off.
  std::optional<int> reminder_days;
  std::optional<std::string> last_full_check;  // ended_at of the last complete re-check
  std::string last_full_check_ruleset;         // the ruleset version it ran with
  std::optional<RecheckRun> recheck;          // the run in progress, if any
  std::vector<CheckRecord> checks;            // oldest first, capped at kMaxChecks
  std::vector<NewControl> new_controls;       // unknown switches re-checks saw, capped at kMaxNewControls
  // Top-level fields this version does not know (written by a newer host), as JSON text, kept
  // and written back unchanged so a downgrade does not lose them.
  std::map<std::string, std::string> unknown_fields;
};

// The reminder interval's bounds, in days (docs/protocol.md §4.4 `reminder_days`).
inline constexpr int kMinReminderDays = 1;
inline constexpr int kMaxReminderDays = 365;
inline constexpr int kDefaultReminderDays = 30;

struct StoreError : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// Another process kept the store's lock past the wait's limit (platform::kStoreLockWait): nothing
// is wrong with the store, and the same request can succeed a moment later (protocol store_busy).
struct StoreBusy : StoreError {
  using StoreError::StoreError;
};

// Records one sighting of a setting's state: updates the record and appends history when the
// state changed (or on first sighting). Whether that is drift is decide's drift_of, asked before.
// `url` is where the setting lives (the ruleset's URL), never a page's path.
void record_sighting(StoreData& data, const std::string& setting, const std::string& state,
                     const std::string& url, const std::string& now_iso);

// Records an unknown switch seen on `page` (deduplicated by page + key, or page + label when it
// has no key) in `list`, keeping at most `cap` entries (the oldest sightings go first).
void record_new_control(std::vector<NewControl>& list, const std::string& page, const std::optional<std::string>& key,
                        const std::string& label, const std::string& now_iso, std::size_t cap);

// The file format (docs/protocol.md §5). parse_store throws StoreError saying what is wrong;
// a file it refuses is what Store treats as corrupt. It also reads the text a text editor saved:
// UTF-8 after a byte-order mark, or UTF-16 after one (either byte order); serialize_store writes
// UTF-8 without a mark.
std::string serialize_store(const StoreData& data);
StoreData parse_store(std::string_view text);

// Drops history entries until at most `keep` remain: always the oldest entry of the setting that
// has the most, so every setting keeps its latest changes.
void trim_history(std::vector<HistoryEntry>& history, std::size_t keep);

// serialize_store, after trimming history (as trim_history does) until the text fits
// store_caps::kMaxFileBytes or no history is left.
std::string serialize_store_capped(StoreData& data);

// The one history policy: appends an entry and caps the history (trim_history).
void append_history(StoreData& data, HistoryEntry entry);

// A form step marked done on `now_iso`'s date, with its history entry; false when it already was.
bool record_form_done(StoreData& data, const std::string& form, const std::string& now_iso);

// Appends an ended re-check, keeping the last store_caps::kMaxChecks.
void record_check(StoreData& data, CheckRecord record);

// The JSON the store and the protocol share for a re-check record and a new control
// (docs/protocol.md §4.3 `check.last`, §5). `for_protocol` leaves out what only the store keeps
// (ruleset_version, the new controls' sighting times).
nlohmann::json check_record_json(const CheckRecord& record, bool for_protocol);
nlohmann::json new_controls_json(const std::vector<NewControl>& list, bool for_protocol);

}  // namespace linkedout
