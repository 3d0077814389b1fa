// MemoryStateStore: the core's state store for the WebAssembly build (the extension saves its
// text). Same format and caps as the file store, one write per change, bad text kept aside.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "state_store.hpp"

using linkedout::MemoryStateStore;
using linkedout::StoreData;
namespace caps = linkedout::store_caps;

TEST_CASE("memory store: starts empty, writes once per change, and its text parses back") {
  std::vector<std::string> saved;
  MemoryStateStore store("", [&](const std::string& text) { saved.push_back(text); });
  CHECK(store.load().settings.empty());
  CHECK(store.writes() == 0);
  store.update([](StoreData&) { return false; });  // nothing changed: nothing written
  CHECK(saved.empty());
  store.update([](StoreData& d) {
    linkedout::record_sighting(d, "ai-training", "on", "https://www.linkedin.com/x", "2026-11-25T10:00:00Z");
    return true;
  });
  REQUIRE(saved.size() == 1);
  CHECK(saved.back() == store.text());
  const StoreData reread = linkedout::parse_store(store.text());
  CHECK(reread.settings.at("ai-training").state == "on");
  // update_if: a judge that says no writes nothing.
  store.update_if([](const StoreData&) { return false; }, [](StoreData& d) { d.walkthrough_active = true; });
  CHECK(saved.size() == 1);
  store.update_if([](const StoreData& d) { return !d.walkthrough_active; }, [](StoreData& d) { d.walkthrough_active = true; });
  CHECK(saved.size() == 2);
  // A new store from the saved text sees the same data.
  MemoryStateStore again(saved.back());
  CHECK(again.load().walkthrough_active);
  CHECK(again.load().history.size() == 1);
}

TEST_CASE("memory store: the history cap is the file store's") {
  MemoryStateStore store;
  store.update([](StoreData& d) {
    for (std::size_t i = 0; i < caps::kMaxHistory + 10; ++i)
      linkedout::append_history(d, {"2026-11-25T10:00:00Z", "s" + std::to_string(i), "", "on", ""});
    return true;
  });
  CHECK(store.load().history.size() == caps::kMaxHistory);
  CHECK(store.text().size() <= caps::kMaxFileBytes);
}

TEST_CASE("memory store: text that does not parse is kept aside and named, never dropped") {
  int writes = 0;
  MemoryStateStore store("{not json", [&](const std::string&) { ++writes; });
  REQUIRE(store.set_aside().size() == 1);
  CHECK(store.set_aside().front() == "{not json");
  CHECK(store.load().corrupt_files == std::vector<std::string>{"state.json.corrupt-1"});
  // The first update writes the fresh store (which names the kept text) even when nothing changed.
  store.update([](StoreData&) { return false; });
  CHECK(writes == 1);
  CHECK(linkedout::parse_store(store.text()).corrupt_files.size() == 1);
}
