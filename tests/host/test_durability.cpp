// Durable state (docs/protocol.md §5) against the real host binary: SIGKILL in the middle of
// store writes, many times, and two hosts writing at once.
//
// Every recorded page_state below flips one toggle, so each one the host applies appends exactly
// one history entry. That turns "old or new version, never corrupt" into counting: after a kill
// the store parses, and its history grew by at least the replies the host had sent (a reply is
// sent after its write) and at most the messages it was given.
//
// LINKEDOUT_STRESS_RUNS sets the number of kill runs (scripts/stress runs 1000; CI runs fewer).
#include <signal.h>

#include <cstdlib>

#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;

int stress_runs(int fallback) {
  if (const char* text = std::getenv("LINKEDOUT_STRESS_RUNS")) {
    const int runs = std::atoi(text);
    if (runs > 0) return runs;
  }
  return fallback;
}

struct StoreView {
  bool parses = false;
  std::size_t history = 0;
  json root;
};

StoreView view_store(const Sandbox& sandbox) {
  StoreView view;
  if (!fs::exists(sandbox.store_file())) {
    view.parses = true;  // no store yet is the "old version" of an empty store
    return view;
  }
  const std::string bytes = sandbox.store_bytes();
  if (!json::accept(bytes)) return view;
  view.root = json::parse(bytes);
  view.parses = view.root.is_object() && view.root.contains("history") && view.root["history"].is_array();
  if (view.parses) view.history = view.root["history"].size();
  return view;
}

// The state the store holds for a setting agrees with its latest history entry.
void check_consistent(const StoreView& view, const std::string& setting) {
  if (view.history == 0) return;
  const json& history = view.root["history"];
  std::string last;
  for (const auto& entry : history)
    if (entry.value("setting", "") == setting) last = entry.value("to", "");
  if (last.empty()) return;
  REQUIRE(view.root["settings"].contains(setting));
  CHECK(view.root["settings"][setting].value("state", "") == last);
}

std::size_t count_corrupt_files(const Sandbox& sandbox) {
  std::size_t n = 0;
  for (const auto& entry : fs::directory_iterator(sandbox.data_dir()))
    if (entry.path().filename().string().find("corrupt") != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_SUITE("durability (real host)") {

TEST_CASE("durability: SIGKILL in the middle of writes leaves the old or the new store, never a corrupt one") {
  const int runs = stress_runs(40);
  std::mt19937 random(20261125);  // fixed seed: a failure can be replayed
  std::optional<Sandbox> sandbox(std::in_place);
  bool checked = false;  // state of the toggle in the last message the host may have applied
  std::size_t total_sent = 0, total_acked = 0, kills_mid_stream = 0;

  for (int run = 0; run < runs; ++run) {
    // Stay clear of the history cap, which would break the counting.
    if (view_store(*sandbox).history > 4000) sandbox.emplace();

    const StoreView before = view_store(*sandbox);
    REQUIRE(before.parses);
    if (before.history > 0) {
      const auto& last = before.root["history"].back();
      checked = last.value("to", "") == "on";
    }

    HostProcess host(*sandbox);
    const int messages = 1 + static_cast<int>(random() % 12);
    std::string batch;
    bool next = !checked;
    for (int i = 0; i < messages; ++i, next = !next)
      batch += frame(recorded_page_state(run * 100 + i, next).dump());
    REQUIRE(host.write_all(batch));

    // Read a random number of replies (0 .. all), then wait a random 0–3 ms: the kill lands
    // before, between and inside the host's writes.
    const int to_read = static_cast<int>(random() % static_cast<unsigned>(messages + 1));
    int acked = 0;
    for (; acked < to_read; ++acked) {
      const Reply reply = host.read_reply();
      REQUIRE(reply.outcome == Reply::Outcome::reply);
      REQUIRE(reply.value.value("type", "") == "verdict");
    }
    std::this_thread::sleep_for(std::chrono::microseconds(random() % 3000));
    host.signal(SIGKILL);
    REQUIRE_FALSE(host.wait_exit().timed_out);

    const StoreView after = view_store(*sandbox);
    INFO("run " << run << ": sent " << messages << ", acked " << acked << ", history " << before.history
                << " → " << after.history);
    REQUIRE_MESSAGE(after.parses, "store corrupt after SIGKILL: " << sandbox->store_bytes().substr(0, 300));
    CHECK(after.history >= before.history + static_cast<std::size_t>(acked));
    CHECK(after.history <= before.history + static_cast<std::size_t>(messages));
    CHECK(count_corrupt_files(*sandbox) == 0);
    check_consistent(after, "data-for-ai-improvement");
    if (after.history < before.history + static_cast<std::size_t>(messages)) ++kills_mid_stream;
    total_sent += static_cast<std::size_t>(messages);
    total_acked += static_cast<std::size_t>(acked);
  }
  MESSAGE("kill runs: " << runs << ", messages sent " << total_sent << ", acknowledged " << total_acked
                        << ", killed mid-stream " << kills_mid_stream);
  // The kill must really land while the host works, not only after it finished.
  CHECK(kills_mid_stream > static_cast<std::size_t>(runs) / 4);

  // Whatever the kills left behind (temp files, the lock file), a new host serves and records.
  HostProcess host(*sandbox);
  const StoreView final_before = view_store(*sandbox);
  const std::size_t history_before = final_before.history;
  // The last run may have applied messages after its `before` view: flip what the store holds now,
  // or the sighting changes nothing and adds no history.
  if (history_before > 0) checked = final_before.root["history"].back().value("to", "") == "on";
  REQUIRE(host.send_json(recorded_page_state("final", !checked)));
  REQUIRE(host.read_reply().outcome == Reply::Outcome::reply);
  host.close_stdin();
  CHECK(host.wait_exit().code == 0);
  const StoreView final_view = view_store(*sandbox);
  CHECK(final_view.history == history_before + 1);
}

TEST_CASE("durability: two hosts writing at once lose no update") {
  Sandbox sandbox;
  constexpr int kFlips = 60;
  HostProcess first(sandbox);
  HostProcess second(sandbox);
  // Each host flips its own toggle kFlips times; both write the one store file concurrently.
  std::string first_batch, second_batch;
  for (int i = 0; i < kFlips; ++i) {
    first_batch += frame(recorded_page_state(i, i % 2 == 0, "data-for-ai-improvement", "allowDataForGenerativeAI").dump());
    second_batch += frame(recorded_page_state(i, i % 2 == 0, "ads-by-age", "allowAdsByAge").dump());
  }
  bool first_written = false;
  std::thread writer([&] { first_written = first.write_all(first_batch); });
  const bool second_written = second.write_all(second_batch);
  writer.join();
  REQUIRE(first_written);
  REQUIRE(second_written);
  for (int i = 0; i < kFlips; ++i) {
    REQUIRE(first.read_reply().outcome == Reply::Outcome::reply);
    REQUIRE(second.read_reply().outcome == Reply::Outcome::reply);
  }
  first.close_stdin();
  second.close_stdin();
  CHECK(first.wait_exit().code == 0);
  CHECK(second.wait_exit().code == 0);

  const StoreView view = view_store(sandbox);
  REQUIRE(view.parses);
  std::size_t ai = 0, age = 0;
  for (const auto& entry : view.root["history"]) {
    if (entry.value("setting", "") == "data-for-ai-improvement") ++ai;
    if (entry.value("setting", "") == "ads-by-age") ++age;
  }
  CHECK(ai == static_cast<std::size_t>(kFlips));
  CHECK(age == static_cast<std::size_t>(kFlips));
  // The last message of each host set its toggle off (kFlips is even: on, off, …, off).
  CHECK(view.root["settings"]["data-for-ai-improvement"].value("state", "") == "off");
  CHECK(view.root["settings"]["ads-by-age"].value("state", "") == "off");
  CHECK(count_corrupt_files(sandbox) == 0);
}

TEST_CASE("durability: a corrupt store moved aside is reported even when the fresh write fails (full disk)") {
  Sandbox sandbox;
  const std::string corrupt = "{ \"history\": [ this is not JSON";
  std::ofstream(sandbox.store_file(), std::ios::binary) << corrupt;
  {  // The disk is full: writes fail (RLIMIT_FSIZE 0 gives EFBIG, with SIGXFSZ ignored), renames work.
    HostProcess host(sandbox, {kChromeCaller}, {"/bin/sh", "-c", "trap '' XFSZ; ulimit -f 0; exec \"$0\" \"$@\""});
    REQUIRE(host.send_json(recorded_page_state(1, true)));
    const Reply reply = host.read_reply();
    host.close_stdin();
    const ExitStatus status = host.wait_exit();
    INFO("host: " << status.describe() << "\nreply: " << reply.body);
    REQUIRE(reply.outcome == Reply::Outcome::reply);
    CHECK(reply.value.value("type", "") == "error");
    CHECK(reply.value.value("code", "") == "store_error");
    CHECK(status.code == 0);
  }
  std::vector<std::string> aside;
  for (const auto& entry : fs::directory_iterator(sandbox.data_dir()))
    if (entry.path().filename().string().starts_with("state.json.corrupt-")) aside.push_back(entry.path().filename().string());
  REQUIRE(aside.size() == 1);
  CHECK(read_file_bytes(sandbox.data_dir() / aside[0]) == corrupt);

  // Once the disk has room again, the next host records the file kept aside.
  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(2, true)));
  const Reply reply = host.read_reply();
  REQUIRE(reply.outcome == Reply::Outcome::reply);
  CHECK(reply.value.value("type", "") == "verdict");
  host.close_stdin();
  REQUIRE(host.wait_exit().code == 0);
  const json store = json::parse(sandbox.store_bytes());
  CHECK(store["corrupt_files"] == json::array({aside[0]}));
}

}  // TEST_SUITE
