// Another process holding the store's lock (a second browser's host stuck mid-write, a backup
// tool, a person's `flock`) used to keep the host waiting without end: no reply, the page silent,
// `status` and `report` hung. The test holds the lock as a host does (flock on state.lock) and
// drives the real binary: the host answers store_busy after its bounded wait, serves the next
// message once the lock is free, and the CLI says the store is busy.
#include <sys/file.h>

#include "platform/platform.hpp"
#include "test_cli_process.hpp"
#include "test_malformed_harness.hpp"

namespace {

using namespace linkedout::testing;
using linkedout::platform::kStoreLockWait;

// The host's wait, plus room for a slow start on a busy machine.
constexpr auto kAnswerBound = kStoreLockWait + 10s;

// The store's lock, held by this process until the object goes.
class HeldLock {
 public:
  explicit HeldLock(const fs::path& lock_file) : fd_(::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    REQUIRE(fd_ >= 0);
    REQUIRE(::flock(fd_, LOCK_EX) == 0);
  }
  ~HeldLock() { release(); }
  void release() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_;
};

}  // namespace

TEST_SUITE("store lock (real host)") {

TEST_CASE("store lock: held by another process → store_busy within a bound, then the host serves once it is free") {
  Sandbox sandbox;
  HeldLock lock(sandbox.data_dir() / "state.lock");

  HostProcess host(sandbox);
  const auto start = std::chrono::steady_clock::now();
  REQUIRE(host.send_json(recorded_page_state(1, true)));  // recording needs the lock
  const Reply busy = host.read_reply(std::chrono::duration_cast<std::chrono::milliseconds>(kAnswerBound));
  const auto waited = std::chrono::steady_clock::now() - start;
  INFO("host stderr: " << host.stderr_text());
  REQUIRE_MESSAGE(busy.outcome == Reply::Outcome::reply, "no reply while another process held the lock");
  CHECK(busy.value.value("type", "") == "error");
  CHECK(busy.value.value("code", "") == "store_busy");
  CHECK(busy.value.value("id", 0) == 1);
  CHECK(waited >= kStoreLockWait - 100ms);  // it did wait: a writer holds the lock for milliseconds
  CHECK_FALSE(fs::exists(sandbox.store_file()));

  lock.release();
  REQUIRE(host.send_json(recorded_page_state(2, true)));
  const Reply served = host.read_reply();
  REQUIRE(served.outcome == Reply::Outcome::reply);
  CHECK(served.value.value("type", "") == "verdict");
  CHECK(fs::exists(sandbox.store_file()));
  host.close_stdin();
  CHECK(host.wait_exit().code == 0);
}

TEST_CASE("store lock: status and report say the store is busy instead of hanging") {
  Sandbox sandbox;
  HeldLock lock(sandbox.data_dir() / "state.lock");
  for (const std::string command : {"status", "report"}) {
    CAPTURE(command);
    const auto result = linkedout::cli_test::run_process(
        {LINKEDOUT_HOST_BINARY, command, "--data-dir", sandbox.data_dir().string()},
        {{"HOME", sandbox.home().string()}, {"XDG_STATE_HOME", (sandbox.home() / "state").string()}}, "",
        std::chrono::duration_cast<std::chrono::milliseconds>(kAnswerBound));
    REQUIRE_MESSAGE(!result.timed_out, command << " still waited for the lock");
    CHECK(result.exit_code == 1);
    CHECK(result.out.empty());
    CHECK_MESSAGE(result.err.find("in use by another LinkedOut process") != std::string::npos, result.err);
  }
}

}  // TEST_SUITE
