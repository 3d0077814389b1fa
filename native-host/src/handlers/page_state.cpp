// `page_state` → `verdict` (§4.2): judge the page, record what was seen, say what to do next.
#include "decide.hpp"
#include "handler.hpp"
#include "protocol_replies.hpp"
#include "recheck.hpp"

namespace linkedout::handlers {

namespace {

// Re-scans of an unchanged page would otherwise rewrite (and fsync) the store every time:
// an unchanged sighting only refreshes last_seen once per minute.
bool worth_writing(const StoreData& data, const Sighting& sighting, const std::string& now) {
  auto record = data.settings.find(sighting.setting);
  if (record == data.settings.end() || record->second.state != sighting.state) return true;
  return record->second.last_seen.compare(0, 16, now, 0, 16) != 0;  // YYYY-MM-DDTHH:MM
}

// Whatever the ruleset, one message adds at most this many history entries (decide() already
// gives one sighting per setting; this bounds a long custom ruleset too).
constexpr std::size_t kMaxHistoryPerMessage = 64;

}  // namespace

nlohmann::json page_state(const protocol::Envelope& request, HostContext& context) {
  const PageState page = protocol::parse_page_state(request.message);
  const std::string now = context.now();
  Verdict verdict;
  context.store.update([&](StoreData& data) {
    if (!context.history_before_session) {
      context.history_before_session = !data.settings.empty() || !data.history.empty();
    }
    verdict = decide(context.rules, page, data, DecideOptions{*context.history_before_session});
    bool write = false;
    std::size_t added = 0;
    for (const auto& sighting : verdict.sightings) {
      const auto record = data.settings.find(sighting.setting);
      const bool adds_history = record == data.settings.end() || record->second.state != sighting.state;
      if (adds_history && ++added > kMaxHistoryPerMessage) break;
      write = worth_writing(data, sighting, now) || write;
      // Where the setting lives, not the page's path: a page chooses its path (up to 2 KiB).
      const Setting* setting = context.rules.find_setting(sighting.setting);
      record_sighting(data, sighting.setting, sighting.state, setting ? setting->url() : std::string(), now);
    }
    // During a re-check, what each page read goes into the run, and unknown switches on a
    // ruleset page are kept for the report. Outside a run nothing the ruleset does not know is
    // stored: a page cannot grow the store by showing switches.
    if (data.recheck) {
      note_verdict_in_run(*data.recheck, verdict, page, now);
      note_new_controls(data.new_controls, verdict, page, now);
      write = true;
    }
    return write;
  });
  return protocol::verdict_reply(verdict, page);
}

}  // namespace linkedout::handlers
