// Length-prefixed frames as Chrome and Firefox native messaging define them: a 4-byte
// native-endian length, then that many bytes of UTF-8 JSON. Pure byte handling, no I/O,
// so the reader can be fuzzed and tested without pipes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol_constants.hpp"  // generated from docs/protocol.schema.json

namespace linkedout::framing {

inline constexpr std::size_t kHeaderSize = 4;
// Incoming frames above the schema's max_message_bytes are refused (docs/protocol.md §1).
inline constexpr std::uint32_t kMaxIncoming = protocol::kMaxMessageBytes;
// The browsers drop host → browser messages above 1 MiB (the same schema constant).
inline constexpr std::size_t kMaxOutgoing = protocol::kMaxMessageBytes;

struct ReadResult {
  enum class Kind { frame, need_more, too_large };
  Kind kind = Kind::need_more;
  std::string body;                 // set when kind == frame
  std::uint32_t declared_length = 0;  // set when kind == frame or too_large
};

// Accumulates bytes and cuts them into frames. After too_large the reader stays failed:
// the stream cannot be resynchronised.
class FrameReader {
 public:
  explicit FrameReader(std::uint32_t max_length = kMaxIncoming) : max_length_(max_length) {}

  void feed(std::string_view bytes);
  ReadResult next();

  // True when some bytes of an unfinished frame are buffered (EOF now means a truncated frame).
  bool mid_frame() const { return buffer_.size() > consumed_; }
  bool failed() const { return failed_; }

 private:
  std::uint32_t max_length_;
  std::string buffer_;
  std::size_t consumed_ = 0;
  bool failed_ = false;
};

// Encodes one frame. Returns nullopt when the body exceeds kMaxOutgoing.
std::optional<std::string> encode_frame(std::string_view body);

// The same into `frame`, reusing its memory (the channel's one outgoing buffer: a fresh
// multi-kilobyte string per reply made glibc consolidate its free lists every message). Returns
// false, leaving `frame` empty, when the body exceeds kMaxOutgoing.
bool encode_frame_into(std::string_view body, std::string& frame);

}  // namespace linkedout::framing
