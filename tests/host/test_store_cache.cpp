// The store's in-memory cache: a warm host reads the state file only when another process
// changed it, never lists the directory unless it writes, and two stores on one directory always
// see each other's writes (however fast they come, whatever inode numbers the files get).
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "store.hpp"
#include "test_cli_process.hpp"

using linkedout::Store;
using linkedout::StoreData;
using linkedout::cli_test::frame;
using linkedout::cli_test::frames;
using linkedout::cli_test::read_text;
using linkedout::cli_test::run_process;
using linkedout::cli_test::strace_available;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::size_t lines_with(const std::string& text, const std::string& a, const std::string& b = "") {
  std::istringstream in(text);
  std::size_t count = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.find(a) != std::string::npos && (b.empty() || line.find(b) != std::string::npos)) ++count;
  }
  return count;
}

json ai_page_state(int id, bool checked) {
  return {{"type", "page_state"},
          {"id", id},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement"},
          {"lang", "en"},
          {"controls", json::array({{{"key", "allowDataForGenerativeAI"}, {"label", ""}, {"checked", checked}}})}};
}

}  // namespace

TEST_CASE("store cache: a warm host opens the state file and lists the directory only when something changed") {
  REQUIRE_MESSAGE(strace_available(), "strace is required (scripts/setup installs it)");
  TempDir tmp;
  const fs::path trace = tmp / "host.trace";
  constexpr int kMessages = 40;
  std::string input = frame(R"({"type":"hello","id":0})");
  for (int i = 1; i <= kMessages; ++i) input += frame(ai_page_state(i, true).dump());  // the same page, unchanged
  const char* asan = std::getenv("ASAN_OPTIONS");
  const auto result = run_process(
      {"/usr/bin/env", "strace", "-f", "-qq", "-o", trace.string(), "-e", "trace=open,openat,getdents64",
       LINKEDOUT_HOST_BINARY},
      {{"LINKEDOUT_DATA_DIR", (tmp / "data").string()},
       {"HOME", (tmp / "home").string()},
       {"XDG_STATE_HOME", (tmp / "state").string()},
       {"ASAN_OPTIONS", std::string(asan ? asan : "") + (asan ? ":" : "") + "detect_leaks=0"}},
      input);
  REQUIRE(result.exit_code == 0);
  REQUIRE(frames(result.out).size() == kMessages + 1);
  for (const auto& body : frames(result.out)) CHECK(json::parse(body)["type"] != "error");
  const std::string text = read_text(trace);
  // The first sighting writes the store (one sweep for a dead writer's temp files); the ones that
  // change nothing neither open the state file again nor list the directory.
  const auto reads = lines_with(text, "state.json\"", "O_RDONLY");
  const auto listings = lines_with(text, "getdents64(");
  MESSAGE("state.json opened for reading " << reads << " times, directory listed " << listings / 2
                                           << " times, for " << kMessages << " page_state messages");
  // At most two writes (the first sighting, and last_seen's refresh if a minute turns meanwhile).
  CHECK(reads <= 3);
  CHECK(listings <= 4);  // one listing reads the directory twice: entries, then the end
}

TEST_CASE("store cache: two stores on one directory always see each other's latest write") {
  TempDir tmp;
  Store a(tmp / "data");
  Store b(tmp / "data");
  // Same-size content, written as fast as it goes: an inode number reused within one clock tick
  // must not let a store take the other's new file for the one it cached.
  for (int i = 0; i < 300; ++i) {
    Store& writer = i % 2 ? a : b;
    Store& reader = i % 2 ? b : a;
    const std::string value = std::to_string(100000 + i);
    writer.update([&](StoreData& data) {
      data.forms_done["form"] = value;
      return true;
    });
    const StoreData seen = reader.load();
    REQUIRE(seen.forms_done.count("form") == 1);
    REQUIRE(seen.forms_done.at("form") == value);
    // And the reader's own next write builds on it.
    const StoreData updated = reader.update([](StoreData& data) {
      data.region = "EU";
      return true;
    });
    REQUIRE(updated.forms_done.at("form") == value);
  }
}

TEST_CASE("store cache: a state file edited in place is read again") {
  TempDir tmp;
  Store store(tmp / "data");
  store.update([](StoreData& data) {
    data.region = "EU";
    return true;
  });
  CHECK(store.load().region == std::optional<std::string>("EU"));
  std::string text = read_text(store.file());
  const auto at = text.find("\"EU\"");
  REQUIRE(at != std::string::npos);
  text.replace(at, 4, "\"UK\"");
  {
    std::ofstream out(store.file(), std::ios::binary | std::ios::in | std::ios::out);  // same inode, same size
    out << text;
  }
  // An editor's save comes later than the host's write; within one clock tick the times could
  // otherwise read the same.
  fs::last_write_time(store.file(), fs::last_write_time(store.file()) - std::chrono::hours(1));
  CHECK(store.load().region == std::optional<std::string>("UK"));
}
