#include "protocol_replies.hpp"

namespace linkedout::protocol {

ErrorReply error_reply(const ProtocolError& error) {
  ErrorReply reply;
  reply.id = error.id;
  reply.code = std::string(to_string(error.code));
  if (!error.field.empty()) reply.field.emplace(error.field);
  reply.message = error.what();
  return reply;
}

Progress progress_reply(const linkedout::Progress& progress) {
  return {progress.done, progress.total, progress.remaining};
}

std::optional<Next> next_reply(const std::optional<NextStep>& next) {
  if (!next) return std::nullopt;
  return Next{next->step, next->url};
}

}  // namespace linkedout::protocol
