// The `page_state` request (§4.2), parsed; the handler is handlers::page_state.
#pragma once

#include <nlohmann/json.hpp>

#include "decide.hpp"

namespace linkedout::protocol {

// Validates url, lang and controls (§4.2); throws ProtocolError (bad_field, not_linkedin).
// `path` is the URL path without query, fragment or trailing slash.
PageState parse_page_state(const nlohmann::json& message);

}  // namespace linkedout::protocol
