// doctor and extension ids: it lists, per browser, which ids/origins each manifest allows;
// `doctor --extension-id ID` says whether that id (a store install's own) is allowed and how to
// allow it; bad manifests are described in plain words, never as a raw library exception.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/commands.hpp"
#include "test_cli_process.hpp"

namespace cli = linkedout::cli;
namespace paths = linkedout::paths;
using linkedout::cli_test::DoctorRun;
using linkedout::cli_test::run_process;
using linkedout::cli_test::says;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
using nlohmann::json;

namespace {

const std::string kDefaultId = test_support::kChromeId;
const std::string kStoreId = "abcdefghijklmnopabcdefghijklmnop";

json chrome_manifest(const std::vector<std::string>& ids) {
  json origins = json::array();
  for (const auto& id : ids) origins.push_back("chrome-extension://" + id + "/");
  return {{"name", "io.linkedout.host"}, {"description", "LinkedOut"}, {"path", LINKEDOUT_HOST_BINARY},
          {"type", "stdio"}, {"allowed_origins", origins}};
}

DoctorRun doctor_with_ids(const std::string& text, paths::Browser browser, const std::vector<std::string>& chrome_ids = {}) {
  TempDir tmp;
  write_text(tmp / "m/io.linkedout.host.json", text);
  cli::ManifestRequest request;
  request.browser = browser;
  request.manifest_dir = tmp / "m";
  request.launch_host = false;
  request.home = tmp / "home";
  request.chrome_ids = chrome_ids;
  std::ostringstream out, err;
  const int code = cli::run_doctor(request, out, err);
  return {code, out.str() + err.str()};
}

}  // namespace

TEST_CASE("doctor lists the ids and origins each manifest allows") {
  const auto chrome = doctor_with_ids(chrome_manifest({kDefaultId, kStoreId}).dump(), paths::Browser::chromium);
  CHECK(chrome.code == cli::kExitOk);
  CHECK(says(chrome, "allows   Chromium: chrome-extension://" + kDefaultId + "/, chrome-extension://" + kStoreId + "/"));

  json firefox = chrome_manifest({});
  firefox.erase("allowed_origins");
  firefox["allowed_extensions"] = {test_support::kGeckoId};
  const auto gecko = doctor_with_ids(firefox.dump(), paths::Browser::firefox);
  CHECK(says(gecko, "allows   Firefox: " + test_support::kGeckoId));
}

TEST_CASE("doctor --extension-id says whether that id is allowed and gives the command that allows it") {
  SUBCASE("a store id the manifest does not allow") {
    const auto run = doctor_with_ids(chrome_manifest({kDefaultId}).dump(), paths::Browser::chromium, {kStoreId});
    CHECK(run.code == cli::kExitFailed);
    CHECK(says(run, "extension id " + kStoreId + " is not allowed"));
    CHECK(says(run, "linkedout-host install --extension-id " + kStoreId));
  }
  SUBCASE("a store id the manifest allows") {
    const auto run = doctor_with_ids(chrome_manifest({kDefaultId, kStoreId}).dump(), paths::Browser::chromium, {kStoreId});
    CHECK(run.code == cli::kExitOk);
    CHECK(says(run, "extension id " + kStoreId + " is allowed"));
  }
}

TEST_CASE("doctor never prints a raw library exception") {
  SUBCASE("a manifest that is not JSON names the byte, not nlohmann's exception") {
    const auto run = doctor_with_ids(R"({"name": "io.linkedout.host",)", paths::Browser::chromium);
    CHECK(run.code == cli::kExitFailed);
    CHECK(says(run, "not valid JSON"));
    CHECK_FALSE(says(run, "json.exception"));
    CHECK_FALSE(says(run, "parse_error"));
  }
  SUBCASE("the manifest path is a directory") {
    TempDir tmp;
    std::filesystem::create_directories(tmp / "m/io.linkedout.host.json");
    const auto run = run_process({LINKEDOUT_HOST_BINARY, "doctor", "--browser", "chromium", "--manifest-dir",
                                  (tmp / "m").string(), "--no-launch"},
                                 {{"HOME", (tmp / "home").string()}});
    CHECK(run.exit_code == cli::kExitFailed);
    INFO(run.out << run.err);
    CHECK(run.out.find("is a directory, not a file") != std::string::npos);
    CHECK((run.out + run.err).find("exception") == std::string::npos);
    CHECK((run.out + run.err).find("filesystem error") == std::string::npos);
  }
}
