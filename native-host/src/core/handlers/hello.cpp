// `hello`: who the host is and which ruleset it carries (§4.1).
#include "handler.hpp"

namespace linkedout::handlers {

protocol::HelloReply hello(protocol::HelloRequest, HostContext& context) {
  // The request's only own field (extension_version) is informative: the reader checked it.
  protocol::HelloReply reply;
  reply.host_version = LINKEDOUT_VERSION;
  reply.protocol = protocol::kProtocolVersion;
  reply.ruleset = {context.rules.name, context.rules.version, static_cast<std::int64_t>(context.rules.settings.size())};
  return reply;
}

}  // namespace linkedout::handlers
