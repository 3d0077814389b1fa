// The `page_state` request (§4.2), parsed, judged and answered; the handler is handlers::page_state.
// The typed pieces are public for the dispatcher's warm path (page_state_fast.hpp): a page read
// without a DOM is judged by judge_page and answered by verdict_text, with no JSON DOM between.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "decide.hpp"
#include "handler.hpp"

namespace linkedout::protocol {

// Validates url, lang and controls (§4.2); throws ProtocolError (bad_field, not_linkedin).
// `path` is the URL path without query, fragment or trailing slash.
PageState parse_page_state(const nlohmann::json& message);

// A settings page URL's path, without query, fragment or trailing slash (what the ruleset's
// paths are compared with). `url` starts with kSettingsUrlPrefix.
std::string page_path(std::string_view url);

// The `verdict` reply, without `id`.
nlohmann::json verdict_reply(const Verdict& verdict, const PageState& page);
// The same reply with `id`, written straight to text: byte for byte what dumping verdict_reply
// (plus the id) gives, without building the DOM. nullopt when a text is not valid UTF-8 (the DOM
// path then replaces the bad bytes as it always did).
std::optional<std::string> verdict_text(const Verdict& verdict, const PageState& page, const nlohmann::json& id);

}  // namespace linkedout::protocol

namespace linkedout::handlers {

// Judges the page on the store, records what must be recorded, returns the verdict. `ui_lang`:
// the envelope's (both paths pass it, so a reply that follows it is the same on both).
Verdict judge_page(const PageState& page, const std::optional<std::string>& ui_lang, HostContext& context);

}  // namespace linkedout::handlers
