// What every message handler sees. Adding a message type (docs/protocol.md §4): give it a request
// and a reply in the schema (the request's "x-reply" names the reply) and write handlers/<type>.cpp
// defining handlers::<type>, declared in the generated protocol_messages.hpp: it takes the typed
// request, already read and checked against the schema, and returns the typed reply. The build
// fails while a schema type and the handler files disagree (handler_list.cmake), and a handler
// missing its definition fails the link.
#pragma once

#include <functional>
#include <optional>
#include <string>

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

}  // namespace linkedout
