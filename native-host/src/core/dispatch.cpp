#include "dispatch.hpp"


#include <array>
#include <utility>

#include "handlers/page_state.hpp"
#include "json_util.hpp"
#include "log.hpp"
#include "page_state_fast.hpp"
#include "protocol_replies.hpp"

namespace linkedout {

using nlohmann::json;
using protocol::ErrorCode;
using protocol::ProtocolError;

namespace {

struct Route {
  std::string_view type;
  Handler handler;
};

#define LINKEDOUT_ROUTE(type) Route{#type, &handlers::type},
constexpr std::array kRoutes = {LINKEDOUT_HANDLERS(LINKEDOUT_ROUTE)};
#undef LINKEDOUT_ROUTE

Handler find_handler(std::string_view type) {
  for (const auto& route : kRoutes) {
    if (route.type == type) return route.handler;
  }
  return nullptr;
}

json error_with_id(ProtocolError error, const json& id) {
  error.id = id;
  return protocol::error_reply(error);
}

// Drops items from the end of the verdict's lists (least important first) until the estimate
// fits; each item costs its own serialised size plus a comma.
void truncate_verdict(json& reply, std::size_t current_size, std::size_t limit) {
  static constexpr std::array kLists = {"unknown", "ok", "drift", "highlight"};
  constexpr std::size_t kFlagCost = sizeof(R"(,"truncated":true)");
  std::size_t size = current_size + kFlagCost;
  for (const char* name : kLists) {
    auto it = reply.find(name);
    if (it == reply.end() || !it->is_array()) continue;
    while (size > limit && !it->empty()) {
      size -= json_util::dump(it->back()).size() + 1;
      it->erase(it->size() - 1);
    }
  }
  reply["truncated"] = true;
}

}  // namespace

std::string Dispatcher::fit(json reply) const {
  std::string body = json_util::dump(reply);
  if (body.size() <= max_reply_) return body;
  if (reply.value("type", "") == "verdict") {
    truncate_verdict(reply, body.size(), max_reply_);
    body = json_util::dump(reply);
    if (body.size() <= max_reply_) return body;
  }
  core_log::write(core_log::Level::warn, "reply of " + std::to_string(body.size()) + " bytes over the " +
                                               std::to_string(max_reply_) + " byte cap");
  return json_util::dump(error_with_id(
      ProtocolError(ErrorCode::too_large, "the reply would exceed " + std::to_string(max_reply_) + " bytes"),
      reply.contains("id") ? reply["id"] : json(nullptr)));
}

std::string Dispatcher::too_large_reply(std::uint32_t declared_length) const {
  return json_util::dump(protocol::error_reply(ProtocolError(
      ErrorCode::too_large, "incoming message of " + std::to_string(declared_length) +
                                " bytes is over the 1048576 byte limit; closing the stream")));
}

std::string Dispatcher::handle(std::string_view body) {
  json id = nullptr;
  try {
    // The warm path: a plain page_state goes straight into its struct. Anything else, every
    // malformed message included, takes the strict path below, which names the error.
    if (auto fast = protocol::parse_page_state_fast(body)) {
      id = std::move(fast->id);
      const Verdict verdict = handlers::judge_page(fast->page, fast->ui_lang, context_);
      if (auto text = protocol::verdict_text(verdict, fast->page, id); text && text->size() <= max_reply_) {
        return std::move(*text);
      }
      json reply = protocol::verdict_reply(verdict, fast->page);  // cut to fit, or unusual text
      reply["id"] = id;
      return fit(std::move(reply));
    }
    protocol::Envelope request = protocol::parse_envelope(body);
    id = request.id;
    Handler handler = find_handler(request.type);
    if (!handler) {
      throw ProtocolError(ErrorCode::unknown_type, "unknown message type \"" + request.type + "\"");
    }
    json reply = handler(request, context_);
    reply["id"] = id;
    if (core_log::enabled(core_log::Level::debug))
      core_log::write(core_log::Level::debug, request.type + " → " + reply.value("type", ""));
    return fit(std::move(reply));
  } catch (ProtocolError& error) {
    if (id.is_null()) id = error.id;
    core_log::write(core_log::Level::info,
                    "refused message: " + std::string(protocol::to_string(error.code)) + " (" + error.what() + ")");
    return fit(error_with_id(std::move(error), id));
  } catch (const StoreError& error) {
    core_log::write(core_log::Level::error, std::string("state store: ") + error.what());
    return fit(error_with_id(ProtocolError(ErrorCode::store_error, error.what()), id));
  } catch (const std::exception& error) {
    core_log::write(core_log::Level::error, std::string("internal error: ") + error.what());
    return fit(error_with_id(ProtocolError(ErrorCode::internal, std::string("internal error: ") + error.what()), id));
  } catch (...) {
    core_log::write(core_log::Level::error, "internal error: unknown exception");
    return fit(error_with_id(ProtocolError(ErrorCode::internal, "internal error"), id));
  }
}

}  // namespace linkedout
