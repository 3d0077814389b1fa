// `report`: the same report as `linkedout-host report --format`, as a string in the reply (§4.5).
#include "handler.hpp"
#include "report.hpp"

namespace linkedout::handlers {

namespace {

// Per-setting history shown in the report, most detailed first: a report that would not fit in
// one reply drops history detail before it gives up (the dispatcher then replies too_large).
constexpr std::size_t kHistoryDetail[] = {20, 5, 0};

}  // namespace

protocol::ReportReply report(protocol::ReportRequest request, HostContext& context) {
  const std::string name(protocol::to_string(request.format));
  const auto format = report::parse_format(name);
  if (!format) throw protocol::ProtocolError(protocol::ErrorCode::internal, "no report renderer for " + name);

  const StoreData data = context.store.load();
  const std::string now = context.now();
  protocol::ReportReply reply;
  for (const std::size_t detail : kHistoryDetail) {
    const auto model = report::build_report(context.rules, data, now, {detail, request.ui_lang.value_or(""), context.local_zone});
    reply.format = name;
    reply.content = report::render(model, *format);
    if (detail != kHistoryDetail[0]) reply.truncated = true;
    // Room for the id the dispatcher adds (at most 64 characters, escaped).
    if (protocol::to_text(reply).size() + 512 <= protocol::kMaxMessageBytes) break;
  }
  return reply;
}

}  // namespace linkedout::handlers
