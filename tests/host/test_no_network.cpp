// The host makes no network connection: every message type and every CLI command run under
// `strace -f` (children included), and the trace holds no socket other than AF_UNIX, and no
// connect, bind or listen at all. A control run (bash opening a TCP connection) proves that the
// detector does see a connection when there is one.
#include "test_cli_process.hpp"
#include "test_malformed_harness.hpp"

#include <regex>

namespace {

using namespace linkedout::testing;
using linkedout::cli_test::strace_available;

struct NetworkTrace {
  std::vector<std::string> violations;
  std::size_t unix_sockets = 0;
  std::size_t lines = 0;
};

NetworkTrace read_trace(const fs::path& file) {
  NetworkTrace trace;
  std::istringstream in(read_file_bytes(file));
  static const std::regex socket_call(R"(\bsocket\((\w+))");
  static const std::regex connecting_call(R"(\b(connect|bind|listen|accept4?)\()");
  for (std::string line; std::getline(in, line);) {
    ++trace.lines;
    std::smatch match;
    if (std::regex_search(line, match, socket_call)) {
      if (match[1] == "AF_UNIX" || match[1] == "AF_LOCAL") ++trace.unix_sockets;
      else trace.violations.push_back(line);
    }
    if (std::regex_search(line, connecting_call)) trace.violations.push_back(line);
  }
  return trace;
}

std::vector<std::string> strace_wrapper(const fs::path& output) {
  // -f: follow children (doctor starts the host to check it answers). Only socket-family calls.
  // LeakSanitizer cannot run under ptrace: in a sanitizer build, leaks are checked elsewhere.
  const char* asan = std::getenv("ASAN_OPTIONS");
  return {"strace", "-f", "-qq", "-o", output.string(), "-e",
          "trace=socket,socketpair,connect,bind,listen,accept,accept4,sendto,sendmsg",
          "env", "ASAN_OPTIONS=" + std::string(asan ? asan : "") + (asan ? ":" : "") + "detect_leaks=0"};
}

}  // namespace

TEST_SUITE("no network (real host under strace)") {

TEST_CASE("no network: the detector sees a TCP connection when there is one") {
  REQUIRE_MESSAGE(strace_available(), "strace is required (scripts/setup installs it)");
  Sandbox sandbox;
  const fs::path trace_file = sandbox.root.path() / "control.trace";
  const std::string command = "strace -f -qq -o " + trace_file.string() +
                              " -e trace=socket,connect bash -c 'exec 3<>/dev/tcp/127.0.0.1/9' 2>/dev/null";
  (void)std::system(command.c_str());
  const NetworkTrace trace = read_trace(trace_file);
  CHECK(trace.violations.size() >= 2);  // socket(AF_INET, …) and connect(…)
}

TEST_CASE("no network: a whole native-messaging session") {
  REQUIRE_MESSAGE(strace_available(), "strace is required (scripts/setup installs it)");
  Sandbox sandbox;
  const fs::path trace_file = sandbox.root.path() / "session.trace";
  {
    HostProcess host(sandbox, {kChromeCaller}, strace_wrapper(trace_file));
    const std::vector<json> session = {
        {{"type", "hello"}, {"id", 1}, {"extension_version", "0.1.0"}},
        {{"type", "config"}, {"id", 2}, {"region", "EU"}},
        {{"type", "walkthrough"}, {"id", 3}, {"action", "start"}},
        recorded_page_state(4, true),
        recorded_page_state(5, false),
        unmatched_page_state(6),
        {{"type", "walkthrough"}, {"id", 7}, {"action", "mark_done"}, {"step", "objection-form"}},
        {{"type", "walkthrough"}, {"id", 8}, {"action", "status"}},
        {{"type", "report"}, {"id", 9}, {"format", "html"}},
        {{"type", "report"}, {"id", 10}, {"format", "md"}},
        {{"type", "report"}, {"id", 11}, {"format", "json"}},
        {{"type", "walkthrough"}, {"id", 12}, {"action", "reset"}},
        {{"type", "no-such-type"}, {"id", 13}},
    };
    for (const auto& message : session) {
      REQUIRE(host.send_json(message));
      const Reply reply = host.read_reply();
      INFO("host stderr: " << host.stderr_text());
      REQUIRE(reply.outcome == Reply::Outcome::reply);
      CHECK(reply.value["id"] == message["id"]);
    }
    host.close_stdin();
    CHECK(host.wait_exit().code == 0);
  }
  const NetworkTrace trace = read_trace(trace_file);
  INFO("network calls: " << [&] {
    std::string all;
    for (const auto& v : trace.violations) all += "\n  " + v;
    return all;
  }());
  CHECK(trace.violations.empty());
  MESSAGE("session traced: " << trace.lines << " socket-family calls, " << trace.unix_sockets << " AF_UNIX");
}

TEST_CASE("no network: every CLI command") {
  REQUIRE_MESSAGE(strace_available(), "strace is required (scripts/setup installs it)");
  Sandbox sandbox;
  const fs::path manifests = sandbox.root.path() / "manifests";
  fs::create_directories(manifests);
  // Per-user install/uninstall go to the sandbox's HOME; doctor launches the host it finds.
  const std::vector<std::vector<std::string>> commands = {
      {"--version"},
      {"--help"},
      {"install", "--browser", "chromium", "--manifest-dir", manifests.string()},
      {"doctor", "--browser", "chromium", "--manifest-dir", manifests.string()},
      {"install", "--browser", "all"},
      {"doctor", "--browser", "all"},
      {"status"},
      {"status", "--json"},
      {"report", "--format", "html"},
      {"report", "--format", "json"},
      {"uninstall", "--browser", "chromium", "--manifest-dir", manifests.string()},
      {"uninstall", "--browser", "all"},
  };
  int index = 0;
  for (const auto& args : commands) {
    const fs::path trace_file = sandbox.root.path() / ("cli-" + std::to_string(index++) + ".trace");
    HostProcess host(sandbox, args, strace_wrapper(trace_file));
    host.close_stdin();
    const std::string output = host.read_until_eof();  // so a long report never blocks on a full pipe
    const ExitStatus status = host.wait_exit();
    std::string joined;
    for (const auto& a : args) joined += a + " ";
    INFO("command: " << joined << " → " << status.describe() << "\nstderr: " << host.stderr_text());
    CHECK_FALSE(status.timed_out);
    CHECK(status.code == 0);
    CHECK_FALSE(output.empty());
    const NetworkTrace trace = read_trace(trace_file);
    CHECK(trace.violations.empty());
  }
}

}  // TEST_SUITE
