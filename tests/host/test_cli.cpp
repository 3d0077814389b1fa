// The command line through the real binary: --version, --help, usage errors, status, and host
// mode when no command is given.
#include <doctest/doctest.h>

#include <functional>
#include <nlohmann/json.hpp>

#include "ruleset.hpp"
#include "ruleset_load.hpp"
#include "store.hpp"
#include "test_cli_process.hpp"

using linkedout::cli_test::frame;
using linkedout::cli_test::frames;
using linkedout::cli_test::read_text;
using linkedout::cli_test::run_process;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

linkedout::cli_test::ProcessResult host(const std::vector<std::string>& args, const TempDir& tmp,
                                        const std::string& input = "") {
  std::vector<std::string> argv{LINKEDOUT_HOST_BINARY};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(argv,
                     {{"HOME", (tmp / "home").string()},
                      {"LINKEDOUT_DATA_DIR", (tmp / "data").string()},
                      {"XDG_STATE_HOME", (tmp / "state").string()}},
                     input);
}

std::string version() { return read_text(fs::path(LINKEDOUT_SOURCE_DIR) / "VERSION").substr(0, 5); }

}  // namespace

TEST_CASE("cli: --version prints the VERSION file's version") {
  TempDir tmp;
  const auto result = host({"--version"}, tmp);
  CHECK(result.exit_code == 0);
  CHECK(result.out == version() + "\n");
}

TEST_CASE("cli: --help lists every command, on stdout, exit 0") {
  TempDir tmp;
  const auto result = host({"--help"}, tmp);
  CHECK(result.exit_code == 0);
  for (const char* command : {"install", "uninstall", "doctor", "status", "--data-dir", "--rules"}) {
    CAPTURE(command);
    CHECK(result.out.find(command) != std::string::npos);
  }
  const auto install_help = host({"install", "--help"}, tmp);
  CHECK(install_help.exit_code == 0);
  for (const char* option : {"--browser", "--manifest-dir", "--system", "--host-path", "--extension-id", "--firefox-id"}) {
    CAPTURE(option);
    CHECK(install_help.out.find(option) != std::string::npos);
  }
}

TEST_CASE("cli: bad command lines exit 2 with a message on stderr and nothing on stdout") {
  TempDir tmp;
  for (const std::vector<std::string>& args :
       {std::vector<std::string>{"frobnicate"}, {"install", "--browser", "safari"}, {"status", "--bogus"},
        {"--rules", (tmp / "absent.json").string(), "status"}, {"install", "--host-path", "relative/host", "--browser", "chrome"},
        {"install", "--extension-id", "BAD", "--browser", "chrome"}}) {
    CAPTURE(args[0]);
    const auto result = host(args, tmp);
    CHECK(result.exit_code == 2);
    CHECK_FALSE(result.err.empty());
    CHECK(result.out.empty());
  }
}

TEST_CASE("cli: status on a fresh machine lists every ruleset setting as unseen") {
  TempDir tmp;
  const auto result = host({"status"}, tmp);
  CHECK(result.exit_code == 0);
  const auto rules = linkedout::load_ruleset(std::nullopt);
  for (const auto& setting : rules.settings) {
    CAPTURE(setting.id);
    CHECK(result.out.find(setting.id) != std::string::npos);
  }
  CHECK(result.out.find("Not seen yet") != std::string::npos);  // the report's words
  CHECK(result.out.find("region: not set") != std::string::npos);
  CHECK(result.out.find((tmp / "data").string()) != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "data/state.json"));  // status only reads
}

TEST_CASE("cli: status shows last seen state and time, drift, region, forms and corrupt files") {
  TempDir tmp;
  const auto rules = linkedout::load_ruleset(std::nullopt);
  REQUIRE(rules.settings.size() >= 2);
  const auto& first = rules.settings[0].id;
  const auto& second = rules.settings[1].id;
  // A corrupt file first: the store moves it aside and remembers it.
  write_text(tmp / "data/state.json", "{ this is not json");
  linkedout::Store store(tmp / "data");
  store.update([&](linkedout::StoreData& data) {
    linkedout::record_sighting(data, first, "off", "", "2026-11-01T10:00:00Z");
    linkedout::record_sighting(data, first, "on", "", "2026-11-20T09:30:00Z");  // re-enabled
    linkedout::record_sighting(data, second, "off", "", "2026-11-02T10:00:00Z");
    data.region = "EU";
    if (!rules.forms.empty()) data.forms_done[rules.forms[0].id] = "2026-11-03";
    return true;
  });

  const auto text = host({"status", "--data-dir", (tmp / "data").string()}, tmp);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("region: EU") != std::string::npos);
  CHECK(text.out.find("2026-11-20T09:30:00Z") != std::string::npos);
  CHECK(text.out.find("ON again (was off)") != std::string::npos);
  CHECK(text.out.find("corrupt state files kept aside") != std::string::npos);
  CHECK(text.out.find("state.json.corrupt-") != std::string::npos);

  const auto as_json = host({"--data-dir", (tmp / "data").string(), "status", "--json"}, tmp);
  CHECK(as_json.exit_code == 0);
  const auto doc = json::parse(as_json.out);
  CHECK(doc["region"] == "EU");
  CHECK(doc["ruleset"]["version"] == rules.version);
  REQUIRE(doc["settings"].size() == rules.settings.size());
  CHECK(doc["settings"][0]["id"] == first);
  CHECK(doc["settings"][0]["state"] == "on");
  CHECK(doc["settings"][0]["drift"] == "re-enabled");
  CHECK(doc["settings"][0]["last_seen"] == "2026-11-20T09:30:00Z");
  CHECK(doc["settings"][1]["state"] == "off");
  CHECK(doc["settings"][1]["drift"].is_null());
  REQUIRE(doc["corrupt_files"].size() == 1);
  CHECK(fs::exists(doc["corrupt_files"][0].get<std::string>()));
  if (!rules.forms.empty()) {
    CHECK(doc["forms"][0]["state"] == "done");
    CHECK(doc["forms"][0]["done_at"] == "2026-11-03");
  }
  for (const auto& setting : doc["settings"])
    if (setting["id"] != first && setting["id"] != second) {
      const auto* rule = rules.find_setting(setting["id"].get<std::string>());
      REQUIRE(rule != nullptr);
      CHECK(setting["state"] == (rule->shown_in("EU") ? "unseen" : "not_in_region"));
    }
}

TEST_CASE("cli: status with an unreadable ruleset fails with the reason") {
  TempDir tmp;
  write_text(tmp / "rules.json", R"({"ruleset": "broken"})");
  const auto result = host({"--rules", (tmp / "rules.json").string(), "status"}, tmp);
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("cannot load the ruleset") != std::string::npos);
}

TEST_CASE("cli: no command serves native messaging, with --data-dir honoured and only frames on stdout") {
  TempDir tmp;
  const auto result = host({"--data-dir", (tmp / "other").string()}, tmp,
                           frame(R"({"type":"hello","id":"h"})"));
  CHECK(result.exit_code == 0);
  const auto replies = frames(result.out);
  REQUIRE(replies.size() == 1);
  CHECK(replies[0].size() + 4 == result.out.size());
  const auto reply = json::parse(replies[0]);
  CHECK(reply["type"] == "hello");
  CHECK(reply["id"] == "h");
  CHECK(reply["host_version"] == version());
}

TEST_CASE("cli: status and report on the same store say the same counts, states and names") {
  const auto rules = linkedout::load_ruleset(std::nullopt);
  REQUIRE(rules.settings.size() >= 3);
  struct Case {
    const char* name;
    std::function<void(linkedout::StoreData&)> fill;  // nullptr: no store file at all
  };
  const std::vector<Case> cases = {
      {"nothing seen yet", nullptr},
      {"some seen, one re-enabled, a region and a form done",
       [&](linkedout::StoreData& data) {
         linkedout::record_sighting(data, rules.settings[0].id, "off", "", "2026-11-01T10:00:00Z");
         linkedout::record_sighting(data, rules.settings[0].id, "on", "", "2026-11-20T09:30:00Z");
         linkedout::record_sighting(data, rules.settings[1].id, "off", "", "2026-11-02T10:00:00Z");
         linkedout::record_sighting(data, rules.settings[2].id, "on", "", "2026-11-02T10:01:00Z");
         data.region = "EU";
         if (!rules.forms.empty()) data.forms_done[rules.forms[0].id] = "2026-11-03";
       }},
  };
  for (const auto& c : cases) {
    CAPTURE(c.name);
    TempDir tmp;
    const std::string dir = (tmp / "data").string();
    if (c.fill) {
      linkedout::Store(tmp / "data").update([&](linkedout::StoreData& data) {
        c.fill(data);
        return true;
      });
    }
    const auto status_text = host({"--data-dir", dir, "status"}, tmp);
    const auto report_md = host({"--data-dir", dir, "report"}, tmp);
    const auto status_json = host({"--data-dir", dir, "status", "--json"}, tmp);
    const auto report_json = host({"--data-dir", dir, "report", "--format", "json"}, tmp);
    REQUIRE(status_text.exit_code == 0);
    REQUIRE(report_md.exit_code == 0);
    REQUIRE(status_json.exit_code == 0);
    REQUIRE(report_json.exit_code == 0);
    const auto report = json::parse(report_json.out);

    // The people-facing texts carry the same summary sentence, e.g. "14 of 16 steps still need action."
    const int needs = report["summary"]["needs_action"];
    CHECK(needs > 0);
    const std::string sentence = std::to_string(needs) + " of " + std::to_string(report["summary"]["total"].get<int>()) +
                                 " steps still need action.";
    CHECK(report_md.out.find(sentence) != std::string::npos);
    CHECK(status_text.out.find(sentence) != std::string::npos);

    const auto status = json::parse(status_json.out);
    CHECK(status["summary"] == report["summary"]);
    REQUIRE(status["settings"].size() == report["settings"].size());
    for (std::size_t i = 0; i < report["settings"].size(); ++i) {
      const auto& s = status["settings"][i];
      const auto& r = report["settings"][i];
      CAPTURE(r["id"]);
      CHECK(s["id"] == r["id"]);
      CHECK(s["state"] == r["state"]);
      CHECK(s["needs_action"] == r["needs_action"]);
      CHECK(s["drift"] == r["drift"]);
    }
    REQUIRE(status["forms"].size() == report["forms"].size());
    for (std::size_t i = 0; i < report["forms"].size(); ++i) {
      CHECK(status["forms"][i]["id"] == report["forms"][i]["id"]);
      CHECK(status["forms"][i]["state"] == report["forms"][i]["state"]);
      CHECK(status["forms"][i]["needs_action"] == report["forms"][i]["needs_action"]);
    }
  }
}
