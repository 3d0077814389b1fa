#include "store.hpp"

#include <algorithm>
#include <ctime>
#include <memory>
#include <spdlog/spdlog.h>

#include "paths.hpp"
#include "recheck.hpp"

namespace linkedout {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kCorruptPrefix = "state.json.corrupt-";

// A state file that does not parse (as opposed to one that cannot be read): moved aside.
struct CorruptStore : StoreError {
  using StoreError::StoreError;
};

// Temp files left by a writer that died: only ever called under the exclusive lock, when no
// other writer can be mid-write.
void remove_stale_temp_files(const fs::path& dir, const fs::path& file) {
  const std::string prefix = platform::temp_file_prefix(file);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const auto name = paths::utf8_name(entry.path());  // a name that is not text is not ours
    if (name && name->starts_with(prefix)) {
      std::error_code remove_ec;
      fs::remove(entry.path(), remove_ec);
    }
  }
}

// "20261125T100000Z": the current UTC time for a file name.
std::string compact_utc_timestamp() {
  std::string text = format_iso8601(static_cast<std::time_t>(platform::now_utc()));
  std::erase(text, '-');
  std::erase(text, ':');
  return text;
}

// The store's lock; the platform's failure is a store error, a lock another process kept past the
// wait's limit StoreBusy. The wait is logged: a host that answers late says why.
std::unique_ptr<platform::FileLock> take_lock(const fs::path& lock_file, platform::FileLock::Mode mode, bool may_create) {
  const auto waiting = [&] {
    spdlog::info("the state store's lock {} is held by another process: waiting up to {} ms", lock_file.string(),
                 platform::kStoreLockWait.count());
  };
  try {
    return std::make_unique<platform::FileLock>(lock_file, mode, may_create, waiting);
  } catch (const platform::LockBusy& e) {
    throw StoreBusy(std::string("the state store is in use by another LinkedOut process (") + e.what() +
                    "); try again in a moment");
  } catch (const platform::Error& e) {
    throw StoreError(e.what());
  }
}

// Moves a corrupt file aside under a name that never overwrites an earlier one.
fs::path move_aside(const fs::path& dir, const fs::path& file) {
  const std::string base = std::string(kCorruptPrefix) + compact_utc_timestamp();
  fs::path aside = dir / base;
  for (int n = 2; fs::exists(aside); ++n) aside = dir / (base + "-" + std::to_string(n));
  std::error_code ec;
  fs::rename(file, aside, ec);
  if (ec) throw StoreError("cannot move corrupt " + file.string() + " aside: " + ec.message());
  return aside;
}

// A name move_aside gives: the prefix, a compact UTC time ("20261125T100000Z") and "-<n>" when
// that one was taken. Anything else in the folder is not ours to list: a name that is not UTF-8
// cannot be stored as it is, so it was found "new" and listed again on every write.
bool kept_aside_name(std::string_view name) {
  if (!name.starts_with(kCorruptPrefix)) return false;
  name.remove_prefix(kCorruptPrefix.size());
  const auto digits = [](std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  constexpr std::string_view kShape = "YYYYMMDDThhmmssZ";
  if (name.size() < kShape.size() || !digits(name.substr(0, 8)) || name[8] != 'T' || !digits(name.substr(9, 6)) ||
      name[15] != 'Z')
    return false;
  name.remove_prefix(kShape.size());
  return name.empty() || (name[0] == '-' && name.size() <= 10 && digits(name.substr(1)));
}

// Files moved aside that corrupt_files does not name yet: one moved just before the fresh store
// could not be written (a full disk) is still reported. At most kMaxCorruptFilesListed in all,
// oldest first: thousands of planted names would otherwise crowd the history out of the capped
// file. True when it added any.
bool adopt_files_kept_aside(const fs::path& dir, StoreData& data) {
  if (data.corrupt_files.size() >= store_caps::kMaxCorruptFilesListed) return false;
  std::vector<std::string> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    auto name = paths::utf8_name(entry.path());
    if (name && kept_aside_name(*name) &&
        std::find(data.corrupt_files.begin(), data.corrupt_files.end(), *name) == data.corrupt_files.end())
      found.push_back(std::move(*name));
  }
  std::sort(found.begin(), found.end());  // timestamped names: oldest first
  found.resize(std::min(found.size(), store_caps::kMaxCorruptFilesListed - data.corrupt_files.size()));
  data.corrupt_files.insert(data.corrupt_files.end(), found.begin(), found.end());
  return !found.empty();
}

}  // namespace

Store::Store(fs::path dir) : dir_(std::move(dir)) {}

void Store::forget() {
  cached_file_ = platform::HeldFile{};
  cached_identity_.reset();
  cached_adopted_ = false;
}

const StoreData* Store::read_current() {
  const fs::path path = file();
  // The warm path: one stat, no open, no parse, no directory listing.
  if (cached_identity_ && platform::identity_of(path) == cached_identity_) return &cached_;
  std::optional<platform::FileRead> read;
  try {
    read = platform::read_file_held(path, store_caps::kMaxReadBytes);
  } catch (const platform::Error& e) {
    throw StoreError(e.what());
  }
  if (!read) {
    forget();
    return nullptr;
  }
  StoreData data;
  try {
    data = parse_store(read->content);
  } catch (const StoreError& e) {
    throw CorruptStore(e.what());
  }
  const bool adopted = adopt_files_kept_aside(dir_, data);
  forget();
  cached_file_ = std::move(read->held);
  cached_identity_ = read->identity;
  cached_ = std::move(data);
  cached_adopted_ = adopted;
  return &cached_;
}

fs::path Store::default_dir() { return platform::data_dir(); }

StoreData Store::load() {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) return {};
  {
    const auto lock = take_lock(lock_file(), platform::FileLock::Mode::shared, /*may_create=*/false);
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
    platform::write_file_atomically(file(), serialize_store_capped(data), platform::FileAccess::owner_only);
  } catch (const platform::Error& e) {
    forget();
    throw StoreError(e.what());
  }
  // Cache what was written, as the file now on disk (held open: its identity stays ours).
  forget();
  if (auto hold = platform::hold_file(file())) {  // else not cached: the next read parses the file
    cached_file_ = std::move(hold->held);
    cached_identity_ = hold->identity;
  }
  cached_ = std::move(data);
  return cached_;
}

StoreData Store::update(const std::function<bool(StoreData&)>& change) {
  prepare_dir();
  const auto lock = take_lock(lock_file(), platform::FileLock::Mode::exclusive, /*may_create=*/true);
  StoreData fresh;
  bool must_write = false;
  const StoreData* current = current_for_update(fresh, must_write);
  StoreData data = *current;
  if (change(data) || must_write) return write(std::move(data));
  return data;
}

void Store::update_if(const std::function<bool(const StoreData&)>& judge, const std::function<void(StoreData&)>& change) {
  prepare_dir();
  const auto lock = take_lock(lock_file(), platform::FileLock::Mode::exclusive, /*may_create=*/true);
  StoreData fresh;
  bool must_write = false;
  const StoreData* current = current_for_update(fresh, must_write);
  if (!judge(*current) && !must_write) return;
  StoreData data = *current;
  change(data);
  write(std::move(data));
}

std::string now_iso8601() { return format_iso8601(static_cast<std::time_t>(platform::now_utc())); }

}  // namespace linkedout
