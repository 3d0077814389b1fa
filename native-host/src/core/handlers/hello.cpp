// `hello`: who the host is and which ruleset it carries (§4.1).
#include "handler.hpp"

namespace linkedout::handlers {

nlohmann::json hello(const protocol::Envelope& request, HostContext& context) {
  // The only field is optional and informative: checked, not used.
  protocol::optional_string(request.message, "extension_version", protocol::kMaxVersion);
  return {{"type", "hello"},
          {"host_version", LINKEDOUT_VERSION},
          {"protocol", protocol::kProtocolVersion},
          {"ruleset",
           {{"name", context.rules.name},
            {"version", context.rules.version},
            {"count", context.rules.settings.size()}}}};
}

}  // namespace linkedout::handlers
