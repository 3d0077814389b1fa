// platform.hpp for Windows. Paths cross the API as UTF-16 (the …W functions) and leave it as
// UTF-8, so a user named Zoë or a folder named 数据 works end to end. stdin/stdout are anonymous
// pipes from the browser: binary mode, plain blocking reads (no overlapped I/O on them).
#include "platform/platform.hpp"

#include <windows.h>
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>
#include <shlobj.h>

#include <cstdio>
#include <cwctype>
#include <cstdlib>
#include <ctime>
#include <random>
#include <system_error>

#include "paths.hpp"

namespace linkedout::platform {
namespace fs = std::filesystem;

namespace {

std::string system_text(DWORD error) { return std::system_category().message(static_cast<int>(error)); }

[[noreturn]] void fail(const std::string& what, const fs::path& where, DWORD error) {
  throw Error("cannot " + what + " " + where.string() + ": " + system_text(error));
}

// Windows counts time in 100 ns ticks since 1601; the identity only needs them as one number.
std::int64_t ticks(const LARGE_INTEGER& time) { return time.QuadPart; }
std::int64_t ticks(const FILETIME& time) {
  return static_cast<std::int64_t>((static_cast<std::uint64_t>(time.dwHighDateTime) << 32) | time.dwLowDateTime);
}

std::optional<FileIdentity> identity_from(HANDLE file) {
  BY_HANDLE_FILE_INFORMATION info{};
  if (!GetFileInformationByHandle(file, &info)) return std::nullopt;
  FileIdentity identity;
  identity.device = info.dwVolumeSerialNumber;
  identity.file = (static_cast<std::uint64_t>(info.nFileIndexHigh) << 32) | info.nFileIndexLow;
  identity.size = (static_cast<std::uint64_t>(info.nFileSizeHigh) << 32) | info.nFileSizeLow;
  identity.modified_ns = ticks(info.ftLastWriteTime) * 100;
  FILE_BASIC_INFO basic{};
  identity.changed_ns = GetFileInformationByHandleEx(file, FileBasicInfo, &basic, sizeof basic)
                            ? ticks(basic.ChangeTime) * 100 : identity.modified_ns;
  return identity;
}

// Opened for reading, shared so that the store can still be replaced (renamed over) while held.
HANDLE open_for_reading(const fs::path& path) {
  return CreateFileW(path.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr,
                     OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
}

bool missing(DWORD error) { return error == ERROR_FILE_NOT_FOUND || error == ERROR_PATH_NOT_FOUND; }

std::string utf8_of(const wchar_t* text) { return fs::path(text).string(); }  // libstdc++: UTF-16 → UTF-8

fs::path known_folder(REFKNOWNFOLDERID id) {
  PWSTR folder = nullptr;
  fs::path result;
  if (SUCCEEDED(SHGetKnownFolderPath(id, KF_FLAG_DEFAULT, nullptr, &folder))) result = fs::path(folder);
  CoTaskMemFree(folder);
  return result;
}

// %LOCALAPPDATA%: the per-user folder for data that does not roam with the profile.
fs::path local_app_data() {
  if (auto folder = known_folder(FOLDERID_LocalAppData); !folder.empty()) return folder;
  return home_dir() / "AppData" / "Local";
}

}  // namespace

// ---- standard streams ----

void set_binary_stdio() {
  _setmode(_fileno(stdin), _O_BINARY);
  _setmode(_fileno(stdout), _O_BINARY);
}

int take_stdout_for_frames() {
  std::fflush(stdout);
  const int frames = _dup(_fileno(stdout));
  if (frames < 0) return _fileno(stdout);
  _setmode(frames, _O_BINARY);
  _dup2(_fileno(stderr), _fileno(stdout));
  SetStdHandle(STD_OUTPUT_HANDLE, GetStdHandle(STD_ERROR_HANDLE));
  return frames;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const unsigned chunk = bytes.size() > (1u << 30) ? (1u << 30) : static_cast<unsigned>(bytes.size());
    const int n = _write(fd, bytes.data(), chunk);
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

void ignore_broken_pipe() {}  // Windows has no SIGPIPE: a write to a closed pipe fails

bool stdin_is_terminal() { return _isatty(_fileno(stdin)) != 0; }

// ---- files ----

std::string temp_file_prefix(const fs::path& target) { return target.filename().string() + ".tmp-"; }

void write_file_atomically(const fs::path& target, std::string_view content, FileAccess) {
  // The folders LinkedOut writes to (%LOCALAPPDATA%, ProgramData) carry the access they should
  // by inheritance: owner_only and world_readable need nothing more here.
  const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::random_device random;
  HANDLE file = INVALID_HANDLE_VALUE;
  fs::path temp;
  for (int attempt = 0; attempt < 100 && file == INVALID_HANDLE_VALUE; ++attempt) {
    char suffix[9];
    std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
    temp = dir / fs::path(temp_file_prefix(target) + suffix);
    // CREATE_NEW: never opens an existing file or link of that name.
    file = CreateFileW(temp.c_str(), GENERIC_WRITE, 0, nullptr, CREATE_NEW, FILE_ATTRIBUTE_NORMAL, nullptr);
    if (file == INVALID_HANDLE_VALUE && GetLastError() != ERROR_FILE_EXISTS) fail("create a temporary file beside", target, GetLastError());
  }
  if (file == INVALID_HANDLE_VALUE) fail("create a temporary file beside", target, ERROR_FILE_EXISTS);
  const auto abandon = [&](const std::string& what) {
    const DWORD error = GetLastError();
    CloseHandle(file);
    DeleteFileW(temp.c_str());
    fail(what, temp, error);
  };
  for (std::string_view rest = content; !rest.empty();) {
    DWORD written = 0;
    const DWORD chunk = rest.size() > (1u << 30) ? (1u << 30) : static_cast<DWORD>(rest.size());
    if (!WriteFile(file, rest.data(), chunk, &written, nullptr)) abandon("write");
    rest.remove_prefix(written);
  }
  if (!FlushFileBuffers(file)) abandon("flush");
  CloseHandle(file);
  // Replaces a file or a link at `target` (a link is replaced, not followed) and returns only
  // once the rename is on disk.
  if (!MoveFileExW(temp.c_str(), target.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) {
    const DWORD error = GetLastError();
    DeleteFileW(temp.c_str());
    fail("replace", target, error);
  }
}

std::optional<FileIdentity> identity_of(const fs::path& path) {
  HANDLE file = CreateFileW(path.c_str(), FILE_READ_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                            nullptr, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, nullptr);
  if (file == INVALID_HANDLE_VALUE) return std::nullopt;
  auto identity = identity_from(file);
  CloseHandle(file);
  return identity;
}

HeldFile& HeldFile::operator=(HeldFile&& other) noexcept {
  if (this != &other) {
    if (handle_ != -1) CloseHandle(reinterpret_cast<HANDLE>(handle_));
    handle_ = other.handle_;
    other.handle_ = -1;
  }
  return *this;
}

HeldFile::~HeldFile() {
  if (handle_ != -1) CloseHandle(reinterpret_cast<HANDLE>(handle_));
}

std::optional<FileRead> read_file_held(const fs::path& path, std::size_t max_bytes) {
  HANDLE file = open_for_reading(path);
  if (file == INVALID_HANDLE_VALUE) {
    if (missing(GetLastError())) return std::nullopt;
    fail("open", path, GetLastError());
  }
  // Not kept open: Windows refuses to rename over a file that any handle holds open (the store's
  // next write would fail), and NTFS file ids (64 bits) are not handed out again meanwhile.
  FileRead read;
  const HeldFile closes_it(reinterpret_cast<std::intptr_t>(file));
  // Only a plain disk file, and never more than max_bytes of it (a pipe or a huge file is refused
  // at once, as on POSIX).
  if (GetFileType(file) != FILE_TYPE_DISK)
    throw Error("cannot read " + path.string() + ": not a regular file");
  char buffer[64 * 1024];
  for (;;) {
    DWORD n = 0;
    if (!ReadFile(file, buffer, sizeof buffer, &n, nullptr)) fail("read", path, GetLastError());
    if (n == 0) break;
    read.content.append(buffer, n);
    if (read.content.size() > max_bytes)
      throw Error("cannot read " + path.string() + ": larger than " + std::to_string(max_bytes) + " bytes");
  }
  const auto identity = identity_from(file);
  if (!identity) fail("read the identity of", path, GetLastError());
  read.identity = *identity;
  return read;
}

std::optional<FileHold> hold_file(const fs::path& path) {
  HANDLE file = open_for_reading(path);
  if (file == INVALID_HANDLE_VALUE) return std::nullopt;
  FileHold hold;  // not kept open either (see read_file_held)
  const HeldFile closes_it(reinterpret_cast<std::intptr_t>(file));
  const auto identity = identity_from(file);
  if (!identity) return std::nullopt;
  hold.identity = *identity;
  return hold;
}

FileLock::FileLock(const fs::path& lock_file, Mode mode, bool may_create) {
  // FILE_FLAG_OPEN_REPARSE_POINT: a link planted at the lock's name is opened itself, not followed.
  const DWORD share = FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE;
  HANDLE file = CreateFileW(lock_file.c_str(), GENERIC_READ | GENERIC_WRITE, share, nullptr,
                            may_create ? OPEN_ALWAYS : OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (file == INVALID_HANDLE_VALUE && !may_create && GetLastError() == ERROR_ACCESS_DENIED)
    file = CreateFileW(lock_file.c_str(), GENERIC_READ, share, nullptr, OPEN_EXISTING,
                       FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
  if (file == INVALID_HANDLE_VALUE) {
    if (!may_create && mode == Mode::shared && missing(GetLastError())) return;  // no writer ever ran here
    fail("open the lock", lock_file, GetLastError());
  }
  OVERLAPPED whole{};
  if (!LockFileEx(file, mode == Mode::exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0, 0, MAXDWORD, MAXDWORD, &whole)) {
    const DWORD error = GetLastError();
    CloseHandle(file);
    fail("lock", lock_file, error);
  }
  handle_ = reinterpret_cast<std::intptr_t>(file);
}

FileLock::~FileLock() {
  if (handle_ == -1) return;
  HANDLE file = reinterpret_cast<HANDLE>(handle_);
  OVERLAPPED whole{};
  UnlockFileEx(file, 0, MAXDWORD, MAXDWORD, &whole);
  CloseHandle(file);
}

bool can_execute(const fs::path& path) {
  std::wstring extension = path.extension().wstring();
  for (auto& c : extension) c = static_cast<wchar_t>(towlower(c));
  return extension == L".exe" || extension == L".com" || extension == L".bat" || extension == L".cmd";
}

std::string how_to_make_executable() { return "name the program itself, linkedout-host.exe"; }

// Windows guards the program's folder by ACLs, not by owner and mode bits. Reading them (who may
// write %ProgramFiles% or the per-user folder) is not done yet: nothing is reported here, and
// docs/security.md says the Windows installs rely on the MSI's folders (Program Files for a
// per-machine install, the user's own %LOCALAPPDATA% otherwise).
std::vector<std::string> replaceable_by_others(const fs::path&, Ownership) { return {}; }

// ---- the user's folders ----

std::optional<std::string> env(const char* name) {
  const std::wstring wide_name = fs::path(name).wstring();
  const wchar_t* value = _wgetenv(wide_name.c_str());
  if (value == nullptr || *value == L'\0') return std::nullopt;
  return utf8_of(value);
}

fs::path home_dir() {
  if (const wchar_t* profile = _wgetenv(L"USERPROFILE"); profile != nullptr && *profile != L'\0') return fs::path(profile);
  if (auto folder = known_folder(FOLDERID_Profile); !folder.empty()) return folder;
  throw Error("cannot find the home folder: USERPROFILE is unset and Windows does not say");
}

fs::path data_dir() {
  if (const wchar_t* chosen = _wgetenv(L"LINKEDOUT_DATA_DIR"); chosen != nullptr && *chosen != L'\0') return fs::path(chosen);
  return local_app_data() / "LinkedOut";
}

fs::path log_dir() { return local_app_data() / "LinkedOut" / "logs"; }

// ---- this process ----

std::vector<std::string> command_line_arguments(int argc, char** argv) {
  int count = 0;
  LPWSTR* wide = CommandLineToArgvW(GetCommandLineW(), &count);
  if (wide == nullptr) return {argv, argv + argc};
  std::vector<std::string> args;
  for (int i = 0; i < count; ++i) args.push_back(utf8_of(wide[i]));
  LocalFree(wide);
  return args;
}

fs::path self_executable() {
  std::wstring buffer(MAX_PATH, L'\0');
  for (;;) {
    const DWORD n = GetModuleFileNameW(nullptr, buffer.data(), static_cast<DWORD>(buffer.size()));
    if (n == 0) throw Error("cannot find the running executable: " + system_text(GetLastError()));
    if (n < buffer.size()) {
      buffer.resize(n);
      break;
    }
    buffer.resize(buffer.size() * 2);
  }
  std::error_code ec;
  auto resolved = fs::canonical(fs::path(buffer), ec);
  return ec ? fs::path(buffer) : resolved;
}

bool program_on_path(std::string_view name) {
  const wchar_t* path = _wgetenv(L"PATH");
  if (path == nullptr) return false;
  const fs::path program(std::u8string(name.begin(), name.end()));
  std::wstring_view rest = path;
  while (!rest.empty()) {
    const auto end = rest.find(L';');
    const std::wstring dir(rest.substr(0, end));
    rest = end == std::wstring_view::npos ? std::wstring_view{} : rest.substr(end + 1);
    if (dir.empty()) continue;
    std::error_code ec;
    for (const auto& candidate : {fs::path(dir) / program, fs::path(dir) / fs::path(program).concat(".exe")})
      if (fs::is_regular_file(candidate, ec)) return true;
  }
  return false;
}

// Chrome on Windows starts the host through cmd.exe and says who it is on the command line
// (origin, --parent-window); the browser's own command line is not read.
std::optional<std::string> parent_command_line() { return std::nullopt; }

// ---- time ----

std::int64_t now_utc() { return static_cast<std::int64_t>(std::time(nullptr)); }

std::optional<ZoneAt> local_zone_at(std::int64_t utc_seconds) {
  const __time64_t at = utc_seconds;
  std::tm local{};
  if (_localtime64_s(&local, &at) != 0) return std::nullopt;
  const __time64_t as_if_utc = _mkgmtime64(&local);
  if (as_if_utc == -1) return std::nullopt;
  // Windows names zones in long words ("W. Europe Standard Time"), not abbreviations: none.
  return ZoneAt{static_cast<long>(as_if_utc - at), ""};
}

}  // namespace linkedout::platform
