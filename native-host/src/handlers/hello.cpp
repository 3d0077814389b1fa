// `hello`: who the host is and which ruleset it carries (§4.1).
#include "handler.hpp"

namespace linkedout::handlers {

nlohmann::json hello(const protocol::Envelope& request, HostContext& context) {
  protocol::parse_hello(request.message);  // validates the optional fields
  return {{"type", "hello"},
          {"host_version", LINKEDOUT_VERSION},
          {"protocol", protocol::kProtocolVersion},
          {"ruleset",
           {{"name", context.rules.name},
            {"version", context.rules.version},
            {"count", context.rules.settings.size()}}}};
}

}  // namespace linkedout::handlers
