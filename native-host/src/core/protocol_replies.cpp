#include "protocol_replies.hpp"

namespace linkedout::protocol {

using nlohmann::json;

json optional_json(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

json error_reply(const ProtocolError& error) {
  json out = {{"type", "error"}, {"id", error.id}, {"code", to_string(error.code)}};
  if (!error.field.empty()) out["field"] = error.field;
  out["message"] = error.what();
  return out;
}

json progress_json(const Progress& progress) {
  return {{"done", progress.done}, {"total", progress.total}, {"remaining", progress.remaining}};
}

json next_json(const std::optional<NextStep>& next) {
  if (!next) return nullptr;
  return {{"step", next->step}, {"url", next->url}};
}

}  // namespace linkedout::protocol
