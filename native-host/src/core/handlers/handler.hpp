// What every message handler sees, and the list of handlers the dispatcher serves.
// Adding a message type (docs/protocol.md §4): give it a request type in the schema and write
// handlers/<type>.cpp defining handlers::<type>: it parses its request (with protocol.hpp's field
// accessors), handles it and builds its reply. handler_list.hpp is generated from the schema's
// request types, and the build fails while a type and the handler files disagree.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "handler_list.hpp"  // generated: LINKEDOUT_HANDLERS(X), X(<type>) for each request type
#include "protocol.hpp"
#include "ruleset.hpp"
#include "report_text.hpp"
#include "state_store.hpp"

namespace linkedout {

// What the handlers get from outside: the core reads no clock, file or environment of its own.
struct HostContext {
  const Ruleset& rules;
  StateStore& store;
  std::function<std::string()> now;  // ISO 8601 UTC, second precision ("2026-11-25T10:00:00Z")
  // The local zone for the report's times; unset: UTC.
  report::LocalZone local_zone{};
  // Whether the store held any history before this session's first page_state (drift "new"
  // is only flagged then). Filled lazily so start-up does no disk I/O.
  std::optional<bool> history_before_session{};
};

// A handler parses its own fields (throwing protocol::ProtocolError) and returns the reply
// object without `id`; the dispatcher adds the id, catches every exception and caps the size.
// The request's envelope carries `ui_lang` (the browser's UI language) for human text.
using Handler = nlohmann::json (*)(const protocol::Envelope& request, HostContext& context);

namespace handlers {
#define LINKEDOUT_DECLARE_HANDLER(type) nlohmann::json type(const protocol::Envelope&, HostContext&);
LINKEDOUT_HANDLERS(LINKEDOUT_DECLARE_HANDLER)
#undef LINKEDOUT_DECLARE_HANDLER
}  // namespace handlers

}  // namespace linkedout
