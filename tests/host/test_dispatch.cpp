// The dispatcher with the real handlers and a real store in a temp dir: every message type, every
// error code it produces, the reply cap, and that it keeps serving after any failure.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "test_dispatch_support.hpp"

using core_test::control;
using core_test::Host;
using core_test::page_state;
using core_test::settings_url;
using nlohmann::json;

namespace {

void check_error(const json& reply, const char* code, const json& id) {
  CHECK(reply["type"] == "error");
  CHECK(reply["code"] == code);
  CHECK(reply["id"] == id);
  CHECK(reply["message"].is_string());
  CHECK_FALSE(reply["message"].get<std::string>().empty());
}

json ai_page(bool checked, json id = 2) {
  return page_state(settings_url("data-for-ai-improvement"), "en",
                    json::array({control("allowDataForGenerativeAI", "Use my data for training content creation AI models", checked)}),
                    std::move(id));
}

}  // namespace

TEST_CASE("dispatch: hello") {
  Host host;
  const json reply = host.send({{"type", "hello"}, {"id", 1}, {"extension_version", "0.1.0"}});
  CHECK(reply["type"] == "hello");
  CHECK(reply["id"] == 1);
  CHECK(reply["host_version"] == LINKEDOUT_VERSION);
  CHECK(reply["protocol"] == 3);
  CHECK(reply["ruleset"]["name"] == "linkedin");
  CHECK(reply["ruleset"]["version"] == core_test::real_rules().version);
  CHECK(reply["ruleset"]["count"] == core_test::real_rules().settings.size());
  CHECK_FALSE(std::filesystem::exists(host.store.file()));  // hello touches no disk
}

TEST_CASE("dispatch: page_state → verdict, recorded in the store") {
  Host host;
  json reply = host.send(ai_page(true, "p1"));
  CHECK(reply["type"] == "verdict");
  CHECK(reply["id"] == "p1");
  CHECK(reply["url"] == settings_url("data-for-ai-improvement"));
  CHECK(reply["setting"] == "data-for-ai-improvement");
  REQUIRE(reply["highlight"].size() == 1);
  CHECK(reply["highlight"][0]["key"] == "allowDataForGenerativeAI");
  CHECK(reply["highlight"][0]["action"] == "switch-off");
  CHECK(reply["highlight"][0]["severity"] == "ai-training");
  CHECK(reply["highlight"][0]["matched_by"] == "key");
  CHECK(reply["ok"] == json::array());
  CHECK(reply["unknown"] == json::array());
  CHECK(reply["drift"] == json::array());  // first run: nothing is "new"
  CHECK(reply["progress"] == json({{"done", 0}, {"total", 14}, {"remaining", 14}}));
  CHECK(reply["next"]["step"] == "ads-beyond-linkedin");
  CHECK_FALSE(reply.contains("truncated"));

  auto data = host.store.load();
  REQUIRE(data.settings.count("data-for-ai-improvement"));
  CHECK(data.settings["data-for-ai-improvement"].state == "on");
  CHECK(data.settings["data-for-ai-improvement"].last_seen == core_test::kNow);
  REQUIRE(data.history.size() == 1);
  CHECK(data.history[0].url == settings_url("data-for-ai-improvement"));

  // The user switches it off: ok, progress moves, the store follows.
  host.now = "2026-11-25T10:05:00Z";
  reply = host.send(ai_page(false));
  CHECK(reply["highlight"] == json::array());
  CHECK(reply["ok"] == json::parse(R"([{"key":"allowDataForGenerativeAI","setting":"data-for-ai-improvement","matched_by":"key","control":0}])"));
  CHECK(reply["progress"]["done"] == 1);
  data = host.store.load();
  CHECK(data.settings["data-for-ai-improvement"].state == "off");
  CHECK(data.history.size() == 2);

  // LinkedIn switches it back on: drift.
  host.now = "2026-11-26T09:00:00Z";
  reply = host.send(ai_page(true));
  REQUIRE(reply["drift"].size() == 1);
  CHECK(reply["drift"][0] == json({{"setting", "data-for-ai-improvement"}, {"kind", "re-enabled"}}));
  CHECK(host.store.load().settings["data-for-ai-improvement"].state == "on");
}

TEST_CASE("dispatch: drift new is flagged only when the store had history before this session") {
  core_test::ScratchDir dir;
  {
    linkedout::Store store(dir.path());
    linkedout::HostContext context{core_test::real_rules(), store, linkedout::now_iso8601};
    linkedout::Dispatcher dispatcher(context);
    const json first = json::parse(dispatcher.handle(ai_page(false).dump()));
    CHECK(first["drift"] == json::array());
    // Same session, first sighting of another setting: the first walkthrough, not drift.
    const json age = json::parse(dispatcher.handle(
        page_state(settings_url("ads-by-age"), "en", json::array({control("allowAdsByAge", "Age range", true)})).dump()));
    CHECK(age["drift"] == json::array());
  }
  linkedout::Store store(dir.path());
  linkedout::HostContext context{core_test::real_rules(), store, linkedout::now_iso8601};
  linkedout::Dispatcher dispatcher(context);
  const json gender = json::parse(dispatcher.handle(
      page_state(settings_url("ads-by-gender"), "en", json::array({control("allowAdsByGender", "Gender", true)})).dump()));
  REQUIRE(gender["drift"].size() == 1);
  CHECK(gender["drift"][0]["kind"] == "new");
}

TEST_CASE("dispatch: a page with nothing the ruleset knows writes nothing") {
  Host host;
  const json reply = host.send(page_state("https://www.linkedin.com/mypreferences/d/categories/ads", "en",
                                          json::array({control("mystery", "Mystery", true), control(nullptr, "x", nullptr)})));
  CHECK(reply["setting"].is_null());
  CHECK(reply["unknown"].size() == 2);
  CHECK(reply["unknown"][0] == json({{"key", "mystery"}, {"label", "Mystery"}, {"why", "not_in_ruleset"}, {"control", 0}}));
  CHECK(reply["unknown"][1]["why"] == "unreadable");
  CHECK(reply["next"]["step"] == "data-for-ai-improvement");
  CHECK(host.store.load().history.empty());
}

TEST_CASE("dispatch: page_unreadable on the wire only for a settings page with nothing readable for it") {
  Host host;
  // No control at all after the content script's bounded wait, on the mobile path of a known page.
  const json empty = host.send(page_state("https://www.linkedin.com/mypreferences/m/settings/ads-beyond-linkedin", "en", json::array()));
  CHECK(empty["type"] == "verdict");
  CHECK(empty["setting"] == "ads-beyond-linkedin");
  CHECK(empty["page_unreadable"] == true);
  CHECK(host.store.load().history.empty());
  // Read fine: the field is absent.
  const json fine = host.send(ai_page(true));
  CHECK_FALSE(fine.contains("page_unreadable"));
  // A page the ruleset does not know is never unreadable.
  const json other = host.send(page_state("https://www.linkedin.com/mypreferences/d/categories/ads", "en", json::array()));
  CHECK_FALSE(other.contains("page_unreadable"));
}

TEST_CASE("dispatch: re-scans of an unchanged page refresh the store at most once a minute") {
  Host host;
  host.send(ai_page(false));
  const auto written = std::filesystem::last_write_time(host.store.file());
  // Each read closes the file: on Windows an open stream would stop the store's next replace.
  const auto text_of = [&] {
    std::ifstream in(host.store.file());
    return std::string((std::istreambuf_iterator<char>(in)), {});
  };
  const std::string text_before = text_of();
  host.now = "2026-11-25T10:00:30Z";
  host.send(ai_page(false));
  CHECK(text_of() == text_before);
  CHECK(std::filesystem::last_write_time(host.store.file()) == written);
  host.now = "2026-11-25T10:01:00Z";
  host.send(ai_page(false));
  CHECK(host.store.load().settings["data-for-ai-improvement"].last_seen == "2026-11-25T10:01:00Z");
}

TEST_CASE("dispatch: config gets and sets the region") {
  Host host;
  json reply = host.send({{"type", "config"}, {"id", 4}});
  CHECK(reply["type"] == "config");
  CHECK(reply["id"] == 4);
  CHECK(reply["region"].is_null());
  CHECK(reply["regions"]["EU"].is_string());
  CHECK(reply["regions"].size() == core_test::real_rules().regions.size());

  reply = host.send({{"type", "config"}, {"id", 5}, {"region", "EU"}});
  CHECK(reply["region"] == "EU");
  CHECK(host.store.load().region == "EU");
  CHECK(host.send({{"type", "config"}})["region"] == "EU");
  // The plan follows: one setting is not shown in the EU.
  CHECK(host.send(ai_page(true))["progress"]["total"] == 13);

  reply = host.send({{"type", "config"}, {"id", 6}, {"region", "ATLANTIS"}});
  check_error(reply, "bad_field", 6);
  CHECK(reply["field"] == "region");
  CHECK(host.store.load().region == "EU");

  reply = host.send({{"type", "config"}, {"region", nullptr}});
  CHECK(reply["region"].is_null());
  CHECK_FALSE(host.store.load().region);
}

TEST_CASE("dispatch: status answers the popup in one reply: the walkthrough plan and the config") {
  Host host;
  host.send(ai_page(true));
  json reply = host.send({{"type", "status"}, {"id", 8}, {"ui_lang", "de"}});
  CHECK(reply["type"] == "status");
  CHECK(reply["id"] == 8);
  // Each part is that message's own reply, to the letter.
  CHECK(reply["plan"] == host.send({{"type", "walkthrough"}, {"id", 8}, {"action", "status"}, {"ui_lang", "de"}}));
  CHECK(reply["config"] == host.send({{"type", "config"}, {"id", 8}, {"ui_lang", "de"}}));
  CHECK(reply["plan"]["check"].is_object());
  CHECK(reply["config"]["regions"]["CH"] == "Schweiz");

  // An organisation's fixed region and reminder ride along, applied before the plan is made.
  reply = host.send({{"type", "status"}, {"id", 9}, {"region", "EU"}, {"reminder_days", 30}});
  CHECK(reply["config"]["region"] == "EU");
  CHECK(reply["config"]["reminder_days"] == 30);
  CHECK(reply["plan"]["region"] == "EU");
  CHECK(reply["plan"]["progress"]["total"] == 13);
  CHECK(reply["plan"]["check"]["reminder_days"] == 30);
  CHECK(host.store.load().region == "EU");

  reply = host.send({{"type", "status"}, {"id", 10}, {"region", "ATLANTIS"}});
  check_error(reply, "bad_field", 10);
  CHECK(reply["field"] == "region");
  reply = host.send({{"type", "status"}, {"id", 11}, {"reminder_days", 0}});
  check_error(reply, "bad_field", 11);
  CHECK(reply["field"] == "reminder_days");
  CHECK(host.store.load().region == "EU");
}

TEST_CASE("dispatch: every error code the dispatcher produces, and it keeps serving") {
  Host host;
  check_error(host.send_raw(""), "bad_json", nullptr);
  check_error(host.send_raw("{\"type\":"), "bad_json", nullptr);
  check_error(host.send_raw(R"({"type":"hello","id":1,"id":2})"), "bad_json", nullptr);
  check_error(host.send_raw(std::string(65, '[') + std::string(65, ']')), "bad_json", nullptr);
  check_error(host.send_raw("{\"type\":\"hello\",\"id\":\"\xc3\x28\"}"), "bad_utf8", nullptr);
  check_error(host.send_raw("[1,2]"), "not_object", nullptr);
  check_error(host.send_raw(R"({"id":9})"), "missing_type", 9);
  check_error(host.send_raw(R"({"id":"t","type":1})"), "missing_type", "t");
  check_error(host.send_raw(R"({"id":10,"type":"teleport"})"), "unknown_type", 10);
  check_error(host.send_raw(R"({"id":10,"type":"HELLO"})"), "unknown_type", 10);
  json reply = host.send_raw(R"({"id":11,"type":"walkthrough","action":"fly"})");
  check_error(reply, "bad_field", 11);
  CHECK(reply["field"] == "action");
  reply = host.send_raw(R"({"id":[1],"type":"hello"})");
  check_error(reply, "bad_field", nullptr);
  CHECK(reply["field"] == "id");
  reply = host.send(page_state("https://www.linkedin.com.evil.example/mypreferences/d/settings/x", "en", json::array(), 12));
  check_error(reply, "not_linkedin", 12);
  CHECK_FALSE(reply.contains("field"));
  reply = json::parse(host.dispatcher.too_large_reply(2000000));
  check_error(reply, "too_large", nullptr);
  CHECK(reply["message"].get<std::string>().find("2000000") != std::string::npos);

  // Still serving.
  CHECK(host.send({{"type", "hello"}, {"id", 13}})["type"] == "hello");
}

TEST_CASE("dispatch: a store that cannot be written → store_error, then keeps serving") {
  core_test::ScratchDir dir;
  std::ofstream(dir.path() / "not-a-dir") << "x";
  linkedout::Store store(dir.path() / "not-a-dir" / "data");
  linkedout::HostContext context{core_test::real_rules(), store, linkedout::now_iso8601};
  linkedout::Dispatcher dispatcher(context);
  json reply = json::parse(dispatcher.handle(ai_page(true, 21).dump()));
  check_error(reply, "store_error", 21);
  reply = json::parse(dispatcher.handle(R"({"type":"config","id":22,"region":"UK"})"));
  check_error(reply, "store_error", 22);
  reply = json::parse(dispatcher.handle(R"({"type":"hello","id":23})"));
  CHECK(reply["type"] == "hello");
}

TEST_CASE("dispatch: any exception in a handler → internal, then keeps serving") {
  Host host;
  host.context.now = []() -> std::string { throw std::runtime_error("clock broke"); };
  json reply = host.send(ai_page(true, 31));
  check_error(reply, "internal", 31);
  CHECK(reply["message"].get<std::string>().find("clock broke") != std::string::npos);
  host.context.now = []() -> std::string { throw 42; };
  check_error(host.send(ai_page(true, 32)), "internal", 32);
  CHECK(host.send({{"type", "hello"}, {"id", 33}})["id"] == 33);
}

TEST_CASE("dispatch: replies never exceed the cap — verdict lists are truncated first") {
  // 500 unreadable controls with 1024-character labels, keys padded so the request is just under
  // the 1 MiB input limit: the verdict echoes every one and ends up over the reply cap.
  auto make = [](std::size_t key_length) {
    std::string label;
    for (int i = 0; i < 1024; ++i) label += "é";
    json controls = json::array();
    for (int i = 0; i < 500; ++i) {
      std::string key = "k" + std::to_string(i) + "-";
      key.resize(key_length, 'x');
      controls.push_back(control(key, label, nullptr));
    }
    return page_state(settings_url("ads-by-age"), "en", controls, "big");
  };
  const std::size_t base = make(0).dump().size();
  const json big = make((1024 * 1024 - base - 100) / 500);
  REQUIRE(big.dump().size() <= 1024 * 1024);
  REQUIRE(big.dump().size() > 1024 * 1024 - 600);

  Host host;
  json reply = host.send(big);
  CHECK(host.last_body.size() <= 1024 * 1024);
  CHECK(host.last_body.size() > 1000 * 1000);  // cut just enough
  CHECK(reply["type"] == "verdict");
  CHECK(reply["id"] == "big");
  CHECK(reply["truncated"] == true);
  CHECK(reply["unknown"].size() < 500);
  CHECK(reply["unknown"].size() > 490);
  CHECK(reply["unknown"][0]["key"].get<std::string>().rfind("k0-", 0) == 0);  // the first ones are kept
  CHECK(reply["progress"]["total"] == 14);

  SUBCASE("a small cap: highlight goes last") {
    Host small(4096);
    json mixed = json::array({control("allowAdsByAge", "Age range", true)});
    for (int i = 0; i < 100; ++i) mixed.push_back(control("u" + std::to_string(i), "unknown label text", true));
    reply = small.send(page_state(settings_url("ads-by-age"), "en", mixed));
    CHECK(small.last_body.size() <= 4096);
    CHECK(reply["truncated"] == true);
    CHECK(reply["highlight"].size() == 1);
  }
  SUBCASE("a reply that cannot be cut becomes too_large with its id") {
    Host tiny(600);
    reply = tiny.send({{"type", "walkthrough"}, {"id", 77}, {"action", "status"}});
    check_error(reply, "too_large", 77);
    CHECK(tiny.last_body.size() <= 600);
  }
}

TEST_CASE("dispatch: serves exactly the schema's request types, each from its handlers/<type>.cpp") {
  const std::filesystem::path source(LINKEDOUT_SOURCE_DIR);
  std::ifstream schema_file(source / "docs/protocol.schema.json");
  const json schema = json::parse(schema_file);
  std::set<std::string> schema_types;
  for (const auto& type : schema["$defs"]["request"]["properties"]["type"]["enum"]) {
    schema_types.insert(type.get<std::string>());
  }
  REQUIRE(schema_types.size() >= 5);

  std::set<std::string> handler_files;
  for (const auto& entry : std::filesystem::directory_iterator(source / "native-host/src/core/handlers")) {
    if (entry.path().extension() == ".cpp") handler_files.insert(entry.path().stem().string());
  }
  CHECK(handler_files == schema_types);

  Host host;
  for (const auto& type : schema_types) {
    const json reply = host.send({{"type", type}, {"id", type}});
    INFO(reply.dump());
    CHECK(reply["id"] == type);
    CHECK(reply.value("code", "") != "unknown_type");  // served: a reply, or its own fields' error
  }
  // Reply-only types and the handlers' shared header are not requests.
  for (const auto& type : schema["$defs"]["reply"]["properties"]["type"]["enum"]) {
    if (schema_types.count(type.get<std::string>())) continue;
    check_error(host.send({{"type", type}, {"id", 1}}), "unknown_type", 1);
  }
  check_error(host.send({{"type", "handler"}, {"id", 1}}), "unknown_type", 1);
}
