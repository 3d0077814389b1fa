// `page_state` → `verdict` (§4.2): judge the page, record what was seen, say what to do next.
#include "page_state.hpp"

#include "protocol_replies.hpp"
#include "recheck.hpp"

namespace linkedout {

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

std::string protocol::page_path(std::string_view url) {
  std::string_view path(url);
  path.remove_prefix(std::string_view("https://www.linkedin.com").size());
  path = path.substr(0, path.find_first_of("?#"));
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return std::string(path);
}

protocol::VerdictReply protocol::verdict_reply(Verdict&& verdict, const PageState& page) {
  VerdictReply reply;
  reply.url = page.url;
  if (verdict.setting) reply.setting = verdict.setting->id;
  reply.highlight.reserve(verdict.highlight.size());
  for (auto& h : verdict.highlight) {
    auto& item = reply.highlight.emplace_back();
    item.key = std::move(h.key);
    item.setting = std::move(h.setting);
    item.action = std::move(h.action);
    item.severity = std::move(h.severity);
    item.reason = std::move(h.reason);
    item.matched_by = std::move(h.matched_by);
    item.control = static_cast<std::int64_t>(h.control);
    if (h.form) item.form = VerdictReplyHighlightForm{std::move(h.form->step), std::move(h.form->url)};
  }
  // The verdict's other lists are of the reply's own types already (decide.hpp).
  reply.ok = std::move(verdict.ok);
  reply.unknown = std::move(verdict.unknown);
  reply.drift = std::move(verdict.drift);
  reply.progress = progress_reply(verdict.progress);
  reply.next = next_reply(verdict.next);
  reply.walkthrough = {verdict.walkthrough_active, verdict.still_on};
  // Only when true: the page names a setting LinkedOut could not read (the user must act by hand).
  if (verdict.page_unreadable) reply.page_unreadable = true;
  return reply;
}

protocol::VerdictReply handlers::page_state(protocol::PageStateRequest request, HostContext& context) {
  PageState page;
  page.url = std::move(request.url);
  page.path = protocol::page_path(page.url);
  page.lang = std::move(request.lang);
  page.controls = std::move(request.controls);
  Verdict verdict = judge_page(page, request.ui_lang, context);
  return protocol::verdict_reply(std::move(verdict), page);
}

Verdict handlers::judge_page(const PageState& page, const std::optional<std::string>& ui_lang,
                             HostContext& context) {
  const std::string now = context.now();
  Verdict verdict;
  // Judged on the store as it is (the cached data, not a copy); copied and written only when
  // something must be recorded.
  context.store.update_if(
      [&](const StoreData& data) {
        if (!context.history_before_session) {
          context.history_before_session = !data.settings.empty() || !data.history.empty();
        }
        verdict = decide(context.rules, page, data, DecideOptions{*context.history_before_session, ui_lang.value_or("")});
        // During a re-check, what each page read goes into the run (always written).
        bool write = data.recheck.has_value();
        for (const auto& sighting : verdict.sightings) write = write || worth_writing(data, sighting, now);
        return write;
      },
      [&](StoreData& data) {
        std::size_t added = 0;
        for (const auto& sighting : verdict.sightings) {
          const auto record = data.settings.find(sighting.setting);
          const bool adds_history = record == data.settings.end() || record->second.state != sighting.state;
          if (adds_history && ++added > kMaxHistoryPerMessage) break;
          // Where the setting lives, not the page's path: a page chooses its path (up to 2 KiB).
          const Setting* setting = context.rules.find_setting(sighting.setting);
          record_sighting(data, sighting.setting, sighting.state, setting ? setting->url() : std::string(), now);
        }
        // During a re-check, unknown switches on a ruleset page are kept for the report. Outside
        // a run nothing the ruleset does not know is stored: a page cannot grow the store by
        // showing switches.
        if (data.recheck) {
          note_verdict_in_run(*data.recheck, verdict, page, now);
          note_new_controls(data.new_controls, verdict, page, now);
        }
      });
  return verdict;
}

}  // namespace linkedout
