// The per-user state store kept in a file: one JSON file (format and history policy in
// core/store_format.hpp), written atomically (platform::write_file_atomically) under an exclusive
// lock, so two hosts (two browsers) never lose an update. A file that does not parse (strictly,
// at most 64 levels deep) is moved aside (state.json.corrupt-<timestamp>) and reported, never
// silently dropped.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>

#include "platform/platform.hpp"
#include "state_store.hpp"
#include "store_format.hpp"

namespace linkedout {

class Store final : public StateStore {
 public:
  explicit Store(std::filesystem::path dir);
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
  StoreData load() override;

  // Read-modify-write under the exclusive lock. `change` returns false to skip writing.
  // Returns the data as written. Throws StoreError when the directory or file cannot be written.
  StoreData update(const std::function<bool(StoreData&)>& change) override;

  // The same under one exclusive lock, in two steps, for the warm path: `judge` reads the current
  // data (the cached copy itself, not a copy of it) and says whether anything must be written;
  // only then is the data copied, changed by `change` and written.
  void update_if(const std::function<bool(const StoreData&)>& judge, const std::function<void(StoreData&)>& change) override;

 private:
  // Under a lock: nullptr when there is no file, else the cached data, read again first (and the
  // directory searched for files kept aside) unless the file is the one last seen. Throws
  // CorruptStore (a StoreError) when the file does not parse, StoreError when it cannot be read.
  const StoreData* read_current();
  // Under the exclusive lock: the current data, or `fresh` after moving a corrupt file aside;
  // `must_write` says the file on disk lags behind what is returned.
  const StoreData* current_for_update(StoreData& fresh, bool& must_write);
  void prepare_dir() const;  // creates the data directory; throws StoreError
  const StoreData& write(StoreData data);  // under the exclusive lock; caches what it wrote
  void forget();

  std::filesystem::path dir_;
  // The store as this process last read or wrote it: a warm host parses the file only when
  // another process changed it, and lists the directory only when it reads a changed file or
  // writes. Every write replaces the file by rename, and the cached file is held open so its
  // identity cannot be reused: the same identity (device, inode, size, times) means nobody wrote
  // since.
  std::optional<platform::FileIdentity> cached_identity_;
  platform::HeldFile cached_file_;
  StoreData cached_;
  bool cached_adopted_ = false;  // cached_ names files kept aside that the file itself does not
};

// The current UTC time, ISO 8601 with second precision: the clock the native host's handlers get.
std::string now_iso8601();

}  // namespace linkedout
