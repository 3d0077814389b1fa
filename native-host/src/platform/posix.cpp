// platform.hpp for Linux and macOS.
#include "platform.hpp"

#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iterator>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

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

// Reads an open file to its end.
std::string read_all(int fd, const fs::path& file) {
  std::string content;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail("read", file, errno);
    if (n == 0) return content;
    content.append(buffer, static_cast<std::size_t>(n));
  }
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

std::optional<FileRead> read_file_held(const fs::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail("read", path, errno);
  }
  FileRead read;
  read.held = HeldFile(fd);  // closes fd on every way out
  struct stat info {};
  if (::fstat(fd, &info) != 0) fail("read", path, errno);
  read.identity = identity_from(info);
  read.content = read_all(fd, path);
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
FileLock::FileLock(const fs::path& lock_file, Mode mode, bool may_create) {
  int fd = ::open(lock_file.c_str(), (may_create ? O_RDWR | O_CREAT : O_RDWR) | O_CLOEXEC | O_NOFOLLOW, 0600);
  // A reader in a directory it cannot write still takes the lock when the file exists.
  if (fd < 0 && !may_create && errno != ELOOP) fd = ::open(lock_file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ELOOP) throw Error("the lock file " + lock_file.string() + " is a symlink: refusing to follow it");
    if (!may_create) return;  // nothing to lock against: no writer has ever run here
    fail("open lock file", lock_file, errno);
  }
  while (::flock(fd, mode == Mode::shared ? LOCK_SH : LOCK_EX) != 0) {
    if (errno == EINTR) continue;
    const int error = errno;
    ::close(fd);
    fail("lock", lock_file, error);
  }
  handle_ = fd;
}

FileLock::~FileLock() {
  if (handle_ != -1) ::close(static_cast<int>(handle_));  // closing releases the flock
}

bool can_execute(const fs::path& path) { return ::access(path.c_str(), X_OK) == 0; }

std::string how_to_make_executable() { return "chmod +x it"; }

// ---- the user's folders ----

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

fs::path home_dir() {
  if (auto home = env("HOME")) return fs::path(*home);
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr)
    return fs::path(pw->pw_dir);
  throw Error("cannot find the home directory: HOME is unset and the user has no passwd entry");
}

fs::path data_dir() {
  return paths::data_dir(paths::current_os(), home_dir(), env("LINKEDOUT_DATA_DIR"), env("XDG_DATA_HOME"));
}

fs::path log_dir() { return paths::log_dir(paths::current_os(), home_dir(), env("XDG_STATE_HOME")); }

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

std::optional<ZoneAt> local_zone_at(std::int64_t utc_seconds) {
  const auto when = static_cast<std::time_t>(utc_seconds);
  std::tm local{};
  ::tzset();  // TZ may have changed since the last call (tests, long-lived hosts)
  if (!::localtime_r(&when, &local)) return std::nullopt;
  return ZoneAt{local.tm_gmtoff, local.tm_zone ? local.tm_zone : ""};
}

}  // namespace linkedout::platform
