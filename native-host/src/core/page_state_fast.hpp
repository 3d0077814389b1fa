// The warm path's parser: one pass over a `page_state` frame body straight into PageState, with
// no JSON DOM (a DOM round trip through nlohmann cost more than the rest of the host's work per
// message; docs/performance.md). It takes only the plain shape the extension sends —
// {type, id, url, lang, controls: [{key, label, checked}], ui_lang}, no other fields, no \u escapes —
// and only when every limit of §4.2 holds. For anything else it returns nullopt and the
// dispatcher takes the strict path (parse_envelope + parse_page_state), which says what is wrong:
// this parser never produces an error itself, so the typed errors and their order stay the
// strict path's. tests/host/test_page_state_fast.cpp checks that both paths read every message
// the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "decide.hpp"

namespace linkedout::protocol {

struct FastPageState {
  nlohmann::json id;  // null, or the integer or string id, as parse_envelope reads it
  std::optional<std::string> ui_lang;  // as parse_envelope reads it
  PageState page;
};

std::optional<FastPageState> parse_page_state_fast(std::string_view body);

}  // namespace linkedout::protocol
