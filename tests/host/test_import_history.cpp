// import_history (issue 24): the history the extension's built-in core kept in the browser is
// handed to the helper once it answers. Nothing lost, nothing counted twice: two real stores (two
// dispatchers over the real ruleset), one merged into the other, then merged again.
#include <doctest/doctest.h>

#include "store_merge.hpp"
#include "test_dispatch_support.hpp"

using core_test::control;
using core_test::Host;
using core_test::json;
using core_test::page_state;
using core_test::settings_url;

namespace {

json ai_state_page(bool checked) {
  return page_state(settings_url("data-for-ai-improvement"), "en",
                    json::array({control("allowDataForGenerativeAI", "Use my data for training content creation AI models", checked)}));
}

std::string state_text(Host& host) { return linkedout::serialize_store(host.store.load()); }

json import(Host& helper, const std::string& state) {
  return helper.send({{"type", "import_history"}, {"id", "imp"}, {"state", state}});
}

}  // namespace

TEST_CASE("import_history: the browser's history lands in the helper's store once") {
  Host browser;  // the built-in core's store, as the extension keeps it
  browser.now = "2026-11-20T09:00:00Z";
  browser.send(ai_state_page(true));
  browser.now = "2026-11-20T09:05:00Z";
  browser.send(ai_state_page(false));
  browser.send({{"type", "walkthrough"}, {"id", 3}, {"action", "mark_done"}, {"step", "objection-form"}});
  browser.send({{"type", "config"}, {"id", 4}, {"region", "EU"}});
  const std::string browser_state = state_text(browser);

  Host helper;  // the helper already saw the page once, earlier, on another browser
  helper.now = "2026-11-19T08:00:00Z";
  helper.send(ai_state_page(true));

  json reply = import(helper, browser_state);
  CHECK(reply["type"] == "import_history");
  CHECK(reply["id"] == "imp");
  CHECK(reply["settings"] == 1);  // the browser saw it later: its record wins
  CHECK(reply["history"] == 3);  // the browser's two sightings and its form marked done
  CHECK(reply["forms"] == 1);
  CHECK(reply["checks"] == 0);

  auto data = helper.store.load();
  const auto& record = data.settings.at("data-for-ai-improvement");
  CHECK(record.state == "off");
  CHECK(record.first_seen == "2026-11-19T08:00:00Z");  // the earliest sighting of either
  CHECK(record.last_seen == "2026-11-20T09:05:00Z");
  REQUIRE(data.history.size() == 4);  // the helper's one, then the browser's three, by time
  CHECK(data.history[0].at == "2026-11-19T08:00:00Z");
  CHECK(data.history[1].at == "2026-11-20T09:00:00Z");
  CHECK(data.history[2].to == "off");
  CHECK(data.history[3].setting == "objection-form");
  CHECK(data.history[3].to == "done");
  CHECK(data.forms_done.count("objection-form") == 1);
  CHECK(data.region == std::optional<std::string>("EU"));

  // Handed again (a retry, a second browser profile with the same copy): nothing changes.
  const std::string before = state_text(helper);
  reply = import(helper, browser_state);
  CHECK(reply["settings"] == 0);
  CHECK(reply["history"] == 0);
  CHECK(reply["forms"] == 0);
  CHECK(state_text(helper) == before);

  // The walkthrough now counts the browser's switch once.
  const json plan = helper.send({{"type", "walkthrough"}, {"id", 9}, {"action", "status"}});
  CHECK(plan["progress"]["done"] == 2);  // the AI switch and the objection form
}

TEST_CASE("import_history: the helper's own choices stay — the browser's fill what the helper lacks") {
  Host browser;
  browser.send({{"type", "config"}, {"id", 1}, {"region", "EU"}, {"reminder_days", 30}});
  Host helper;
  helper.send({{"type", "config"}, {"id", 1}, {"region", "CH"}});
  import(helper, state_text(browser));
  const auto data = helper.store.load();
  CHECK(data.region == std::optional<std::string>("CH"));
  CHECK(data.reminder_days == std::optional<int>(30));
}

TEST_CASE("import_history: what is not a store is bad_field state, and the helper's store is untouched") {
  Host helper;
  helper.send(ai_state_page(true));
  const std::string before = state_text(helper);
  for (const json& state : {json("not json"), json("[]"), json(R"({"version":1,"settings":{"x":1}})"), json(42)}) {
    const json reply = helper.send({{"type", "import_history"}, {"id", 5}, {"state", state}});
    CHECK(reply["type"] == "error");
    CHECK(reply["code"] == "bad_field");
    CHECK(reply["field"] == "state");
  }
  const json missing = helper.send({{"type", "import_history"}, {"id", 6}});
  CHECK(missing["code"] == "bad_field");
  CHECK(missing["field"] == "state");
  CHECK(state_text(helper) == before);
}

TEST_CASE("merge_store: the history cap holds and every setting keeps its latest entries") {
  linkedout::StoreData ours, theirs;
  for (std::size_t i = 0; i < linkedout::store_caps::kMaxHistory; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-01-01T00:%02zu:%02zuZ", (i / 60) % 60, i % 60);
    ours.history.push_back({std::string("2025-") + at, "flood", "on", "off", ""});
  }
  theirs.history.push_back({"2026-11-20T09:00:00Z", "data-for-ai-improvement", "", "on", "u"});
  const auto counts = linkedout::merge_store(ours, theirs);
  CHECK(counts.history == 1);
  CHECK(ours.history.size() == linkedout::store_caps::kMaxHistory);
  CHECK(ours.history.back().setting == "data-for-ai-improvement");
}
