// The part of doctor's host probe that is the same on every OS: reading the host's one reply.
#include <nlohmann/json.hpp>

#include "cli/host_probe.hpp"

namespace linkedout::cli {

ProbeResult judge_hello_reply(const std::string& reply) {
  const auto doc = nlohmann::json::parse(reply, nullptr, /*allow_exceptions=*/false);
  if (!doc.is_object()) return {false, "the host answered something that is not a JSON object"};
  const auto text = [&doc](const char* key) {
    const auto it = doc.find(key);
    return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string("?");
  };
  if (text("type") == "hello") return {true, ""};
  if (text("type") == "error") return {false, "the host answered error " + text("code") + ": " + text("message")};
  return {false, "the host answered " + text("type") + " instead of hello"};
}

}  // namespace linkedout::cli
