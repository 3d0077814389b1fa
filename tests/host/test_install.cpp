// install / uninstall against temp directories: every browser, detection, --manifest-dir,
// id overrides, "uninstall leaves nothing", and the manifest templates packaging uses.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/host_manifest.hpp"
#include "cli/manifest_options.hpp"
#include "test_cli_process.hpp"

namespace cli = linkedout::cli;
namespace paths = linkedout::paths;
using linkedout::cli_test::read_text;
using linkedout::cli_test::run_process;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
using nlohmann::json;
namespace fs = std::filesystem;
using test_support::kChromeOrigin;
using test_support::kGeckoId;

namespace {

// PATH pointed at a directory we control, so "is the browser installed" does not depend on the
// machine running the tests.
class PathGuard {
 public:
  explicit PathGuard(const fs::path& dir) : old_(std::getenv("PATH") ? std::getenv("PATH") : "") {
    fs::create_directories(dir);
    ::setenv("PATH", dir.c_str(), 1);
  }
  ~PathGuard() { ::setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

struct InstallRun {
  int code;
  std::string out, err;
};

cli::ManifestRequest request_for(const TempDir& tmp) {
  cli::ManifestRequest request;
  request.home = tmp / "home";
  request.os = paths::Os::Linux;
  request.host_path = fs::path(LINKEDOUT_HOST_BINARY);
  return request;
}

InstallRun install(const cli::ManifestRequest& request) {
  std::ostringstream out, err;
  const int code = cli::run_install(request, out, err);
  return {code, out.str(), err.str()};
}

InstallRun uninstall(const cli::ManifestRequest& request) {
  std::ostringstream out, err;
  const int code = cli::run_uninstall(request, out, err);
  return {code, out.str(), err.str()};
}

std::set<std::string> tree(const fs::path& root) {
  std::set<std::string> entries;
  if (!fs::exists(root)) return entries;
  for (const auto& entry : fs::recursive_directory_iterator(root)) entries.insert(entry.path().string());
  return entries;
}

}  // namespace

TEST_CASE("install --browser X writes the manifest that browser reads, for every browser") {
  for (const auto& browser : paths::browsers()) {
    CAPTURE(browser.name);
    TempDir tmp;
    auto request = request_for(tmp);
    request.browser = browser.browser;
    const auto result = install(request);
    CHECK(result.code == 0);
    const auto file = paths::manifest_path(browser.browser, paths::Os::Linux, paths::Scope::user, tmp / "home");
    REQUIRE(fs::is_regular_file(file));
    CHECK(result.out.find("installed " + std::string(browser.display_name) + " (user): " + file.string()) !=
          std::string::npos);
    const auto doc = json::parse(read_text(file));
    CHECK(doc["name"] == "io.linkedout.host");
    CHECK(doc["type"] == "stdio");
    CHECK(doc["path"] == LINKEDOUT_HOST_BINARY);
    CHECK(doc["description"].is_string());
    if (browser.family == paths::Family::chromium) {
      CHECK(doc["allowed_origins"] == json::array({kChromeOrigin}));
      CHECK_FALSE(doc.contains("allowed_extensions"));
    } else {
      CHECK(doc["allowed_extensions"] == json::array({kGeckoId}));
      CHECK_FALSE(doc.contains("allowed_origins"));
    }
    struct stat info {};
    REQUIRE(::stat(file.c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0644);
    // Nothing but the manifest in its directory (no temp file left).
    CHECK(tree(file.parent_path()) == std::set<std::string>{file.string()});
  }
}

TEST_CASE("install with --browser all installs for the browsers found and names those it skipped") {
  TempDir tmp;
  PathGuard path(tmp / "bin");
  fs::create_directories(tmp / "home/.config/google-chrome/Default");  // Chrome has run
  fs::create_directories(tmp / "home/.mozilla/firefox");                // Firefox has run
  write_text(tmp / "bin/brave-browser", "#!/bin/sh\n");                  // Brave installed, never run
  fs::permissions(tmp / "bin/brave-browser", fs::perms::owner_all);
  const auto result = install(request_for(tmp));
  CHECK(result.code == 0);
  CHECK(fs::exists(tmp / "home/.config/google-chrome/NativeMessagingHosts/io.linkedout.host.json"));
  CHECK(fs::exists(tmp / "home/.mozilla/native-messaging-hosts/io.linkedout.host.json"));
  CHECK(fs::exists(tmp / "home/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/io.linkedout.host.json"));
  CHECK_FALSE(fs::exists(tmp / "home/.config/chromium"));
  CHECK_FALSE(fs::exists(tmp / "home/.config/microsoft-edge"));
  CHECK_FALSE(fs::exists(tmp / "home/.config/vivaldi"));
  CHECK(result.out.find("skipped (not found for this user): chromium, edge, vivaldi") != std::string::npos);
}

TEST_CASE("install with no browser anywhere succeeds and says nothing was installed") {
  TempDir tmp;
  PathGuard path(tmp / "bin");
  fs::create_directories(tmp / "home");
  const auto result = install(request_for(tmp));
  CHECK(result.code == 0);
  CHECK(result.out.find("no browser found, nothing installed") != std::string::npos);
  CHECK(tree(tmp / "home").empty());
}

TEST_CASE("install --manifest-dir writes exactly there, and needs one browser") {
  TempDir tmp;
  auto request = request_for(tmp);
  request.manifest_dir = tmp / "profile/NativeMessagingHosts";
  SUBCASE("no browser: a usage error, nothing written") {
    const auto result = install(request);
    CHECK(result.code == cli::kExitUsage);
    CHECK(result.err.find("--manifest-dir needs one --browser") != std::string::npos);
    CHECK_FALSE(fs::exists(tmp / "profile"));
  }
  SUBCASE("firefox") {
    request.browser = paths::Browser::firefox;
    CHECK(install(request).code == 0);
    CHECK(tree(tmp.path()) == std::set<std::string>{(tmp / "profile").string(), (tmp / "profile/NativeMessagingHosts").string(),
                                                     (tmp / "profile/NativeMessagingHosts/io.linkedout.host.json").string()});
    CHECK(json::parse(read_text(tmp / "profile/NativeMessagingHosts/io.linkedout.host.json"))["allowed_extensions"] ==
          json::array({kGeckoId}));
  }
}

TEST_CASE("install --extension-id / --firefox-id replace the allowed ids — malformed ids are refused") {
  TempDir tmp;
  auto request = request_for(tmp);
  request.manifest_dir = tmp / "m";
  request.browser = paths::Browser::chromium;
  request.chrome_ids = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"};
  CHECK(install(request).code == 0);
  CHECK(json::parse(read_text(tmp / "m/io.linkedout.host.json"))["allowed_origins"] ==
        json::array({"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/", "chrome-extension://bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb/"}));

  request.browser = paths::Browser::firefox;
  request.firefox_ids = {"{12345678-1234-1234-1234-123456789abc}"};
  CHECK(install(request).code == 0);
  CHECK(json::parse(read_text(tmp / "m/io.linkedout.host.json"))["allowed_extensions"] ==
        json::array({"{12345678-1234-1234-1234-123456789abc}"}));

  request.chrome_ids = {"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"};
  auto result = install(request);
  CHECK(result.code == cli::kExitUsage);
  CHECK(result.err.find("is not a valid Chrome extension id") != std::string::npos);
  request.chrome_ids = {};
  request.firefox_ids = {"no spaces allowed"};
  result = install(request);
  CHECK(result.code == cli::kExitUsage);
  CHECK(result.err.find("is not a valid Firefox add-on id") != std::string::npos);
}

TEST_CASE("install options: a relative --host-path or an unknown browser is refused with a reason") {
  cli::ManifestOptions options;
  options.host_path = "build/linkedout-host";
  CHECK_THROWS_WITH_AS(options.to_request(), doctest::Contains("--host-path must be absolute"), std::invalid_argument);
  options.host_path = "";
  options.browser = "safari";
  CHECK_THROWS_WITH_AS(options.to_request(), doctest::Contains("unknown browser \"safari\""), std::invalid_argument);
}

TEST_CASE("install into a place that cannot be written fails with the path and exit 1") {
  TempDir tmp;
  write_text(tmp / "blocker", "a file where a directory should be");
  auto request = request_for(tmp);
  request.browser = paths::Browser::chrome;
  request.manifest_dir = tmp / "blocker/NativeMessagingHosts";
  const auto result = install(request);
  CHECK(result.code == cli::kExitFailed);
  CHECK(result.err.find((tmp / "blocker/NativeMessagingHosts").string()) != std::string::npos);
}

TEST_CASE("uninstall after install leaves nothing behind, for every browser at once") {
  TempDir tmp;
  PathGuard path(tmp / "bin");
  // Browsers that have run have something in their profile; Vivaldi is installed but never ran:
  // install creates its profile directory's path and uninstall removes it again.
  for (const auto& browser : paths::browsers())
    if (browser.browser != paths::Browser::vivaldi)
      fs::create_directories(paths::profile_dir(browser.browser, paths::Os::Linux, tmp / "home") / "Default");
  write_text(tmp / "bin/vivaldi", "#!/bin/sh\n");
  fs::permissions(tmp / "bin/vivaldi", fs::perms::owner_all);
  const auto before = tree(tmp / "home");

  const auto installed = install(request_for(tmp));
  CHECK(installed.code == 0);
  for (const auto& browser : paths::browsers())
    CHECK(fs::exists(paths::manifest_path(browser.browser, paths::Os::Linux, paths::Scope::user, tmp / "home")));
  const auto removed = uninstall(request_for(tmp));
  CHECK(removed.code == 0);
  CHECK(std::count(removed.out.begin(), removed.out.end(), '\n') == 6);
  CHECK(tree(tmp / "home") == before);

  const auto again = uninstall(request_for(tmp));
  CHECK(again.code == 0);
  CHECK(again.out.find("nothing to remove") != std::string::npos);
}

TEST_CASE("uninstall removes only manifests that are ours, and says which it left") {
  TempDir tmp;
  const auto chrome = tmp / "home/.config/google-chrome/NativeMessagingHosts/io.linkedout.host.json";
  const auto chromium = tmp / "home/.config/chromium/NativeMessagingHosts/io.linkedout.host.json";
  write_text(chrome, R"({"name": "com.example.other", "path": "/bin/true"})");
  write_text(chromium, R"({"name": "io.linkedout.host", "path": "/bin/true"})");
  const auto result = uninstall(request_for(tmp));
  CHECK(result.code == cli::kExitFailed);
  CHECK(fs::exists(chrome));
  CHECK_FALSE(fs::exists(chromium));
  CHECK(result.err.find("left " + chrome.string() + ": its name is not io.linkedout.host") != std::string::npos);
}

TEST_CASE("uninstall --manifest-dir removes the manifest and keeps the directory the caller gave") {
  TempDir tmp;
  auto request = request_for(tmp);
  request.browser = paths::Browser::chromium;
  request.manifest_dir = tmp / "udd/NativeMessagingHosts";
  CHECK(install(request).code == 0);
  write_text(tmp / "udd/NativeMessagingHosts/other.host.json", "{}");
  request.browser.reset();  // uninstall needs no browser: one file, checked by name
  CHECK(uninstall(request).code == 0);
  CHECK_FALSE(fs::exists(tmp / "udd/NativeMessagingHosts/io.linkedout.host.json"));
  CHECK(fs::exists(tmp / "udd/NativeMessagingHosts/other.host.json"));
}

TEST_CASE("manifest templates in manifests/ are what install writes, once the placeholders are filled") {
  const fs::path dir = fs::path(LINKEDOUT_SOURCE_DIR) / "manifests";
  const std::string host = "/usr/bin/linkedout-host";
  for (const auto& entry : {std::pair{"io.linkedout.host.chrome.json.in", paths::Family::chromium},
                            std::pair{"io.linkedout.host.firefox.json.in", paths::Family::firefox}}) {
    const char* const file = entry.first;  // plain names: CAPTURE captures them
    const auto family = entry.second;
    CAPTURE(file);
    auto text = read_text(dir / file);
    REQUIRE(text.find("@PATH@") != std::string::npos);
    text.replace(text.find("@PATH@"), 6, host);
    // The ids come from native-host/extension_ids.json, as packaging fills them.
    const auto ids = family == paths::Family::chromium ? cli::chrome_ids_of({}) : cli::firefox_ids_of({});
    const std::string placeholder = family == paths::Family::chromium ? "@ALLOWED_ORIGINS@" : "@ALLOWED_EXTENSIONS@";
    REQUIRE(text.find(placeholder) != std::string::npos);
    text.replace(text.find(placeholder), placeholder.size(),
                 cli::build_manifest(family, host, ids)[family == paths::Family::chromium ? "allowed_origins" : "allowed_extensions"].dump());
    for (const char* placeholder_left : {"@PATH@", "@ALLOWED_ORIGINS@", "@ALLOWED_EXTENSIONS@"})
      CHECK(text.find(placeholder_left) == std::string::npos);
    CHECK(json::parse(text) == cli::build_manifest(family, host, ids));
  }
}

TEST_CASE("linkedout-host install --browser all on a machine with no browser profile exits 0 (scripts/setup)") {
  TempDir tmp;
  fs::create_directories(tmp / "home");
  fs::create_directories(tmp / "bin");
  const auto result = run_process({LINKEDOUT_HOST_BINARY, "install", "--browser", "all"},
                                  {{"HOME", (tmp / "home").string()}, {"PATH", (tmp / "bin").string()}});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find("no browser found") != std::string::npos);
}

TEST_CASE("linkedout-host install writes the binary's own absolute path — uninstall removes it") {
  TempDir tmp;
  fs::create_directories(tmp / "home/.config");  // shared by every program: never removed
  const std::map<std::string, std::string> env{{"HOME", (tmp / "home").string()}};
  const auto result = run_process({LINKEDOUT_HOST_BINARY, "install", "--browser", "chromium"}, env);
  CHECK(result.exit_code == 0);
  const auto file = tmp / "home/.config/chromium/NativeMessagingHosts/io.linkedout.host.json";
  REQUIRE(fs::exists(file));
  CHECK(json::parse(read_text(file))["path"] == fs::canonical(LINKEDOUT_HOST_BINARY).string());
  CHECK(run_process({LINKEDOUT_HOST_BINARY, "uninstall", "--browser", "chromium"}, env).exit_code == 0);
  CHECK(tree(tmp / "home") == std::set<std::string>{(tmp / "home/.config").string()});
}

TEST_CASE("install --system: a directory two browsers read is written once and named for both") {
  cli::ManifestRequest request;
  request.os = paths::Os::Linux;
  request.home = "/home/ada";
  const auto system = cli::locations(request, paths::Scope::system);
  CHECK(system.size() == 5);  // Brave reads Chromium's system directory
  const auto chromium = std::find_if(system.begin(), system.end(),
                                     [](const cli::Location& l) { return l.browser == paths::Browser::chromium; });
  REQUIRE(chromium != system.end());
  CHECK(chromium->label() == "Chromium, Brave (system)");
  CHECK(chromium->file == "/etc/chromium/native-messaging-hosts/io.linkedout.host.json");
  CHECK(cli::locations(request, paths::Scope::user).size() == 6);

  TempDir tmp;
  request.manifest_dir = tmp / "m";
  const auto one_dir = cli::locations(request, paths::Scope::user);
  REQUIRE(one_dir.size() == 2);  // one Chromium-family file, one Firefox file: same path, different content
  CHECK(one_dir[0].label() == "Google Chrome, Chromium, Microsoft Edge, Brave, Vivaldi");
}

TEST_CASE("linkedout-host install, uninstall, doctor: an option value refused is a usage error named by the command") {
  TempDir tmp;
  const std::map<std::string, std::string> env{{"HOME", (tmp / "home").string()},
                                               {"LINKEDOUT_DATA_DIR", (tmp / "data").string()}};
  const auto dir = (tmp / "m").string();
  const auto install = run_process(
      {LINKEDOUT_HOST_BINARY, "install", "--browser", "chrome", "--manifest-dir", dir, "--host-path", "relative/host"}, env);
  CHECK(install.exit_code == cli::kExitUsage);
  CHECK(install.err.starts_with("install: --host-path must be absolute"));
  CHECK_FALSE(fs::exists(tmp / "m"));
  // Refused inside the command (no --browser for --manifest-dir) and said the same way.
  const auto doctor = run_process({LINKEDOUT_HOST_BINARY, "doctor", "--manifest-dir", dir}, env);
  CHECK(doctor.exit_code == cli::kExitUsage);
  CHECK(doctor.err.starts_with("doctor: --manifest-dir needs one --browser"));
  const auto uninstall = run_process({LINKEDOUT_HOST_BINARY, "uninstall", "--browser", "chrome", "--manifest-dir", dir}, env);
  CHECK(uninstall.exit_code == 0);
  CHECK(uninstall.out.starts_with("nothing to remove"));
}

TEST_CASE("install: a program path that is not UTF-8 is refused in words, before anything is written") {
  // A manifest is JSON text: it cannot name a file whose path holds a byte such as 0xFF, and the
  // JSON library's own exception text ("type_error.316") used to reach the user, once per browser,
  // after each browser's manifest folder had been created.
  TempDir tmp;
  const fs::path home = tmp / "home";
  const auto result = run_process({LINKEDOUT_HOST_BINARY, "install", "--all-browsers", "--host-path",
                                   (tmp / "bin\xff" / "linkedout-host").string()},
                                  {{"HOME", home.string()}});
  INFO(linkedout::cli_test::describe(result));
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("not valid UTF-8") != std::string::npos);
  CHECK(result.err.find("json.exception") == std::string::npos);
  CHECK_FALSE(fs::exists(home));  // no manifest, no folder made for one
}
