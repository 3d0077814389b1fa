// Fuzzes the frame reader (native-host/src/framing.cpp) against a straightforward reference
// parser. The first byte of the input picks how the stream is cut into reads and a smaller
// length limit (so the "too large" path is reached often), the rest is the byte stream.
// Invariants: the reader yields exactly the reference's frames in order, never a body over the
// limit, stays failed after too_large, and every frame re-encodes to the bytes it came from.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "framing.hpp"

namespace {

using linkedout::framing::FrameReader;
using Kind = linkedout::framing::ReadResult::Kind;

struct Reference {
  std::vector<std::string> frames;
  bool too_large = false;
};

Reference reference_parse(std::string_view stream, std::uint32_t limit) {
  Reference out;
  std::size_t at = 0;
  while (stream.size() - at >= 4) {
    std::uint32_t length = 0;
    std::memcpy(&length, stream.data() + at, 4);
    if (length > limit) {
      out.too_large = true;
      return out;
    }
    if (stream.size() - at - 4 < length) break;
    out.frames.emplace_back(stream.substr(at + 4, length));
    at += 4 + length;
  }
  return out;
}

void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::uint8_t control = data[0];
  const std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);
  // Low nibble: read size 1..16 bytes; high bit: a tiny limit so too_large is common.
  const std::size_t chunk = (control & 0x0F) + 1;
  const std::uint32_t limit = (control & 0x80) ? (control & 0x70) : linkedout::framing::kMaxIncoming;

  const Reference expected = reference_parse(stream, limit);

  FrameReader reader(limit);
  std::vector<std::string> got;
  bool saw_too_large = false;
  for (std::size_t at = 0; at < stream.size(); at += chunk) {
    reader.feed(stream.substr(at, chunk));
    for (;;) {
      auto result = reader.next();
      if (result.kind == Kind::need_more) break;
      if (result.kind == Kind::too_large) {
        saw_too_large = true;
        require(reader.failed());
        break;
      }
      require(!saw_too_large);
      require(result.body.size() == result.declared_length);
      require(result.body.size() <= limit);
      auto encoded = linkedout::framing::encode_frame(result.body);
      require(encoded.has_value());
      require(encoded->size() == result.body.size() + 4);
      got.push_back(std::move(result.body));
    }
    if (saw_too_large) break;
  }

  require(saw_too_large == expected.too_large);
  require(got == expected.frames);
  if (saw_too_large) {
    // Failed stays failed, whatever comes next.
    reader.feed(std::string_view("\0\0\0\0", 4));
    require(reader.next().kind == Kind::too_large);
  } else {
    // Leftover bytes exist exactly when the stream ends inside a frame.
    std::size_t consumed = 0;
    for (const auto& f : expected.frames) consumed += 4 + f.size();
    require(reader.mid_frame() == (consumed < stream.size()));
  }
  return 0;
}
