// linkedout-host started by hand in a terminal (stdin is a TTY): it prints a short help and exits
// instead of waiting silently for native-messaging frames nobody will type.
#include <doctest/doctest.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "test_cli_process.hpp"

namespace {

struct TtyRun {
  bool exited = false;
  int exit_code = -1;
  std::string output;  // everything written to the terminal (stdout and stderr)
};

// Runs the host with stdin, stdout and stderr on a fresh pseudo-terminal, as a shell would.
TtyRun run_in_terminal(const std::vector<std::string>& args, std::chrono::milliseconds timeout) {
  std::vector<std::string> argv{linkedout::cli_test::host_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> c_args;
  for (auto& a : argv) c_args.push_back(a.data());
  c_args.push_back(nullptr);

  int terminal = -1;
  const pid_t pid = ::forkpty(&terminal, nullptr, nullptr, nullptr);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::execv(c_args[0], c_args.data());
    ::_exit(127);
  }
  TtyRun run;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool closed = false;  // the child closed the terminal (EIO): it has exited or is exiting
  while (!closed) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd fd{terminal, POLLIN, 0};
    if (::poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(terminal, buffer, sizeof buffer);
    if (n <= 0) closed = true;
    else run.output.append(buffer, static_cast<std::size_t>(n));
  }
  int status = 0;
  if (!closed) ::kill(pid, SIGKILL);  // still waiting on the terminal when time ran out
  ::waitpid(pid, &status, 0);
  run.exited = closed && WIFEXITED(status);
  run.exit_code = run.exited ? WEXITSTATUS(status) : -1;
  ::close(terminal);
  return run;
}

}  // namespace

TEST_CASE("started by hand in a terminal, the host prints a short help instead of waiting") {
  for (const std::vector<std::string>& args : {std::vector<std::string>{}, std::vector<std::string>{"--data-dir", "/nonexistent"}}) {
    CAPTURE(args.size());
    const auto run = run_in_terminal(args, std::chrono::seconds(10));
    CHECK_MESSAGE(run.exited, "still waiting on the terminal; it printed: " << run.output);
    CHECK(run.exit_code == linkedout::cli::kExitUsage);
    CHECK(run.output.find("linkedout-host install") != std::string::npos);
    CHECK(run.output.find("linkedout-host doctor") != std::string::npos);
    CHECK(run.output.find("browser") != std::string::npos);
  }
}
