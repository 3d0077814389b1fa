// Message type → handler, with every failure turned into a typed `error` reply and every reply
// kept within the browsers' 1 MiB cap. No I/O of its own: the channel feeds it frame bodies.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "handlers/handler.hpp"

namespace linkedout {

class Dispatcher {
 public:
  explicit Dispatcher(HostContext& context, std::size_t max_reply = kDefaultMaxReply)
      : context_(context), max_reply_(max_reply) {}

  static constexpr std::size_t kDefaultMaxReply = 1024 * 1024;

  // One frame body in, one reply body out (never more than max_reply bytes). Never throws.
  std::string handle(std::string_view body);

  // The reply to an incoming frame over the size limit (the id cannot be read).
  std::string too_large_reply(std::uint32_t declared_length) const;

  // Serialises a reply within max_reply: a verdict's lists are cut first (with
  // "truncated": true), anything else too big becomes `too_large` with the same id.
  std::string fit(nlohmann::json reply) const;

 private:
  HostContext& context_;
  std::size_t max_reply_;
};

}  // namespace linkedout
