// `page_state` → `verdict` (§4.2): judge the page, record what was seen, say what to do next.
#include "page_state.hpp"

#include "json_util.hpp"
#include "protocol_replies.hpp"
#include "recheck.hpp"

namespace linkedout {

namespace {

using nlohmann::json;
using protocol::bad_field;
using protocol::optional_json;

Control parse_control(const json& item, std::size_t index) {
  const std::string where = "controls[" + std::to_string(index) + "]";
  if (!item.is_object()) bad_field(where, where + " must be an object {key, label, checked}");
  Control control;
  const std::string key_field = where + ".key";
  auto key = item.find("key");
  if (key == item.end()) bad_field(key_field, key_field + " is required (a string or null)");
  if (!key->is_null()) control.key = protocol::string_field(*key, key_field, protocol::kMaxKey, "a string or null");

  const std::string label_field = where + ".label";
  auto label = item.find("label");
  if (label == item.end()) bad_field(label_field, label_field + " is required");
  control.label = protocol::string_field(*label, label_field, protocol::kMaxLabel, "a string");

  const std::string checked_field = where + ".checked";
  auto checked = item.find("checked");
  if (checked == item.end() || !(checked->is_boolean() || checked->is_null())) {
    bad_field(checked_field, checked_field + " must be true, false or null");
  }
  if (checked->is_boolean()) control.checked = checked->get<bool>();

  // Optional: absent means the user can change it.
  auto disabled = item.find("disabled");
  if (disabled != item.end()) {
    if (!disabled->is_boolean()) bad_field(where + ".disabled", where + ".disabled must be true or false");
    control.disabled = disabled->get<bool>();
  }
  return control;
}


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

PageState protocol::parse_page_state(const json& message) {
  PageState page;
  page.url = required_string(message, "url", kMaxUrl);
  if (page.url.rfind(kSettingsUrlPrefix, 0) != 0) {
    throw ProtocolError(ErrorCode::not_linkedin,
                        "url must be a LinkedIn settings page (" + std::string(kSettingsUrlPrefix) + "...)");
  }
  page.path = page_path(page.url);

  page.lang = required_string(message, "lang", kMaxLang);
  if (!is_language_tag(page.lang)) bad_field("lang", "lang must be a BCP 47 language tag (e.g. de-DE) or empty");

  const json& controls = required(message, "controls");
  if (!controls.is_array() || controls.size() > kMaxControls) {
    bad_field("controls", "controls must be an array of at most " + std::to_string(kMaxControls) + " objects");
  }
  page.controls.reserve(controls.size());
  for (std::size_t i = 0; i < controls.size(); ++i) page.controls.push_back(parse_control(controls[i], i));
  return page;
}

std::string protocol::page_path(std::string_view url) {
  std::string_view path(url);
  path.remove_prefix(std::string_view("https://www.linkedin.com").size());
  path = path.substr(0, path.find_first_of("?#"));
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return std::string(path);
}

json protocol::verdict_reply(const Verdict& verdict, const PageState& page) {
  json highlight = json::array();
  for (const auto& h : verdict.highlight) {
    json item = {{"key", optional_json(h.key)},
                 {"setting", h.setting},
                 {"action", h.action},
                 {"severity", h.severity},
                 {"reason", h.reason},
                 {"matched_by", h.matched_by},
                 {"control", h.control}};
    if (h.form) item["form"] = {{"step", h.form->step}, {"url", h.form->url}};
    highlight.push_back(std::move(item));
  }
  json ok = json::array();
  for (const auto& o : verdict.ok) {
    ok.push_back({{"key", optional_json(o.key)}, {"setting", o.setting}, {"matched_by", o.matched_by}, {"control", o.control}});
  }
  json unknown = json::array();
  for (const auto& u : verdict.unknown) {
    unknown.push_back({{"key", optional_json(u.key)}, {"label", u.label}, {"why", u.why}, {"control", u.control}});
  }
  json drift = json::array();
  for (const auto& d : verdict.drift) drift.push_back({{"setting", d.setting}, {"kind", d.kind}});

  json reply = {{"type", "verdict"},
                {"url", page.url},
                {"setting", verdict.setting ? json(verdict.setting->id) : json(nullptr)},
                {"highlight", std::move(highlight)},
                {"ok", std::move(ok)},
                {"unknown", std::move(unknown)},
                {"drift", std::move(drift)},
                {"progress", protocol::progress_json(verdict.progress)},
                {"next", protocol::next_json(verdict.next)},
                {"walkthrough", {{"active", verdict.walkthrough_active}, {"still_on", verdict.still_on}}}};
  // Only when true: the page names a setting LinkedOut could not read (the user must act by hand).
  if (verdict.page_unreadable) reply["page_unreadable"] = true;
  return reply;
}

namespace {

// A JSON writer for verdict_text, escaping as nlohmann's dump does (ensure_ascii off): quote,
// backslash and control characters only, \u00xx in lower case for those without a short form.
class TextWriter {
 public:
  explicit TextWriter(std::string& out) : out_(out) {}
  bool ok() const { return ok_; }

  TextWriter& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  TextWriter& string(std::string_view text) {
    if (!json_util::is_valid_utf8(text)) ok_ = false;
    out_ += '"';
    for (;;) {
      const std::size_t run = json_util::plain_prefix(text);
      out_.append(text.data(), run);
      if (run == text.size()) break;
      const auto c = static_cast<unsigned char>(text[run]);
      text.remove_prefix(run + 1);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_ += '"';
    return *this;
  }
  TextWriter& optional(const std::optional<std::string>& text) { return text ? string(*text) : raw("null"); }
  TextWriter& number(int value) { return raw(std::to_string(value)); }
  TextWriter& number(std::size_t value) { return raw(std::to_string(value)); }
  TextWriter& boolean(bool value) { return raw(value ? "true" : "false"); }

 private:
  std::string& out_;
  bool ok_ = true;
};

}  // namespace

std::optional<std::string> protocol::verdict_text(const Verdict& verdict, const PageState& page, const json& id) {
  // Keys in nlohmann's order (sorted), so the text is the DOM's dump byte for byte.
  std::string out;
  out.reserve(256 + 160 * (verdict.highlight.size() + verdict.ok.size() + verdict.unknown.size()));
  TextWriter w(out);
  w.raw("{\"drift\":[");
  for (std::size_t i = 0; i < verdict.drift.size(); ++i) {
    const auto& d = verdict.drift[i];
    w.raw(i ? ",{\"kind\":" : "{\"kind\":").string(d.kind).raw(",\"setting\":").string(d.setting).raw("}");
  }
  w.raw("],\"highlight\":[");
  for (std::size_t i = 0; i < verdict.highlight.size(); ++i) {
    const auto& h = verdict.highlight[i];
    w.raw(i ? ",{\"action\":" : "{\"action\":").string(h.action).raw(",\"control\":").number(h.control);
    if (h.form) w.raw(",\"form\":{\"step\":").string(h.form->step).raw(",\"url\":").string(h.form->url).raw("}");
    w.raw(",\"key\":").optional(h.key).raw(",\"matched_by\":").string(h.matched_by);
    w.raw(",\"reason\":").string(h.reason).raw(",\"setting\":").string(h.setting);
    w.raw(",\"severity\":").string(h.severity).raw("}");
  }
  w.raw("],\"id\":").raw(json_util::dump(id)).raw(",\"next\":");
  if (verdict.next) {
    w.raw("{\"step\":").string(verdict.next->step).raw(",\"url\":").string(verdict.next->url).raw("}");
  } else {
    w.raw("null");
  }
  w.raw(",\"ok\":[");
  for (std::size_t i = 0; i < verdict.ok.size(); ++i) {
    const auto& o = verdict.ok[i];
    w.raw(i ? ",{\"control\":" : "{\"control\":").number(o.control);
    w.raw(",\"key\":").optional(o.key).raw(",\"matched_by\":").string(o.matched_by);
    w.raw(",\"setting\":").string(o.setting).raw("}");
  }
  w.raw("]");
  if (verdict.page_unreadable) w.raw(",\"page_unreadable\":true");
  w.raw(",\"progress\":{\"done\":").number(verdict.progress.done);
  w.raw(",\"remaining\":").number(verdict.progress.remaining).raw(",\"total\":").number(verdict.progress.total);
  w.raw("},\"setting\":");
  if (verdict.setting) {
    w.string(verdict.setting->id);
  } else {
    w.raw("null");
  }
  w.raw(",\"type\":\"verdict\",\"unknown\":[");
  for (std::size_t i = 0; i < verdict.unknown.size(); ++i) {
    const auto& u = verdict.unknown[i];
    w.raw(i ? ",{\"control\":" : "{\"control\":").number(u.control);
    w.raw(",\"key\":").optional(u.key).raw(",\"label\":").string(u.label);
    w.raw(",\"why\":").string(u.why).raw("}");
  }
  w.raw("],\"url\":").string(page.url).raw(",\"walkthrough\":{\"active\":").boolean(verdict.walkthrough_active);
  w.raw(",\"still_on\":").number(verdict.still_on).raw("}}");
  if (!w.ok()) return std::nullopt;
  return out;
}

json handlers::page_state(const protocol::Envelope& request, HostContext& context) {
  const PageState page = protocol::parse_page_state(request.message);
  return protocol::verdict_reply(judge_page(page, request.ui_lang, context), page);
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
