// The real linkedout-host binary over pipes, as a browser runs it: posix_spawn with stdin/stdout
// pipes, stderr to a file, a throw-away data and log directory. Every wait has a deadline.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "json_util.hpp"
#include "test_dispatch_support.hpp"
#include "test_pipe_write.hpp"

extern char** environ;

using nlohmann::json;

namespace {

using Clock = std::chrono::steady_clock;
constexpr auto kDeadline = std::chrono::seconds(15);

std::string frame_of(std::string_view body) {
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string out(4, '\0');
  std::memcpy(out.data(), &length, 4);
  return out + std::string(body);
}

class SpawnedHost {
 public:
  explicit SpawnedHost(const std::filesystem::path& scratch, std::vector<std::string> args = {},
                       std::vector<std::string> extra_env = {})
      : stderr_file_(scratch / "stderr.txt") {
    int to_child[2], from_child[2];
    REQUIRE(::pipe2(to_child, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(from_child, O_CLOEXEC) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, to_child[0], 0);
    posix_spawn_file_actions_adddup2(&actions, from_child[1], 1);
    posix_spawn_file_actions_addopen(&actions, 2, stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

    std::vector<std::string> env_strings = std::move(extra_env);  // first: getenv takes the first match
    for (char** e = environ; *e; ++e) {
      const std::string entry = *e;
      if (entry.rfind("LINKEDOUT_", 0) == 0 || entry.rfind("XDG_", 0) == 0) continue;
      env_strings.push_back(entry);
    }
    env_strings.push_back("LINKEDOUT_DATA_DIR=" + (scratch / "data").string());
    env_strings.push_back("XDG_STATE_HOME=" + (scratch / "state").string());
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    std::string binary = LINKEDOUT_HOST_BINARY;
    std::vector<char*> argv = {binary.data()};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    REQUIRE(::posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), envp.data()) == 0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(to_child[0]);
    ::close(from_child[1]);
    in_ = to_child[1];
    out_ = from_child[0];
    test_support::make_non_blocking(in_);
  }

  ~SpawnedHost() {
    close_input();
    close_output();
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }

  // Every byte, or false when the host is gone or takes nothing more for kDeadline (a blocking
  // write would hang the test program if the host stopped reading).
  bool write_bytes(std::string_view bytes) {
    return test_support::write_with_deadline(in_, bytes, std::chrono::duration_cast<std::chrono::milliseconds>(kDeadline)) ==
           test_support::PipeWrite::ok;
  }
  void send(const json& message) { REQUIRE(write_bytes(frame_of(message.dump()))); }

  // Reads exactly n bytes, or fewer if the pipe closes / the deadline passes.
  std::string read_bytes(std::size_t n) {
    std::string out;
    const auto until = Clock::now() + kDeadline;
    while (out.size() < n && Clock::now() < until) {
      pollfd p{out_, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      char buf[65536];
      const ssize_t got = ::read(out_, buf, std::min(sizeof buf, n - out.size()));
      if (got <= 0) break;
      out.append(buf, static_cast<std::size_t>(got));
    }
    return out;
  }

  json receive() {
    const std::string header = read_bytes(4);
    REQUIRE_MESSAGE(header.size() == 4, "no reply; stderr: " << stderr_text());
    std::uint32_t length = 0;
    std::memcpy(&length, header.data(), 4);
    REQUIRE(length <= 1024 * 1024);
    const std::string body = read_bytes(length);
    REQUIRE(body.size() == length);
    auto parsed = linkedout::json_util::parse_strict(body);
    REQUIRE_MESSAGE(parsed.ok, "reply is not JSON: " << body);
    return parsed.value;
  }

  json request(const json& message) {
    send(message);
    return receive();
  }

  // Everything left on stdout until EOF.
  std::string drain() {
    std::string out;
    for (;;) {
      std::string more = read_bytes(65536);
      if (more.empty()) return out;
      out += more;
    }
  }

  void close_input() {
    if (in_ >= 0) ::close(in_);
    in_ = -1;
  }
  void close_output() {
    if (out_ >= 0) ::close(out_);
    out_ = -1;
  }
  void signal(int sig) { ::kill(pid_, sig); }

  // Exit status, or -1 when it did not exit before the deadline (or died by a signal).
  int wait_exit() {
    const auto until = Clock::now() + kDeadline;
    while (Clock::now() < until) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return -1;
  }

  std::string stderr_text() const {
    std::ifstream in(stderr_file_);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

 private:
  std::filesystem::path stderr_file_;
  pid_t pid_ = -1;
  int in_ = -1;
  int out_ = -1;
};

// Parses a whole stdout capture as frames; fails on any byte that is not part of a frame.
std::vector<json> frames_in(const std::string& bytes) {
  std::vector<json> out;
  std::size_t at = 0;
  while (at < bytes.size()) {
    REQUIRE(bytes.size() - at >= 4);
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + at, 4);
    REQUIRE(bytes.size() - at - 4 >= length);
    auto parsed = linkedout::json_util::parse_strict(std::string_view(bytes).substr(at + 4, length));
    REQUIRE(parsed.ok);
    REQUIRE(parsed.value.is_object());
    REQUIRE(parsed.value.contains("type"));
    out.push_back(parsed.value);
    at += 4 + length;
  }
  return out;
}

json german_ai_page(bool on, json id) {
  return core_test::page_state(
      core_test::settings_url("data-for-ai-improvement"), "de-DE",
      json::array({core_test::control(nullptr, "Daten zur Verbesserung generativer KI", on)}), std::move(id));
}

}  // namespace

TEST_CASE("host binary: hello, then page_state → verdict, recorded on disk — EOF exits 0") {
  core_test::ScratchDir scratch;
  SpawnedHost host(scratch.path());
  json reply = host.request({{"type", "hello"}, {"id", 1}, {"extension_version", "0.1.0"}});
  CHECK(reply["type"] == "hello");
  CHECK(reply["id"] == 1);
  CHECK(reply["protocol"] == 3);
  CHECK(reply["host_version"] == LINKEDOUT_VERSION);
  CHECK(reply["ruleset"]["count"] == 13);

  reply = host.request(german_ai_page(true, 2));
  CHECK(reply["type"] == "verdict");
  CHECK(reply["id"] == 2);
  CHECK(reply["setting"] == "data-for-ai-improvement");
  REQUIRE(reply["highlight"].size() == 1);
  CHECK(reply["highlight"][0]["setting"] == "data-for-ai-improvement");
  CHECK(reply["highlight"][0]["key"].is_null());
  CHECK(reply["next"]["step"] == "ads-beyond-linkedin");

  reply = host.request(german_ai_page(false, 3));
  CHECK(reply["highlight"].empty());
  CHECK(reply["progress"]["done"] == 1);

  host.close_input();
  CHECK(host.wait_exit() == 0);
  const auto state = json::parse(std::ifstream(scratch.path() / "data" / "state.json"));
  CHECK(state["settings"]["data-for-ai-improvement"]["state"] == "off");
}

TEST_CASE("host binary: an error, then a good message") {
  core_test::ScratchDir scratch;
  SpawnedHost host(scratch.path());
  REQUIRE(host.write_bytes(frame_of("{not json")));
  json reply = host.receive();
  CHECK(reply["type"] == "error");
  CHECK(reply["code"] == "bad_json");
  CHECK(reply["id"].is_null());
  reply = host.request({{"type", "nope"}, {"id", "x"}});
  CHECK(reply["code"] == "unknown_type");
  CHECK(reply["id"] == "x");
  REQUIRE(host.write_bytes(frame_of("")));
  CHECK(host.receive()["code"] == "bad_json");
  reply = host.request({{"type", "hello"}, {"id", 2}});
  CHECK(reply["type"] == "hello");
  CHECK(reply["id"] == 2);
  host.close_input();
  CHECK(host.wait_exit() == 0);
}

TEST_CASE("host binary: stdout holds only frames, even with trace logging") {
  core_test::ScratchDir scratch;
  SpawnedHost host(scratch.path(), {}, {"LINKEDOUT_LOG=trace"});
  std::string all;
  all += frame_of(R"({"type":"hello","id":1})");
  all += frame_of("[]");
  all += frame_of(german_ai_page(true, 2).dump());
  all += frame_of(R"({"type":"walkthrough","id":3,"action":"start"})");
  all += frame_of(R"({"type":"config","id":4,"region":"EU"})");
  all += frame_of("\xff\xfe");
  // Many messages in one write, then one more split byte by byte.
  REQUIRE(host.write_bytes(all));
  for (const char c : frame_of(R"({"type":"hello","id":5})")) REQUIRE(host.write_bytes(std::string(1, c)));
  host.close_input();
  const auto frames = frames_in(host.drain());
  CHECK(host.wait_exit() == 0);
  REQUIRE(frames.size() == 7);
  CHECK(frames[0]["type"] == "hello");
  CHECK(frames[1]["code"] == "not_object");
  CHECK(frames[2]["type"] == "verdict");
  CHECK(frames[3]["type"] == "walkthrough");
  CHECK(frames[4]["region"] == "EU");
  CHECK(frames[5]["code"] == "bad_utf8");
  CHECK(frames[6]["id"] == 5);
  // The logs went to stderr and the log file instead.
  CHECK(host.stderr_text().find("not_object") != std::string::npos);
  std::ifstream log(scratch.path() / "state" / "linkedout" / "host.log");
  REQUIRE(log);
  std::ostringstream text;
  text << log.rdbuf();
  CHECK(text.str().find("bad_utf8") != std::string::npos);
}

TEST_CASE("host binary: --data-dir picks the store") {
  core_test::ScratchDir scratch;
  const auto chosen = scratch.path() / "chosen";
  SpawnedHost host(scratch.path(), {"--data-dir", chosen.string()});
  CHECK(host.request(german_ai_page(true, 1))["type"] == "verdict");
  host.close_input();
  CHECK(host.wait_exit() == 0);
  CHECK(std::filesystem::exists(chosen / "state.json"));
  CHECK_FALSE(std::filesystem::exists(scratch.path() / "data" / "state.json"));
}

TEST_CASE("host binary: the stream ends inside a frame → exit 0 with a log line") {
  core_test::ScratchDir scratch;
  SUBCASE("inside the header") {
    SpawnedHost host(scratch.path());
    REQUIRE(host.write_bytes(std::string("\x10\x00", 2)));
    host.close_input();
    CHECK(host.drain().empty());
    CHECK(host.wait_exit() == 0);
    CHECK(host.stderr_text().find("input ended inside a frame") != std::string::npos);
  }
  SUBCASE("inside the body") {
    SpawnedHost host(scratch.path());
    REQUIRE(host.write_bytes(frame_of(R"({"type":"hello","id":1})").substr(0, 12)));
    host.close_input();
    CHECK(host.drain().empty());
    CHECK(host.wait_exit() == 0);
    CHECK(host.stderr_text().find("input ended inside a frame") != std::string::npos);
  }
}

TEST_CASE("host binary: an incoming frame over 1 MiB → too_large, then exit 2") {
  core_test::ScratchDir scratch;
  SpawnedHost host(scratch.path());
  CHECK(host.request({{"type", "hello"}, {"id", 1}})["type"] == "hello");
  const std::uint32_t length = 1024 * 1024 + 1;
  std::string header(4, '\0');
  std::memcpy(header.data(), &length, 4);
  REQUIRE(host.write_bytes(header));
  const json reply = host.receive();
  CHECK(reply["code"] == "too_large");
  CHECK(reply["id"].is_null());
  CHECK(host.wait_exit() == 2);
}

TEST_CASE("host binary: SIGTERM and SIGINT → exit 0") {
  for (const int sig : {SIGTERM, SIGINT}) {
    core_test::ScratchDir scratch;
    SpawnedHost host(scratch.path());
    CHECK(host.request({{"type", "hello"}, {"id", 1}})["type"] == "hello");
    host.signal(sig);
    CHECK(host.wait_exit() == 0);
  }
}

TEST_CASE("host binary: the browser closes stdout → exit 0, no crash") {
  core_test::ScratchDir scratch;
  SpawnedHost host(scratch.path());
  CHECK(host.request({{"type", "hello"}, {"id", 1}})["type"] == "hello");
  host.close_output();
  host.send({{"type", "hello"}, {"id", 2}});
  CHECK(host.wait_exit() == 0);
  CHECK(host.stderr_text().find("output closed") != std::string::npos);
}

TEST_CASE("host binary: SIGTERM while the browser has stopped reading → exit 0, store intact") {
  core_test::ScratchDir scratch;
  SpawnedHost host(scratch.path());
  CHECK(host.request(german_ai_page(true, 0))["type"] == "verdict");
  // Far more reply bytes than a pipe holds, none of them read.
  for (int i = 1; i <= 300; ++i) REQUIRE(host.write_bytes(frame_of(german_ai_page(i % 2 == 0, i).dump())));
  host.signal(SIGTERM);
  CHECK(host.wait_exit() == 0);
  const auto state = json::parse(std::ifstream(scratch.path() / "data" / "state.json"));
  CHECK(state["settings"].contains("data-for-ai-improvement"));
}

TEST_CASE("host binary: a log directory that cannot be created does not stop the host") {
  core_test::ScratchDir scratch;
  std::ofstream(scratch.path() / "a-file") << "x";
  SpawnedHost host(scratch.path(), {}, {"XDG_STATE_HOME=" + (scratch.path() / "a-file").string(), "LINKEDOUT_LOG=debug"});
  CHECK(host.request({{"type", "hello"}, {"id", 1}})["type"] == "hello");
  CHECK(host.request({{"type", "nope"}, {"id", 2}})["code"] == "unknown_type");
  host.close_input();
  CHECK(host.wait_exit() == 0);
  CHECK(host.stderr_text().find("unknown_type") != std::string::npos);
}
