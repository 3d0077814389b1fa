// SIGTERM (how a browser ends its helper) against the real host binary in the states where the
// host does not return to its event loop at once: waiting for the store's lock that another
// process holds (and a log file that is a FIFO, which no longer holds start-up). Each case puts
// the host in that state for certain (the host's own log line says so), then
// sends SIGTERM and asserts the exit status docs/protocol.md gives it. The wait for the exit has a
// generous bound only so that a host that ignores SIGTERM fails the case instead of hanging it.
#include <sys/file.h>
#include <sys/stat.h>

#include <future>

#include "cli/host_probe.hpp"
#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;

// Generous: only there to fail instead of hang (a sanitized host on a busy machine is slow).
constexpr auto kExitBound = 30s;
constexpr auto kStateBound = 30s;

std::string text_of(const fs::path& file) { return read_file_bytes(file); }

// True once `until` holds, checked every few milliseconds up to kStateBound.
template <typename Condition>
bool eventually(Condition until) {
  const auto deadline = std::chrono::steady_clock::now() + kStateBound;
  while (std::chrono::steady_clock::now() < deadline) {
    if (until()) return true;
    std::this_thread::sleep_for(5ms);
  }
  return until();
}

// The kernel function the process sleeps in ("0" while it runs).
std::string sleeping_in(pid_t pid) { return text_of("/proc/" + std::to_string(pid) + "/wchan"); }

void expect_exit_zero_after_sigterm(HostProcess& host) {
  host.signal(SIGTERM);
  const ExitStatus status = host.wait_exit(kExitBound);
  INFO("host stderr: " << host.stderr_text());
  CHECK_MESSAGE((!status.timed_out && !status.signaled && status.code == 0),
                "after SIGTERM: " << status.describe());
}

}  // namespace

TEST_SUITE("stop signal (real host)") {

TEST_CASE("stop signal: SIGTERM while the host waits for the store's lock held by another process → exit 0") {
  Sandbox sandbox;
  // Another process (here the test) holds the store's lock, as a second host writing would.
  const fs::path lock_file = sandbox.data_dir() / "state.lock";
  const int lock_fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  REQUIRE(lock_fd >= 0);
  REQUIRE(::flock(lock_fd, LOCK_EX) == 0);

  HostProcess host(sandbox);
  REQUIRE(host.send_json(recorded_page_state(1, true)));  // recording needs the lock
  // The host tries the lock without blocking until its wait's limit (platform::kStoreLockWait):
  // the kernel lists no waiter, so the host's own line says it is waiting.
  const bool waiting = eventually([&] { return host.stderr_text().find("held by another process: waiting") != std::string::npos; });
  INFO("host stderr: " << host.stderr_text());
  REQUIRE_MESSAGE(waiting, "the host never waited for the lock");

  expect_exit_zero_after_sigterm(host);
  ::close(lock_fd);
  CHECK_FALSE(fs::exists(sandbox.store_file()));  // it wrote nothing it did not have the lock for
}

TEST_CASE("stop signal: a host.log that is a FIFO no one reads does not hold start-up: it answers, then SIGTERM → exit 0") {
  Sandbox sandbox;
  // With debug logging the host writes its first line while starting up. Opening a FIFO for
  // writing waits until a reader comes, which never does: the host used to sleep there until the
  // stop signal's deadline ended it. Now it logs to stderr only (tests/host/test_hostile_reads.cpp).
  const fs::path log_dir = sandbox.home() / "state" / "linkedout";
  fs::create_directories(log_dir);
  REQUIRE(::mkfifo((log_dir / "host.log").c_str(), 0600) == 0);

  HostProcess host(sandbox, {kChromeCaller}, {"env", "LINKEDOUT_LOG=debug"});
  REQUIRE(host.send_json(json{{"type", "hello"}, {"id", 1}, {"extension_version", "0.1.0"}}));
  const Reply reply = host.read_reply();
  INFO("host stderr: " << host.stderr_text() << "\nit sleeps in: " << sleeping_in(host.pid()));
  REQUIRE(reply.outcome == Reply::Outcome::reply);
  CHECK(reply.value.value("type", "") == "hello");

  expect_exit_zero_after_sigterm(host);
  CHECK(fs::is_fifo(fs::symlink_status(log_dir / "host.log")));
}

// The other side: doctor's hello probe starts whatever program a manifest names and ends it with
// SIGTERM; one that ignores SIGTERM must not keep doctor waiting for ever.
TEST_CASE("stop signal: doctor's hello probe ends a program that ignores SIGTERM and answers nothing") {
  test_support::TempDir scratch;
  const fs::path pid_file = scratch / "pid";
  const fs::path program = scratch / "deaf-host";
  std::ofstream(program) << "#!/bin/sh\ntrap '' TERM\necho $$ > '" << pid_file.string() << "'\nexec sleep 3600\n";
  fs::permissions(program, fs::perms::owner_all);

  auto probe = std::async(std::launch::async, [&] { return linkedout::cli::probe_host(program, {kChromeCaller}, 200ms); });
  const bool returned = probe.wait_for(kExitBound) == std::future_status::ready;
  if (!returned) {  // end the program ourselves so the probe can return and the case can fail
    const pid_t pid = static_cast<pid_t>(std::stol(text_of(pid_file)));
    ::kill(pid, SIGKILL);
  }
  const auto result = probe.get();
  CHECK_MESSAGE(returned, "the probe was still waiting for a program that ignores SIGTERM");
  CHECK_FALSE(result.answered);
  CHECK(result.problem.find("did not answer hello") != std::string::npos);
}

}  // TEST_SUITE
