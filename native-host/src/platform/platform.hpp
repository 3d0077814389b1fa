// The one place the host meets the operating system. Everything else (the shell: channel, store
// file, CLI, caller check) calls only this header for OS matters, and the core (core/) calls
// nothing at all. posix.cpp implements it for Linux and macOS; windows.cpp for Windows. Paths are
// std::filesystem::path, so Unicode names work on both.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace linkedout::platform {

// What a failed OS call says: the action, the path and the system's reason.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---- standard streams ----

// Native messaging frames are binary: no newline translation on stdin/stdout (Windows' text mode
// would corrupt a length byte of 0x0A, 0x0D or 0x1A). A no-op on POSIX.
void set_binary_stdio();
// Takes the real stdout for frames and points the stdout handle at stderr, so nothing a library
// prints can corrupt the stream. Returns the descriptor to write frames to.
int take_stdout_for_frames();
// Writes all of `bytes` to a descriptor (a refusal frame before exiting); false when it cannot.
bool write_all(int fd, std::string_view bytes);
// A closed output must surface as an error on write, not kill the process (SIGPIPE on POSIX).
void ignore_broken_pipe();
bool stdin_is_terminal();

// ---- files ----

// Who may read a file the host writes.
enum class FileAccess {
  owner_only,       // 0600: the state store, reports
  world_readable,   // 0644: host manifests, install records (the browser reads them)
};

// Writes `content` to `target` whole or not at all, and never through a name someone else could
// have planted: a new temp file "<name>.tmp-XXXXXX" beside it (created exclusively, so an
// existing file or symlink of that name is never opened), permissions set, written, flushed to
// disk, renamed over `target` (a symlink at `target` is replaced, not followed), directory
// flushed. On failure the temp file is removed, `target` is untouched, and Error says what failed.
void write_file_atomically(const std::filesystem::path& target, std::string_view content, FileAccess access);
// Windows refuses to replace a file another program holds open (an antivirus or backup scan, an
// indexer: they hold it for a moment). The rename is tried again for this long before Error says
// so. (POSIX renames over an open file: no wait there.)
inline constexpr std::chrono::milliseconds kReplaceWaitsFor{2000};
// "<name>.tmp-": what the temp files of `target` start with (a writer killed mid-write leaves one).
std::string temp_file_prefix(const std::filesystem::path& target);

// Which version of a file a read saw: same identity ⇒ nobody replaced or edited it since
// (device, inode or file id, size, modification and change times).
struct FileIdentity {
  std::uint64_t device = 0, file = 0, size = 0;
  std::int64_t modified_ns = 0, changed_ns = 0;
  bool operator==(const FileIdentity&) const = default;
};
// The identity of the file at `path` now; nullopt when it cannot be found or stat'ed.
std::optional<FileIdentity> identity_of(const std::filesystem::path& path);

// A file held open: while it is, its identity cannot be reused by another file.
class HeldFile {
 public:
  HeldFile() = default;
  explicit HeldFile(std::intptr_t handle) : handle_(handle) {}
  HeldFile(HeldFile&& other) noexcept : handle_(other.handle_) { other.handle_ = -1; }
  HeldFile& operator=(HeldFile&& other) noexcept;
  HeldFile(const HeldFile&) = delete;
  HeldFile& operator=(const HeldFile&) = delete;
  ~HeldFile();
  bool open() const { return handle_ != -1; }

 private:
  std::intptr_t handle_ = -1;
};

// A whole file's content as read, its identity, and the file kept open.
struct FileRead {
  std::string content;
  FileIdentity identity;
  HeldFile held;
};
// Reads the file at `path` without ever blocking or taking in more than `max_bytes`: nullopt when
// it does not exist. Throws Error when it cannot be read, is not a regular file (a FIFO, device,
// socket or folder, also through a symlink) or is larger than `max_bytes`.
std::optional<FileRead> read_file_held(const std::filesystem::path& path, std::size_t max_bytes);
// Opens the file at `path` without reading it (one just written): nullopt when it cannot.
struct FileHold {
  FileIdentity identity;
  HeldFile held;
};
std::optional<FileHold> hold_file(const std::filesystem::path& path);

// How long the store's lock is waited for while another process holds it. A host writing holds
// it for milliseconds; longer is a process that is stuck (or a person's `flock`), and a host that
// waited without end answered nothing: its page stayed silent, `status` hung.
inline constexpr std::chrono::milliseconds kStoreLockWait{3000};

// The lock was still held by another process after kStoreLockWait.
struct LockBusy : Error {
  using Error::Error;
};

// The store's lock: an advisory lock on its own file (the state file is replaced by rename,
// which would orphan a lock taken on it), released when the object goes. Never follows a symlink
// at the lock's name. A shared lock on a missing lock file without may_create holds nothing (no
// writer has ever run there). Waits at most kStoreLockWait for another process to let it go,
// calling `waiting` once when it has to wait, then throws LockBusy. Throws Error.
class FileLock {
 public:
  enum class Mode { shared, exclusive };
  FileLock(const std::filesystem::path& lock_file, Mode mode, bool may_create,
           const std::function<void()>& waiting = {});
  ~FileLock();
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  std::intptr_t handle_ = -1;
};

// Whether a browser could start the program at `path`: the execute bit on POSIX, a program's
// extension (.exe, .com, .bat, .cmd) on Windows; and what to do when it cannot ("chmod +x it").
bool can_execute(const std::filesystem::path& path);
std::string how_to_make_executable();

// Why another user could replace the program at `path`: one line for each file or folder on its
// way (the path as given and its real location) that is group- or world-writable (a sticky folder
// such as /tmp excepted: others cannot replace what is in it) or owned by anyone but root, or, with
// `trusted_owner` ownership::root_or_self, anyone but root and this user. Empty when none.
enum class Ownership { root_only, root_or_self };
std::vector<std::string> replaceable_by_others(const std::filesystem::path& path, Ownership trusted_owner);

// ---- the machine's and the user's folders ----

// What the system-wide locations (paths::OsLocations::system_manifest_dir, programs) are under:
// "/" on POSIX; on Windows the root of the drive Windows is on ("C:\\"): a path without a drive
// would be taken on whatever drive the working folder is.
std::filesystem::path system_root();

// An environment variable; unset or empty → nullopt.
std::optional<std::string> env(const char* name);
// The user's home folder: $HOME (%USERPROFILE%), else the password database. Throws Error.
std::filesystem::path home_dir();
// Every path the host uses starts from these three (store, log, per-user manifests). Each is
// absolute or an Error: a relative HOME falls back to the password database, and a relative
// LINKEDOUT_DATA_DIR or XDG_* is refused with a message naming the variable (not its value), so
// nothing is ever written under the working folder (browsers start the host in its own folder).
// LinkedOut's data folder: $LINKEDOUT_DATA_DIR, else the OS's per-user data folder.
std::filesystem::path data_dir();
// Where the host log goes.
std::filesystem::path log_dir();

// ---- this process ----

// The command line as UTF-8, program name first: argv on POSIX; on Windows the UTF-16 command
// line (argv there is in the ANSI code page, which cannot hold every name).
std::vector<std::string> command_line_arguments(int argc, char** argv);

// The absolute, symlink-free path of the running executable.
std::filesystem::path self_executable();
// True when `name` is an executable file in one of $PATH's directories.
bool program_on_path(std::string_view name);
// The command line of the process that started this one, arguments separated by NUL (Chrome's
// --user-data-dir is read from it); nullopt when it cannot be read.
std::optional<std::string> parent_command_line();

// ---- time ----

// Seconds since the epoch, UTC.
std::int64_t now_utc();
// The local zone at a UTC instant: its offset east of UTC and abbreviation ("CET", or "+0530").
// nullopt when the zone cannot be told or is not believable (TZ=UTC+25 gives a day's offset
// labelled UTC; a 5,000-letter TZ names itself): the caller then writes UTC. The abbreviation is
// checked, so no unchecked environment text comes back.
struct ZoneAt {
  long offset_seconds = 0;
  std::string abbreviation;
};
std::optional<ZoneAt> local_zone_at(std::int64_t utc_seconds);

}  // namespace linkedout::platform
