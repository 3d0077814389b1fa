#include "framing.hpp"

#include <cstring>

namespace linkedout::framing {

void FrameReader::feed(std::string_view bytes) {
  if (failed_) return;
  // Drop what earlier frames consumed before growing, so the buffer stays one frame big.
  if (consumed_ > 0) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  buffer_.append(bytes);
}

ReadResult FrameReader::next() {
  ReadResult result;
  if (failed_) {
    result.kind = ReadResult::Kind::too_large;
    return result;
  }
  const std::size_t available = buffer_.size() - consumed_;
  if (available < kHeaderSize) return result;

  std::uint32_t length = 0;
  std::memcpy(&length, buffer_.data() + consumed_, kHeaderSize);  // native byte order
  result.declared_length = length;
  if (length > max_length_) {
    failed_ = true;
    buffer_.clear();
    consumed_ = 0;
    result.kind = ReadResult::Kind::too_large;
    return result;
  }
  if (available - kHeaderSize < length) return result;

  result.kind = ReadResult::Kind::frame;
  result.body.assign(buffer_, consumed_ + kHeaderSize, length);
  consumed_ += kHeaderSize + length;
  if (consumed_ == buffer_.size()) {
    buffer_.clear();
    consumed_ = 0;
  }
  return result;
}

bool encode_frame_into(std::string_view body, std::string& frame) {
  frame.clear();
  if (body.size() > kMaxOutgoing) return false;
  const auto length = static_cast<std::uint32_t>(body.size());
  frame.resize(kHeaderSize);
  std::memcpy(frame.data(), &length, kHeaderSize);
  frame.append(body);
  return true;
}

std::optional<std::string> encode_frame(std::string_view body) {
  std::string frame;
  if (!encode_frame_into(body, frame)) return std::nullopt;
  return frame;
}

}  // namespace linkedout::framing
