// Frame body → reply body, on one path for every message: the UTF-8 check and the generated
// reader (protocol_messages.hpp: no DOM), the request's handler, the generated writer. Every
// failure becomes a typed `error` reply and every reply is kept within the browsers' 1 MiB cap.
// No I/O of its own: the channel feeds it frame bodies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "handlers/handler.hpp"

namespace linkedout {

class Dispatcher {
 public:
  explicit Dispatcher(HostContext& context, std::size_t max_reply = kDefaultMaxReply)
      : context_(context), max_reply_(max_reply) {}

  static constexpr std::size_t kDefaultMaxReply = protocol::kMaxMessageBytes;

  // One frame body in, one reply body out (never more than max_reply bytes). Never throws.
  std::string handle(std::string_view body);

  // The reply to an incoming frame over the size limit (the id cannot be read).
  std::string too_large_reply(std::uint32_t declared_length) const;

  // A reply's text within max_reply: a verdict's lists are cut first (with "truncated": true),
  // anything else too big becomes `too_large` with the same id.
  std::string fit(protocol::VerdictReply reply) const;
  template <class Reply>
  std::string fit(const Reply& reply) const {
    std::string body = protocol::to_text(reply);
    return body.size() <= max_reply_ ? body : too_large(body.size(), reply.id);
  }

 private:
  std::string too_large(std::size_t size, const nlohmann::json& id) const;
  std::string error_text(protocol::ProtocolError error, const nlohmann::json& id) const;

  HostContext& context_;
  std::size_t max_reply_;
};

}  // namespace linkedout
