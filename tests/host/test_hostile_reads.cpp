// The files the host reads besides its store (host manifests: its own caller check, doctor,
// uninstall) and the log file it appends to: a FIFO, a link to /dev/zero or another file that is not a plain file
// there must not stall or flood the host. Each case plants it in a temp folder and drives the real
// binary with a deadline: a wait without end shows up as a timeout, never as a hung suite.
#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "test_cli_process.hpp"
#include "test_support.hpp"

using nlohmann::json;
using linkedout::cli_test::describe;
using linkedout::cli_test::frame;
using linkedout::cli_test::ProcessResult;
using linkedout::cli_test::run_process;
using linkedout::cli_test::TempDir;
using linkedout::cli_test::write_text;
namespace fs = std::filesystem;

namespace {

constexpr auto kReadDeadline = std::chrono::seconds(10);
// The sanitizer tree builds these tests and the host alike.
#if defined(__SANITIZE_ADDRESS__)
constexpr bool kReadsSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kReadsSanitized = true;
#else
constexpr bool kReadsSanitized = false;
#endif
#else
constexpr bool kReadsSanitized = false;
#endif
const std::string kReadsHello = R"({"type":"hello","id":1,"extension_version":"0.1.0"})";

// The reply frames in a host's stdout; every byte must belong to one.
std::vector<json> reply_frames(const std::string& bytes) {
  std::vector<json> out;
  std::size_t framed = 0;
  for (const auto& body : linkedout::cli_test::frames(bytes)) {
    out.push_back(json::parse(body));
    framed += 4 + body.size();
  }
  CHECK(framed == bytes.size());
  return out;
}

// The environment of a host whose home, data and log folders are all under `root`.
std::map<std::string, std::string> sandboxed_env(const fs::path& root) {
  return {{"HOME", (root / "home").string()},
          {"LINKEDOUT_DATA_DIR", (root / "data").string()},
          {"XDG_STATE_HOME", (root / "state").string()},
          {"XDG_DATA_HOME", ""}};
}

void make_fifo(const fs::path& where) {
  fs::create_directories(where.parent_path());
  REQUIRE(::mkfifo(where.c_str(), 0600) == 0);
}

// A Chromium-family manifest location the host consults when Chrome starts it (Google Chrome's,
// per user): the host reads every such manifest looking for ids install added.
fs::path chrome_user_manifest(const fs::path& home) {
  return home / ".config/google-chrome/NativeMessagingHosts/io.linkedout.host.json";
}

}  // namespace

TEST_SUITE("hostile reads (real host)") {

TEST_CASE("hostile reads: a host manifest that is a FIFO does not stall Chrome's host mode, doctor or uninstall") {
  TempDir tmp;
  const auto env = sandboxed_env(tmp.path());
  const fs::path fifo = chrome_user_manifest(tmp / "home");
  make_fifo(fifo);

  // Chrome starts the host: the planted FIFO is one of the manifests it looks at. It answers.
  const auto host = run_process({LINKEDOUT_HOST_BINARY, test_support::kChromeOrigin}, env, frame(kReadsHello), kReadDeadline);
  INFO("host: " << describe(host));
  CHECK_FALSE(host.timed_out);
  const auto answers = reply_frames(host.out);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].value("type", "") == "hello");

  // doctor says what the file is, and does not wait for a writer.
  const auto doctor = run_process({LINKEDOUT_HOST_BINARY, "doctor", "--browser", "chrome", "--no-launch"}, env, "", kReadDeadline);
  INFO("doctor: " << describe(doctor));
  CHECK_FALSE(doctor.timed_out);
  CHECK(doctor.exit_code == 1);
  CHECK(doctor.out.find("FIFO") != std::string::npos);

  // uninstall cannot tell it is ours: it leaves it, says so, and returns.
  const auto uninstall = run_process({LINKEDOUT_HOST_BINARY, "uninstall", "--browser", "chrome"}, env, "", kReadDeadline);
  INFO("uninstall: " << describe(uninstall));
  CHECK_FALSE(uninstall.timed_out);
  CHECK(uninstall.exit_code == 1);
  CHECK(uninstall.err.find("FIFO") != std::string::npos);
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
}

TEST_CASE("hostile reads: a Firefox manifest linked to /dev/zero is not read: the host answers, memory stays flat") {
  TempDir tmp;
  const fs::path manifest = tmp / "ff" / "io.linkedout.host.json";
  fs::create_directories(manifest.parent_path());
  fs::create_symlink("/dev/zero", manifest);
  // Capped at 1 GiB of address space, so that a host reading without end fails fast here instead
  // of taking the machine's memory (not in the sanitizer tree: its shadow memory needs far more).
  std::vector<std::string> argv{LINKEDOUT_HOST_BINARY, manifest.string(), test_support::kGeckoId};
  if (!kReadsSanitized) argv.insert(argv.begin(), {"/usr/bin/prlimit", "--as=1073741824", "--"});
  const auto host = run_process(argv, sandboxed_env(tmp.path()), frame(kReadsHello), kReadDeadline);
  INFO("host: " << describe(host));
  CHECK_FALSE(host.timed_out);
  // The file adds no caller; the add-on compiled in is served as ever, not a bad_alloc and silence.
  CHECK(host.exit_code == 0);
  const auto answers = reply_frames(host.out);
  REQUIRE(answers.size() == 1);
  CHECK(answers[0].value("type", "") == "hello");
  CHECK(host.err.find("bad_alloc") == std::string::npos);
}

TEST_CASE("hostile reads: a host.log that is a FIFO does not stall the host: it serves and logs to stderr only") {
  TempDir tmp;
  const auto env = sandboxed_env(tmp.path());
  const fs::path log = tmp / "state" / "linkedout" / "host.log";
  make_fifo(log);
  // A frame that is not JSON is logged; the hello after it must still be answered.
  const auto host = run_process({LINKEDOUT_HOST_BINARY}, env, frame("{not json") + frame(kReadsHello), kReadDeadline);
  INFO("host: " << describe(host));
  CHECK_FALSE(host.timed_out);
  CHECK(host.exit_code == 0);
  CHECK(reply_frames(host.out).size() == 2);
  CHECK(host.err.find("no log file") != std::string::npos);
  CHECK(fs::is_fifo(fs::symlink_status(log)));
}


TEST_CASE("hostile reads: names planted as kept-aside files beside the store neither grow nor flood it") {
  TempDir tmp;
  const auto env = sandboxed_env(tmp.path());
  const fs::path data = tmp / "data";
  // Not UTF-8: the store cannot name it as it is, so it used to be listed again on every write.
  write_text(data / "state.json.corrupt-x\xff", "");
  // Thousands of names shaped like the host's own: the list would outgrow the history it sits beside.
  for (int n = 0; n < 3000; ++n) write_text(data / ("state.json.corrupt-20261207T000000Z-" + std::to_string(n)), "");
  std::vector<std::size_t> listed_after_each_write;
  for (const std::string region : {"EU", "US", "EU", "US"}) {
    CAPTURE(region);
    const auto host = run_process({LINKEDOUT_HOST_BINARY}, env,
                                  frame(R"({"type":"config","id":1,"region":")" + region + R"("})"), kReadDeadline);
    INFO("host: " << describe(host));
    const auto answers = reply_frames(host.out);
    REQUIRE(answers.size() == 1);
    REQUIRE(answers[0].value("type", "") == "config");
    const auto store = json::parse(linkedout::cli_test::read_text(data / "state.json"));
    listed_after_each_write.push_back(store["corrupt_files"].size());
    for (const auto& name : store["corrupt_files"]) CHECK(name.get<std::string>().find("\xef\xbf\xbd") == std::string::npos);
  }
  std::string counts;
  for (const auto count : listed_after_each_write) counts += std::to_string(count) + " ";
  INFO("names listed after each write: " << counts);
  CHECK(listed_after_each_write.front() == listed_after_each_write.back());
  CHECK(listed_after_each_write.back() <= 100);  // store_caps::kMaxCorruptFilesListed
  CHECK(listed_after_each_write.back() > 0);      // still said: files were kept aside
}

TEST_CASE("hostile reads: --rules given a FIFO, /dev/zero or a huge file says what is wrong in one sentence, at once") {
  TempDir tmp;
  const auto env = sandboxed_env(tmp.path());
  const fs::path fifo = tmp / "rules.fifo";
  make_fifo(fifo);
  const fs::path huge = tmp / "huge.json";
  write_text(huge, "");
  fs::resize_file(huge, 64 * 1024 * 1024);  // sparse: no disk used
  const struct {
    fs::path file;
    std::string says;
  } cases[] = {{fifo, ": it is a FIFO (named pipe), not a regular file"},
               {"/dev/zero", ": it is a character device, not a regular file"},
               {huge, ": it is too large"}};
  for (const auto& each : cases) {
    // Named references, not a structured binding: clang (the sanitizer tree) cannot capture one in CAPTURE's lambda.
    const fs::path& file = each.file;
    const std::string& says = each.says;
    CAPTURE(file);
    // Capped address space (as above): a reader without a bound fails fast instead of eating memory.
    std::vector<std::string> argv{LINKEDOUT_HOST_BINARY, "status", "--rules", file.string()};
    if (!kReadsSanitized) argv.insert(argv.begin(), {"/usr/bin/prlimit", "--as=1073741824", "--"});
    const auto status = run_process(argv, env, "", kReadDeadline);
    INFO("status: " << describe(status));
    CHECK_FALSE(status.timed_out);
    CHECK(status.exit_code != 0);
    CHECK(status.out.empty());
    CHECK(status.err.find(file.string() + says) != std::string::npos);
    CHECK(std::count(status.err.begin(), status.err.end(), '\n') == 1);
    CHECK(status.err.find("does not exist") == std::string::npos);
  }
  // A browser starting the host with such a ruleset: it says why on stderr and exits, at once.
  const auto host = run_process({LINKEDOUT_HOST_BINARY, "--rules", fifo.string()}, env, frame(kReadsHello), kReadDeadline);
  INFO("host: " << describe(host));
  CHECK_FALSE(host.timed_out);
  CHECK(host.exit_code != 0);
  CHECK(host.out.empty());
  CHECK(host.err.find(fifo.string() + ": it is a FIFO (named pipe), not a regular file") != std::string::npos);
  CHECK(fs::is_fifo(fs::symlink_status(fifo)));
}

}  // TEST_SUITE
