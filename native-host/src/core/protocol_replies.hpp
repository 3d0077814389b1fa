// Reply pieces shared by several messages (errors, progress, next, optional strings), exactly as
// docs/protocol.md shows them. Each message's own reply is built in its handler file.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "decide.hpp"
#include "protocol.hpp"

namespace linkedout::protocol {

nlohmann::json error_reply(const ProtocolError& error);
nlohmann::json progress_json(const Progress& progress);
nlohmann::json next_json(const std::optional<NextStep>& next);
nlohmann::json optional_json(const std::optional<std::string>& value);

}  // namespace linkedout::protocol
