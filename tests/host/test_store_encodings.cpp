// A state.json a person opened in a text editor and saved: Notepad adds a UTF-8 byte-order mark,
// or saves "Unicode" (UTF-16 with a byte-order mark). Either used to be taken as corrupt and moved
// aside, so the history looked empty. Each case writes a real store with the real host, re-saves
// it the way the editor does, and reads it back with the real binary (`status --json` and host
// mode): the history is all there, nothing is moved aside, and the next write is plain UTF-8.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "test_cli_process.hpp"
#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// A field a newer host wrote (kept and written back as it is): text beyond ASCII and beyond the
// BMP, so a conversion from UTF-16 must get surrogate pairs right.
const std::string kNewLabel = "Ein neuer Schalter \xC3\xBC \xF0\x9F\x99\x82";  // "… ü 🙂"

// The store after two sightings of the AI setting (on, then off), plus a newer host's field.
void write_store_with_host(const Sandbox& sandbox) {
  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(1, true)));
  REQUIRE(host.read_reply().value.value("type", "") == "verdict");
  REQUIRE(host.send_json(recorded_page_state(2, false)));
  REQUIRE(host.read_reply().value.value("type", "") == "verdict");
  host.close_stdin();
  REQUIRE(host.wait_exit().code == 0);
  std::string text = read_file_bytes(sandbox.store_file());
  REQUIRE(text.starts_with("{\n"));
  text.insert(2, "  \"a_newer_field\": \"" + kNewLabel + "\",\n");
  linkedout::cli_test::write_text(sandbox.store_file(), text);
}

// UTF-8 to UTF-16 code units, little- or big-endian, with the byte-order mark first.
std::string utf16_with_bom(std::string_view utf8, bool little_endian) {
  std::string out;
  const auto unit = [&](std::uint16_t u) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  };
  unit(0xFEFF);
  for (std::size_t i = 0; i < utf8.size();) {
    const auto byte = static_cast<unsigned char>(utf8[i]);
    const int length = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4;
    std::uint32_t cp = length == 1 ? byte : byte & (0x3F >> (length - 1));
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
    i += static_cast<std::size_t>(length);
    if (cp < 0x10000) {
      unit(static_cast<std::uint16_t>(cp));
    } else {
      cp -= 0x10000;
      unit(static_cast<std::uint16_t>(0xD800 + (cp >> 10)));
      unit(static_cast<std::uint16_t>(0xDC00 + (cp & 0x3FF)));
    }
  }
  return out;
}

json status_of(const Sandbox& sandbox) {
  const auto result = linkedout::cli_test::run_process(
      {LINKEDOUT_HOST_BINARY, "status", "--json", "--data-dir", sandbox.data_dir().string()},
      {{"HOME", sandbox.home().string()}, {"XDG_STATE_HOME", (sandbox.home() / "state").string()}}, "", kReplyTimeout);
  INFO("status stderr: " << result.err);
  REQUIRE(result.exit_code == 0);
  return json::parse(result.out);
}

std::string setting_state(const json& status, const std::string& id) {
  for (const auto& row : status.at("settings"))
    if (row.at("id") == id) return row.at("state").get<std::string>();
  return "<absent>";
}

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// The editor's copy is read as the store itself: status sees the setting, nothing is set aside,
// and the host's next write (a third sighting) keeps the whole history, in UTF-8 without a mark.
void check_read_as_the_store(const Sandbox& sandbox, const std::string& saved_by_editor) {
  linkedout::cli_test::write_text(sandbox.store_file(), saved_by_editor);
  const json status = status_of(sandbox);
  CHECK_MESSAGE(status.at("corrupt_files").empty(), "set aside: " << status.at("corrupt_files").dump());
  CHECK(setting_state(status, "data-for-ai-improvement") == "off");
  CHECK(files_in(sandbox.data_dir()) == std::vector<std::string>{"state.json", "state.lock"});
  CHECK(read_file_bytes(sandbox.store_file()) == saved_by_editor);  // a read changes nothing

  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(3, true)));
  const Reply reply = host.read_reply();
  INFO("host stderr: " << host.stderr_text());
  REQUIRE(reply.value.value("type", "") == "verdict");
  CHECK(reply.value.at("drift").size() == 1);  // seen off before: the history was read
  host.close_stdin();
  CHECK(host.wait_exit().code == 0);

  const std::string written = read_file_bytes(sandbox.store_file());
  CHECK_FALSE(written.starts_with(kUtf8Bom));
  const json store = json::parse(written);
  CHECK(store.at("history").size() == 3);
  CHECK(written.find(kNewLabel) != std::string::npos);
  CHECK(files_in(sandbox.data_dir()) == std::vector<std::string>{"state.json", "state.lock"});
}

}  // namespace

TEST_SUITE("store encodings (real host)") {

TEST_CASE("store encodings: a state.json saved with a UTF-8 byte-order mark is read, not moved aside") {
  Sandbox sandbox;
  write_store_with_host(sandbox);
  check_read_as_the_store(sandbox, std::string(kUtf8Bom) + read_file_bytes(sandbox.store_file()));
}

TEST_CASE("store encodings: a state.json saved as UTF-16 with a byte-order mark (either order) is read as the store") {
  for (const bool little_endian : {true, false}) {
    CAPTURE(little_endian);
    Sandbox sandbox;
    write_store_with_host(sandbox);
    check_read_as_the_store(sandbox, utf16_with_bom(read_file_bytes(sandbox.store_file()), little_endian));
  }
}

TEST_CASE("store encodings: UTF-16 that is not valid (a lone surrogate, an odd length) is kept aside as it was, and said") {
  for (const std::string& tail : {std::string("{\0\"\0\x00\xD8\"\0}\0", 10), std::string("{\0}", 3)}) {
    Sandbox sandbox;
    const std::string saved = "\xFF\xFE" + tail;
    linkedout::cli_test::write_text(sandbox.store_file(), saved);
    const json status = status_of(sandbox);
    REQUIRE(status.at("corrupt_files").size() == 1);
    const fs::path aside = status.at("corrupt_files")[0].get<std::string>();
    CHECK(aside.parent_path() == sandbox.data_dir());
    CHECK(read_file_bytes(aside) == saved);  // nothing the user had is lost
  }
}

}  // TEST_SUITE
