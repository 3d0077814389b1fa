#include "cli/host_probe.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>
#include <thread>

#include "framing.hpp"

namespace linkedout::cli {

namespace {

struct Pipe {
  int read_end = -1, write_end = -1;
  Pipe() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) == 0) {
      read_end = fds[0];
      write_end = fds[1];
    }
  }
  ~Pipe() {
    close_read();
    close_write();
  }
  void close_read() {
    if (read_end >= 0) ::close(read_end);
    read_end = -1;
  }
  void close_write() {
    if (write_end >= 0) ::close(write_end);
    write_end = -1;
  }
  bool ok() const { return read_end >= 0; }
};

// How long a probed program has to exit after SIGTERM, or after closing its output, before SIGKILL.
constexpr auto kExitGrace = std::chrono::seconds(2);

// Reaps the program, for certain: a program that ignores SIGTERM (or closes its output and stays)
// must not keep doctor waiting. Returns its wait status.
int reap(pid_t pid) {
  int status = 0;
  const auto until = std::chrono::steady_clock::now() + kExitGrace;
  while (std::chrono::steady_clock::now() < until) {
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid, SIGKILL);
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

std::string describe_status(int status) {
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "was killed by signal " + std::to_string(WTERMSIG(status));
  return "stopped";
}

}  // namespace

ProbeResult probe_host(const std::filesystem::path& program, const std::vector<std::string>& args,
                       std::chrono::milliseconds timeout) {
  Pipe to_host, from_host;
  if (!to_host.ok() || !from_host.ok()) return {false, std::string("cannot create pipes: ") + std::strerror(errno)};

  std::vector<std::string> argv_storage{program.string()};
  argv_storage.insert(argv_storage.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& arg : argv_storage) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const std::string dir = program.parent_path().string();

  const pid_t pid = ::fork();
  if (pid < 0) return {false, std::string("cannot start it: ") + std::strerror(errno)};
  if (pid == 0) {
    // Child: only async-signal-safe calls. Browsers start hosts in the host's own directory.
    ::dup2(to_host.read_end, STDIN_FILENO);
    ::dup2(from_host.write_end, STDOUT_FILENO);
    const int null_fd = ::open("/dev/null", O_WRONLY);
    if (null_fd >= 0) ::dup2(null_fd, STDERR_FILENO);
    if (::chdir(dir.c_str()) != 0) ::_exit(126);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  to_host.close_read();
  from_host.close_write();

  // Closing stdin after the request makes a well-behaved host exit after its reply.
  const auto frame = *framing::encode_frame(R"({"type":"hello","id":"doctor","extension_version":"doctor"})");
  ::signal(SIGPIPE, SIG_IGN);
  [[maybe_unused]] const auto written = ::write(to_host.write_end, frame.data(), frame.size());
  to_host.close_write();

  framing::FrameReader reader;
  std::optional<std::string> reply;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  bool timed_out = false;
  while (!reply) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd poll_fd{from_host.read_end, POLLIN, 0};
    const int ready = ::poll(&poll_fd, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) continue;
    char buffer[4096];
    const ssize_t n = ::read(from_host.read_end, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // EOF: the host exited
    reader.feed({buffer, static_cast<std::size_t>(n)});
    if (auto result = reader.next(); result.kind == framing::ReadResult::Kind::frame) reply = std::move(result.body);
  }
  if (timed_out || reply) ::kill(pid, SIGTERM);  // it answered or hung: either way it is done
  const int status = reap(pid);

  if (timed_out) return {false, "the host did not answer hello within " + std::to_string(timeout.count()) + " ms"};
  if (!reply) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return {false, "the host could not be executed"};
    return {false, "the host " + describe_status(status) + " without answering hello"};
  }
  return judge_hello_reply(*reply);
}

}  // namespace linkedout::cli
