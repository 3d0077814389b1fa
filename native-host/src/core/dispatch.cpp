#include "dispatch.hpp"

#include <array>
#include <utility>
#include <variant>

#include "handler_list.hpp"
#include "log.hpp"
#include "protocol_replies.hpp"

namespace linkedout {

using nlohmann::json;
using protocol::ErrorCode;
using protocol::ProtocolError;

namespace {

// The two generated lists agree: one handler file per request type (handler_list.cmake), one
// alternative per request type (protocol_codegen.py).
#define LINKEDOUT_COUNT(type) +1
static_assert(std::variant_size_v<protocol::Request> == 0 LINKEDOUT_HANDLERS(LINKEDOUT_COUNT));
#undef LINKEDOUT_COUNT

// Drops items from the end of the verdict's lists (least important first) until the estimate
// fits; each item costs its own serialised size plus a comma.
template <class List>
void drop_until_fits(List& list, std::size_t& size, std::size_t limit) {
  while (size > limit && !list.empty()) {
    size -= protocol::to_text(list.back()).size() + 1;
    list.pop_back();
  }
}

}  // namespace

std::string Dispatcher::fit(protocol::VerdictReply reply) const {
  std::string body = protocol::to_text(reply);
  if (body.size() <= max_reply_) return body;
  constexpr std::size_t kFlagCost = sizeof(R"(,"truncated":true)");
  std::size_t size = body.size() + kFlagCost;
  drop_until_fits(reply.unknown, size, max_reply_);
  drop_until_fits(reply.ok, size, max_reply_);
  drop_until_fits(reply.drift, size, max_reply_);
  drop_until_fits(reply.highlight, size, max_reply_);
  reply.truncated = true;
  body = protocol::to_text(reply);
  return body.size() <= max_reply_ ? body : too_large(body.size(), reply.id);
}

std::string Dispatcher::too_large(std::size_t size, const json& id) const {
  core_log::write(core_log::Level::warn, "reply of " + std::to_string(size) + " bytes over the " +
                                               std::to_string(max_reply_) + " byte cap");
  return error_text(ProtocolError(ErrorCode::too_large, "the reply would exceed " + std::to_string(max_reply_) + " bytes"), id);
}

std::string Dispatcher::error_text(ProtocolError error, const json& id) const {
  error.id = id;
  return fit(protocol::error_reply(error));
}

std::string Dispatcher::too_large_reply(std::uint32_t declared_length) const {
  return protocol::to_text(protocol::error_reply(ProtocolError(
      ErrorCode::too_large, "incoming message of " + std::to_string(declared_length) + " bytes is over the " +
                                std::to_string(protocol::kMaxMessageBytes) + " byte limit; closing the stream")));
}

std::string Dispatcher::handle(std::string_view body) {
  json id = nullptr;
  try {
    protocol::Request request = protocol::read_request(body);
    id = protocol::request_id(request);
    if (core_log::enabled(core_log::Level::debug))
      core_log::write(core_log::Level::debug, std::string(protocol::request_type(request)));
    return protocol::handle_request(std::move(request), context_, [&](auto&& reply) { return fit(std::move(reply)); });
  } catch (ProtocolError& error) {
    if (id.is_null()) id = error.id;
    core_log::write(core_log::Level::info,
                    "refused message: " + std::string(protocol::to_string(error.code)) + " (" + error.what() + ")");
    return error_text(std::move(error), id);
  } catch (const StoreBusy& error) {
    core_log::write(core_log::Level::warn, std::string("state store: ") + error.what());
    return error_text(ProtocolError(ErrorCode::store_busy, error.what()), id);
  } catch (const StoreError& error) {
    core_log::write(core_log::Level::error, std::string("state store: ") + error.what());
    return error_text(ProtocolError(ErrorCode::store_error, error.what()), id);
  } catch (const std::exception& error) {
    core_log::write(core_log::Level::error, std::string("internal error: ") + error.what());
    return error_text(ProtocolError(ErrorCode::internal, std::string("internal error: ") + error.what()), id);
  } catch (...) {
    core_log::write(core_log::Level::error, "internal error: unknown exception");
    return error_text(ProtocolError(ErrorCode::internal, "internal error"), id);
  }
}

}  // namespace linkedout
