#include "channel.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <array>
#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/write.hpp>
#include <csignal>
#include <spdlog/spdlog.h>

#include "framing.hpp"

namespace linkedout {

namespace asio = boost::asio;

int take_stdout_for_frames() {
  const int frames = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 3);
  if (frames < 0) return STDOUT_FILENO;  // nothing better to do: keep the real stdout
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  return frames;
}

namespace {

class Channel {
 public:
  Channel(Dispatcher& dispatcher, int input_fd, int output_fd)
      : dispatcher_(dispatcher), input_(io_, input_fd), output_(io_, output_fd), signals_(io_, SIGTERM, SIGINT) {}

  ~Channel() {
    // The descriptors belong to the process, not to this loop.
    input_.release();
    output_.release();
  }

  int run() {
    signals_.async_wait([this](const boost::system::error_code& error, int signal) {
      if (error) return;
      spdlog::info("signal {}: exiting", signal);
      finish(0);
    });
    read();
    io_.run();
    return exit_code_;
  }

 private:
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
    for (;;) {
      auto result = reader_.next();
      if (result.kind == framing::ReadResult::Kind::need_more) break;
      if (result.kind == framing::ReadResult::Kind::too_large) {
        spdlog::warn("incoming frame of {} bytes is over the limit: closing", result.declared_length);
        send(dispatcher_.too_large_reply(result.declared_length));
        finish(2);
        return;
      }
      if (!send(dispatcher_.handle(result.body))) return;
    }
    read();
  }

  // Writes one reply frame to the end. False when the output is gone (and the loop finished).
  bool send(const std::string& body) {
    const auto frame = framing::encode_frame(body);
    if (!frame) {  // the dispatcher caps replies, so this is a bug: say so rather than corrupt
      spdlog::error("reply of {} bytes cannot be framed", body.size());
      return true;
    }
    boost::system::error_code error;
    asio::write(output_, asio::buffer(*frame), error);
    if (!error) return true;
    if (error == asio::error::broken_pipe) {
      spdlog::info("output closed: the browser is gone");
    } else {
      spdlog::warn("writing output: {}", error.message());
    }
    finish(0);
    return false;
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
  asio::signal_set signals_;
  framing::FrameReader reader_;
  std::array<char, 64 * 1024> buffer_{};
  int exit_code_ = 0;
  bool done_ = false;
};

}  // namespace

int run_channel(Dispatcher& dispatcher, int input_fd, int output_fd) {
  Channel channel(dispatcher, input_fd, output_fd);
  return channel.run();
}

}  // namespace linkedout
