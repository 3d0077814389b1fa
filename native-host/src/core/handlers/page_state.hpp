// The `page_state` request (§4.2), judged and answered; the handler is handlers::page_state.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "decide.hpp"
#include "handler.hpp"

namespace linkedout::protocol {

// A settings page URL's path, without query, fragment or trailing slash (what the ruleset's
// paths are compared with). `url` starts with kSettingsUrlPrefix.
std::string page_path(std::string_view url);

// The `verdict` reply (without `id`), taking the verdict's texts.
VerdictReply verdict_reply(Verdict&& verdict, const PageState& page);

}  // namespace linkedout::protocol

namespace linkedout::handlers {

// Judges the page on the store, records what must be recorded, returns the verdict. `ui_lang`:
// the request's, for the reasons' language.
Verdict judge_page(const PageState& page, const std::optional<std::string>& ui_lang, HostContext& context);

}  // namespace linkedout::handlers
