#include "store.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <queue>
#include <spdlog/spdlog.h>
#include <unordered_map>

#include "atomic_write.hpp"
#include "json_util.hpp"
#include "paths.hpp"

namespace linkedout {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kCorruptPrefix = "state.json.corrupt-";

std::string errno_text(int error) { return std::strerror(error); }

// An flock held for the lifetime of the object. The lock lives on its own file because the
// state file is replaced by rename, which would orphan a lock taken on it.
class FileLock {
 public:
  // O_NOFOLLOW: a symlink planted at the lock's name would make the host create or open any file.
  FileLock(const fs::path& lock_file, int operation, bool may_create) {
    fd_ = ::open(lock_file.c_str(), (may_create ? O_RDWR | O_CREAT : O_RDWR) | O_CLOEXEC | O_NOFOLLOW, 0600);
    // A reader in a directory it cannot write still takes the lock when the file exists.
    if (fd_ < 0 && !may_create && errno != ELOOP) fd_ = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd_ < 0) {
      if (errno == ELOOP) throw StoreError("the lock file " + lock_file.string() + " is a symlink: refusing to follow it");
      if (!may_create) return;  // nothing to lock against: no writer has ever run here
      throw StoreError("cannot open lock file " + lock_file.string() + ": " + errno_text(errno));
    }
    while (::flock(fd_, operation) != 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::close(fd_);
      throw StoreError("cannot lock " + lock_file.string() + ": " + errno_text(error));
    }
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the flock
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

// Reads an open file to its end.
std::string read_all(int fd, const fs::path& file) {
  std::string content;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw StoreError("cannot read " + file.string() + ": " + errno_text(errno));
    if (n == 0) return content;
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

// A state file that does not parse (as opposed to one that cannot be read): moved aside.
struct CorruptStore : StoreError {
  using StoreError::StoreError;
};

// Temp files left by a writer that died: only ever called under the exclusive lock, when no
// other writer can be mid-write.
void remove_stale_temp_files(const fs::path& dir, const fs::path& file) {
  const std::string prefix = temp_file_prefix(file);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (name.starts_with(prefix)) {
      std::error_code remove_ec;
      fs::remove(entry.path(), remove_ec);
    }
  }
}

std::string compact_utc_timestamp() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y%m%dT%H%M%SZ", &utc);
  return text;
}

// Moves a corrupt file aside under a name that never overwrites an earlier one.
fs::path move_aside(const fs::path& dir, const fs::path& file) {
  const std::string base = std::string(kCorruptPrefix) + compact_utc_timestamp();
  fs::path aside = dir / base;
  for (int n = 2; fs::exists(aside); ++n) aside = dir / (base + "-" + std::to_string(n));
  if (::rename(file.c_str(), aside.c_str()) != 0)
    throw StoreError("cannot move corrupt " + file.string() + " aside: " + errno_text(errno));
  return aside;
}

// Files moved aside that corrupt_files does not name yet: one moved just before the fresh store
// could not be written (a full disk) is still reported. True when it added any.
bool adopt_files_kept_aside(const fs::path& dir, StoreData& data) {
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    auto name = entry.path().filename().string();
    if (name.starts_with(kCorruptPrefix) &&
        std::find(data.corrupt_files.begin(), data.corrupt_files.end(), name) == data.corrupt_files.end())
      found.push_back(std::move(name));
  }
  std::sort(found.begin(), found.end());  // timestamped names: oldest first
  data.corrupt_files.insert(data.corrupt_files.end(), found.begin(), found.end());
  return !found.empty();
}

const json& field(const json& object, const char* name, json::value_t type, const char* where) {
  static const json null_value;
  const auto it = object.find(name);
  if (it == object.end() || it->is_null()) return null_value;
  if (it->type() != type && !(type == json::value_t::number_integer && it->is_number_unsigned()))
    throw StoreError(std::string(where) + "." + name + " has the wrong type");
  return *it;
}

std::string string_field(const json& object, const char* name, const char* where) {
  const auto& value = field(object, name, json::value_t::string, where);
  return value.is_null() ? std::string{} : value.get<std::string>();
}

void cap_history(StoreData& data) { trim_history(data.history, Store::kMaxHistory); }

// Roughly what one entry takes in the file (its texts plus the indented member names).
std::size_t entry_bytes(const HistoryEntry& entry) {
  return 110 + entry.at.size() + entry.setting.size() + entry.from.size() + entry.to.size() + entry.url.size();
}

json new_control_json(const NewControl& c) {
  return {{"page", c.page}, {"key", c.key ? json(*c.key) : json(nullptr)}, {"label", c.label},
          {"first_seen", c.first_seen}, {"last_seen", c.last_seen}};
}

json new_controls_json(const std::vector<NewControl>& list) {
  json out = json::array();
  for (const auto& c : list) out.push_back(new_control_json(c));
  return out;
}

NewControl parse_new_control(const json& entry, const char* where) {
  if (!entry.is_object()) throw StoreError(std::string(where) + " entry is not an object");
  NewControl c;
  c.page = string_field(entry, "page", where);
  const auto& key = field(entry, "key", json::value_t::string, where);
  if (!key.is_null()) c.key = key.get<std::string>();
  c.label = string_field(entry, "label", where);
  c.first_seen = string_field(entry, "first_seen", where);
  c.last_seen = string_field(entry, "last_seen", where);
  return c;
}

std::vector<NewControl> parse_new_controls(const json& list, const char* where) {
  std::vector<NewControl> out;
  for (const auto& entry : list) out.push_back(parse_new_control(entry, where));
  return out;
}

std::vector<std::string> string_list(const json& object, const char* name, const char* where) {
  std::vector<std::string> out;
  for (const auto& item : field(object, name, json::value_t::array, where)) {
    if (!item.is_string()) throw StoreError(std::string(where) + "." + name + " holds a non-string");
    out.push_back(item.get<std::string>());
  }
  return out;
}

json check_json(const CheckRecord& c) {
  return {{"started_at", c.started_at}, {"ended_at", c.ended_at}, {"ruleset_version", c.ruleset_version},
          {"complete", c.complete},     {"off", c.off},           {"on", c.on},
          {"unreadable", c.unreadable}, {"unchecked", c.unchecked}, {"new_controls", new_controls_json(c.new_controls)}};
}

CheckRecord parse_check(const json& entry) {
  if (!entry.is_object()) throw StoreError("a checks entry is not an object");
  CheckRecord c;
  c.started_at = string_field(entry, "started_at", "checks entry");
  c.ended_at = string_field(entry, "ended_at", "checks entry");
  c.ruleset_version = string_field(entry, "ruleset_version", "checks entry");
  const auto& complete = field(entry, "complete", json::value_t::boolean, "checks entry");
  c.complete = !complete.is_null() && complete.get<bool>();
  c.off = string_list(entry, "off", "checks entry");
  c.on = string_list(entry, "on", "checks entry");
  c.unreadable = string_list(entry, "unreadable", "checks entry");
  c.unchecked = string_list(entry, "unchecked", "checks entry");
  c.new_controls = parse_new_controls(field(entry, "new_controls", json::value_t::array, "checks entry"), "checks entry");
  return c;
}

}  // namespace

void trim_history(std::vector<HistoryEntry>& history, std::size_t keep) {
  if (history.size() <= keep) return;
  // Each setting's entries, oldest first; drop one at a time from the setting with the most left
  // (on a tie, the one whose oldest entry is oldest), so plain capping still drops the oldest.
  std::unordered_map<std::string, std::vector<std::size_t>> positions;
  for (std::size_t i = 0; i < history.size(); ++i) positions[history[i].setting].push_back(i);
  struct Head {
    std::size_t left, oldest;
    const std::vector<std::size_t>* list;
    std::size_t next;
    bool operator<(const Head& other) const {
      return left != other.left ? left < other.left : oldest > other.oldest;
    }
  };
  std::priority_queue<Head> most;
  for (const auto& [setting, list] : positions) most.push({list.size(), list.front(), &list, 0});
  std::vector<bool> dropped(history.size(), false);
  for (std::size_t excess = history.size() - keep; excess > 0; --excess) {
    Head head = most.top();
    most.pop();
    dropped[(*head.list)[head.next]] = true;
    if (--head.left > 0) most.push({head.left, (*head.list)[++head.next], head.list, head.next});
  }
  std::size_t out = 0;
  for (std::size_t i = 0; i < history.size(); ++i) {
    if (dropped[i]) continue;
    if (out != i) history[out] = std::move(history[i]);
    ++out;
  }
  history.resize(out);
}

std::string serialize_store_capped(StoreData& data) {
  cap_history(data);
  std::string text = serialize_store(data);
  while (text.size() > Store::kMaxFileBytes && !data.history.empty()) {
    std::size_t bytes = 0;
    for (const auto& entry : data.history) bytes += entry_bytes(entry);
    const std::size_t average = std::max<std::size_t>(1, bytes / data.history.size());
    const std::size_t over = (text.size() - Store::kMaxFileBytes) / average + 1;
    trim_history(data.history, data.history.size() - std::min(over, data.history.size()));
    text = serialize_store(data);
  }
  return text;
}

std::string serialize_store(const StoreData& data) {
  json settings = json::object();
  for (const auto& [id, record] : data.settings)
    settings[id] = {{"state", record.state},
                    {"first_seen", record.first_seen},
                    {"last_seen", record.last_seen},
                    {"last_changed", record.last_changed}};
  json history = json::array();
  for (const auto& entry : data.history)
    history.push_back(
        {{"at", entry.at}, {"setting", entry.setting}, {"from", entry.from}, {"to", entry.to}, {"url", entry.url}});
  json out = {{"version", data.version},
              {"settings", settings},
              {"history", history},
              {"region", data.region ? json(*data.region) : json(nullptr)},
              {"forms_done", data.forms_done},
              {"walkthrough_active", data.walkthrough_active},
              {"corrupt_files", data.corrupt_files},
              {"reminder_days", data.reminder_days ? json(*data.reminder_days) : json(nullptr)},
              {"last_full_check", data.last_full_check ? json(*data.last_full_check) : json(nullptr)},
              {"last_full_check_ruleset", data.last_full_check_ruleset},
              {"new_controls", new_controls_json(data.new_controls)}};
  json checks = json::array();
  for (const auto& check : data.checks) checks.push_back(check_json(check));
  out["checks"] = std::move(checks);
  if (data.recheck) {
    out["recheck"] = {{"started_at", data.recheck->started_at},
                      {"pages", data.recheck->pages},
                      {"new_controls", new_controls_json(data.recheck->new_controls)}};
  } else {
    out["recheck"] = nullptr;
  }
  for (const auto& [name, text] : data.unknown_fields)
    if (!out.contains(name)) out[name] = json::parse(text);
  return out.dump(2) + "\n";
}

StoreData parse_store(std::string_view text) {
  // Strict and depth-limited like the protocol: nlohmann's dump and copy recurse once per level, so
  // a valid file nested 200,000 deep would overflow the stack on every start.
  auto parsed = json_util::parse_strict(text);
  if (!parsed.ok) throw StoreError("not valid JSON: " + parsed.error);
  const json root = std::move(parsed.value);
  if (!root.is_object()) throw StoreError("the top level is not an object");

  StoreData data;
  const auto& version = field(root, "version", json::value_t::number_integer, "state");
  if (!version.is_null()) data.version = version.get<int>();

  for (const auto& [id, record] : field(root, "settings", json::value_t::object, "state").items()) {
    if (!record.is_object()) throw StoreError("settings." + id + " is not an object");
    SettingRecord r;
    r.state = string_field(record, "state", "settings entry");
    if (r.state != "on" && r.state != "off") throw StoreError("settings." + id + ".state is neither \"on\" nor \"off\"");
    r.first_seen = string_field(record, "first_seen", "settings entry");
    r.last_seen = string_field(record, "last_seen", "settings entry");
    r.last_changed = string_field(record, "last_changed", "settings entry");
    data.settings.emplace(id, std::move(r));
  }

  for (const auto& entry : field(root, "history", json::value_t::array, "state")) {
    if (!entry.is_object()) throw StoreError("a history entry is not an object");
    data.history.push_back({string_field(entry, "at", "history entry"), string_field(entry, "setting", "history entry"),
                            string_field(entry, "from", "history entry"), string_field(entry, "to", "history entry"),
                            string_field(entry, "url", "history entry")});
  }
  cap_history(data);

  const auto& region = field(root, "region", json::value_t::string, "state");
  if (!region.is_null()) data.region = region.get<std::string>();

  for (const auto& [form, date] : field(root, "forms_done", json::value_t::object, "state").items()) {
    if (!date.is_string()) throw StoreError("forms_done." + form + " is not a string");
    data.forms_done.emplace(form, date.get<std::string>());
  }

  const auto& active = field(root, "walkthrough_active", json::value_t::boolean, "state");
  data.walkthrough_active = !active.is_null() && active.get<bool>();

  for (const auto& name : field(root, "corrupt_files", json::value_t::array, "state")) {
    if (!name.is_string()) throw StoreError("corrupt_files holds a non-string");
    data.corrupt_files.push_back(name.get<std::string>());
  }

  const auto& reminder = field(root, "reminder_days", json::value_t::number_integer, "state");
  if (!reminder.is_null()) {
    const auto days = reminder.get<long long>();
    if (days < kMinReminderDays || days > kMaxReminderDays) throw StoreError("reminder_days is out of range");
    data.reminder_days = static_cast<int>(days);
  }
  const auto& last_full = field(root, "last_full_check", json::value_t::string, "state");
  if (!last_full.is_null()) data.last_full_check = last_full.get<std::string>();
  data.last_full_check_ruleset = string_field(root, "last_full_check_ruleset", "state");
  data.new_controls = parse_new_controls(field(root, "new_controls", json::value_t::array, "state"), "new_controls");
  for (const auto& entry : field(root, "checks", json::value_t::array, "state")) data.checks.push_back(parse_check(entry));
  const auto& run = field(root, "recheck", json::value_t::object, "state");
  if (!run.is_null()) {
    RecheckRun r;
    r.started_at = string_field(run, "started_at", "recheck");
    for (const auto& [setting, state] : field(run, "pages", json::value_t::object, "recheck").items()) {
      if (!state.is_string()) throw StoreError("recheck.pages." + setting + " is not a string");
      r.pages.emplace(setting, state.get<std::string>());
    }
    r.new_controls = parse_new_controls(field(run, "new_controls", json::value_t::array, "recheck"), "recheck");
    data.recheck = std::move(r);
  }

  static const char* const known[] = {"version",       "settings",      "history",
                                      "region",        "forms_done",    "walkthrough_active",
                                      "corrupt_files", "reminder_days", "last_full_check",
                                      "last_full_check_ruleset", "new_controls", "checks", "recheck"};
  for (const auto& [name, value] : root.items())
    if (std::find(std::begin(known), std::end(known), name) == std::end(known))
      data.unknown_fields.emplace(name, value.dump());
  return data;
}

Store::Store(fs::path dir) : dir_(std::move(dir)) {}

Store::~Store() { forget(); }

void Store::forget() {
  if (cached_fd_ >= 0) ::close(cached_fd_);
  cached_fd_ = -1;
  cached_identity_.reset();
  cached_adopted_ = false;
}

void Store::hold(int fd, const struct stat& info, StoreData data) {
  forget();
  cached_fd_ = fd;
  cached_identity_ = FileIdentity::of(info);
  cached_ = std::move(data);
}

Store::FileIdentity Store::FileIdentity::of(const struct stat& info) {
  return {info.st_dev, info.st_ino, info.st_size, info.st_mtim, info.st_ctim};
}

bool Store::FileIdentity::operator==(const FileIdentity& other) const {
  const auto same_time = [](const timespec& a, const timespec& b) { return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec; };
  return device == other.device && inode == other.inode && size == other.size && same_time(modified, other.modified) &&
         same_time(changed, other.changed);
}

const StoreData* Store::read_current() {
  const fs::path path = file();
  struct stat info {};
  // The warm path: one stat, no open, no parse, no directory listing.
  if (cached_identity_ && ::stat(path.c_str(), &info) == 0 && *cached_identity_ == FileIdentity::of(info)) {
    return &cached_;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      forget();
      return nullptr;
    }
    throw StoreError("cannot read " + path.string() + ": " + errno_text(errno));
  }
  StoreData data;
  try {
    if (::fstat(fd, &info) != 0) throw StoreError("cannot read " + path.string() + ": " + errno_text(errno));
    const std::string text = read_all(fd, path);
    try {
      data = parse_store(text);
    } catch (const StoreError& e) {
      throw CorruptStore(e.what());
    }
  } catch (...) {
    ::close(fd);
    throw;
  }
  const bool adopted = adopt_files_kept_aside(dir_, data);
  hold(fd, info, std::move(data));
  cached_adopted_ = adopted;
  return &cached_;
}

fs::path Store::default_dir() { return paths::default_data_dir(); }

StoreData Store::load() {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) return {};
  {
    FileLock lock(lock_file(), LOCK_SH, /*may_create=*/false);
    try {
      if (const StoreData* data = read_current()) return *data;
      StoreData none;
      adopt_files_kept_aside(dir_, none);
      return none;
    } catch (const CorruptStore&) {
      // fall through: moving the file aside needs the exclusive lock
    }
  }
  // update() re-reads under the exclusive lock, moves the corrupt file aside and starts afresh.
  return update([](StoreData&) { return false; });
}

const StoreData* Store::current_for_update(StoreData& fresh, bool& must_write) {
  must_write = false;
  try {
    if (const StoreData* current = read_current()) {
      must_write = cached_adopted_;
      return current;
    }
  } catch (const CorruptStore& e) {
    forget();
    const auto aside = move_aside(dir_, file());
    spdlog::warn("state store {} is corrupt ({}); kept as {} and starting a fresh store", file().string(),
                 e.what(), aside.string());
    fresh = StoreData{};
    fresh.corrupt_files.push_back(aside.filename().string());
    must_write = true;
  }
  must_write = adopt_files_kept_aside(dir_, fresh) || must_write;
  return &fresh;
}

void Store::prepare_dir() const {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) throw StoreError("cannot create the data directory " + dir_.string() + ": " + ec.message());
  if (!fs::is_directory(dir_, ec)) throw StoreError("the data directory " + dir_.string() + " is not a directory");
}

const StoreData& Store::write(StoreData data) {
  remove_stale_temp_files(dir_, file());
  try {
    write_file_atomically(file(), serialize_store_capped(data), 0600);
  } catch (const AtomicWriteError& e) {
    forget();
    throw StoreError(e.what());
  }
  // Cache what was written, as the file now on disk (held open: its inode stays ours).
  const int fd = ::open(file().c_str(), O_RDONLY | O_CLOEXEC);
  struct stat info {};
  if (fd < 0 || ::fstat(fd, &info) != 0) {
    if (fd >= 0) ::close(fd);
    forget();
    cached_ = std::move(data);
    return cached_;
  }
  hold(fd, info, std::move(data));
  return cached_;
}

StoreData Store::update(const std::function<bool(StoreData&)>& change) {
  prepare_dir();
  FileLock lock(lock_file(), LOCK_EX, /*may_create=*/true);
  StoreData fresh;
  bool must_write = false;
  const StoreData* current = current_for_update(fresh, must_write);
  StoreData data = *current;
  if (change(data) || must_write) return write(std::move(data));
  return data;
}

void Store::update_if(const std::function<bool(const StoreData&)>& judge, const std::function<void(StoreData&)>& change) {
  prepare_dir();
  FileLock lock(lock_file(), LOCK_EX, /*may_create=*/true);
  StoreData fresh;
  bool must_write = false;
  const StoreData* current = current_for_update(fresh, must_write);
  if (!judge(*current) && !must_write) return;
  StoreData data = *current;
  change(data);
  write(std::move(data));
}

void record_sighting(StoreData& data, const std::string& setting, const std::string& state, const std::string& url,
                     const std::string& now_iso) {
  if (state != "on" && state != "off") throw std::invalid_argument("a sighting's state is \"on\" or \"off\", not \"" + state + "\"");
  const auto it = data.settings.find(setting);
  if (it == data.settings.end()) {
    data.settings.emplace(setting, SettingRecord{state, now_iso, now_iso, now_iso});
    data.history.push_back({now_iso, setting, "", state, url});
    cap_history(data);
    return;
  }
  SettingRecord& record = it->second;
  const std::string previous = record.state;
  record.last_seen = now_iso;
  if (previous == state) return;
  record.state = state;
  record.last_changed = now_iso;
  data.history.push_back({now_iso, setting, previous, state, url});
  cap_history(data);
}

void record_new_control(std::vector<NewControl>& list, const std::string& page, const std::optional<std::string>& key,
                        const std::string& label, const std::string& now_iso, std::size_t cap) {
  for (auto& entry : list) {
    const bool same = entry.page == page && (key ? entry.key == key : (!entry.key && entry.label == label));
    if (!same) continue;
    entry.last_seen = now_iso;
    entry.label = label;  // the page's latest wording
    return;
  }
  list.push_back({page, key, label, now_iso, now_iso});
  if (list.size() > cap) list.erase(list.begin(), list.begin() + static_cast<std::ptrdiff_t>(list.size() - cap));
}

std::string now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace linkedout
