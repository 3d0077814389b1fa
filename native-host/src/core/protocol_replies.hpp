// Reply pieces shared by several messages (errors, progress, next), from the core's types into the
// generated reply types (protocol_messages.hpp). Each message's own reply is built in its handler.
#pragma once

#include <optional>

#include "decide.hpp"
#include "protocol.hpp"

namespace linkedout::protocol {

ErrorReply error_reply(const ProtocolError& error);
Progress progress_reply(const linkedout::Progress& progress);
std::optional<Next> next_reply(const std::optional<NextStep>& next);

}  // namespace linkedout::protocol
