// The per-user state store: what LinkedOut last saw of each setting, and the history of changes.
// One JSON file, written atomically (atomic_write.hpp) under an exclusive flock, so two hosts (two
// browsers) never lose an update. A file that does not parse (strictly, at most 64 levels deep) is
// moved aside (state.json.corrupt-<timestamp>) and reported, never silently dropped. The history is
// capped in entries and the file in bytes; what goes first is always the oldest entry of the
// setting with the most entries, so a flood about one setting never evicts another's record.
#pragma once

#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace linkedout {

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
  std::vector<HistoryEntry> history;          // oldest first, capped (see Store::kMaxHistory)
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

class Store {
 public:
  static constexpr std::size_t kMaxHistory = 5000;
  // The file is kept under this size by trimming history (5,000 entries with the ruleset's URLs
  // take about 1.3 MB). Only unknown fields kept for a newer host can make it larger.
  static constexpr std::size_t kMaxFileBytes = 2 * 1024 * 1024;
  static constexpr std::size_t kMaxChecks = 20;
  static constexpr std::size_t kMaxNewControls = 100;

  explicit Store(std::filesystem::path dir);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // $LINKEDOUT_DATA_DIR, else $XDG_DATA_HOME/linkedout, else $HOME/.local/share/linkedout.
  static std::filesystem::path default_dir();

  const std::filesystem::path& dir() const { return dir_; }
  std::filesystem::path file() const { return dir_ / "state.json"; }

  std::filesystem::path lock_file() const { return dir_ / "state.lock"; }

  // Reads under a shared lock. A missing file is an empty store; a corrupt one is moved aside.
  // corrupt_files also names every state.json.corrupt-* in the directory that it did not list yet
  // (one moved aside just before a write failed, e.g. on a full disk).
  StoreData load();

  // Read-modify-write under the exclusive lock. `change` returns false to skip writing.
  // Returns the data as written. Throws StoreError when the directory or file cannot be written.
  StoreData update(const std::function<bool(StoreData&)>& change);

  // The same under one exclusive lock, in two steps, for the warm path: `judge` reads the current
  // data (the cached copy itself, not a copy of it) and says whether anything must be written;
  // only then is the data copied, changed by `change` and written.
  void update_if(const std::function<bool(const StoreData&)>& judge, const std::function<void(StoreData&)>& change);

 private:
  // Which file a read came from. Every write replaces the file by rename, and the cached file is
  // held open so its inode cannot be reused: the same device and inode (and size and times, for
  // an edit in place) mean nobody wrote since.
  struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    off_t size = 0;
    timespec modified{}, changed{};
    static FileIdentity of(const struct stat& info);
    bool operator==(const FileIdentity& other) const;
  };
  // Under a lock: nullptr when there is no file, else the cached data, read again first (and the
  // directory searched for files kept aside) unless the file is the one last seen. Throws
  // CorruptStore (a StoreError) when the file does not parse, StoreError when it cannot be read.
  const StoreData* read_current();
  // Under the exclusive lock: the current data, or `fresh` after moving a corrupt file aside;
  // `must_write` says the file on disk lags behind what is returned.
  const StoreData* current_for_update(StoreData& fresh, bool& must_write);
  void prepare_dir() const;  // creates the data directory; throws StoreError
  const StoreData& write(StoreData data);  // under the exclusive lock; caches what it wrote
  void hold(int fd, const struct stat& info, StoreData data);  // caches `data` as the file open on fd
  void forget();

  std::filesystem::path dir_;
  // The store as this process last read or wrote it: a warm host parses the file only when
  // another process changed it, and lists the directory only when it reads a changed file or
  // writes.
  std::optional<FileIdentity> cached_identity_;
  int cached_fd_ = -1;
  StoreData cached_;
  bool cached_adopted_ = false;  // cached_ names files kept aside that the file itself does not
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

std::string now_iso8601();  // current UTC time, second precision

// The file format (docs/protocol.md §5). parse_store throws StoreError saying what is wrong;
// a file it refuses is what Store treats as corrupt.
std::string serialize_store(const StoreData& data);
StoreData parse_store(std::string_view text);

// Drops history entries until at most `keep` remain: always the oldest entry of the setting that
// has the most, so every setting keeps its latest changes.
void trim_history(std::vector<HistoryEntry>& history, std::size_t keep);

// serialize_store, after trimming history (as trim_history does) until the text fits
// Store::kMaxFileBytes or no history is left.
std::string serialize_store_capped(StoreData& data);

}  // namespace linkedout
