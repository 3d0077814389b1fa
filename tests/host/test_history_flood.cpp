// A hostile settings page must not be able to bloat the state store or push the user's real
// history out of it (issue 13 item 1), against the real host over pipes: one sighting per setting
// per message, disagreeing controls record nothing, the ruleset's URL is stored (never the page's
// path), and the file stays under its byte cap with every setting's history kept.
#include "store.hpp"
#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;

const std::string kFlooded = "data-for-ai-improvement";
const std::string kFloodedKey = "allowDataForGenerativeAI";
const std::string kFloodedUrl = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
const std::string kUsers = "ads-by-age";  // a setting the user really switched off
const std::string kUsersKey = "allowAdsByAge";

json history_of(const json& store, const std::string& setting) {
  json entries = json::array();
  for (const auto& entry : store["history"])
    if (entry["setting"] == setting) entries.push_back(entry);
  return entries;
}

void ask_and_close(HostProcess& host, const std::vector<json>& messages) {
  for (const auto& message : messages) {
    REQUIRE(host.send_json(message));
    const Reply reply = host.read_reply();
    INFO("host stderr: " << host.stderr_text());
    REQUIRE(reply.outcome == Reply::Outcome::reply);
    REQUIRE(reply.value.value("type", "") == "verdict");
  }
  host.close_stdin();
  const ExitStatus status = host.wait_exit();
  INFO("host stderr: " << host.stderr_text());
  REQUIRE_MESSAGE(status.code == 0, status.describe());
}

// The user's own record: the ads-by-age switch seen on, then switched off.
json seed_users_history(const Sandbox& sandbox) {
  HostProcess host(sandbox);
  ask_and_close(host, {recorded_page_state(1, true, kUsers, kUsersKey), recorded_page_state(2, false, kUsers, kUsersKey)});
  const json store = json::parse(sandbox.store_bytes());
  REQUIRE(history_of(store, kUsers).size() == 2);
  return store;
}

// 500 controls of one key; `flip_within` alternates their states inside the message.
json flood(int id, bool first_state, bool flip_within, const std::string& url, int count = 500) {
  json controls = json::array();
  for (int i = 0; i < count; ++i) {
    const bool checked = flip_within ? ((i % 2 == 0) == first_state) : first_state;
    controls.push_back({{"key", kFloodedKey}, {"label", ""}, {"checked", checked}});
  }
  return {{"type", "page_state"}, {"id", id}, {"url", url}, {"lang", "en"}, {"controls", controls}};
}

std::string long_page_url() {
  // The protocol allows 2048 characters; the setting's own page (its controls count only there),
  // with a query close to that.
  return kFloodedUrl + "?" + std::string(2048 - kFloodedUrl.size() - 1, 'x');
}

}  // namespace

TEST_SUITE("hostile pages and the state store (real host over pipes)") {

TEST_CASE("history flood: 500 disagreeing controls of one key ×10 messages record nothing and keep the store small") {
  Sandbox sandbox;
  const json seeded = seed_users_history(sandbox);
  const std::size_t seeded_size = sandbox.store_bytes().size();

  HostProcess host(sandbox);
  std::vector<json> messages;
  for (int i = 0; i < 10; ++i) messages.push_back(flood(10 + i, i % 2 == 0, /*flip_within=*/true, long_page_url()));
  for (const auto& message : messages) {
    REQUIRE(host.send_json(message));
    const Reply reply = host.read_reply();
    REQUIRE(reply.outcome == Reply::Outcome::reply);
    // Controls that disagree about one setting make it ambiguous: nothing to highlight for it.
    for (const auto& item : reply.value["highlight"]) CHECK(item["setting"] != kFlooded);
    REQUIRE(reply.value["unknown"].size() == 500);
    for (const auto& item : reply.value["unknown"]) CHECK(item["why"] == "ambiguous");
  }
  host.close_stdin();
  REQUIRE(host.wait_exit().code == 0);

  const std::string bytes = sandbox.store_bytes();
  const json store = json::parse(bytes);
  INFO("store is " << bytes.size() << " bytes, was " << seeded_size);
  CHECK(history_of(store, kFlooded).empty());
  CHECK_FALSE(store["settings"].contains(kFlooded));
  CHECK(history_of(store, kUsers) == history_of(seeded, kUsers));
  CHECK(bytes.size() <= seeded_size + 1024);
}

TEST_CASE("history flood: 500 agreeing controls of one setting are claimants, not sightings: nothing recorded") {
  Sandbox sandbox;
  const json seeded = seed_users_history(sandbox);
  const std::size_t seeded_size = sandbox.store_bytes().size();

  HostProcess host(sandbox);
  std::vector<json> messages;
  for (int i = 0; i < 10; ++i) messages.push_back(flood(10 + i, i % 2 == 0, /*flip_within=*/false, long_page_url()));
  ask_and_close(host, messages);

  const std::string bytes = sandbox.store_bytes();
  const json store = json::parse(bytes);
  CHECK(history_of(store, kFlooded).empty());
  CHECK(history_of(store, kUsers) == history_of(seeded, kUsers));
  CHECK(bytes.size() <= seeded_size + 1024);
}

TEST_CASE("history flood: one switch flipping per message gives one entry per message, at the ruleset's URL") {
  Sandbox sandbox;
  const json seeded = seed_users_history(sandbox);

  HostProcess host(sandbox);
  std::vector<json> messages;
  for (int i = 0; i < 10; ++i) messages.push_back(flood(10 + i, i % 2 == 0, /*flip_within=*/false, long_page_url(), 1));
  ask_and_close(host, messages);

  const std::string bytes = sandbox.store_bytes();
  const json store = json::parse(bytes);
  const json flooded = history_of(store, kFlooded);
  INFO("store is " << bytes.size() << " bytes");
  CHECK(flooded.size() == 10);  // first sighting, then one change per message
  for (const auto& entry : flooded) CHECK(entry["url"] == kFloodedUrl);  // never the page's 2 KiB path
  CHECK(history_of(store, kUsers) == history_of(seeded, kUsers));
  CHECK(bytes.size() < 16 * 1024);
}

TEST_CASE("history cap: a store over its byte cap is trimmed from the flooded setting — every setting keeps its history") {
  Sandbox sandbox;
  json store = seed_users_history(sandbox);
  // A store as an older host (which recorded the page's path) left it after a flood: 5,000 entries
  // of one setting with 2 KiB URLs, about 11 MB, written after the user's own entries.
  const std::string url = long_page_url();
  for (int i = 0; i < 5000; ++i)
    store["history"].push_back({{"at", "2026-11-25T10:00:00Z"}, {"setting", kFlooded},
                                {"from", i % 2 ? "on" : "off"}, {"to", i % 2 ? "off" : "on"}, {"url", url}});
  store["settings"][kFlooded] = {{"state", "off"}, {"first_seen", "2026-11-25T10:00:00Z"},
                                 {"last_seen", "2026-11-25T10:00:00Z"}, {"last_changed", "2026-11-25T10:00:00Z"}};
  std::ofstream(sandbox.store_file(), std::ios::binary | std::ios::trunc) << store.dump(2);
  REQUIRE(sandbox.store_bytes().size() > 10'000'000);

  HostProcess host(sandbox);
  ask_and_close(host, {recorded_page_state(1, true)});  // a real change of the flooded setting

  const std::string bytes = sandbox.store_bytes();
  const json after = json::parse(bytes);
  INFO("store is " << bytes.size() << " bytes, cap " << linkedout::store_caps::kMaxFileBytes);
  CHECK(bytes.size() <= linkedout::store_caps::kMaxFileBytes);
  CHECK(after["history"].size() <= linkedout::store_caps::kMaxHistory);
  CHECK(history_of(after, kUsers) == history_of(store, kUsers));
  const json flooded = history_of(after, kFlooded);
  REQUIRE_FALSE(flooded.empty());
  CHECK(flooded.back()["to"] == "on");  // the newest change is kept, the oldest go first
  CHECK(flooded.back()["url"] == kFloodedUrl);
  CHECK(after["settings"][kFlooded]["state"] == "on");
}

}  // TEST_SUITE
