// The walkthrough through the protocol: start, status, mark_done of the objection form, reset,
// regions, and a whole walkthrough page by page until next is null.
#include <doctest/doctest.h>

#include "test_dispatch_support.hpp"

using core_test::control;
using core_test::Host;
using core_test::page_state;
using nlohmann::json;

namespace {

json walkthrough(Host& host, const std::string& action, json extra = json::object()) {
  json request = {{"type", "walkthrough"}, {"id", 3}, {"action", action}};
  request.update(extra);
  return host.send(request);
}

const json& step(const json& plan, const std::string& id) {
  for (const auto& s : plan["steps"]) {
    if (s["step"] == id) return s;
  }
  FAIL("no step " << id);
  static const json none;
  return none;
}

// What the extension would send for a setting's page, with its switch in the given state.
json page_of(const linkedout::Setting& setting, bool on) {
  json controls = json::array();
  controls.push_back(control(setting.keys.empty() ? json(nullptr) : json(setting.keys.front()),
                             setting.labels.at("en").front(), on));
  return page_state(setting.url(), "en-GB", controls);
}

}  // namespace

TEST_CASE("walkthrough: status, start, and the shape of the plan") {
  Host host;
  json plan = walkthrough(host, "status");
  CHECK(plan["type"] == "walkthrough");
  CHECK(plan["id"] == 3);
  CHECK(plan["active"] == false);
  CHECK(plan["region"].is_null());
  const auto& rules = core_test::real_rules();
  REQUIRE(plan["steps"].size() == rules.settings.size() + rules.forms.size());
  const json& first = plan["steps"][0];
  CHECK(first["step"] == "data-for-ai-improvement");
  CHECK(first["kind"] == "toggle");
  CHECK(first["title"] == "Data for Generative AI Improvement");
  CHECK(first["url"] == "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement");
  CHECK(first["severity"] == "ai-training");
  CHECK(first["state"] == "unseen");
  CHECK(first["last_seen"].is_null());
  CHECK(first["drift"] == false);
  const json& form = plan["steps"].back();
  CHECK(form["step"] == "objection-form");
  CHECK(form["kind"] == "form");
  CHECK(form["url"] == "https://www.linkedin.com/help/linkedin/ask/TS-DPRO");
  CHECK(form["state"] == "todo");
  CHECK(form["done_at"].is_null());
  CHECK_FALSE(form["guidance"].get<std::string>().empty());
  CHECK(plan["progress"] == json({{"done", 0}, {"total", 14}, {"remaining", 14}}));
  CHECK(plan["next"]["step"] == "data-for-ai-improvement");

  plan = walkthrough(host, "start");
  CHECK(plan["active"] == true);
  CHECK(host.store.load().walkthrough_active);
  CHECK(walkthrough(host, "status")["active"] == true);
  CHECK(walkthrough(host, "start")["active"] == true);  // resume
}

TEST_CASE("walkthrough: mark_done for the objection form, with today's date") {
  Host host;
  host.now = "2026-12-01T08:30:00Z";
  json plan = walkthrough(host, "mark_done", {{"step", "objection-form"}});
  CHECK(step(plan, "objection-form")["state"] == "done");
  CHECK(step(plan, "objection-form")["done_at"] == "2026-12-01");
  CHECK(plan["progress"]["done"] == 1);
  auto data = host.store.load();
  CHECK(data.forms_done["objection-form"] == "2026-12-01");
  REQUIRE(data.history.size() == 1);
  CHECK(data.history[0].setting == "objection-form");
  CHECK(data.history[0].from == "todo");
  CHECK(data.history[0].to == "done");
  CHECK(data.history[0].at == "2026-12-01T08:30:00Z");

  // Marking again keeps the first date.
  host.now = "2026-12-02T08:30:00Z";
  plan = walkthrough(host, "mark_done", {{"step", "objection-form"}});
  CHECK(step(plan, "objection-form")["done_at"] == "2026-12-01");
  CHECK(host.store.load().history.size() == 1);

  json error = walkthrough(host, "mark_done", {{"step", "data-for-ai-improvement"}});
  CHECK(error["code"] == "bad_field");
  CHECK(error["field"] == "step");
  CHECK(error["id"] == 3);
  error = walkthrough(host, "mark_done", {{"step", "nonsense"}});
  CHECK(error["code"] == "bad_field");
  CHECK(error["field"] == "step");
  error = walkthrough(host, "mark_done");
  CHECK(error["field"] == "step");
}

TEST_CASE("walkthrough: reset forgets progress, keeps history") {
  Host host;
  walkthrough(host, "start");
  host.send(page_of(*core_test::real_rules().find_setting("ads-by-age"), false));
  walkthrough(host, "mark_done", {{"step", "objection-form"}});
  json plan = walkthrough(host, "status");
  CHECK(plan["progress"]["done"] == 2);
  CHECK(step(plan, "ads-by-age")["state"] == "off");

  plan = walkthrough(host, "reset");
  CHECK(plan["active"] == false);
  CHECK(plan["progress"]["done"] == 0);
  CHECK(step(plan, "ads-by-age")["state"] == "unseen");
  CHECK(step(plan, "objection-form")["state"] == "todo");
  const auto data = host.store.load();
  CHECK(data.history.size() == 2);
  CHECK(data.settings.empty());
}

TEST_CASE("walkthrough: a whole walkthrough, page by page, ends with next null") {
  for (const std::string region : {"", "EU", "US"}) {
    INFO("region " << region);
    Host host;
    if (!region.empty()) host.send({{"type", "config"}, {"region", region}});
    const auto& rules = core_test::real_rules();
    json plan = walkthrough(host, "start");
    const int total = plan["progress"]["total"];
    CHECK(total == (region == "EU" ? 13 : 14));
    int visited = 0;
    std::vector<std::string> order;
    while (!plan["next"].is_null() && visited < 40) {
      const std::string next = plan["next"]["step"];
      order.push_back(next);
      ++visited;
      if (const auto* setting = rules.find_setting(next)) {
        // The page shows it on; the user switches it off; the page is re-read.
        json verdict = host.send(page_of(*setting, true));
        CHECK(verdict["highlight"].size() == 1);
        verdict = host.send(page_of(*setting, false));
        CHECK(verdict["highlight"].size() == 0);
        CHECK(verdict["ok"].size() == 1);
        plan = verdict;
      } else {
        plan = walkthrough(host, "mark_done", {{"step", next}});
      }
    }
    CHECK(visited == total);
    CHECK(plan["progress"]["remaining"] == 0);
    CHECK(plan["progress"]["done"] == total);
    // In ruleset order, forms last, and nothing outside the region.
    std::vector<std::string> expected;
    for (const auto& s : rules.settings) {
      if (s.shown_in(region)) expected.push_back(s.id);
    }
    for (const auto& f : rules.forms) expected.push_back(f.id);
    CHECK(order == expected);
    const json status = walkthrough(host, "status");
    CHECK(status["next"].is_null());
    if (region == "EU") CHECK(step(status, "share-data-with-select-partners")["state"] == "not_in_region");
  }
}
