// Test support for the cli suites: throw-away directories and the real linkedout-host binary run
// as a child process (argv, extra environment, bytes on stdin; stdout and stderr captured; a
// timeout so a hang fails instead of stalling).
#pragma once

#include <doctest/doctest.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace linkedout::cli_test {

namespace fs = std::filesystem;

using test_support::TempDir;  // one for every suite (test_support.hpp)

inline std::string read_text(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline void write_text(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream(file, std::ios::binary) << text;
}

struct ProcessResult {
  int exit_code = -1;  // -1: killed by a signal or timed out
  bool timed_out = false;
  std::string out, err;
};

// Runs `argv` (argv[0] is the program path) with the current environment plus `env` (an empty
// value unsets the variable), feeding `input` on stdin and then closing it; in `cwd` when given.
inline ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                                 const std::string& input = "",
                                 std::chrono::milliseconds timeout = std::chrono::seconds(30),
                                 const std::filesystem::path& cwd = {}) {
  int in_pipe[2], out_pipe[2], err_pipe[2];
  REQUIRE(::pipe2(in_pipe, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(out_pipe, O_CLOEXEC) == 0);
  REQUIRE(::pipe2(err_pipe, O_CLOEXEC) == 0);
  std::vector<std::string> args = argv;
  std::vector<char*> c_args;
  for (auto& a : args) c_args.push_back(a.data());
  c_args.push_back(nullptr);

  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    for (const auto& [name, value] : env) {
      if (value.empty()) ::unsetenv(name.c_str());
      else ::setenv(name.c_str(), value.c_str(), 1);
    }
    ::dup2(in_pipe[0], 0);
    ::dup2(out_pipe[1], 1);
    ::dup2(err_pipe[1], 2);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) ::_exit(126);
    ::execv(c_args[0], c_args.data());
    ::_exit(127);
  }
  ::close(in_pipe[0]);
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  ::signal(SIGPIPE, SIG_IGN);
  std::size_t written = 0;
  while (written < input.size()) {
    const ssize_t n = ::write(in_pipe[1], input.data() + written, input.size() - written);
    if (n <= 0) break;  // the child closed stdin early (e.g. a refused caller)
    written += static_cast<std::size_t>(n);
  }
  ::close(in_pipe[1]);

  ProcessResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (open_fds > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
      break;
    }
    if (::poll(fds, 2, static_cast<int>(left.count())) <= 0) continue;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      char buffer[65536];
      const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      } else {
        sinks[i]->append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  for (auto& fd : fds)
    if (fd.fd >= 0) ::close(fd.fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

inline std::string host_binary() { return LINKEDOUT_HOST_BINARY; }

using test_support::frame;  // one native-messaging frame (test_support.hpp)

// What a finished process did, for a failed check's message (output cut at 2,000 bytes each).
inline std::string describe(const ProcessResult& result) {
  return "exit " + std::to_string(result.exit_code) + (result.timed_out ? " (timed out)" : "") + "\nstdout: " +
         result.out.substr(0, 2000) + "\nstderr: " + result.err.substr(0, 2000);
}

// What `doctor` printed (stdout, then stderr) and its exit status.
struct DoctorRun {
  int code;
  std::string out;
};

inline bool says(const DoctorRun& run, const std::string& text) {
  INFO("doctor said:\n" << run.out);
  return run.out.find(text) != std::string::npos;
}

// Whether strace can be run here (the suites that watch the host's system calls need it).
inline bool strace_available() { return std::system("strace -V >/dev/null 2>&1") == 0; }

// The bodies of the complete frames in `bytes`.
inline std::vector<std::string> frames(const std::string& bytes) {
  std::vector<std::string> bodies;
  std::size_t at = 0;
  while (bytes.size() - at >= 4) {
    std::uint32_t length = 0;
    std::memcpy(&length, bytes.data() + at, 4);
    if (bytes.size() - at - 4 < length) break;
    bodies.push_back(bytes.substr(at + 4, length));
    at += 4 + length;
  }
  return bodies;
}

}  // namespace linkedout::cli_test
