// platform.hpp for Linux and macOS.
#include "platform.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

#include "lock_wait.hpp"
#include "paths.hpp"

namespace linkedout::platform {
namespace fs = std::filesystem;

namespace {

std::string errno_text(int error) { return std::strerror(error); }

[[noreturn]] void fail(const std::string& what, const fs::path& where, int error) {
  throw Error("cannot " + what + " " + where.string() + ": " + errno_text(error));
}

std::int64_t nanoseconds(const timespec& time) {
  return static_cast<std::int64_t>(time.tv_sec) * 1'000'000'000 + time.tv_nsec;
}

FileIdentity identity_from(const struct stat& info) {
#if defined(__APPLE__)
  const timespec modified = info.st_mtimespec, changed = info.st_ctimespec;
#else
  const timespec modified = info.st_mtim, changed = info.st_ctim;
#endif
  return {static_cast<std::uint64_t>(info.st_dev), static_cast<std::uint64_t>(info.st_ino),
          static_cast<std::uint64_t>(info.st_size), nanoseconds(modified), nanoseconds(changed)};
}

// Reads an open file to its end, taking in at most `max_bytes` (a file growing while it is read
// cannot make it take more).
std::string read_all(int fd, const fs::path& file, std::size_t max_bytes) {
  std::string content;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("read", file, errno);
    if (n == 0) return content;
    if (content.size() + static_cast<std::size_t>(n) > max_bytes)
      throw Error("cannot read " + file.string() + ": it is too large (more than " + std::to_string(max_bytes) + " bytes)");
    content.append(buffer, static_cast<std::size_t>(n));
  }
}

// What a file that is not a regular file is, in words.
std::string kind_of(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a folder";
  return "not a plain file";
}

// A path from the environment must be absolute: a relative one would put files under whatever
// folder the host was started in (browsers start it in its own). The value is not echoed.
std::optional<fs::path> absolute_env(const char* name) {
  const auto value = env(name);
  if (!value) return std::nullopt;
  if (!fs::path(*value).is_absolute())
    throw Error(std::string(name) + " must be an absolute path; it is set to a relative one");
  return fs::path(*value);
}

}  // namespace

// ---- standard streams ----

void set_binary_stdio() {}

int take_stdout_for_frames() {
  const int frames = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (frames < 0) return STDOUT_FILENO;  // nothing better to do: keep the real stdout
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  return frames;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void ignore_broken_pipe() { std::signal(SIGPIPE, SIG_IGN); }

bool stdin_is_terminal() { return ::isatty(STDIN_FILENO) == 1; }

// ---- files ----

std::string temp_file_prefix(const fs::path& target) { return target.filename().string() + ".tmp-"; }

void write_file_atomically(const fs::path& target, std::string_view content, FileAccess access) {
  const mode_t mode = access == FileAccess::owner_only ? 0600 : 0644;
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  struct stat info {};
  if (::stat(dir.c_str(), &info) != 0 && errno == ENOENT)
    throw Error("cannot write " + target.string() + ": the folder " + dir.string() + " does not exist");
  // The rename would put a regular file where a device, FIFO, socket or folder was (as root,
  // /dev/null itself). A symlink is replaced, never followed, as before.
  if (::lstat(target.c_str(), &info) == 0 && !S_ISREG(info.st_mode) && !S_ISLNK(info.st_mode))
    throw Error("refusing to replace " + target.string() + ": it is " + kind_of(info.st_mode) + ", not a regular file");
  std::string temp = (dir / (temp_file_prefix(target) + "XXXXXX")).string();
  const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) fail("create a temporary file beside", target, errno);
  const auto abandon = [&](const std::string& what, int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    fail(what, temp, error);
  };
  if (::fchmod(fd, mode) != 0) abandon("set the permissions of", errno);
  for (std::string_view rest = content; !rest.empty();) {
    const ssize_t n = ::write(fd, rest.data(), rest.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) abandon("write", errno);
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  if (::fsync(fd) != 0) abandon("fsync", errno);
  if (::close(fd) != 0) {  // the descriptor is gone either way; the data may not be
    const int error = errno;
    ::unlink(temp.c_str());
    fail("close", temp, error);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    fail("replace", target, error);
  }
  const int dir_fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);  // makes the rename durable; a failure here cannot undo it, so not fatal
    ::close(dir_fd);
  }
}

std::optional<FileIdentity> identity_of(const fs::path& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return std::nullopt;
  return identity_from(info);
}

HeldFile& HeldFile::operator=(HeldFile&& other) noexcept {
  if (this != &other) {
    if (handle_ != -1) ::close(static_cast<int>(handle_));
    handle_ = other.handle_;
    other.handle_ = -1;
  }
  return *this;
}

HeldFile::~HeldFile() {
  if (handle_ != -1) ::close(static_cast<int>(handle_));
}

std::optional<FileRead> read_file_held(const fs::path& path, std::size_t max_bytes) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer (holding the store's
  // lock, so a second host would wait too). It changes nothing for a regular file.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail("read", path, errno);
  }
  FileRead read;
  read.held = HeldFile(fd);  // closes fd on every way out
  struct stat info {};
  if (::fstat(fd, &info) != 0) fail("read", path, errno);
  if (!S_ISREG(info.st_mode))
    throw Error("cannot read " + path.string() + ": it is " + kind_of(info.st_mode) + ", not a regular file");
  if (static_cast<std::uint64_t>(info.st_size) > max_bytes)
    throw Error("cannot read " + path.string() + ": it is too large (" + std::to_string(info.st_size) +
                " bytes; the limit is " + std::to_string(max_bytes) + ")");
  read.identity = identity_from(info);
  read.content = read_all(fd, path, max_bytes);
  return read;
}

std::optional<FileHold> hold_file(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  FileHold hold{{}, HeldFile(fd)};
  struct stat info {};
  if (::fstat(fd, &info) != 0) return std::nullopt;
  hold.identity = identity_from(info);
  return hold;
}

// O_NOFOLLOW: a symlink planted at the lock's name would make the host create or open any file.
FileLock::FileLock(const fs::path& lock_file, Mode mode, bool may_create, const std::function<void()>& waiting) {
  int fd = ::open(lock_file.c_str(), (may_create ? O_RDWR | O_CREAT : O_RDWR) | O_CLOEXEC | O_NOFOLLOW, 0600);
  // A reader in a directory it cannot write still takes the lock when the file exists.
  if (fd < 0 && !may_create && errno != ELOOP) fd = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ELOOP) throw Error("the lock file " + lock_file.string() + " is a symlink: refusing to follow it");
    if (!may_create) return;  // nothing to lock against: no writer has ever run here
    fail("open lock file", lock_file, errno);
  }
  const int operation = (mode == Mode::shared ? LOCK_SH : LOCK_EX) | LOCK_NB;
  const auto try_lock = [&] {
    while (::flock(fd, operation) != 0) {
      if (errno == EINTR) continue;
      if (errno == EWOULDBLOCK) return false;
      const int error = errno;
      ::close(fd);
      fail("lock", lock_file, error);
    }
    return true;
  };
  if (!lock_wait::take_within_limit(try_lock, waiting)) {
    ::close(fd);
    throw LockBusy(lock_wait::busy_text(lock_file));
  }
  handle_ = fd;
}

FileLock::~FileLock() {
  if (handle_ != -1) ::close(static_cast<int>(handle_));  // closing releases the flock
}

bool can_execute(const fs::path& path) { return ::access(path.c_str(), X_OK) == 0; }

std::string how_to_make_executable() { return "chmod +x it"; }

std::vector<std::string> replaceable_by_others(const fs::path& path, Ownership trusted_owner) {
  std::vector<std::string> problems;
  const uid_t self = ::geteuid();
  std::vector<fs::path> checked;
  const auto check_chain = [&](const fs::path& start) {
    for (fs::path at = start;; at = at.parent_path()) {
      if (std::find(checked.begin(), checked.end(), at) == checked.end()) {
        checked.push_back(at);
        struct stat info {};
        if (::lstat(at.c_str(), &info) != 0) {
          // Not there yet (a binary about to be copied): nobody can have planted it.
          if (errno != ENOENT) problems.push_back(at.string() + " cannot be checked: " + errno_text(errno));
        } else {
          const bool trusted =
              info.st_uid == 0 || (trusted_owner == Ownership::root_or_self && info.st_uid == self);
          if (!trusted)
            problems.push_back(at.string() + " is not owned by root" +
                               (trusted_owner == Ownership::root_or_self ? " or you" : "") + " (owner uid " +
                               std::to_string(info.st_uid) + ")");
          // A link's own mode means nothing (its folder's does); in a sticky folder (/tmp) others
          // cannot rename or delete what they do not own.
          const bool sticky_folder = S_ISDIR(info.st_mode) && (info.st_mode & S_ISVTX);
          if (!S_ISLNK(info.st_mode) && !sticky_folder && (info.st_mode & (S_IWGRP | S_IWOTH))) {
            char mode[8];
            std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(info.st_mode & 07777));
            problems.push_back(at.string() + " is writable by other users (mode " + mode + ")");
          }
        }
      }
      if (at == at.root_path() || at.parent_path() == at) break;
    }
  };
  std::error_code ec;
  const fs::path given = fs::absolute(path, ec).lexically_normal();
  if (!ec) check_chain(given);
  const fs::path real = fs::canonical(path, ec);
  if (!ec && real != given) check_chain(real);
  return problems;
}

// ---- the machine's and the user's folders ----

fs::path system_root() { return "/"; }

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

fs::path home_dir() {
  // A relative HOME would put the store and the log under the working folder: ask the password
  // database instead, as for an unset one.
  if (auto home = env("HOME"); home && fs::path(*home).is_absolute()) return fs::path(*home);
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr && pw->pw_dir[0] == '/')
    return fs::path(pw->pw_dir);
  throw Error("cannot find the home folder: HOME is unset or relative, and the password database has no home for this user");
}

fs::path data_dir() {
  if (auto chosen = absolute_env("LINKEDOUT_DATA_DIR")) return *chosen;
  const auto os = paths::current_os();
  std::optional<std::string> xdg;
  if (os == paths::Os::Linux)
    if (auto dir = absolute_env("XDG_DATA_HOME")) xdg = dir->string();
  return paths::data_dir(os, home_dir(), std::nullopt, xdg);
}

fs::path log_dir() {
  const auto os = paths::current_os();
  std::optional<std::string> xdg;
  if (os == paths::Os::Linux)
    if (auto dir = absolute_env("XDG_STATE_HOME")) xdg = dir->string();
  return paths::log_dir(os, home_dir(), xdg);
}

// ---- this process ----

std::vector<std::string> command_line_arguments(int argc, char** argv) { return {argv, argv + argc}; }

fs::path self_executable() {
#if defined(__APPLE__)
  std::uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::string buffer(size, '\0');
  if (_NSGetExecutablePath(buffer.data(), &size) != 0) throw Error("cannot find the running executable");
  return fs::canonical(buffer.c_str());
#else
  return fs::canonical("/proc/self/exe");
#endif
}

bool program_on_path(std::string_view name) {
  const auto path = env("PATH");
  if (!path) return false;
  std::string_view rest = *path;
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const auto dir = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (dir.empty()) continue;
    const auto candidate = fs::path(dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

std::optional<std::string> parent_command_line() {
  std::ifstream in("/proc/" + std::to_string(::getppid()) + "/cmdline", std::ios::binary);
  if (!in) return std::nullopt;
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// ---- time ----

std::int64_t now_utc() { return static_cast<std::int64_t>(std::time(nullptr)); }

namespace {

// A zone abbreviation as zones write them: "CET", "AEST", "+0530", or none. Anything else (the
// TZ variable's own text: TZ=AAAA… names itself AAAA…) is not shown.
bool believable_abbreviation(std::string_view name) {
  if (name.empty()) return true;
  if (name.size() > 6) return false;
  if (name[0] == '+' || name[0] == '-') {
    if (name.size() < 3) return false;
    for (const char c : name.substr(1))
      if (c < '0' || c > '9') return false;
    return true;
  }
  if (name.size() < 2) return false;
  for (const char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  return true;
}

}  // namespace

std::optional<ZoneAt> local_zone_at(std::int64_t utc_seconds) {
  const auto when = static_cast<std::time_t>(utc_seconds);
  std::tm local{};
  ::tzset();  // TZ may have changed since the last call (tests, long-lived hosts)
  if (!::localtime_r(&when, &local)) return std::nullopt;
  // Real zones lie between UTC-12 and UTC+14; glibc turns TZ=UTC+25 into a day's offset still
  // labelled "UTC", which would print yesterday's date as UTC.
  constexpr long kMaxOffset = 14 * 3600;
  if (local.tm_gmtoff < -kMaxOffset || local.tm_gmtoff > kMaxOffset) return std::nullopt;
  const std::string name = local.tm_zone ? local.tm_zone : "";
  if (!believable_abbreviation(name)) return std::nullopt;
  if ((name == "UTC" || name == "GMT" || name == "UCT") && local.tm_gmtoff != 0) return std::nullopt;
  return ZoneAt{local.tm_gmtoff, name};
}

}  // namespace linkedout::platform
