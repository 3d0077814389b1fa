// `page_state` → `verdict` (§4.2): judge the page, record what was seen, say what to do next.
#include "decide.hpp"
#include "handler.hpp"
#include "protocol_replies.hpp"

namespace linkedout::handlers {

namespace {

// Re-scans of an unchanged page would otherwise rewrite (and fsync) the store every time:
// an unchanged sighting only refreshes last_seen once per minute.
bool worth_writing(const StoreData& data, const Sighting& sighting, const std::string& now) {
  auto record = data.settings.find(sighting.setting);
  if (record == data.settings.end() || record->second.state != sighting.state) return true;
  return record->second.last_seen.compare(0, 16, now, 0, 16) != 0;  // YYYY-MM-DDTHH:MM
}

}  // namespace

nlohmann::json page_state(const protocol::Envelope& request, HostContext& context) {
  const PageState page = protocol::parse_page_state(request.message);
  const std::string now = context.now();
  const std::string seen_at = "https://www.linkedin.com" + page.path;
  Verdict verdict;
  context.store.update([&](StoreData& data) {
    if (!context.history_before_session) {
      context.history_before_session = !data.settings.empty() || !data.history.empty();
    }
    verdict = decide(context.rules, page, data, DecideOptions{*context.history_before_session});
    bool write = false;
    for (const auto& sighting : verdict.sightings) {
      write = worth_writing(data, sighting, now) || write;
      record_sighting(data, sighting.setting, sighting.state, seen_at, now);
    }
    return write;
  });
  return protocol::verdict_reply(verdict, page);
}

}  // namespace linkedout::handlers
