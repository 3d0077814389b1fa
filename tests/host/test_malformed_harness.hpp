// Drives the real linkedout-host binary over pipes, the way a browser does: a child process with
// its own stdin/stdout pipes, stderr to a file, and a throw-away data directory. Every wait has a
// timeout, so a hang fails the test instead of stalling it. Used by the malformed-input,
// durability and no-network suites.
#pragma once

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>

#include "test_pipe_write.hpp"
#include "test_support.hpp"
#include <vector>

extern char** environ;

namespace linkedout::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using json = nlohmann::json;

// The Chrome id fixed by the extension manifest's key: what Chrome passes as the caller.
inline const std::string kChromeCaller = test_support::kChromeOrigin;
inline constexpr std::size_t kMaxReply = 1024 * 1024;
inline constexpr std::uint32_t kMaxIncoming = 1024 * 1024;
// Generous: sanitizer builds start slowly and CI machines are busy.
inline constexpr auto kReplyTimeout = 15s;

using test_support::frame;         // one native-messaging frame (test_support.hpp)
using test_support::frame_header;  // its 4-byte length alone

// `[[[…]]]`, `depth` deep: JSON nested deeper than the host accepts.
inline std::string nested_arrays(int depth) {
  return std::string(static_cast<std::size_t>(depth), '[') + std::string(static_cast<std::size_t>(depth), ']');
}

inline std::string read_file_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

using test_support::TempDir;  // one for every suite (test_support.hpp)

// One isolated user: data dir (the state store), XDG state/config dirs and HOME all inside a
// temp dir, so a test never touches the real user's files.
struct Sandbox {
  TempDir root;
  fs::path data_dir() const { return root.path() / "data"; }
  fs::path home() const { return root.path() / "home"; }
  fs::path store_file() const { return data_dir() / "state.json"; }
  std::vector<std::string> environment() const {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) {
      std::string_view entry(*e);
      if (entry.starts_with("LINKEDOUT_") || entry.starts_with("XDG_") || entry.starts_with("HOME="))
        continue;
      env.emplace_back(entry);
    }
    env.push_back("HOME=" + home().string());
    env.push_back("LINKEDOUT_DATA_DIR=" + data_dir().string());
    env.push_back("XDG_DATA_HOME=" + (home() / "share").string());
    env.push_back("XDG_STATE_HOME=" + (home() / "state").string());
    env.push_back("XDG_CONFIG_HOME=" + (home() / "config").string());
    return env;
  }
  Sandbox() {
    fs::create_directories(data_dir());
    fs::create_directories(home());
  }
  // "<absent>" when there is no store file yet.
  std::string store_bytes() const {
    return fs::exists(store_file()) ? read_file_bytes(store_file()) : std::string("<absent>");
  }
};

struct Reply {
  enum class Outcome { reply, eof, timeout, bad_frame };
  Outcome outcome = Outcome::timeout;
  std::size_t body_size = 0;
  std::string body;
  json value;  // parsed body when outcome == reply
};

struct ExitStatus {
  bool timed_out = false;
  bool signaled = false;
  int code = -1;    // exit status when !signaled
  int signal = 0;   // terminating signal when signaled
  std::string describe() const {
    if (timed_out) return "still running (hang)";
    if (signaled) return std::string("killed by signal ") + ::strsignal(signal);
    return "exit " + std::to_string(code);
  }
};

class HostProcess {
 public:
  explicit HostProcess(const Sandbox& sandbox, std::vector<std::string> args = {kChromeCaller},
                       std::vector<std::string> wrapper = {}) {
    // The test process must survive writing to a host that is gone; the host itself gets the
    // default disposition back before exec (it must ignore SIGPIPE on its own).
    static const bool sigpipe_ignored = [] {
      ::signal(SIGPIPE, SIG_IGN);
      return true;
    }();
    (void)sigpipe_ignored;

    int in_pipe[2], out_pipe[2];
    REQUIRE(::pipe2(in_pipe, O_CLOEXEC) == 0);
    REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
    stderr_file_ = sandbox.root.path() / ("host-stderr-" + std::to_string(counter()++) + ".txt");
    const int err_fd = ::open(stderr_file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    REQUIRE(err_fd >= 0);

    std::vector<std::string> argv_strings = wrapper;
    argv_strings.push_back(LINKEDOUT_HOST_BINARY);
    argv_strings.insert(argv_strings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_strings) argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> env_strings = sandbox.environment();
    std::vector<char*> envp;
    for (auto& e : env_strings) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(in_pipe[0], STDIN_FILENO);
      ::dup2(out_pipe[1], STDOUT_FILENO);
      ::dup2(err_fd, STDERR_FILENO);
      ::signal(SIGPIPE, SIG_DFL);
      sigset_t none;
      sigemptyset(&none);
      ::sigprocmask(SIG_SETMASK, &none, nullptr);
      ::execve(argv[0], argv.data(), envp.data());
      if (errno == ENOENT && argv[0][0] != '/') ::execvpe(argv[0], argv.data(), envp.data());
      ::_exit(127);
    }
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_fd);
    stdin_fd_ = in_pipe[1];
    stdout_fd_ = out_pipe[0];
    // Writes wait in poll() with a deadline like reads do: a host that stops reading while its
    // replies fill the other pipe must fail the test, not block it forever.
    test_support::make_non_blocking(stdin_fd_);
  }

  ~HostProcess() {
    close_stdin();
    close_stdout();
    if (!reaped_) {
      ::kill(pid_, SIGKILL);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
  }
  HostProcess(const HostProcess&) = delete;
  HostProcess& operator=(const HostProcess&) = delete;

  pid_t pid() const { return pid_; }

  // Writes every byte; false when the host closed its stdin (EPIPE), is gone, or takes nothing
  // more for `timeout`.
  bool write_all(std::string_view bytes, std::chrono::milliseconds timeout = kReplyTimeout) {
    const auto result = test_support::write_with_deadline(stdin_fd_, bytes, timeout);
    if (result == test_support::PipeWrite::timed_out)
      MESSAGE("the host took no more input for " << timeout.count() << " ms");
    return result == test_support::PipeWrite::ok;
  }
  bool send(std::string_view body) { return write_all(frame(body)); }
  bool send_json(const json& message) { return send(message.dump()); }

  void close_stdin() {
    if (stdin_fd_ >= 0) ::close(stdin_fd_);
    stdin_fd_ = -1;
  }
  // The reader side of the host's stdout goes away, as when the browser closes the port.
  void close_stdout() {
    if (stdout_fd_ >= 0) ::close(stdout_fd_);
    stdout_fd_ = -1;
  }

  Reply read_reply(std::chrono::milliseconds timeout = kReplyTimeout) {
    Reply reply;
    std::string head;
    switch (read_exact(head, 4, timeout)) {
      case ReadStatus::ok: break;
      case ReadStatus::eof: reply.outcome = Reply::Outcome::eof; return reply;
      case ReadStatus::timeout: reply.outcome = Reply::Outcome::timeout; return reply;
    }
    std::uint32_t length = 0;
    std::memcpy(&length, head.data(), 4);
    reply.body_size = length;
    if (length > kMaxReply) {
      reply.outcome = Reply::Outcome::bad_frame;
      return reply;
    }
    if (read_exact(reply.body, length, timeout) != ReadStatus::ok) {
      reply.outcome = Reply::Outcome::bad_frame;
      return reply;
    }
    try {
      reply.value = json::parse(reply.body);
      reply.outcome = Reply::Outcome::reply;
    } catch (const json::exception&) {
      reply.outcome = Reply::Outcome::bad_frame;
    }
    return reply;
  }

  // Everything the host writes to stdout until it closes it (CLI commands print text).
  std::string read_until_eof(std::chrono::milliseconds timeout = kReplyTimeout) {
    std::string all;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) break;
      pollfd p{stdout_fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) break;
      char buf[65536];
      const ssize_t n = ::read(stdout_fd_, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      all.append(buf, static_cast<std::size_t>(n));
    }
    return all;
  }

  ExitStatus wait_exit(std::chrono::milliseconds timeout = kReplyTimeout) {
    ExitStatus result;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      int status = 0;
      const pid_t r = ::waitpid(pid_, &status, WNOHANG);
      if (r == pid_) {
        reaped_ = true;
        if (WIFSIGNALED(status)) {
          result.signaled = true;
          result.signal = WTERMSIG(status);
        } else {
          result.code = WEXITSTATUS(status);
        }
        return result;
      }
      if (std::chrono::steady_clock::now() > deadline) {
        result.timed_out = true;
        return result;
      }
      std::this_thread::sleep_for(2ms);
    }
  }

  void signal(int sig) { ::kill(pid_, sig); }
  std::string stderr_text() const { return read_file_bytes(stderr_file_); }

 private:
  enum class ReadStatus { ok, eof, timeout };
  ReadStatus read_exact(std::string& out, std::size_t count, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    out.clear();
    while (out.size() < count) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return ReadStatus::timeout;
      pollfd p{stdout_fd_, POLLIN, 0};
      const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
      if (ready < 0 && errno == EINTR) continue;
      if (ready <= 0) return ReadStatus::timeout;
      char buf[65536];
      const std::size_t want = std::min(sizeof buf, count - out.size());
      const ssize_t n = ::read(stdout_fd_, buf, want);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return ReadStatus::eof;
      out.append(buf, static_cast<std::size_t>(n));
    }
    return ReadStatus::ok;
  }
  static int& counter() {
    static int n = 0;
    return n;
  }

  pid_t pid_ = -1;
  int stdin_fd_ = -1;
  int stdout_fd_ = -1;
  bool reaped_ = false;
  fs::path stderr_file_;
};

// A page_state whose controls match no ruleset setting: a verdict that records nothing.
inline json unmatched_page_state(json id) {
  // A page that names no setting: on a setting's own page its only switch is matched by page.
  return {{"type", "page_state"},
          {"id", std::move(id)},
          {"url", "https://www.linkedin.com/mypreferences/d/categories/privacy"},
          {"lang", "en"},
          {"controls", json::array({{{"key", "notARulesetKey"}, {"label", "Nothing LinkedOut knows"}, {"checked", true}}})}};
}

// A page_state that the host records: the AI-training toggle, on or off.
inline json recorded_page_state(json id, bool checked,
                                const std::string& setting = "data-for-ai-improvement",
                                const std::string& key = "allowDataForGenerativeAI") {
  return {{"type", "page_state"},
          {"id", std::move(id)},
          {"url", "https://www.linkedin.com/mypreferences/d/settings/" + setting},
          {"lang", "en"},
          {"controls", json::array({{{"key", key}, {"label", ""}, {"checked", checked}}})}};
}

}  // namespace linkedout::testing
