// Writing to a child's stdin without ever blocking the test program: the two harnesses that drive
// the real host (test_malformed_harness.hpp, test_host_binary.cpp) share this. POSIX only.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string_view>

namespace linkedout::test_support {

// Makes `fd` (the test's end of the pipe) non-blocking, so that write_with_deadline can wait in poll().
inline void make_non_blocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

enum class PipeWrite { ok, gone, timed_out };

// Writes every byte to a non-blocking `fd`: `gone` when the reader is (EPIPE), `timed_out` when it
// takes nothing more for `timeout` (a host that stops reading while its replies fill the other pipe
// must fail a test, not hang the whole program). The deadline starts again at each write that
// makes progress.
inline PipeWrite write_with_deadline(int fd, std::string_view bytes, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n > 0) {
      bytes.remove_prefix(static_cast<std::size_t>(n));
      deadline = std::chrono::steady_clock::now() + timeout;
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) return PipeWrite::gone;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return PipeWrite::timed_out;
    pollfd p{fd, POLLOUT, 0};
    ::poll(&p, 1, static_cast<int>(left.count()));
  }
  return PipeWrite::ok;
}

}  // namespace linkedout::test_support
