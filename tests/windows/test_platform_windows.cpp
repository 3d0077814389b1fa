// The Windows side of the platform seam, run as a Windows program (under Wine in the test run):
// Unicode paths end to end, the atomic replace, the store lock, the data folder, the registry.
#include <doctest/doctest.h>

#include <windows.h>
#include <aclapi.h>
#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cli/host_manifest.hpp"
#include "logging.hpp"
#include "paths.hpp"
#include "platform/platform.hpp"
#include "platform/registry.hpp"
#include "store.hpp"

namespace fs = std::filesystem;
using namespace linkedout;

namespace {

// A fresh folder whose name needs UTF-16: a user named Zoë, a folder named 数据.
struct UnicodeDir {
  fs::path path = fs::temp_directory_path() / fs::path(u8"linkedout-Zoë-数据-test");
  UnicodeDir() {
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~UnicodeDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string read_all(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Sets an environment variable for the test's length (UTF-16, so Zoë stays Zoë), then restores it.
struct ScopedEnv {
  std::wstring name;
  std::optional<std::wstring> old;
  ScopedEnv(const wchar_t* variable, const std::wstring& value) : name(variable) {
    if (const wchar_t* was = _wgetenv(variable)) old = was;
    _wputenv_s(variable, value.c_str());
  }
  ~ScopedEnv() { _wputenv_s(name.c_str(), old ? old->c_str() : L""); }
};

// Adds an ACE giving `who` (a well-known group) `rights` on `path`, as an administrator or a
// careless installer could.
void grant(const fs::path& path, WELL_KNOWN_SID_TYPE who, DWORD rights) {
  BYTE sid[SECURITY_MAX_SID_SIZE];
  DWORD size = sizeof sid;
  REQUIRE(CreateWellKnownSid(who, nullptr, sid, &size));
  PACL old_dacl = nullptr;
  PSECURITY_DESCRIPTOR descriptor = nullptr;
  REQUIRE(GetNamedSecurityInfoW(path.c_str(), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr, nullptr, &old_dacl,
                                nullptr, &descriptor) == ERROR_SUCCESS);
  EXPLICIT_ACCESSW access{};
  access.grfAccessPermissions = rights;
  access.grfAccessMode = GRANT_ACCESS;
  access.grfInheritance = NO_INHERITANCE;
  access.Trustee.TrusteeForm = TRUSTEE_IS_SID;
  access.Trustee.TrusteeType = TRUSTEE_IS_WELL_KNOWN_GROUP;
  access.Trustee.ptstrName = reinterpret_cast<LPWSTR>(sid);
  PACL new_dacl = nullptr;
  REQUIRE(SetEntriesInAclW(1, &access, old_dacl, &new_dacl) == ERROR_SUCCESS);
  REQUIRE(SetNamedSecurityInfoW(const_cast<wchar_t*>(path.c_str()), SE_FILE_OBJECT, DACL_SECURITY_INFORMATION, nullptr,
                                nullptr, new_dacl, nullptr) == ERROR_SUCCESS);
  LocalFree(new_dacl);
  LocalFree(descriptor);
}

// Points the user's Local AppData known folder elsewhere (as a redirected profile does), then back.
struct RedirectedLocalAppData {
  static constexpr const wchar_t* kKey = L"Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders";
  std::wstring old;
  explicit RedirectedLocalAppData(const fs::path& to) {
    wchar_t value[MAX_PATH];
    DWORD size = sizeof value;
    if (RegGetValueW(HKEY_CURRENT_USER, kKey, L"Local AppData", RRF_RT_REG_SZ | RRF_RT_REG_EXPAND_SZ | RRF_NOEXPAND,
                     nullptr, value, &size) == ERROR_SUCCESS)
      old = value;
    set(to.wstring());
  }
  ~RedirectedLocalAppData() { set(old.empty() ? L"%USERPROFILE%\\AppData\\Local" : old); }
  static void set(const std::wstring& value) {
    REQUIRE(RegSetKeyValueW(HKEY_CURRENT_USER, kKey, L"Local AppData", REG_EXPAND_SZ, value.c_str(),
                            static_cast<DWORD>((value.size() + 1) * sizeof(wchar_t))) == ERROR_SUCCESS);
  }
};

bool mentions(const std::vector<std::string>& lines, const std::string& text) {
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& line) { return line.find(text) != std::string::npos; });
}

}  // namespace

TEST_SUITE("windows platform") {

TEST_CASE("paths from UTF-8 text keep every letter; path::string() gives UTF-8 back") {
  const std::string text = "C:\\Users\\Zo\xC3\xAB\\\xE6\x95\xB0\xE6\x8D\xAE";  // Zoë, 数据
  const auto path = paths::from_utf8(text);
  CHECK(path.wstring() == L"C:\\Users\\Zo\u00EB\\\u6570\u636E");
  CHECK(path.string() == text);
}

TEST_CASE("a file name that is not text (half a surrogate pair, which NTFS allows) has no UTF-8 name, and nothing throws") {
  std::wstring half = L"state.json.tmp-";
  half.push_back(static_cast<wchar_t>(0xD800));
  half += L"x";
  std::optional<std::string> name;
  CHECK_NOTHROW(name = paths::utf8_name(fs::path(L"C:\\data") / fs::path(half)));
  CHECK_FALSE(name.has_value());
  CHECK(paths::utf8_name(fs::path(L"C:\\data") / fs::path(u8"état-数据.json")) == std::optional<std::string>("\xC3\xA9tat-\xE6\x95\xB0\xE6\x8D\xAE.json"));
}

TEST_CASE("write_file_atomically replaces a file in a Unicode folder, whole, leaving no temp file") {
  UnicodeDir dir;
  const auto target = dir.path / fs::path(u8"état.json");
  platform::write_file_atomically(target, "first", platform::FileAccess::owner_only);
  platform::write_file_atomically(target, std::string("second\r\n\x1A", 9), platform::FileAccess::owner_only);
  CHECK(read_all(target) == std::string("second\r\n\x1A", 9));  // binary: no newline or Ctrl-Z translation
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir.path)) ++files;
  CHECK(files == 1);
}

// Another program holding `file` open without FILE_SHARE_DELETE (an antivirus or backup scan, an
// indexer): Windows refuses to replace it while the handle is open. Released after `for_ms`.
struct OtherProgramHolds {
  HANDLE handle;
  std::thread releaser;
  OtherProgramHolds(const fs::path& file, int for_ms)
      : handle(CreateFileW(file.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING,
                           FILE_ATTRIBUTE_NORMAL, nullptr)) {
    REQUIRE(handle != INVALID_HANDLE_VALUE);
    releaser = std::thread([this, for_ms] {
      std::this_thread::sleep_for(std::chrono::milliseconds(for_ms));
      CloseHandle(handle);
    });
  }
  ~OtherProgramHolds() { releaser.join(); }
};

int files_in(const fs::path& dir) {
  int files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  return files;
}

TEST_CASE("a replace waits out another program that holds the file for a moment (an antivirus scan)") {
  UnicodeDir dir;
  const auto target = dir.path / "state.json";
  platform::write_file_atomically(target, "before", platform::FileAccess::owner_only);
  {
    OtherProgramHolds scan(target, 300);
    CHECK_NOTHROW(platform::write_file_atomically(target, "after", platform::FileAccess::owner_only));
  }
  CHECK(read_all(target) == "after");
  CHECK(files_in(dir.path) == 1);  // no temporary file left beside it
}

TEST_CASE("a file held longer than the replace waits: a clear error, the old content kept, no temp file left") {
  UnicodeDir dir;
  const auto target = dir.path / "state.json";
  platform::write_file_atomically(target, "kept", platform::FileAccess::owner_only);
  std::string message;
  // Held until the write has given up (no timing to race with).
  HANDLE scan = CreateFileW(target.c_str(), GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, nullptr, OPEN_EXISTING,
                            FILE_ATTRIBUTE_NORMAL, nullptr);
  REQUIRE(scan != INVALID_HANDLE_VALUE);
  try {
    platform::write_file_atomically(target, "lost?", platform::FileAccess::owner_only);
  } catch (const platform::Error& error) {
    message = error.what();
  }
  CloseHandle(scan);
  CHECK(message.find("cannot replace") != std::string::npos);
  CHECK(message.find("another program") != std::string::npos);
  CHECK(read_all(target) == "kept");
  CHECK(files_in(dir.path) == 1);
}

TEST_CASE("a held read sees the version it read; the identity changes when the file is replaced") {
  UnicodeDir dir;
  const auto target = dir.path / "state.json";
  CHECK_FALSE(platform::read_file_held(target, 1024).has_value());
  platform::write_file_atomically(target, "one", platform::FileAccess::owner_only);
  auto read = platform::read_file_held(target, 1024);
  REQUIRE(read.has_value());
  CHECK(read->content == "one");
  // Replacing the file while it is held open must work (the store does exactly this).
  platform::write_file_atomically(target, "two!", platform::FileAccess::owner_only);
  const auto now = platform::identity_of(target);
  REQUIRE(now.has_value());
  CHECK_FALSE(*now == read->identity);
}

TEST_CASE("the store lock: exclusive is exclusive, a shared lock on a missing file holds nothing") {
  UnicodeDir dir;
  const auto lock_file = dir.path / "state.lock";
  { platform::FileLock nothing(lock_file, platform::FileLock::Mode::shared, false); }
  CHECK_FALSE(fs::exists(lock_file));
  platform::FileLock held(lock_file, platform::FileLock::Mode::exclusive, true);
  CHECK(fs::exists(lock_file));
  // Another handle cannot take the same range while it is held.
  HANDLE other = CreateFileW(lock_file.c_str(), GENERIC_READ | GENERIC_WRITE,
                             FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, nullptr, OPEN_EXISTING, 0, nullptr);
  REQUIRE(other != INVALID_HANDLE_VALUE);
  OVERLAPPED whole{};
  CHECK_FALSE(LockFileEx(other, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD, MAXDWORD, &whole));
  CloseHandle(other);
}

TEST_CASE("the store lock held by another: a second lock waits kStoreLockWait, says it waits, then LockBusy; free, it is taken") {
  UnicodeDir dir;
  const auto lock_file = dir.path / "state.lock";
  int waits = 0;
  {
    platform::FileLock held(lock_file, platform::FileLock::Mode::exclusive, true);
    const auto start = std::chrono::steady_clock::now();
    CHECK_THROWS_AS(platform::FileLock(lock_file, platform::FileLock::Mode::shared, false, [&] { ++waits; }),
                    platform::LockBusy);
    CHECK(std::chrono::steady_clock::now() - start >= platform::kStoreLockWait);
    CHECK(waits == 1);
  }
  CHECK_NOTHROW(platform::FileLock(lock_file, platform::FileLock::Mode::exclusive, false));
}

TEST_CASE("the data folder: LINKEDOUT_DATA_DIR wins, Unicode and all; else %LOCALAPPDATA%\\LinkedOut") {
  _wputenv_s(L"LINKEDOUT_DATA_DIR", L"C:\\Users\\Zo\u00EB\\\u6570\u636E");
  CHECK(platform::data_dir().wstring() == L"C:\\Users\\Zo\u00EB\\\u6570\u636E");
  _wputenv_s(L"LINKEDOUT_DATA_DIR", L"");
  const auto data = platform::data_dir();
  CHECK(data.filename() == "LinkedOut");
  CHECK(data.parent_path().filename().wstring() == L"Local");
  CHECK(platform::log_dir() == data / "logs");
}

TEST_CASE("the registry: a key named in UTF-16 round-trips a Unicode manifest path; unregister keeps another's") {
  const auto manifest = fs::path(L"C:\\Users\\Zo\u00EB\\\u6570\u636E\\io.linkedout.host.json");
  const auto browser = paths::Browser::vivaldi;
  platform::register_manifest(browser, paths::Scope::user, manifest);
  const auto read = platform::registered_manifest(browser, paths::Scope::user);
  REQUIRE(read.has_value());
  CHECK(read->type == "REG_SZ");
  CHECK(read->holds_path());
  CHECK(read->manifest.wstring() == manifest.wstring());
  CHECK(platform::unregister_manifest(browser, paths::Scope::user, "C:\\other.json") == platform::Unregistered::not_ours);
  CHECK(platform::registered_manifest(browser, paths::Scope::user).has_value());
  CHECK(platform::unregister_manifest(browser, paths::Scope::user, manifest) == platform::Unregistered::removed);
  CHECK_FALSE(platform::registered_manifest(browser, paths::Scope::user).has_value());
  CHECK(platform::unregister_manifest(browser, paths::Scope::user, manifest) == platform::Unregistered::absent);
  CHECK(*platform::registry_key(browser, paths::Scope::user) ==
        "HKEY_CURRENT_USER\\Software\\Vivaldi\\NativeMessagingHosts\\io.linkedout.host");
}

TEST_CASE("the host knows it is on Windows") { CHECK(paths::current_os() == paths::Os::Windows); }

TEST_CASE("a store file too large, a folder or a device is refused at once, with what it is") {
  UnicodeDir dir;
  const auto big = dir.path / "state.json";
  { std::ofstream(big, std::ios::binary) << "{"; }
  fs::resize_file(big, 3 * 1024 * 1024);
  try {
    platform::read_file_held(big, 1024 * 1024);
    FAIL("a 3 MiB file read under a 1 MiB cap");
  } catch (const platform::Error& e) {
    CHECK(std::string(e.what()).find("too large") != std::string::npos);
  }
  const auto folder = dir.path / "folder.json";
  fs::create_directories(folder);
  try {
    platform::read_file_held(folder, 1024);
    FAIL("a folder read as a file");
  } catch (const platform::Error& e) {
    CHECK(std::string(e.what()).find("a folder, not a regular file") != std::string::npos);
  }
  try {
    platform::read_file_held("NUL", 1024);  // the null device: reads as empty, forever
    FAIL("the NUL device read as a file");
  } catch (const platform::Error& e) {
    CHECK(std::string(e.what()).find("not a regular file") != std::string::npos);
  }
  // Through the store, each is a StoreError (the host answers store_error), and nothing is moved aside.
  fs::remove(big);
  fs::create_directories(dir.path / "state.json");
  Store store(dir.path);
  CHECK_THROWS_AS(store.load(), StoreError);
  CHECK(fs::is_directory(dir.path / "state.json"));
}

TEST_CASE("LINKEDOUT_DATA_DIR must be absolute (a drive and a root): a relative one is refused, never used") {
  // "\\data" and "C:data" lean on the working folder's drive or folder, as "data" does.
  for (const wchar_t* relative : {L"data", L"\\data", L"C:data"}) {
    CAPTURE(fs::path(relative).string());
    ScopedEnv chosen(L"LINKEDOUT_DATA_DIR", relative);
    CHECK_THROWS_AS(platform::data_dir(), platform::Error);
  }
}

TEST_CASE("%LOCALAPPDATA% is where the data and the log go, Unicode and all") {
  UnicodeDir dir;
  RedirectedLocalAppData local(dir.path);
  ScopedEnv no_choice(L"LINKEDOUT_DATA_DIR", L"");
  CHECK(platform::data_dir() == dir.path / "LinkedOut");
  CHECK(platform::log_dir() == dir.path / "LinkedOut" / "logs");
}

TEST_CASE("the host log is written in a folder named Zo\u00EB \u6570\u636E") {
  UnicodeDir dir;
  RedirectedLocalAppData local(dir.path);
  init_logging();
  spdlog::warn("log probe {}", "Zo\xC3\xAB");
  spdlog::default_logger()->flush();
  const auto log = dir.path / "LinkedOut" / "logs" / "host.log";
  CHECK(host_log_path() == log);
  CHECK(read_all(log).find("log probe Zo\xC3\xAB") != std::string::npos);
  spdlog::set_default_logger(spdlog::null_logger_st("after-log-test"));  // closes the file
}

TEST_CASE("install --system names the system drive: manifests under C:\\ProgramData, backslashes only") {
  cli::ManifestRequest request;
  for (const auto scope : {paths::Scope::system, paths::Scope::user}) {
    for (const auto& location : cli::locations(request, scope)) {
      const std::wstring file = location.file.wstring();
      CAPTURE(location.file.string());
      CHECK(location.file.is_absolute());
      CHECK(location.file.has_root_name());
      CHECK(file.find(L'/') == std::wstring::npos);
      if (scope == paths::Scope::system) CHECK(file.starts_with(platform::system_root().wstring() + L"ProgramData\\LinkedOut\\"));
    }
  }
  CHECK(platform::system_root().wstring().size() == 3);  // "C:\"
}

TEST_CASE("replaceable_by_others reads the access lists: Everyone, Users or Authenticated Users able to write") {
  UnicodeDir dir;
  const auto folder = dir.path / "LinkedOut";
  fs::create_directories(folder);
  const auto program = folder / "linkedout-host.exe";
  { std::ofstream(program, std::ios::binary) << "MZ"; }
  const auto before = platform::replaceable_by_others(program, platform::Ownership::root_or_self);
  for (const auto& line : before) MESSAGE("before: " << line);
  CHECK(before.empty());
  grant(program, WinWorldSid, FILE_GENERIC_WRITE);
  auto found = platform::replaceable_by_others(program, platform::Ownership::root_or_self);
  CHECK(mentions(found, program.string()));
  CHECK(mentions(found, "Everyone"));
  // The program's folder: a file added there (a DLL the program loads) counts too.
  UnicodeDir other;
  const auto folder2 = other.path / "LinkedOut";
  fs::create_directories(folder2);
  const auto program2 = folder2 / "linkedout-host.exe";
  { std::ofstream(program2, std::ios::binary) << "MZ"; }
  // (Everyone again: Wine keeps an access list as Unix mode bits, so only the owner's and
  // Everyone's grants survive there; Users and Authenticated Users go through the same code.)
  grant(folder2, WinWorldSid, FILE_ADD_FILE);
  found = platform::replaceable_by_others(program2, platform::Ownership::root_or_self);
  CHECK(mentions(found, folder2.string() + " can be changed by Everyone"));
  CHECK_FALSE(mentions(found, program2.string() + " "));  // the program itself is still the owner's alone
}

TEST_CASE("Windows manifests may name the program relative to the manifest") {
  const auto manifest = fs::path("C:/LinkedOut/NativeMessagingHosts/chrome/io.linkedout.host.json");
  CHECK(fs::absolute(paths::manifest_program(manifest, "..\\..\\linkedout-host.exe")).lexically_normal() ==
        fs::path("C:/LinkedOut/linkedout-host.exe").lexically_normal());
  CHECK(platform::can_execute("C:/x/linkedout-host.EXE"));
  CHECK_FALSE(platform::can_execute("C:/x/linkedout-host.json"));
}

}  // TEST_SUITE
