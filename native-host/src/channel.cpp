#include "channel.hpp"

#include <unistd.h>

#include <array>
#include <chrono>
#include <optional>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <spdlog/spdlog.h>

#include "framing.hpp"
#include "platform/stop_signals.hpp"

namespace linkedout {

namespace asio = boost::asio;

namespace {

// How long SIGTERM waits for a reply already being written before giving up on it: a browser
// that stopped reading must not keep the host alive. (Where the loop cannot run at all, the
// deadline in platform/stop_signals_posix.cpp ends the host.)
constexpr auto kWriteGrace = std::chrono::milliseconds(500);

// One frame at a time: read, then answer each buffered frame with an asynchronous write, then
// read again. Between two steps the loop is free to handle a signal.
class Channel {
 public:
  Channel(Dispatcher& dispatcher, int input_fd, int output_fd)
      : dispatcher_(dispatcher),
        input_(io_, input_fd),
        output_(io_, output_fd),
        stop_(io_),
        grace_(io_) {
    if (const int stop_fd = platform::watch_stop_signals(); stop_fd >= 0) stop_.assign(stop_fd);
  }

  ~Channel() {
    // The descriptors belong to the process, not to this loop.
    input_.release();
    output_.release();
    if (stop_.is_open()) stop_.release();
  }

  int run() {
    // A stop asked before the loop ran (while starting up) is already in the pipe.
    if (stop_.is_open())
      stop_.async_read_some(asio::buffer(stop_signal_, 1), [this](const boost::system::error_code& error, std::size_t) {
        on_stop(error);
      });
    read();
    io_.run();
    return exit_code_;
  }

 private:
  void on_stop(const boost::system::error_code& error) {
    if (error || done_) return;
    spdlog::info("signal {}: exiting", static_cast<int>(stop_signal_[0]));
    if (!writing_) return finish(0);
    stopping_ = true;  // finish the reply being written first, briefly
    grace_.expires_after(kWriteGrace);
    grace_.async_wait([this](const boost::system::error_code& e) {
      if (!e) finish(0);
    });
  }

  void read() {
    input_.async_read_some(asio::buffer(buffer_), [this](const boost::system::error_code& error, std::size_t n) {
      on_read(error, n);
    });
  }

  void on_read(const boost::system::error_code& error, std::size_t n) {
    if (done_) return;
    if (error) {
      if (error == asio::error::operation_aborted) return;
      if (reader_.mid_frame()) {
        spdlog::info("input ended inside a frame: the browser closed the port");
      } else if (error != asio::error::eof) {
        spdlog::warn("reading input: {}", error.message());
      }
      finish(0);
      return;
    }
    reader_.feed({buffer_.data(), n});
    answer_next();
  }

  // Answers the next buffered frame, or reads more when none is complete.
  void answer_next() {
    if (done_) return;
    auto result = reader_.next();
    switch (result.kind) {
      case framing::ReadResult::Kind::need_more:
        read();
        return;
      case framing::ReadResult::Kind::too_large:
        spdlog::warn("incoming frame of {} bytes is over the limit: closing", result.declared_length);
        send(dispatcher_.too_large_reply(result.declared_length), 2);
        return;
      case framing::ReadResult::Kind::frame:
        send(dispatcher_.handle(result.body), std::nullopt);
        return;
    }
  }

  // Writes one reply frame; then goes on with the next frame, or exits with `then_exit`.
  void send(const std::string& body, std::optional<int> then_exit) {
    if (!framing::encode_frame_into(body, outgoing_)) {  // the dispatcher caps replies: a bug, say so
      spdlog::error("reply of {} bytes cannot be framed", body.size());
      return then_exit ? finish(*then_exit) : answer_next();
    }
    writing_ = true;
    asio::async_write(output_, asio::buffer(outgoing_), [this, then_exit](const boost::system::error_code& error, std::size_t) {
      writing_ = false;
      if (done_) return;
      if (error) {
        if (error == asio::error::broken_pipe) {
          spdlog::info("output closed: the browser is gone");
        } else {
          spdlog::warn("writing output: {}", error.message());
        }
        return finish(0);
      }
      if (then_exit) return finish(*then_exit);
      if (stopping_) return finish(0);
      answer_next();
    });
  }

  void finish(int exit_code) {
    if (done_) return;
    done_ = true;
    exit_code_ = exit_code;
    io_.stop();
  }

  Dispatcher& dispatcher_;
  asio::io_context io_{1};
  asio::posix::stream_descriptor input_;
  asio::posix::stream_descriptor output_;
  asio::posix::stream_descriptor stop_;  // readable once SIGTERM or SIGINT came
  std::array<char, 1> stop_signal_{};
  asio::steady_timer grace_;
  framing::FrameReader reader_;
  std::array<char, 64 * 1024> buffer_{};
  std::string outgoing_;
  int exit_code_ = 0;
  bool writing_ = false;
  bool stopping_ = false;
  bool done_ = false;
};

}  // namespace

int run_channel(Dispatcher& dispatcher, int input_fd, int output_fd) {
  Channel channel(dispatcher, input_fd, output_fd);
  return channel.run();
}

}  // namespace linkedout
