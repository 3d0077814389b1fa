// The quick re-check and its reminder (issue 16): the due logic with the time injected, the
// reminder setting in `config`, a re-check run through the protocol from start to its recorded
// summary, new (unknown) switches kept for the report, and `status` saying when the next is due.
#include <doctest/doctest.h>

#include "recheck.hpp"
#include "ruleset_load.hpp"
#include "report.hpp"
#include "test_cli_process.hpp"
#include "test_dispatch_support.hpp"

using core_test::control;
using core_test::Host;
using core_test::page_state;
using nlohmann::json;

namespace {

linkedout::StoreData with_reminder(std::optional<int> days, std::optional<std::string> last_full_check,
                                   std::string ruleset = "v1") {
  linkedout::StoreData data;
  data.reminder_days = days;
  data.last_full_check = std::move(last_full_check);
  data.last_full_check_ruleset = std::move(ruleset);
  return data;
}

json walkthrough_request(Host& host, const std::string& action) {
  return host.send({{"type", "walkthrough"}, {"id", 7}, {"action", action}});
}

// The re-check has its own message type: {type: recheck, action: start | end}.
json recheck(Host& host, const std::string& action) {
  return host.send({{"type", "recheck"}, {"id", 8}, {"action", action}});
}

json page_showing(const linkedout::Setting& setting, bool on) {
  json key = setting.keys.empty() ? json(nullptr) : json(setting.keys.front());
  return page_state(setting.url(), "en", json::array({control(key, setting.labels.at("en").back(), on)}));
}

std::vector<const linkedout::Setting*> expected_settings() {
  std::vector<const linkedout::Setting*> out;
  for (const auto& setting : core_test::real_rules().settings) out.push_back(&setting);
  return out;
}

}  // namespace

TEST_CASE("recheck: ISO 8601 times parse and print round trip — anything else is refused") {
  const auto t = linkedout::parse_iso8601("2026-11-25T10:00:00Z");
  REQUIRE(t);
  CHECK(linkedout::format_iso8601(*t) == "2026-11-25T10:00:00Z");
  CHECK(linkedout::format_iso8601(*t + 30 * 86400) == "2026-12-25T10:00:00Z");
  for (const char* bad : {"", "2026-11-25", "2026-11-25T10:00:00", "2026-13-01T00:00:00Z", "2026-11-25T10:00:00+01",
                          "x026-11-25T10:00:00Z", "2026-11-25T10:00:00Zjunk"}) {
    CHECK_MESSAGE(!linkedout::parse_iso8601(bad), bad);
  }
}

TEST_CASE("recheck: the reminder is off unless the user turned it on") {
  const auto schedule = linkedout::check_schedule(with_reminder(std::nullopt, "2020-01-01T00:00:00Z"), "v1",
                                                  "2026-11-25T10:00:00Z");
  CHECK_FALSE(schedule.due);
  CHECK(schedule.due_reason.empty());
  CHECK_FALSE(schedule.next_due);
  CHECK(schedule.last_full_check == "2020-01-01T00:00:00Z");
}

TEST_CASE("recheck: with the reminder on, due when never checked, after N days, or when the ruleset changed") {
  SUBCASE("never checked") {
    const auto s = linkedout::check_schedule(with_reminder(30, std::nullopt), "v1", "2026-11-25T10:00:00Z");
    CHECK(s.due);
    CHECK(s.due_reason == "never_checked");
    CHECK_FALSE(s.next_due);
  }
  SUBCASE("checked 10 days ago, every 30 days: not yet, due in 20 days") {
    const auto s = linkedout::check_schedule(with_reminder(30, "2026-11-15T10:00:00Z"), "v1", "2026-11-25T10:00:00Z");
    CHECK_FALSE(s.due);
    CHECK(s.next_due == "2026-12-15T10:00:00Z");
  }
  SUBCASE("one second before and exactly at the interval") {
    auto data = with_reminder(30, "2026-11-15T10:00:00Z");
    CHECK_FALSE(linkedout::check_schedule(data, "v1", "2026-12-15T09:59:59Z").due);
    const auto s = linkedout::check_schedule(data, "v1", "2026-12-15T10:00:00Z");
    CHECK(s.due);
    CHECK(s.due_reason == "interval");
  }
  SUBCASE("a shorter interval the user chose") {
    const auto s = linkedout::check_schedule(with_reminder(7, "2026-11-15T10:00:00Z"), "v1", "2026-11-25T10:00:00Z");
    CHECK(s.due);
    CHECK(s.next_due == "2026-11-22T10:00:00Z");
  }
  SUBCASE("the ruleset was updated since the last full check") {
    const auto s = linkedout::check_schedule(with_reminder(30, "2026-11-24T10:00:00Z", "v1"), "v2",
                                             "2026-11-25T10:00:00Z");
    CHECK(s.due);
    CHECK(s.due_reason == "ruleset_changed");
  }
  SUBCASE("an unreadable stored time counts as never checked") {
    const auto s = linkedout::check_schedule(with_reminder(30, "yesterday"), "v1", "2026-11-25T10:00:00Z");
    CHECK(s.due);
    CHECK(s.due_reason == "never_checked");
  }
}

TEST_CASE("recheck: config sets and clears reminder_days — bad values are bad_field reminder_days") {
  Host host;
  json reply = host.send({{"type", "config"}, {"id", 1}});
  CHECK(reply["reminder_days"].is_null());
  reply = host.send({{"type", "config"}, {"id", 1}, {"reminder_days", 30}});
  CHECK(reply["type"] == "config");
  CHECK(reply["reminder_days"] == 30);
  CHECK(host.store.load().reminder_days == 30);
  CHECK(host.send({{"type", "config"}, {"id", 1}})["reminder_days"] == 30);
  // Setting the region leaves the reminder alone, and the other way round.
  host.send({{"type", "config"}, {"id", 1}, {"region", "EU"}});
  CHECK(host.store.load().reminder_days == 30);
  reply = host.send({{"type", "config"}, {"id", 1}, {"reminder_days", nullptr}});
  CHECK(reply["reminder_days"].is_null());
  CHECK(reply["region"] == "EU");
  for (const json& bad : {json(0), json(366), json(-1), json("30"), json(30.5), json(true)}) {
    reply = host.send({{"type", "config"}, {"id", 1}, {"reminder_days", bad}});
    CHECK_MESSAGE(reply["code"] == "bad_field", bad.dump());
    CHECK(reply["field"] == "reminder_days");
  }
  CHECK_FALSE(host.store.load().reminder_days);
}

TEST_CASE("recheck: a run with every switch off ends complete, all off — the next one is due in N days") {
  Host host;
  host.send({{"type", "config"}, {"id", 1}, {"reminder_days", 30}});
  json plan = walkthrough_request(host, "status");
  CHECK(plan["check"]["due"] == true);
  CHECK(plan["check"]["due_reason"] == "never_checked");
  CHECK(plan["check"]["running"] == false);
  CHECK(plan["check"]["last"].is_null());

  plan = recheck(host, "start");
  CHECK(plan["check"]["running"] == true);
  for (const auto* setting : expected_settings()) {
    const json verdict = host.send(page_showing(*setting, false));
    CHECK(verdict["type"] == "verdict");
  }
  host.now = "2026-11-25T10:00:30Z";
  plan = recheck(host, "end");
  const json& check = plan["check"];
  CHECK(check["running"] == false);
  CHECK(check["due"] == false);
  CHECK(check["due_reason"].is_null());
  CHECK(check["last_full_check"] == "2026-11-25T10:00:30Z");
  CHECK(check["next_due"] == "2026-12-25T10:00:30Z");
  const json& last = check["last"];
  CHECK(last["complete"] == true);
  CHECK(last["started_at"] == "2026-11-25T10:00:00Z");
  CHECK(last["ended_at"] == "2026-11-25T10:00:30Z");
  CHECK(last["off"].size() == expected_settings().size());
  CHECK(last["on"] == json::array());
  CHECK(last["unreadable"] == json::array());
  CHECK(last["unchecked"] == json::array());
  CHECK(last["new_controls"] == json::array());

  // Ending again without a run records nothing more.
  recheck(host, "end");
  CHECK(host.store.load().checks.size() == 1);

  // 30 days later the reminder says it is due again.
  host.now = "2026-12-25T10:00:30Z";
  CHECK(walkthrough_request(host, "status")["check"]["due_reason"] == "interval");
}

TEST_CASE("recheck: what came back on, what could not be read, what is new and what was not reached") {
  Host host;
  const auto settings = expected_settings();
  REQUIRE(settings.size() >= 4);
  host.send({{"type", "config"}, {"id", 1}, {"reminder_days", 30}});
  recheck(host, "start");
  // Page 0: on, then the user switches it off: it still counts as "came back on".
  host.send(page_showing(*settings[0], true));
  host.send(page_showing(*settings[0], false));
  // Page 1: off, plus a switch the ruleset does not know.
  json controls = page_showing(*settings[1], false)["controls"];
  controls.push_back(control("allowSmartReplySuggestions", "Smart reply suggestions", true));
  host.send(page_state(settings[1]->url(), "en", controls));
  // Page 2: only a switch whose state cannot be read.
  host.send(page_state(settings[2]->url(), "en",
                       json::array({control(settings[2]->keys.empty() ? json(nullptr) : json(settings[2]->keys[0]),
                                            settings[2]->labels.at("en").back(), nullptr)})));
  // The rest is never reached (the user stopped).
  const json plan = recheck(host, "end");
  const json& last = plan["check"]["last"];
  CHECK(last["complete"] == false);
  CHECK(last["on"] == json::array({settings[0]->id}));
  CHECK(last["off"] == json::array({settings[1]->id}));
  CHECK(last["unreadable"] == json::array({settings[2]->id}));
  CHECK(last["unchecked"].size() == settings.size() - 3);
  REQUIRE(last["new_controls"].size() == 1);
  CHECK(last["new_controls"][0]["label"] == "Smart reply suggestions");
  CHECK(last["new_controls"][0]["key"] == "allowSmartReplySuggestions");
  CHECK(last["new_controls"][0]["page"] == "/mypreferences/d/settings/" + settings[1]->id);
  // An incomplete run is not a full check: the reminder still says never checked.
  CHECK(plan["check"]["last_full_check"].is_null());
  CHECK(plan["check"]["due_reason"] == "never_checked");

  // The new switch is kept in the store, and the report lists it (every format).
  const auto data = host.store.load();
  REQUIRE(data.new_controls.size() == 1);
  CHECK(data.new_controls[0].label == "Smart reply suggestions");
  for (const char* format : {"md", "html", "json"}) {
    const json report = host.send({{"type", "report"}, {"id", 5}, {"format", format}});
    const std::string content = report["content"].get<std::string>();
    CHECK_MESSAGE(content.find("Smart reply suggestions") != std::string::npos, format);
  }
  const json report = json::parse(host.send({{"type", "report"}, {"id", 5}, {"format", "json"}})["content"].get<std::string>());
  CHECK(report["check"]["reminder_days"] == 30);
  CHECK(report["check"]["last_full_check"].is_null());
  CHECK(report["check"]["last"]["on"] == json::array({settings[0]->id}));
  CHECK(report["new_controls"][0]["label"] == "Smart reply suggestions");
}

TEST_CASE("recheck: unknown switches are collected only by a re-check, and only on ruleset pages") {
  Host host;
  const auto& first = core_test::real_rules().settings.front();
  // Outside a run: not stored, so a page cannot grow the store by showing switches.
  host.send(page_state(first.url(), "en", json::array({control("somethingNew", "Something new", true)})));
  CHECK(host.store.load().new_controls.empty());
  recheck(host, "start");
  host.send(page_state("https://www.linkedin.com/mypreferences/d/settings/profile-photo-visibility", "en",
                       json::array({control("somethingElse", "Show my photo", true)})));
  CHECK(host.store.load().new_controls.empty());
  // Beside the setting's own switch: a lone unknown switch on a setting's page is that setting
  // (matched by page, issue 12), so the new switch needs a known neighbour to stay unknown.
  json controls = page_showing(first, false)["controls"];
  controls.push_back(control("somethingNew", "Something new", true));
  host.send(page_state(first.url(), "en", controls));
  REQUIRE(host.store.load().new_controls.size() == 1);
  CHECK(host.store.load().new_controls[0].label == "Something new");
}

TEST_CASE("recheck: a new run replaces an unfinished one, which is never recorded") {
  Host host;
  const auto settings = expected_settings();
  recheck(host, "start");
  host.send(page_showing(*settings[0], true));
  host.now = "2026-11-25T11:00:00Z";
  recheck(host, "start");
  const json plan = recheck(host, "end");
  CHECK(plan["check"]["last"]["started_at"] == "2026-11-25T11:00:00Z");
  CHECK(plan["check"]["last"]["on"] == json::array());
  CHECK(host.store.load().checks.size() == 1);
}

TEST_CASE("recheck: status says when the last full check was and when the next is due") {
  linkedout::cli_test::TempDir tmp;
  linkedout::Store store(tmp / "data");
  const auto rules = linkedout::load_ruleset(std::nullopt);
  // status reads the real clock: the last check is "now", so the next is due in 14 days.
  const std::string last = linkedout::now_iso8601();
  const std::string next = linkedout::format_iso8601(*linkedout::parse_iso8601(last) + 14 * 86400);
  store.update([&](linkedout::StoreData& data) {
    data.reminder_days = 14;
    data.last_full_check = last;
    data.last_full_check_ruleset = rules.version;
    return true;
  });
  const auto text = linkedout::cli_test::run_process({LINKEDOUT_HOST_BINARY, "status", "--data-dir", (tmp / "data").string()},
                                                     {{"HOME", (tmp / "home").string()}, {"XDG_STATE_HOME", (tmp / "state").string()}});
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("last full check: " + last) != std::string::npos);
  CHECK(text.out.find("next check due:  " + next + " (reminder every 14 days)") != std::string::npos);
  const auto as_json = linkedout::cli_test::run_process(
      {LINKEDOUT_HOST_BINARY, "status", "--json", "--data-dir", (tmp / "data").string()},
      {{"HOME", (tmp / "home").string()}, {"XDG_STATE_HOME", (tmp / "state").string()}});
  const auto doc = json::parse(as_json.out);
  CHECK(doc["check"]["last_full_check"] == last);
  CHECK(doc["check"]["next_due"] == next);
  CHECK(doc["check"]["reminder_days"] == 14);
  CHECK(doc["check"]["due"] == false);
}

TEST_CASE("recheck: its own message type — the walkthrough no longer takes re-check actions") {
  Host host;
  json plan = recheck(host, "start");
  CHECK(plan["type"] == "walkthrough");
  CHECK(plan["id"] == 8);
  CHECK(plan["check"]["running"] == true);
  for (const char* action : {"recheck_start", "recheck_end"}) {
    const json refused = walkthrough_request(host, action);
    CHECK(refused["type"] == "error");
    CHECK(refused["code"] == "bad_field");
    CHECK(refused["field"] == "action");
  }
  const json bad = recheck(host, "status");
  CHECK(bad["type"] == "error");
  CHECK(bad["code"] == "bad_field");
  CHECK(bad["field"] == "action");
  CHECK(bad["message"] == "action must be one of start, end");
  plan = recheck(host, "end");
  CHECK(plan["check"]["running"] == false);
  CHECK(plan["check"]["last"]["complete"] == false);
}
