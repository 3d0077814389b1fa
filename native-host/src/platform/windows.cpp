// platform.hpp for Windows. Paths cross the API as UTF-16 (the …W functions) and leave it as
// UTF-8, so a user named Zoë or a folder named 数据 works end to end. stdin/stdout are anonymous
// pipes from the browser: binary mode, plain blocking reads (no overlapped I/O on them).
#include "platform/platform.hpp"

#include <windows.h>
#include <aclapi.h>
#include <fcntl.h>
#include <io.h>
#include <shellapi.h>
#include <sddl.h>
#include <shlobj.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cwctype>
#include <cstdlib>
#include <ctime>
#include <random>
#include <system_error>

#include "paths.hpp"
#include "platform/lock_wait.hpp"

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

// %LOCALAPPDATA%: the per-user folder for data that does not roam with the profile. The known
// folder first (it follows a redirected profile; the variable is a copy made at logon), then the
// variable when it is an absolute path, then the default under the profile folder.
fs::path local_app_data() {
  if (auto folder = known_folder(FOLDERID_LocalAppData); !folder.empty()) return folder;
  if (const wchar_t* set = _wgetenv(L"LOCALAPPDATA"); set != nullptr && fs::path(set).is_absolute()) return fs::path(set);
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
  // once the rename is on disk. A file another program holds open cannot be replaced: tried again
  // for kReplaceWaitsFor (a scan lets go within moments), then said.
  DWORD error = 0;
  const auto replaced = [&] {
    if (MoveFileExW(temp.c_str(), target.c_str(), MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH)) return true;
    error = GetLastError();
    if (error == ERROR_ACCESS_DENIED || error == ERROR_SHARING_VIOLATION || error == ERROR_LOCK_VIOLATION) return false;
    DeleteFileW(temp.c_str());
    fail("replace", target, error);
  };
  if (!lock_wait::take_within_limit(replaced, {}, kReplaceWaitsFor, std::chrono::milliseconds(10),
                                    std::chrono::milliseconds(250))) {
    DeleteFileW(temp.c_str());
    throw Error("cannot replace " + target.string() + ": " + system_text(error) + " (another program kept it open for " +
                std::to_string(kReplaceWaitsFor.count() / 1000) + " s, or it is read-only; the file was left as it was)");
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
    const DWORD error = GetLastError();
    if (missing(error)) return std::nullopt;
    // A folder cannot be opened as a file (access denied): say what it is instead.
    const DWORD attributes = GetFileAttributesW(path.c_str());
    if (attributes != INVALID_FILE_ATTRIBUTES && (attributes & FILE_ATTRIBUTE_DIRECTORY))
      throw Error("cannot read " + path.string() + ": it is a folder, not a regular file");
    fail("open", path, error);
  }
  // Not kept open: Windows refuses to rename over a file that any handle holds open (the store's
  // next write would fail), and NTFS file ids (64 bits) are not handed out again meanwhile.
  FileRead read;
  const HeldFile closes_it(reinterpret_cast<std::intptr_t>(file));
  // Only a plain disk file (a device such as NUL or CON, or a pipe, never ends or blocks), and
  // never more than max_bytes of it: refused at once, as on POSIX.
  switch (GetFileType(file)) {
    case FILE_TYPE_DISK: break;
    case FILE_TYPE_CHAR: throw Error("cannot read " + path.string() + ": it is a device, not a regular file");
    case FILE_TYPE_PIPE: throw Error("cannot read " + path.string() + ": it is a pipe, not a regular file");
    default: throw Error("cannot read " + path.string() + ": not a regular file");
  }
  LARGE_INTEGER size{};
  if (!GetFileSizeEx(file, &size)) fail("read the size of", path, GetLastError());
  if (static_cast<std::uint64_t>(size.QuadPart) > max_bytes)
    throw Error("cannot read " + path.string() + ": it is too large (" + std::to_string(size.QuadPart) +
                " bytes; the limit is " + std::to_string(max_bytes) + ")");
  char buffer[64 * 1024];
  for (;;) {
    DWORD n = 0;
    if (!ReadFile(file, buffer, sizeof buffer, &n, nullptr)) fail("read", path, GetLastError());
    if (n == 0) break;
    // A file growing while it is read cannot make the host take in more.
    if (read.content.size() + n > max_bytes)
      throw Error("cannot read " + path.string() + ": it is too large (more than " + std::to_string(max_bytes) + " bytes)");
    read.content.append(buffer, n);
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

FileLock::FileLock(const fs::path& lock_file, Mode mode, bool may_create, const std::function<void()>& waiting) {
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
  const DWORD flags = (mode == Mode::exclusive ? LOCKFILE_EXCLUSIVE_LOCK : 0) | LOCKFILE_FAIL_IMMEDIATELY;
  const auto try_lock = [&] {
    OVERLAPPED whole{};
    if (LockFileEx(file, flags, 0, MAXDWORD, MAXDWORD, &whole)) return true;
    const DWORD error = GetLastError();
    if (error == ERROR_LOCK_VIOLATION || error == ERROR_IO_PENDING) return false;  // another holds it
    CloseHandle(file);
    fail("lock", lock_file, error);
  };
  if (!lock_wait::take_within_limit(try_lock, waiting)) {
    CloseHandle(file);
    throw LockBusy(lock_wait::busy_text(lock_file));
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

namespace {

// The principals that stand for "other users": an ACE granting one of them a right lets every
// non-administrator on the machine (or every process of any user) use it.
struct OtherPrincipal {
  WELL_KNOWN_SID_TYPE type;
  const char* name;
};
constexpr OtherPrincipal kOtherPrincipals[] = {
    {WinWorldSid, "Everyone"},          {WinAuthenticatedUserSid, "Authenticated Users"},
    {WinBuiltinUsersSid, "Users"},      {WinInteractiveSid, "Interactive"},
    {WinBuiltinGuestsSid, "Guests"},    {WinAnonymousSid, "Anonymous Logon"},
    {WinNetworkSid, "Network"},         {WinBuiltinRemoteDesktopUsersSid, "Remote Desktop Users"},
};

const char* other_principal(PSID sid) {
  for (const auto& principal : kOtherPrincipals)
    if (IsWellKnownSid(sid, principal.type)) return principal.name;
  return nullptr;
}

// Owners that only an administrator acts as: Administrators, SYSTEM, TrustedInstaller.
bool administrative_owner(PSID sid) {
  if (IsWellKnownSid(sid, WinBuiltinAdministratorsSid) || IsWellKnownSid(sid, WinLocalSystemSid)) return true;
  PSID trusted_installer = nullptr;
  if (!ConvertStringSidToSidW(L"S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464", &trusted_installer))
    return false;
  const bool is = EqualSid(sid, trusted_installer);
  LocalFree(trusted_installer);
  return is;
}

bool is_current_user(PSID sid) {
  HANDLE token = nullptr;
  if (!OpenProcessToken(GetCurrentProcess(), TOKEN_QUERY, &token)) return false;
  DWORD size = 0;
  GetTokenInformation(token, TokenUser, nullptr, 0, &size);
  std::string buffer(size, '\0');
  const bool is = size > 0 && GetTokenInformation(token, TokenUser, buffer.data(), size, &size) &&
                  EqualSid(sid, reinterpret_cast<TOKEN_USER*>(buffer.data())->User.Sid);
  CloseHandle(token);
  return is;
}

// Whether this process acts as an administrator (elevated: under UAC an administrator's
// ordinary token holds the group only to deny).
bool running_as_administrator() {
  BYTE sid[SECURITY_MAX_SID_SIZE];
  DWORD size = sizeof sid;
  BOOL member = FALSE;
  return CreateWellKnownSid(WinBuiltinAdministratorsSid, nullptr, sid, &size) &&
         CheckTokenMembership(nullptr, sid, &member) && member;
}

std::string account_name(PSID sid) {
  wchar_t name[256], domain[256];
  DWORD name_size = 256, domain_size = 256;
  SID_NAME_USE use;
  if (LookupAccountSidW(nullptr, sid, name, &name_size, domain, &domain_size, &use))
    return utf8_of(domain_size > 0 ? (std::wstring(domain) + L"\\" + name).c_str() : name);
  LPWSTR text = nullptr;
  if (!ConvertSidToStringSidW(sid, &text)) return "an unknown account";
  std::string result = utf8_of(text);
  LocalFree(text);
  return result;
}

// What lets someone replace what the browser runs: on the program, writing it, deleting (or
// renaming) it, or changing who may; on its folder, also adding a file (a DLL the program would
// load from beside itself) or deleting one; on a folder above, deleting or renaming what is in
// it, or changing who may (adding a new entry there replaces nothing, as in C:\ itself).
enum class Role { program, its_folder, above };
DWORD rights_that_replace(Role role) {
  const DWORD always = DELETE | WRITE_DAC | WRITE_OWNER;
  switch (role) {
    case Role::program: return always | FILE_WRITE_DATA | FILE_APPEND_DATA;
    case Role::its_folder: return always | FILE_ADD_FILE | FILE_DELETE_CHILD;
    case Role::above: return always | FILE_DELETE_CHILD;
  }
  return always;
}

// Appends why others could replace `at` (one line each) to `problems`.
void check_access(const fs::path& at, Role role, Ownership trusted_owner, std::vector<std::string>& problems) {
  PSID owner = nullptr;
  PACL dacl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  const DWORD status = GetNamedSecurityInfoW(at.c_str(), SE_FILE_OBJECT,
                                             OWNER_SECURITY_INFORMATION | DACL_SECURITY_INFORMATION, &owner, nullptr,
                                             &dacl, nullptr, &descriptor);
  if (status == ERROR_FILE_NOT_FOUND || status == ERROR_PATH_NOT_FOUND) return;  // not there yet: nobody planted it
  if (status != ERROR_SUCCESS) {
    problems.push_back(at.string() + " cannot be checked: " + system_text(status));
    return;
  }
  // You may own it (per user); system-wide, only when you are an administrator yourself (an
  // elevated install: the owner is then an administrator's account).
  const bool trusted_self = owner != nullptr && is_current_user(owner) && (trusted_owner == Ownership::root_or_self || running_as_administrator());
  if (owner != nullptr && !administrative_owner(owner) && !trusted_self) {
    if (const char* others = other_principal(owner))
      problems.push_back(at.string() + " is owned by " + others + ", who may change its access");
    else if (trusted_owner == Ownership::root_only)
      problems.push_back(at.string() + " is owned by " + account_name(owner) + ", not by an administrator");
    else
      problems.push_back(at.string() + " is owned by " + account_name(owner) + ", not by you or an administrator");
  }
  if (dacl == nullptr) {
    // A NULL access list grants everything to everyone.
    problems.push_back(at.string() + " has no access list: everyone may change it");
  } else {
    GENERIC_MAPPING mapping{FILE_GENERIC_READ, FILE_GENERIC_WRITE, FILE_GENERIC_EXECUTE, FILE_ALL_ACCESS};
    for (DWORD i = 0; i < dacl->AceCount; ++i) {
      void* ace = nullptr;
      if (!GetAce(dacl, i, &ace)) continue;
      const auto* header = static_cast<ACE_HEADER*>(ace);
      // Only what applies to this very file or folder; deny entries are not weighed against the
      // grants (a grant to others is reported even if a deny before it narrows it: never missed).
      if (header->AceType != ACCESS_ALLOWED_ACE_TYPE || (header->AceFlags & INHERIT_ONLY_ACE)) continue;
      const auto* allowed = static_cast<ACCESS_ALLOWED_ACE*>(ace);
      PSID sid = const_cast<DWORD*>(&allowed->SidStart);
      const char* others = other_principal(sid);
      if (others == nullptr) continue;
      DWORD mask = allowed->Mask;
      MapGenericMask(&mask, &mapping);
      if (mask & rights_that_replace(role))
        problems.push_back(at.string() + " can be changed by " + others + " (its access list lets them " +
                           (role == Role::program ? "write or replace it" : "add, delete or rename what is in it") + ")");
    }
  }
  LocalFree(descriptor);
}

}  // namespace

// Windows guards a program by access lists and owners, not mode bits: for the program, its folder
// and each folder above (as given and as it really is, links resolved), any grant that lets other
// users (Everyone, Users, Authenticated Users, …) replace the program, and an owner other than an
// administrator (or, per user, you). Under Wine the lists are made from the Unix mode bits, so a
// world-writable folder shows as Everyone's.
std::vector<std::string> replaceable_by_others(const fs::path& path, Ownership trusted_owner) {
  std::vector<std::string> problems;
  std::vector<fs::path> checked;
  const auto check_chain = [&](const fs::path& start) {
    Role role = Role::program;
    for (fs::path at = start;; at = at.parent_path()) {
      if (std::find(checked.begin(), checked.end(), at) == checked.end()) {
        checked.push_back(at);
        check_access(at, role, trusted_owner, problems);
      }
      role = role == Role::program ? Role::its_folder : Role::above;
      if (at == at.root_path() || at.parent_path() == at || !at.has_relative_path()) break;
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

fs::path system_root() {
  wchar_t windows[MAX_PATH];
  const UINT n = GetSystemWindowsDirectoryW(windows, MAX_PATH);
  if (n == 0 || n >= MAX_PATH) return fs::path(L"C:\\");
  return fs::path(windows).root_path();
}

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
  if (const wchar_t* chosen = _wgetenv(L"LINKEDOUT_DATA_DIR"); chosen != nullptr && *chosen != L'\0') {
    // Absolute means a drive and a root (C:\…) or a share (\\server\…): "data", "\data" and
    // "C:data" all depend on the folder or drive the host was started in (the browser's choice).
    // The value is not echoed.
    if (!fs::path(chosen).is_absolute())
      throw Error("LINKEDOUT_DATA_DIR must be an absolute path (with a drive, such as C:\\…); it is set to a relative one");
    return fs::path(chosen);
  }
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
