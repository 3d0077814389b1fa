// serialize_store writes the store without a JSON DOM (store_format.cpp). Its text must stay the
// file format byte for byte: exactly what nlohmann's dump(2) gives for the same document (keys
// sorted, two-space indent, strings escaped alike), for stores with every field in use, empty
// containers, odd strings, and fields kept for a newer host.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "store_format.hpp"

using linkedout::StoreData;

namespace {

// nlohmann's layout of the same document: parse the text and dump it again.
std::string nlohmann_layout(const std::string& text) { return nlohmann::json::parse(text).dump(2) + "\n"; }

StoreData full_store() {
  StoreData data;
  data.version = 1;
  data.settings["data-for-ai-improvement"] = {"off", "2026-11-01T10:00:00Z", "2026-11-25T10:00:00Z", "2026-11-02T10:00:00Z"};
  data.settings["ads-data"] = {"on", "2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z", "2026-11-01T10:00:00Z"};
  for (int i = 0; i < 5; ++i)
    data.history.push_back({"2026-11-0" + std::to_string(i + 1) + "T10:00:00Z", i % 2 ? "ads-data" : "data-for-ai-improvement",
                            i ? "on" : "", i % 2 ? "off" : "on", "https://www.linkedin.com/mypreferences/d/settings/x"});
  data.history.push_back({"2026-11-06T10:00:00Z", "objection-form", "todo", "done", ""});
  data.region = "EU";
  data.forms_done["objection-form"] = "2026-11-06";
  data.walkthrough_active = true;
  data.corrupt_files = {"state.json.corrupt-20261101T100000Z"};
  data.reminder_days = 30;
  data.last_full_check = "2026-11-20T10:00:00Z";
  data.last_full_check_ruleset = "2026.11.1";
  data.new_controls.push_back({"/mypreferences/d/settings/x", std::string("newKey"), "A \"new\" switch\twith\\odd\ncharacters \x01 é", "a", "b"});
  data.new_controls.push_back({"/mypreferences/d/settings/y", std::nullopt, "no key", "a", "b"});
  linkedout::RecheckRun run;
  run.started_at = "2026-11-25T10:00:00Z";
  run.pages = {{"ads-data", "on"}, {"data-for-ai-improvement", "off"}};
  run.new_controls = data.new_controls;
  data.recheck = run;
  linkedout::CheckRecord check;
  check.started_at = "a";
  check.ended_at = "b";
  check.ruleset_version = "2026.11.1";
  check.complete = true;
  check.off = {"x", "y"};
  check.on = {};
  check.unreadable = {"z"};
  check.new_controls = data.new_controls;
  data.checks = {check, linkedout::CheckRecord{}};
  return data;
}

}  // namespace

TEST_CASE("store writer: an empty store is laid out as nlohmann lays it out") {
  const std::string text = linkedout::serialize_store(StoreData{});
  CHECK(text == nlohmann_layout(text));
}

TEST_CASE("store writer: every field in use, odd strings, nested lists: nlohmann's layout byte for byte, and it reads back") {
  const StoreData data = full_store();
  const std::string text = linkedout::serialize_store(data);
  CHECK(text == nlohmann_layout(text));
  CHECK(linkedout::serialize_store(linkedout::parse_store(text)) == text);
  CHECK(text.find("\"recheck\": {") != std::string::npos);
}

TEST_CASE("store writer: fields kept for a newer host sort among the known ones, nested values laid out at their depth") {
  StoreData data = full_store();
  data.unknown_fields["aaa_first"] = R"({"nested":{"list":[1,2,{"x":null}],"empty":{},"none":[]}})";
  data.unknown_fields["m_middle"] = "[true,false,1.5,\"text\"]";
  data.unknown_fields["zzz_last"] = "\"plain\"";
  const std::string text = linkedout::serialize_store(data);
  CHECK(text == nlohmann_layout(text));
  const StoreData reread = linkedout::parse_store(text);
  CHECK(reread.unknown_fields.size() == 3);
  CHECK(linkedout::serialize_store(reread) == text);
}
