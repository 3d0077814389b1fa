// stop_signals.hpp for Linux and macOS: a self-pipe for the event loop, and alarm() as the
// deadline for every place that does not return to it. Only async-signal-safe calls in handlers.
#include "stop_signals.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>

namespace linkedout::platform {

namespace {

// Longer than the loop's own grace for a reply being written (channel.cpp), so a host that can
// reach its loop always exits from there.
constexpr unsigned kHardStopSeconds = 1;

volatile std::sig_atomic_t stop_asked = 0;
int pipe_read_end = -1;
int pipe_write_end = -1;

extern "C" void on_stop_signal(int signal_number) {
  const int saved_errno = errno;
  if (!stop_asked) {
    stop_asked = 1;
    ::alarm(kHardStopSeconds);
  }
  const char byte = static_cast<char>(signal_number);
  [[maybe_unused]] const auto written = ::write(pipe_write_end, &byte, 1);  // full pipe: already told
  errno = saved_errno;
}

extern "C" void on_stop_deadline(int) {
  static constexpr char kSaid[] = "linkedout-host: [info] still busy a second after the stop signal: exiting now\n";
  [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kSaid, sizeof kSaid - 1);
  ::_exit(0);
}

void handle(int signal_number, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  // SA_RESTART: a read or write the signal lands in carries on; the pipe or the deadline acts.
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  sigaddset(&action.sa_mask, SIGTERM);
  sigaddset(&action.sa_mask, SIGINT);
  sigaddset(&action.sa_mask, SIGALRM);
  ::sigaction(signal_number, &action, nullptr);
}

}  // namespace

int watch_stop_signals() {
  if (pipe_read_end >= 0) return pipe_read_end;
  int ends[2];
  // Without a pipe the deadline alone still ends the host, one second after the signal.
  if (::pipe(ends) == 0) {
    for (const int end : ends) {
      ::fcntl(end, F_SETFD, FD_CLOEXEC);
      ::fcntl(end, F_SETFL, ::fcntl(end, F_GETFL) | O_NONBLOCK);
    }
    pipe_read_end = ends[0];
    pipe_write_end = ends[1];
  }
  handle(SIGALRM, on_stop_deadline);
  handle(SIGTERM, on_stop_signal);
  handle(SIGINT, on_stop_signal);
  return pipe_read_end;
}

}  // namespace linkedout::platform
