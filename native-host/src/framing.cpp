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

std::optional<std::string> encode_frame(std::string_view body) {
  if (body.size() > kMaxOutgoing) return std::nullopt;
  const auto length = static_cast<std::uint32_t>(body.size());
  std::string frame(kHeaderSize + body.size(), '\0');
  std::memcpy(frame.data(), &length, kHeaderSize);
  std::memcpy(frame.data() + kHeaderSize, body.data(), body.size());
  return frame;
}

}  // namespace linkedout::framing
