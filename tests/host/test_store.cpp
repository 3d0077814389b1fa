// State store: atomic write, file lock across processes, corrupt files kept aside, drift.
#include <doctest/doctest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <nlohmann/json.hpp>

#include "decide.hpp"
#include "store.hpp"
#include "test_cli_process.hpp"

using linkedout::Drift;
using linkedout::drift_of;
using linkedout::HistoryEntry;
using linkedout::record_sighting;
using linkedout::Store;
using linkedout::StoreData;
using linkedout::StoreError;
using linkedout::cli_test::read_text;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> names_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

bool add_history(StoreData& data, const std::string& setting) {
  data.history.push_back({"2026-11-25T10:00:00Z", setting, "", "on", ""});
  return true;
}

}  // namespace

TEST_CASE("store: a missing directory or file loads as an empty store and creates nothing") {
  TempDir tmp;
  Store store(tmp / "absent");
  const auto data = store.load();
  CHECK(data.settings.empty());
  CHECK(data.history.empty());
  CHECK_FALSE(data.region);
  CHECK_FALSE(fs::exists(tmp / "absent"));
}

TEST_CASE("store: update writes the file, load reads back every field") {
  TempDir tmp;
  Store store(tmp / "data");
  store.update([](StoreData& data) {
    record_sighting(data, "data-for-ai-improvement", "on", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement",
                    "2026-11-25T10:00:00Z");
    data.region = "EU";
    data.forms_done["objection-form"] = "2026-11-25";
    data.walkthrough_active = true;
    return true;
  });
  const auto data = store.load();
  REQUIRE(data.settings.count("data-for-ai-improvement") == 1);
  const auto& record = data.settings.at("data-for-ai-improvement");
  CHECK(record.state == "on");
  CHECK(record.first_seen == "2026-11-25T10:00:00Z");
  CHECK(record.last_seen == "2026-11-25T10:00:00Z");
  REQUIRE(data.history.size() == 1);
  CHECK(data.history[0].from == "");
  CHECK(data.history[0].to == "on");
  CHECK(data.region == std::optional<std::string>("EU"));
  CHECK(data.forms_done.at("objection-form") == "2026-11-25");
  CHECK(data.walkthrough_active);
  // The lock file and the state file, nothing else (no temp file left behind).
  CHECK(names_in(tmp / "data") == std::vector<std::string>{"state.json", "state.lock"});
}

TEST_CASE("store: update that returns false does not write") {
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData&) { return false; });
  CHECK_FALSE(fs::exists(store.file()));
}

TEST_CASE("store: a stale temp file from a dead writer is ignored, then cleaned up") {
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData& data) { return add_history(data, "a"); });
  const auto stale = tmp / "state.json.tmp-99999-0";
  write_text(stale, "{\"version\": 1, \"history\": [garbage");
  CHECK(store.load().history.size() == 1);
  CHECK(fs::exists(stale));  // a reader never deletes: a writer may be mid-write
  store.update([](StoreData& data) { return add_history(data, "b"); });
  CHECK_FALSE(fs::exists(stale));
  CHECK(store.load().history.size() == 2);
}

TEST_CASE("store: when the write fails, the old file stays intact and no temp file is left") {
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData& data) { return add_history(data, "before"); });
  const auto before = read_text(store.file());

  // RLIMIT_FSIZE makes the write fail with EFBIG even for root (who ignores read-only modes),
  // in a child so the limit does not leak into the test process.
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit limit{16, 16};
    ::setrlimit(RLIMIT_FSIZE, &limit);
    try {
      Store(tmp.path()).update([](StoreData& data) {
        for (int i = 0; i < 100; ++i) add_history(data, "after-" + std::to_string(i));
        return true;
      });
    } catch (const StoreError&) {
      ::_exit(0);  // the expected, typed failure
    }
    ::_exit(1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(read_text(store.file()) == before);
  CHECK(names_in(tmp.path()) == std::vector<std::string>{"state.json", "state.lock"});
}

TEST_CASE("store: a read-only data directory gives a StoreError and keeps the old file") {
  if (::geteuid() == 0) return;  // root writes anyway; the RLIMIT case above covers root
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData& data) { return add_history(data, "before"); });
  const auto before = read_text(store.file());
  fs::permissions(tmp.path(), fs::perms::owner_read | fs::perms::owner_exec);
  CHECK_THROWS_AS(store.update([](StoreData& data) { return add_history(data, "after"); }), StoreError);
  fs::permissions(tmp.path(), fs::perms::owner_all);
  CHECK(read_text(store.file()) == before);
}

TEST_CASE("store: a data directory that cannot be created is a StoreError saying where") {
  TempDir tmp;
  write_text(tmp / "file", "not a directory");
  Store store(tmp / "file" / "data");
  try {
    store.update([](StoreData& data) { return add_history(data, "x"); });
    FAIL("expected StoreError");
  } catch (const StoreError& e) {
    CHECK(std::string(e.what()).find((tmp / "file" / "data").string()) != std::string::npos);
  }
}

TEST_CASE("store: two processes doing N updates each under the lock lose none") {
  TempDir tmp;
  constexpr int kUpdates = 100;
  std::vector<pid_t> children;
  for (int child = 0; child < 2; ++child) {
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      try {
        Store store(tmp.path());
        // Built with append, not `"p" + std::to_string(...)`, which trips a GCC 12 -Wrestrict false positive.
        std::string tag = "p";
        tag.append(std::to_string(child));
        for (int i = 0; i < kUpdates; ++i)
          store.update([&tag](StoreData& data) { return add_history(data, tag); });
      } catch (...) {
        ::_exit(1);
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (const pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  const auto data = Store(tmp.path()).load();
  CHECK(data.history.size() == 2 * kUpdates);
  CHECK(std::count_if(data.history.begin(), data.history.end(), [](const HistoryEntry& e) { return e.setting == "p0"; }) ==
        kUpdates);
}

TEST_CASE("store: a reader waits for a writer holding the lock") {
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData& data) { return add_history(data, "first"); });
  int ready[2];
  REQUIRE(::pipe(ready) == 0);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::close(ready[0]);
    Store(tmp.path()).update([&](StoreData& data) {
      [[maybe_unused]] auto n = ::write(ready[1], "x", 1);  // the lock is held now
      ::usleep(300 * 1000);
      return add_history(data, "second");
    });
    ::_exit(0);
  }
  ::close(ready[1]);
  char byte = 0;
  REQUIRE(::read(ready[0], &byte, 1) == 1);
  // Without the shared lock this would read the old file while the child is mid-update.
  CHECK(store.load().history.size() == 2);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(ready[0]);
}

TEST_CASE("store: a corrupt file is moved aside, logged in corrupt_files, and a fresh store starts") {
  TempDir tmp;
  Store store(tmp.path());
  const std::string garbage = "{\"version\": 1, \"settings\": {";  // truncated JSON
  write_text(store.file(), garbage);

  const auto data = store.load();
  CHECK(data.settings.empty());
  REQUIRE(data.corrupt_files.size() == 1);
  const auto aside = tmp / data.corrupt_files[0];
  CHECK(data.corrupt_files[0].starts_with("state.json.corrupt-"));
  CHECK(data.corrupt_files[0].ends_with("Z"));
  CHECK(read_text(aside) == garbage);  // kept, byte for byte
  // The fresh store on disk reports it too, so `status` shows it later.
  CHECK(Store(tmp.path()).load().corrupt_files == data.corrupt_files);
}

TEST_CASE("store: a second corrupt file in the same second gets its own name") {
  TempDir tmp;
  Store store(tmp.path());
  write_text(store.file(), "not json");
  const auto first = store.load().corrupt_files;
  write_text(store.file(), "[]");  // valid JSON, but not an object: corrupt too
  const auto second = store.load().corrupt_files;
  REQUIRE(first.size() == 1);
  // The overwrite lost the fresh store that named the first file; it is still in the directory,
  // so it is reported again, after the new one.
  REQUIRE(second.size() == 2);
  CHECK(first[0] != second[0]);
  CHECK(second[1] == first[0]);
  CHECK(read_text(tmp / first[0]) == "not json");
  CHECK(read_text(tmp / second[0]) == "[]");
}

TEST_CASE("store: wrong-typed known fields make the file corrupt, with a clear reason") {
  CHECK_THROWS_WITH_AS(linkedout::parse_store(R"({"settings": []})"), doctest::Contains("settings has the wrong type"),
                       StoreError);
  CHECK_THROWS_WITH_AS(linkedout::parse_store(R"({"settings": {"x": {"state": "maybe"}}})"),
                       doctest::Contains("neither"), StoreError);
  CHECK_THROWS_WITH_AS(linkedout::parse_store(R"({"history": [{"at": 5}]})"), doctest::Contains("history entry.at"),
                       StoreError);
  CHECK_THROWS_WITH_AS(linkedout::parse_store("{"), doctest::Contains("not valid JSON"), StoreError);
  CHECK_THROWS_WITH_AS(linkedout::parse_store("42"), doctest::Contains("not an object"), StoreError);
}

TEST_CASE("store: unknown fields written by a newer host survive a round trip") {
  TempDir tmp;
  Store store(tmp.path());
  write_text(store.file(), R"({"version": 1, "future_feature": {"a": [1, 2]}, "settings": {}})");
  store.update([](StoreData& data) { return add_history(data, "x"); });
  const auto doc = nlohmann::json::parse(read_text(store.file()));
  CHECK(doc["future_feature"] == nlohmann::json::parse(R"({"a": [1, 2]})"));
  CHECK(doc["history"].size() == 1);
}

TEST_CASE("store: history is capped, oldest entries dropped") {
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData& data) {
    for (std::size_t i = 0; i < linkedout::store_caps::kMaxHistory + 10; ++i) add_history(data, std::to_string(i));
    return true;
  });
  const auto data = store.load();
  REQUIRE(data.history.size() == linkedout::store_caps::kMaxHistory);
  CHECK(data.history.front().setting == "10");
  CHECK(data.history.back().setting == std::to_string(linkedout::store_caps::kMaxHistory + 9));
}

TEST_CASE("trim_history: drops the oldest entries of the setting with the most, so every other setting keeps its own") {
  std::vector<HistoryEntry> history;
  history.push_back({"2026-11-01T00:00:00Z", "users-own", "", "on", ""});
  history.push_back({"2026-11-02T00:00:00Z", "users-own", "on", "off", ""});
  for (int i = 0; i < 100; ++i) history.push_back({std::to_string(i), "flooded", "", "on", ""});
  history.push_back({"2026-11-03T00:00:00Z", "other", "", "off", ""});
  linkedout::trim_history(history, 10);
  REQUIRE(history.size() == 10);
  CHECK(history[0].setting == "users-own");
  CHECK(history[1].setting == "users-own");
  CHECK(history.back().setting == "other");
  CHECK(history[2].at == "93");  // the flooded setting keeps its newest 7, in order
  CHECK(history[8].at == "99");
  // Equal counts: the oldest go first, as a plain cap would.
  linkedout::trim_history(history, 2);
  CHECK(history.size() == 2);
  CHECK(history[0].at == "99");
  CHECK(history[1].setting == "other");
}

TEST_CASE("store: the file stays under its byte cap, trimming the setting with the most history") {
  TempDir tmp;
  Store store(tmp.path());
  const auto data = store.update([](StoreData& d) {
    d.history.push_back({"2026-11-01T00:00:00Z", "users-own", "", "on", ""});
    for (int i = 0; i < 3000; ++i) d.history.push_back({"2026-11-02T00:00:00Z", "flooded", "", "on", std::string(2000, 'u')});
    return true;
  });
  CHECK(fs::file_size(store.file()) <= linkedout::store_caps::kMaxFileBytes);
  CHECK(fs::file_size(store.file()) > linkedout::store_caps::kMaxFileBytes / 2);  // trimmed to fit, not emptied
  REQUIRE_FALSE(data.history.empty());
  CHECK(data.history.front().setting == "users-own");
  CHECK(store.load().history.size() == data.history.size());
}

TEST_CASE("store: a symlink at the lock file is refused, not followed") {
  TempDir tmp;
  Store store(tmp / "data");
  fs::create_directories(tmp / "data");
  fs::create_symlink(tmp / "elsewhere", store.lock_file());
  CHECK_THROWS_WITH_AS(store.update([](StoreData& d) { return add_history(d, "x"); }), doctest::Contains("symlink"),
                       StoreError);
  CHECK_THROWS_AS(store.load(), StoreError);
  CHECK_FALSE(fs::exists(tmp / "elsewhere"));
}

TEST_CASE("store: files kept aside that corrupt_files does not name yet are reported by load and recorded by update") {
  TempDir tmp;
  Store store(tmp.path());
  write_text(tmp / "state.json.corrupt-20261101T000000Z", "old junk");  // moved aside, then the write failed
  CHECK(store.load().corrupt_files == std::vector<std::string>{"state.json.corrupt-20261101T000000Z"});
  CHECK_FALSE(fs::exists(store.file()));  // load only reads
  store.update([](StoreData&) { return false; });
  CHECK(nlohmann::json::parse(read_text(store.file()))["corrupt_files"] ==
        nlohmann::json::array({"state.json.corrupt-20261101T000000Z"}));
}

TEST_CASE("record_sighting: first sighting, unchanged, switched off, re-enabled (drift, as drift_of decides it)") {
  StoreData data;
  const std::string url = "https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin";
  CHECK(drift_of(data, "ads-beyond-linkedin", "on") == Drift::none);
  CHECK(drift_of(data, "ads-beyond-linkedin", "on", /*flag_new_settings=*/true) == Drift::new_setting);
  record_sighting(data, "ads-beyond-linkedin", "on", url, "2026-11-01T10:00:00Z");
  CHECK(data.history.size() == 1);

  CHECK(drift_of(data, "ads-beyond-linkedin", "on", true) == Drift::none);
  record_sighting(data, "ads-beyond-linkedin", "on", url, "2026-11-02T10:00:00Z");
  CHECK(data.history.size() == 1);  // no change, no history
  CHECK(data.settings.at("ads-beyond-linkedin").last_seen == "2026-11-02T10:00:00Z");
  CHECK(data.settings.at("ads-beyond-linkedin").last_changed == "2026-11-01T10:00:00Z");

  CHECK(drift_of(data, "ads-beyond-linkedin", "off") == Drift::none);
  record_sighting(data, "ads-beyond-linkedin", "off", url, "2026-11-03T10:00:00Z");
  CHECK(data.settings.at("ads-beyond-linkedin").state == "off");
  CHECK(data.history.back().from == "on");
  CHECK(data.history.back().to == "off");

  // LinkedIn switched it back on: that is drift, before the sighting is recorded and after.
  CHECK(drift_of(data, "ads-beyond-linkedin", "on") == Drift::reenabled);
  record_sighting(data, "ads-beyond-linkedin", "on", url, "2026-11-20T10:00:00Z");
  CHECK(drift_of(data, "ads-beyond-linkedin", "on") == Drift::reenabled);
  CHECK(data.settings.at("ads-beyond-linkedin").last_changed == "2026-11-20T10:00:00Z");
  CHECK(data.settings.at("ads-beyond-linkedin").first_seen == "2026-11-01T10:00:00Z");
  CHECK(data.history.size() == 3);
  CHECK(data.history.back().url == url);

  CHECK_THROWS_AS(record_sighting(data, "x", "maybe", url, "2026-11-20T10:00:00Z"), std::invalid_argument);
}

TEST_CASE("record_sighting: drift survives a round trip through the file") {
  TempDir tmp;
  Store store(tmp.path());
  store.update([](StoreData& data) {
    record_sighting(data, "data-for-ai-improvement", "off", "", "2026-11-01T10:00:00Z");
    return true;
  });
  store.update([&](StoreData& data) {
    record_sighting(data, "data-for-ai-improvement", "on", "", "2026-11-02T10:00:00Z");
    return true;
  });
  CHECK(drift_of(store.load(), "data-for-ai-improvement", "on") == Drift::reenabled);
}

TEST_CASE("now_iso8601 is UTC with second precision") {
  const auto now = linkedout::now_iso8601();
  CHECK(now.size() == 20);
  CHECK(now[10] == 'T');
  CHECK(now.back() == 'Z');
}
