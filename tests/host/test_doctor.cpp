// doctor: each reason a browser refuses a host manifest produces its own line; exit status.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "cli/host_manifest.hpp"
#include "test_cli_process.hpp"

namespace cli = linkedout::cli;
namespace paths = linkedout::paths;
using linkedout::cli_test::DoctorRun;
using linkedout::cli_test::run_process;
using linkedout::cli_test::says;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
using nlohmann::json;
namespace fs = std::filesystem;
using test_support::kChromeOrigin;

namespace {

json good_chrome() {
  return {{"name", "io.linkedout.host"},
          {"description", "LinkedOut"},
          {"path", LINKEDOUT_HOST_BINARY},
          {"type", "stdio"},
          {"allowed_origins", {kChromeOrigin}}};
}

json good_firefox() {
  return {{"name", "io.linkedout.host"},
          {"description", "LinkedOut"},
          {"path", LINKEDOUT_HOST_BINARY},
          {"type", "stdio"},
          {"allowed_extensions", {test_support::kGeckoId}}};
}

// doctor on one manifest (text as written) in a --manifest-dir, without starting the host.
DoctorRun doctor_on(const std::string& manifest_text, paths::Browser browser = paths::Browser::chrome, bool launch = false) {
  TempDir tmp;
  write_text(tmp / "m/io.linkedout.host.json", manifest_text);
  cli::ManifestRequest request;
  request.browser = browser;
  request.manifest_dir = tmp / "m";
  request.launch_host = launch;
  request.home = tmp / "home";
  std::ostringstream out, err;
  const int code = cli::run_doctor(request, out, err);
  return {code, out.str() + err.str()};
}

DoctorRun doctor_on(const json& manifest, paths::Browser browser = paths::Browser::chrome, bool launch = false) {
  return doctor_on(manifest.dump(), browser, launch);
}

}  // namespace

TEST_CASE("doctor: a correct manifest is ok, exit 0") {
  const auto chrome = doctor_on(good_chrome());
  CHECK(chrome.code == 0);
  CHECK(says(chrome, "ok       Google Chrome:"));
  CHECK(says(chrome, "1 ok, 0 broken"));
  const auto firefox = doctor_on(good_firefox(), paths::Browser::firefox);
  CHECK(firefox.code == 0);
  CHECK(says(firefox, "ok       Firefox:"));
}

TEST_CASE("doctor: every reason a browser refuses the manifest has its own line, exit 1") {
  struct Case {
    const char* what;
    std::string text;
    paths::Browser browser;
    std::string expected;
  };
  TempDir tmp;
  write_text(tmp / "not-executable", "#!/bin/sh\n");
  fs::permissions(tmp / "not-executable", fs::perms::owner_read | fs::perms::owner_write);

  auto with = [](json doc, const std::string& key, const json& value) {
    doc[key] = value;
    return doc.dump();
  };
  auto without = [](json doc, const std::string& key) {
    doc.erase(key);
    return doc.dump();
  };
  const std::vector<Case> cases = {
      {"invalid JSON", R"({"name": "io.linkedout.host",)", paths::Browser::chrome, "not valid JSON"},
      {"not an object", "[1, 2]", paths::Browser::chrome, "not a JSON object but a array"},
      {"wrong name", with(good_chrome(), "name", "com.example.host"), paths::Browser::chrome,
       R"(name is "com.example.host", expected "io.linkedout.host")"},
      {"no name", without(good_chrome(), "name"), paths::Browser::chrome, "name is missing"},
      {"no description", without(good_chrome(), "description"), paths::Browser::chrome, "description is missing"},
      {"no path", without(good_chrome(), "path"), paths::Browser::chrome, "path is missing"},
      {"relative path", with(good_chrome(), "path", "build/linkedout-host"), paths::Browser::chrome,
       R"(path "build/linkedout-host" is relative)"},
      {"missing binary", with(good_chrome(), "path", (tmp / "gone").string()), paths::Browser::chrome,
       "path " + (tmp / "gone").string() + " does not exist"},
      {"directory", with(good_chrome(), "path", tmp.path().string()), paths::Browser::chrome, "is not a regular file"},
      {"not executable", with(good_chrome(), "path", (tmp / "not-executable").string()), paths::Browser::chrome,
       "is not executable"},
      {"wrong type", with(good_chrome(), "type", "pipe"), paths::Browser::chrome, R"(type is "pipe", expected "stdio")"},
      {"no type", without(good_chrome(), "type"), paths::Browser::chrome, "type is missing"},
      {"origin without trailing slash", with(good_chrome(), "allowed_origins", {kChromeOrigin.substr(0, kChromeOrigin.size() - 1)}),
       paths::Browser::chrome, "lacks the trailing slash: the browser ignores it"},
      {"origin not allowed", with(good_chrome(), "allowed_origins", {"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"}),
       paths::Browser::chrome, "origin " + kChromeOrigin + " (the LinkedOut extension) is not in allowed_origins"},
      {"wildcard origin", with(good_chrome(), "allowed_origins", {"chrome-extension://*/"}), paths::Browser::chrome,
       "uses a wildcard"},
      {"not an extension origin", with(good_chrome(), "allowed_origins", {"https://www.linkedin.com/", kChromeOrigin}),
       paths::Browser::chrome, "is not a chrome-extension:// origin"},
      {"allowed_origins missing", without(good_chrome(), "allowed_origins"), paths::Browser::chrome,
       "allowed_origins is missing"},
      {"Firefox manifest for Chrome", good_firefox().dump(), paths::Browser::edge,
       "allowed_origins is missing (this is a Firefox manifest"},
      {"Chrome manifest for Firefox", good_chrome().dump(), paths::Browser::firefox,
       "allowed_extensions is missing (this is a Chrome-family manifest"},
      {"add-on not allowed", with(good_firefox(), "allowed_extensions", {"other@example.org"}), paths::Browser::firefox,
       "add-on " + test_support::kGeckoId + " (the LinkedOut extension) is not in allowed_extensions"},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const auto run = doctor_on(c.text, c.browser);
    CHECK(run.code == cli::kExitFailed);
    CHECK(says(run, "BROKEN"));
    CHECK(says(run, c.expected));
    CHECK(says(run, "0 ok, 1 broken"));
  }
}

TEST_CASE("doctor: several problems in one manifest give one line each") {
  json doc = good_chrome();
  doc["type"] = "pipe";
  doc["path"] = "relative/host";
  const auto run = doctor_on(doc);
  CHECK(says(run, "is relative"));
  CHECK(says(run, R"(type is "pipe")"));
  // two problems, what the manifest allows, the summary
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 4);
  CHECK(says(run, "allows   Google Chrome: chrome-extension://"));
}

TEST_CASE("doctor: starts the host as the browser would and reports a host that does not answer") {
  SUBCASE("the real host answers hello, for Chrome and Firefox") {
    const auto chrome = doctor_on(good_chrome(), paths::Browser::chromium, /*launch=*/true);
    CHECK(chrome.code == 0);
    CHECK(says(chrome, "ok       Chromium:"));
    const auto firefox = doctor_on(good_firefox(), paths::Browser::firefox, /*launch=*/true);
    CHECK(firefox.code == 0);
  }
  SUBCASE("a program that exits without answering") {
    TempDir tmp;
    write_text(tmp / "fake-host", "#!/bin/sh\nexit 3\n");
    fs::permissions(tmp / "fake-host", fs::perms::owner_all);
    auto doc = good_chrome();
    doc["path"] = (tmp / "fake-host").string();
    const auto run = doctor_on(doc, paths::Browser::chrome, /*launch=*/true);
    CHECK(run.code == cli::kExitFailed);
    CHECK(says(run, "the host exited with status 3 without answering hello"));
  }
  SUBCASE("a host that refuses the extension") {
    // The real host, but the manifest allows another extension the host does not know: the
    // manifest check passes for that id, then the host itself refuses it.
    auto doc = good_chrome();
    doc["allowed_origins"] = {"chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"};
    TempDir tmp;
    write_text(tmp / "m/io.linkedout.host.json", doc.dump());
    cli::ManifestRequest request;
    request.browser = paths::Browser::chrome;
    request.manifest_dir = tmp / "m";
    request.chrome_ids = {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"};
    request.home = tmp / "home";
    std::ostringstream out, err;
    CHECK(cli::run_doctor(request, out, err) == cli::kExitFailed);
    CHECK(out.str().find("the host answered error not_allowed") != std::string::npos);
  }
}

TEST_CASE("doctor: one ok and one broken location is still a failure") {
  TempDir tmp;
  write_text(tmp / "home/.config/chromium/NativeMessagingHosts/io.linkedout.host.json", good_chrome().dump());
  auto broken = good_firefox();
  broken["type"] = "socket";
  write_text(tmp / "home/.mozilla/native-messaging-hosts/io.linkedout.host.json", broken.dump());
  cli::ManifestRequest request;
  request.home = tmp / "home";
  request.os = paths::Os::Linux;
  request.launch_host = false;
  std::ostringstream out, err;
  CHECK(cli::run_doctor(request, out, err) == cli::kExitFailed);
  CHECK(out.str().find("ok       Chromium (user)") != std::string::npos);
  CHECK(out.str().find("BROKEN   Firefox (user)") != std::string::npos);
  CHECK(out.str().find("1 ok, 1 broken") != std::string::npos);
}

TEST_CASE("doctor: a named browser with no manifest says missing — nothing anywhere says nothing is installed") {
  TempDir tmp;
  cli::ManifestRequest request;
  request.home = tmp / "home";
  request.os = paths::Os::MacOS;  // no /Library here: the system locations are empty too
  request.browser = paths::Browser::vivaldi;
  std::ostringstream out, err;
  CHECK(cli::run_doctor(request, out, err) == cli::kExitFailed);
  CHECK(out.str().find("missing  Vivaldi (user): no manifest at " +
                       (tmp / "home/Library/Application Support/Vivaldi/NativeMessagingHosts/io.linkedout.host.json").string()) !=
        std::string::npos);
  CHECK(out.str().find("nothing is installed") != std::string::npos);
}

TEST_CASE("linkedout-host doctor after install is ok — after uninstall says nothing is installed") {
  TempDir tmp;
  const std::map<std::string, std::string> env{{"HOME", (tmp / "home").string()},
                                               {"LINKEDOUT_DATA_DIR", (tmp / "data").string()}};
  REQUIRE(run_process({LINKEDOUT_HOST_BINARY, "install", "--browser", "firefox"}, env).exit_code == 0);
  const auto ok = run_process({LINKEDOUT_HOST_BINARY, "doctor", "--browser", "firefox"}, env);
  CHECK(ok.exit_code == 0);
  CHECK(ok.out.find("ok       Firefox (user)") != std::string::npos);
  REQUIRE(run_process({LINKEDOUT_HOST_BINARY, "uninstall", "--browser", "firefox"}, env).exit_code == 0);
  CHECK_FALSE(fs::exists(tmp / "home/.mozilla/native-messaging-hosts"));
  // The system-wide locations are the machine's own: look at an empty directory instead.
  const auto none = run_process(
      {LINKEDOUT_HOST_BINARY, "doctor", "--browser", "firefox", "--manifest-dir", (tmp / "home/.mozilla").string()}, env);
  CHECK(none.exit_code == 1);
  CHECK(none.out.find("nothing is installed") != std::string::npos);
}

TEST_CASE("doctor: usage errors before any check, as install's: a bad id, --manifest-dir without one --browser") {
  TempDir tmp;
  cli::ManifestRequest request;
  request.home = tmp / "home";
  request.manifest_dir = tmp / "m";
  std::ostringstream out, err;
  CHECK(cli::run_doctor(request, out, err) == cli::kExitUsage);
  CHECK(err.str().starts_with("doctor: --manifest-dir needs one --browser ("));
  CHECK(out.str().empty());

  request.browser = paths::Browser::chrome;
  request.chrome_ids = {"not-an-id"};
  std::ostringstream out2, err2;
  CHECK(cli::run_doctor(request, out2, err2) == cli::kExitUsage);
  CHECK(err2.str().starts_with("doctor: "));
  CHECK(err2.str().find("not-an-id") != std::string::npos);
  CHECK(out2.str().empty());
}
