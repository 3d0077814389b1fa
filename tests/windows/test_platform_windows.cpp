// The Windows side of the platform seam, run as a Windows program (under Wine in the test run):
// Unicode paths end to end, the atomic replace, the store lock, the data folder, the registry.
#include <doctest/doctest.h>

#include <windows.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "paths.hpp"
#include "platform/platform.hpp"
#include "platform/registry.hpp"

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

}  // namespace

TEST_SUITE("windows platform") {

TEST_CASE("paths from UTF-8 text keep every letter; path::string() gives UTF-8 back") {
  const std::string text = "C:\\Users\\Zo\xC3\xAB\\\xE6\x95\xB0\xE6\x8D\xAE";  // Zoë, 数据
  const auto path = paths::from_utf8(text);
  CHECK(path.wstring() == L"C:\\Users\\Zo\u00EB\\\u6570\u636E");
  CHECK(path.string() == text);
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
  CHECK(read->wstring() == manifest.wstring());
  CHECK(platform::unregister_manifest(browser, paths::Scope::user, "C:\\other.json") == platform::Unregistered::not_ours);
  CHECK(platform::registered_manifest(browser, paths::Scope::user).has_value());
  CHECK(platform::unregister_manifest(browser, paths::Scope::user, manifest) == platform::Unregistered::removed);
  CHECK_FALSE(platform::registered_manifest(browser, paths::Scope::user).has_value());
  CHECK(platform::unregister_manifest(browser, paths::Scope::user, manifest) == platform::Unregistered::absent);
  CHECK(*platform::registry_key(browser, paths::Scope::user) ==
        "HKEY_CURRENT_USER\\Software\\Vivaldi\\NativeMessagingHosts\\io.linkedout.host");
}

TEST_CASE("Windows manifests may name the program relative to the manifest") {
  const auto manifest = fs::path("C:/LinkedOut/NativeMessagingHosts/chrome/io.linkedout.host.json");
  CHECK(fs::absolute(paths::manifest_program(manifest, "..\\..\\linkedout-host.exe")).lexically_normal() ==
        fs::path("C:/LinkedOut/linkedout-host.exe").lexically_normal());
  CHECK(platform::can_execute("C:/x/linkedout-host.EXE"));
  CHECK_FALSE(platform::can_execute("C:/x/linkedout-host.json"));
}

}  // TEST_SUITE
