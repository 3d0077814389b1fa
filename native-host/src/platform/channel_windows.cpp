// run_channel for Windows. The browser's stdin/stdout are anonymous pipes, which cannot be read
// asynchronously (no overlapped I/O), so the loop simply blocks: read, answer every complete
// frame in order, read again. Chrome ends the host by closing the pipe or terminating the
// process; there are no signals to handle. Same exits as the POSIX loop: end of input → 0,
// output closed → 0, an incoming frame over the limit → 2 after too_large.
#include <io.h>

#include <array>
#include <spdlog/spdlog.h>

#include "channel.hpp"
#include "framing.hpp"
#include "platform/platform.hpp"

namespace linkedout {

int run_channel(Dispatcher& dispatcher, int input_fd, int output_fd) {
  framing::FrameReader reader;
  std::array<char, 64 * 1024> buffer{};
  std::string outgoing;
  // Writes one reply; false when the browser has gone.
  const auto send = [&](const std::string& body) {
    if (!framing::encode_frame_into(body, outgoing)) {  // the dispatcher caps replies: a bug, say so
      spdlog::error("reply of {} bytes cannot be framed", body.size());
      return true;
    }
    if (platform::write_all(output_fd, outgoing)) return true;
    spdlog::info("output closed: the browser is gone");
    return false;
  };
  for (;;) {
    const int n = _read(input_fd, buffer.data(), static_cast<unsigned>(buffer.size()));
    if (n <= 0) {
      if (reader.mid_frame()) spdlog::info("input ended inside a frame: the browser closed the port");
      return 0;
    }
    reader.feed({buffer.data(), static_cast<std::size_t>(n)});
    for (auto result = reader.next(); result.kind != framing::ReadResult::Kind::need_more; result = reader.next()) {
      if (result.kind == framing::ReadResult::Kind::too_large) {
        spdlog::warn("incoming frame of {} bytes is over the limit: closing", result.declared_length);
        send(dispatcher.too_large_reply(result.declared_length));
        return 2;
      }
      if (!send(dispatcher.handle(result.body))) return 0;
    }
  }
}

}  // namespace linkedout
