#include "report.hpp"

#include <algorithm>
#include <charconv>
#include <concepts>
#include <nlohmann/json.hpp>

#include "decide.hpp"
#include "report_text.hpp"
#include "ruleset_text.hpp"

namespace linkedout::report {

using nlohmann::json;

namespace {

// The Markdown and HTML reports are written into one string. Not std::ostringstream: streams bring
// libc++'s locales and iostreams (326 functions, 58 KB of code) into the WebAssembly core, which
// the browser decodes at every service-worker wake (docs/performance.md §8, round 6). Integers are
// written as the classic locale writes them: decimal, no grouping.
class TextOut {
 public:
  TextOut& operator<<(std::string_view text) {
    text_.append(text);
    return *this;
  }
  TextOut& operator<<(char c) {
    text_.push_back(c);
    return *this;
  }
  TextOut& operator<<(std::integral auto number) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    text_.append(digits, end);
    return *this;
  }
  std::string str() && { return std::move(text_); }

 private:
  std::string text_;
};

std::optional<std::string> non_empty(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}

SettingRow setting_row(const Setting& setting, const Step& step, const StoreData& data, std::size_t max_changes,
                       std::string_view lang) {
  SettingRow row;
  row.id = setting.id;
  row.title = step.title;
  row.url = setting.url();
  row.severity = setting.severity;
  row.desired = setting.desired;
  row.reason = setting_reason(setting, lang);
  row.state = step.state;
  row.drift = step.drift;
  row.needs_action = step.needs_action;
  if (const auto record = data.settings.find(setting.id); record != data.settings.end()) {
    row.first_seen = non_empty(record->second.first_seen);
    row.last_seen = non_empty(record->second.last_seen);
    row.last_changed = non_empty(record->second.last_changed);
  }
  row.seen_outside_region = row.state == "not_in_region" && row.last_seen.has_value();
  for (const auto& entry : data.history) {
    if (entry.setting == setting.id) row.changes.push_back({entry.at, entry.from, entry.to});
  }
  if (row.changes.size() > max_changes) {
    row.changes_omitted = row.changes.size() - max_changes;
    row.changes.erase(row.changes.begin(), row.changes.begin() + static_cast<std::ptrdiff_t>(row.changes_omitted));
  }
  return row;
}

FormRow form_row(const Form& form, const Step& step) {
  return {form.id, step.title, form.url, form.severity, step.guidance, step.state, step.done_at, step.needs_action};
}

std::string_view say(const Report& report, Phrase which) { return phrase(which, report.lang); }

std::string readable_time(const Report& report, const std::string& iso) { return local_time(iso, report.lang, report.zone); }

std::string readable_time(const Report& report, const std::optional<std::string>& iso) {
  return iso ? readable_time(report, *iso) : "—";
}

std::string severity_name(const Report& report, std::string_view severity) {
  if (severity == "ai-training") return std::string(say(report, Phrase::kind_ai_training));
  if (severity == "ads") return std::string(say(report, Phrase::kind_ads));
  return std::string(say(report, Phrase::kind_other));
}

// A state word of the history (on, off, todo, done) in the report's language.
std::string state_word(const Report& report, const std::string& state) {
  if (state == "on") return std::string(say(report, Phrase::word_on));
  if (state == "off") return std::string(say(report, Phrase::word_off));
  if (state == "todo") return std::string(say(report, Phrase::word_todo));
  if (state == "done") return std::string(say(report, Phrase::word_done));
  return state;
}

std::string change_text(const Report& report, const Change& change) {
  if (change.from.empty()) return fill(say(report, Phrase::first_seen), {state_word(report, change.to)});
  return state_word(report, change.from) + " → " + state_word(report, change.to);
}

std::string region_text(const Report& report) {
  if (!report.region) return std::string(say(report, Phrase::region_unset));
  return report.region_name.empty() ? *report.region : *report.region + " — " + report.region_name;
}

std::string hint_text(const Report& report, const RegionHint& hint) {
  std::string regions;
  for (const auto& code : hint.ruled_out) regions += (regions.empty() ? "" : ", ") + code;
  std::string name = hint.evidence;
  for (const auto& row : report.settings) {
    if (row.id == hint.evidence) name = row.title;
  }
  return fill(say(report, Phrase::hint), {name, regions});
}

// The re-check lines (issue 16), shared by the Markdown and HTML reports.
std::string last_check_text(const Report& report) {
  if (!report.check.last_full_check) return std::string(say(report, Phrase::no_full_check));
  std::string text = fill(say(report, Phrase::last_full_check), {readable_time(report, *report.check.last_full_check)});
  if (report.check.last_check_in_future) text += " " + std::string(say(report, Phrase::clock_ahead));
  return text;
}

std::string next_check_text(const Report& report) {
  const auto& check = report.check;
  if (!check.reminder_days) return std::string(say(report, Phrase::reminder_off));
  const std::string days = std::to_string(*check.reminder_days);
  if (check.due_reason == "ruleset_changed") return fill(say(report, Phrase::due_ruleset_changed), {days});
  if (check.due) return fill(say(report, Phrase::due_now), {days});
  return fill(say(report, Phrase::next_due), {readable_time(report, check.next_due), days});
}

std::string joined_titles(const Report& report, const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) {
    std::string title = id;
    for (const auto& row : report.settings)
      if (row.id == id) title = row.title;
    out += (out.empty() ? "" : ", ") + title;
  }
  return out;
}

// One line per finding of the latest re-check, "all off" when it found nothing to do.
std::vector<std::string> last_check_findings(const Report& report) {
  std::vector<std::string> lines;
  if (!report.last_check) return lines;
  const CheckRecord& c = *report.last_check;
  if (!c.on.empty()) lines.push_back(fill(say(report, Phrase::came_back_on), {joined_titles(report, c.on)}));
  if (!c.unreadable.empty()) lines.push_back(fill(say(report, Phrase::could_not_read), {joined_titles(report, c.unreadable)}));
  if (!c.unchecked.empty()) lines.push_back(fill(say(report, Phrase::not_reached), {joined_titles(report, c.unchecked)}));
  if (!c.new_controls.empty()) {
    lines.push_back(fill(say(report, c.new_controls.size() == 1 ? Phrase::new_switch_one : Phrase::new_switches),
                         {std::to_string(c.new_controls.size())}));
  }
  if (lines.empty()) lines.push_back(std::string(say(report, Phrase::all_off)));
  return lines;
}

std::string generated_text(const Report& report) {
  return fill(say(report, Phrase::generated), {readable_time(report, report.generated_at), report.host_version,
                                               report.ruleset_name + " " + report.ruleset_version});
}

// ---- Markdown ----

// Table cells, and every text from the ruleset or the store (timestamps included: the store is a
// file anyone with the user's rights can edit): a pipe or a line break would end the cell; <, > and
// & are escaped so a viewer that renders inline HTML shows the text as text.
std::string md_cell(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '|': out += "\\|"; break;
      case '\n': case '\r': out += ' '; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '*': case '_': case '`': case '[': case ']': out += '\\'; out += c; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string state_text(const Report& report, const SettingRow& row) {
  if (row.state == "off") return std::string(say(report, Phrase::state_off));
  if (row.state == "on") return std::string(say(report, row.drift ? Phrase::state_on_again : Phrase::state_on));
  if (row.state == "unseen") return std::string(say(report, Phrase::state_unseen));
  if (row.state == "not_in_region") return std::string(say(report, Phrase::state_not_in_region));
  return row.state;
}

std::string form_state_text(const Report& report, const FormRow& row) {
  if (row.state == "done") return fill(say(report, Phrase::form_done), {local_date(row.done_at.value_or("?"), report.lang)});
  if (row.state == "todo") return std::string(say(report, Phrase::form_todo));
  if (row.state == "not_in_region") return std::string(say(report, Phrase::state_not_in_region));
  return row.state;
}

std::string summary_text(const Report& report) {
  if (report.total == 0) return std::string(say(report, Phrase::summary_nothing));
  if (report.needs_action() == 0) return fill(say(report, Phrase::summary_all), {std::to_string(report.total)});
  return fill(say(report, Phrase::summary_some), {std::to_string(report.needs_action()), std::to_string(report.total)});
}

std::optional<Format> parse_format(std::string_view name) {
  if (name == "md") return Format::md;
  if (name == "html") return Format::html;
  if (name == "json") return Format::json;
  return std::nullopt;
}

std::string_view to_string(Format format) {
  switch (format) {
    case Format::md: return "md";
    case Format::html: return "html";
    case Format::json: return "json";
  }
  return "md";
}

std::optional<RegionHint> infer_region(const Ruleset& rules, const StoreData& data) {
  if (data.region) return std::nullopt;
  for (const auto& setting : rules.settings) {
    const auto record = data.settings.find(setting.id);
    if (record == data.settings.end() || record->second.last_seen.empty()) continue;
    RegionHint hint{setting.id, {}};
    for (const auto& [code, description] : rules.regions) {
      if (!setting.shown_in(code)) hint.ruled_out.push_back(code);
    }
    if (!hint.ruled_out.empty()) return hint;
  }
  return std::nullopt;
}

Report build_report(const Ruleset& rules, const StoreData& data, std::string now_iso, const BuildOptions& options) {
  Report report;
  report.lang = text_language(options.lang);
  report.zone = options.zone;
  report.generated_at = std::move(now_iso);
  report.host_version = LINKEDOUT_VERSION;
  report.ruleset_name = rules.name;
  report.ruleset_version = rules.version;
  report.region = data.region;
  if (data.region) report.region_name = region_name(rules, *data.region, report.lang);
  report.region_hint = infer_region(rules, data);
  report.corrupt_files = data.corrupt_files;

  // The plan is the one source of each step's state, so the report says what the popup says.
  const Plan plan = plan_walkthrough(rules, data, {}, report.lang);
  for (const auto& step : plan.steps) {
    if (step.kind == "toggle") {
      if (const Setting* setting = rules.find_setting(step.id)) {
        report.settings.push_back(setting_row(*setting, step, data, options.max_changes, report.lang));
      }
    } else if (const Form* form = rules.find_form(step.id)) {
      report.forms.push_back(form_row(*form, step));
    }
  }
  report.done = plan.progress.done;
  report.total = plan.progress.total;
  report.check = check_schedule(data, rules.version, report.generated_at);
  if (!data.checks.empty()) report.last_check = data.checks.back();
  report.new_controls = data.new_controls;
  return report;
}

std::string render_json(const Report& report) {
  const auto opt = [](const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); };
  json settings = json::array();
  for (const auto& row : report.settings) {
    json changes = json::array();
    for (const auto& change : row.changes) {
      changes.push_back({{"at", change.at}, {"from", change.from.empty() ? json(nullptr) : json(change.from)}, {"to", change.to}});
    }
    settings.push_back({{"id", row.id},
                        {"title", row.title},
                        {"url", row.url},
                        {"severity", row.severity},
                        {"desired", row.desired},
                        {"state", row.state},
                        {"needs_action", row.needs_action},
                        {"drift", row.drift ? json("re-enabled") : json(nullptr)},
                        {"seen_outside_region", row.seen_outside_region},
                        {"first_seen", opt(row.first_seen)},
                        {"last_seen", opt(row.last_seen)},
                        {"last_changed", opt(row.last_changed)},
                        {"changes", std::move(changes)},
                        {"changes_omitted", row.changes_omitted},
                        {"reason", row.reason}});
  }
  json forms = json::array();
  for (const auto& row : report.forms) {
    forms.push_back({{"id", row.id},
                     {"title", row.title},
                     {"url", row.url},
                     {"severity", row.severity},
                     {"state", row.state},
                     {"needs_action", row.needs_action},
                     {"done_at", opt(row.done_at)},
                     {"guidance", row.guidance}});
  }
  json hint = nullptr;
  if (report.region_hint) hint = {{"evidence", report.region_hint->evidence}, {"ruled_out", report.region_hint->ruled_out}};
  // The walkthrough reply's `check` without `running`; its run as the store keeps it (new switches
  // with their dates), without the store's bookkeeping.
  json check = check_schedule_json(report.check);
  check["last"] = nullptr;
  if (report.last_check) {
    check["last"] = check_record_json(*report.last_check, /*for_protocol=*/false);
    check["last"].erase("ruleset_version");
  }
  return json{{"report", "linkedout"},
              {"lang", report.lang},
              {"generated_at", report.generated_at},
              {"host_version", report.host_version},
              {"ruleset", {{"name", report.ruleset_name}, {"version", report.ruleset_version}}},
              {"region", opt(report.region)},
              {"region_name", report.region_name},
              {"region_hint", std::move(hint)},
              {"summary", {{"done", report.done}, {"total", report.total}, {"needs_action", report.needs_action()}}},
              {"settings", std::move(settings)},
              {"forms", std::move(forms)},
              {"corrupt_files", report.corrupt_files},
              {"check", std::move(check)},
              {"new_controls", new_controls_json(report.new_controls, /*for_protocol=*/false)}}
             .dump(2, ' ', false, json::error_handler_t::replace) +
         "\n";
}

std::string render_markdown(const Report& report) {
  const auto t = [&](Phrase which) { return md_cell(say(report, which)); };
  TextOut out;
  out << "# " << t(Phrase::title) << "\n\n"
      << md_cell(generated_text(report)) << "\n\n"
      << t(Phrase::region) << " " << md_cell(region_text(report)) << "\n\n";
  if (report.region_hint) out << "> " << md_cell(hint_text(report, *report.region_hint)) << "\n\n";
  out << "**" << md_cell(summary_text(report)) << "**\n\n";

  out << "## " << t(Phrase::recheck_heading) << "\n\n"
      << md_cell(last_check_text(report)) << " " << md_cell(next_check_text(report)) << "\n\n";
  if (report.last_check) {
    out << md_cell(fill(say(report, Phrase::latest_recheck), {readable_time(report, report.last_check->ended_at)})) << "\n";
    for (const auto& line : last_check_findings(report)) out << "- " << md_cell(line) << "\n";
    out << "\n";
  }
  if (!report.new_controls.empty()) {
    out << "### " << t(Phrase::new_heading) << "\n\n" << t(Phrase::new_intro) << "\n\n";
    for (const auto& c : report.new_controls) {
      out << "- "
          << md_cell(fill(say(report, Phrase::new_control),
                          {c.label, "https://www.linkedin.com" + c.page, readable_time(report, c.first_seen)}))
          << "\n";
    }
    out << "\n";
  }

  out << "## " << t(Phrase::settings_heading) << "\n\n"
      << "| " << t(Phrase::col_setting) << " | " << t(Phrase::col_kind) << " | " << t(Phrase::col_state) << " | "
      << t(Phrase::col_needs_action) << " | " << t(Phrase::col_last_seen) << " | " << t(Phrase::col_last_changed) << " |\n"
      << "|---|---|---|---|---|---|\n";
  for (const auto& row : report.settings) {
    out << "| [" << md_cell(row.title) << "](" << row.url << ") | " << md_cell(severity_name(report, row.severity)) << " | "
        << md_cell(state_text(report, row)) << " | "
        << (row.needs_action ? "**" + t(Phrase::yes) + "**" : t(Phrase::no)) << " | "
        << md_cell(readable_time(report, row.last_seen)) << " | " << md_cell(readable_time(report, row.last_changed)) << " |\n";
  }

  out << "\n## " << t(Phrase::forms_heading) << "\n\n";
  for (const auto& row : report.forms) {
    out << "- **" << md_cell(row.title) << "** (" << row.url << "): " << md_cell(form_state_text(report, row)) << "\n";
    if (row.state != "done") out << "  " << md_cell(row.guidance) << "\n";
  }

  out << "\n## " << t(Phrase::history_heading) << "\n\n";
  bool any = false;
  for (const auto& row : report.settings) {
    if (row.changes.empty()) continue;
    any = true;
    out << "- " << md_cell(row.title) << ": ";
    if (row.changes_omitted) out << md_cell(fill(say(report, Phrase::earlier_changes), {std::to_string(row.changes_omitted)})) << "; ";
    for (std::size_t i = 0; i < row.changes.size(); ++i) {
      out << (i ? "; " : "") << md_cell(readable_time(report, row.changes[i].at)) << " "
          << md_cell(change_text(report, row.changes[i]));
    }
    out << "\n";
    if (row.seen_outside_region) out << "  " << t(Phrase::seen_outside_region) << "\n";
  }
  if (!any) out << t(Phrase::nothing_seen) << "\n";

  if (!report.corrupt_files.empty()) {
    out << "\n## " << t(Phrase::kept_aside_heading) << "\n\n";
    for (const auto& name : report.corrupt_files) out << "- " << md_cell(name) << "\n";
  }
  return std::move(out).str();
}

std::string escape_html(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"css(
:root { color-scheme: light dark; --fg: #1d2226; --bg: #fff; --muted: #5e6a75; --line: #d0d7de;
  --on: #b3261e; --on-bg: #fdecea; --off: #1e6b34; --off-bg: #e8f5ec; --todo: #7a4f01; --todo-bg: #fff4d6; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ec; --bg: #16191c; --muted: #9aa5b1; --line: #3a4148;
  --on: #ff8a80; --on-bg: #3b1512; --off: #7ee2a0; --off-bg: #10301c; --todo: #ffd27a; --todo-bg: #3a2b05; } }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: .2rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
.meta, .muted { color: var(--muted); } .summary { font-size: 1.1rem; font-weight: 600; }
.hint { border-left: 4px solid var(--todo); padding: .4rem .8rem; background: var(--todo-bg); }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .4rem .5rem;
  border-bottom: 1px solid var(--line); vertical-align: top; }
tr { break-inside: avoid; } .state { font-weight: 600; white-space: nowrap; }
tr[data-state="on"] .state { color: var(--on); } tr[data-state="on"] { background: var(--on-bg); }
tr[data-state="off"] .state, li[data-state="done"] .state { color: var(--off); }
li[data-state="todo"] .state { color: var(--todo); }
.reason, .guidance { font-size: .9rem; color: var(--muted); margin: .2rem 0 0; }
ul.changes { margin: .2rem 0 0; padding-left: 1.2rem; font-size: .9rem; }
a { color: inherit; }
@media print { :root { --fg: #000; --bg: #fff; --muted: #333; --on-bg: #fff; --todo-bg: #fff; }
  body { margin: 0; max-width: none; font-size: 11pt; } a { text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: 8pt; color: #333; word-break: break-all; }
  tr[data-state="on"] { outline: 2px solid #000; } h2 { break-after: avoid; } }
)css";

void html_changes(TextOut& out, const Report& report, const SettingRow& row) {
  if (row.changes.empty()) return;
  out << "<ul class=\"changes\">";
  if (row.changes_omitted) {
    out << "<li class=\"muted\">"
        << escape_html(fill(phrase(Phrase::earlier_changes, report.lang), {std::to_string(row.changes_omitted)})) << "</li>";
  }
  for (const auto& change : row.changes) {
    out << "<li><time datetime=\"" << escape_html(change.at) << "\">" << escape_html(readable_time(report, change.at))
        << "</time> " << escape_html(change_text(report, change)) << "</li>";
  }
  out << "</ul>";
}

}  // namespace

std::string render_html(const Report& report) {
  const auto t = [&](Phrase which) { return escape_html(say(report, which)); };
  TextOut out;
  out << "<!doctype html>\n<html lang=\"" << escape_html(report.lang) << "\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // The file may be opened anywhere: forbid every load and script, whatever the viewer.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      << "<title>" << t(Phrase::title) << " " << escape_html(local_date(report.generated_at.substr(0, 10), report.lang))
      << "</title>\n"
      << "<style>" << kStyle << "</style>\n</head>\n<body>\n"
      << "<h1>" << t(Phrase::title) << "</h1>\n"
      << "<p class=\"meta\">"
      << fill(escape_html(say(report, Phrase::generated)),
              {"<time datetime=\"" + escape_html(report.generated_at) + "\">" +
                   escape_html(readable_time(report, report.generated_at)) + "</time>",
               escape_html(report.host_version), escape_html(report.ruleset_name + " " + report.ruleset_version)})
      << "</p>\n"
      << "<p>" << t(Phrase::region) << " <strong id=\"region\">" << escape_html(region_text(report)) << "</strong></p>\n";
  if (report.region_hint) out << "<p class=\"hint\" id=\"region-hint\">" << escape_html(hint_text(report, *report.region_hint)) << "</p>\n";
  out << "<p class=\"summary\" id=\"summary\" data-done=\"" << report.done << "\" data-total=\"" << report.total << "\">"
      << escape_html(summary_text(report)) << "</p>\n";

  out << "<h2>" << t(Phrase::recheck_heading) << "</h2>\n<p id=\"check\" data-due=\""
      << (report.check.due ? "true" : "false") << "\">" << escape_html(last_check_text(report)) << " "
      << escape_html(next_check_text(report)) << "</p>\n";
  if (report.last_check) {
    out << "<p>"
        << fill(escape_html(say(report, Phrase::latest_recheck)),
                {"<time datetime=\"" + escape_html(report.last_check->ended_at) + "\">" +
                 escape_html(readable_time(report, report.last_check->ended_at)) + "</time>"})
        << "</p>\n<ul id=\"last-check\">";
    for (const auto& line : last_check_findings(report)) out << "<li>" << escape_html(line) << "</li>";
    out << "</ul>\n";
  }
  if (!report.new_controls.empty()) {
    out << "<h3>" << t(Phrase::new_heading) << "</h3>\n<p>" << t(Phrase::new_intro) << "</p>\n<ul id=\"new-controls\">";
    for (const auto& c : report.new_controls) {
      out << "<li>"
          << fill(escape_html(say(report, Phrase::new_control)),
                  {escape_html(c.label),
                   "<a href=\"https://www.linkedin.com" + escape_html(c.page) + "\">" + escape_html(c.page) + "</a>",
                   escape_html(readable_time(report, c.first_seen))})
          << "</li>";
    }
    out << "</ul>\n";
  }

  out << "<h2>" << t(Phrase::settings_heading) << "</h2>\n<table id=\"settings\">\n<thead><tr><th scope=\"col\">"
      << t(Phrase::col_setting) << "</th><th scope=\"col\">" << t(Phrase::col_kind) << "</th><th scope=\"col\">"
      << t(Phrase::col_state) << "</th><th scope=\"col\">" << t(Phrase::col_last_seen) << "</th><th scope=\"col\">"
      << t(Phrase::col_changes) << "</th></tr></thead>\n<tbody>\n";
  for (const auto& row : report.settings) {
    out << "<tr data-setting=\"" << escape_html(row.id) << "\" data-state=\"" << escape_html(row.state)
        << "\" data-needs-action=\"" << (row.needs_action ? "true" : "false") << "\">"
        << "<td><a href=\"" << escape_html(row.url) << "\">" << escape_html(row.title) << "</a>"
        << "<p class=\"reason\">" << escape_html(row.reason) << "</p></td>"
        << "<td>" << escape_html(severity_name(report, row.severity)) << "</td>"
        << "<td class=\"state\">" << escape_html(state_text(report, row)) << "</td>"
        << "<td>" << escape_html(readable_time(report, row.last_seen)) << "</td><td>";
    if (row.last_changed) out << escape_html(fill(say(report, Phrase::last_changed_at), {readable_time(report, row.last_changed)}));
    else out << "—";
    if (row.seen_outside_region) out << "<p class=\"reason\">" << t(Phrase::seen_outside_region) << "</p>";
    html_changes(out, report, row);
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";

  out << "<h2>" << t(Phrase::forms_heading) << "</h2>\n<ul id=\"forms\">\n";
  for (const auto& row : report.forms) {
    out << "<li data-form=\"" << escape_html(row.id) << "\" data-state=\"" << escape_html(row.state) << "\">"
        << "<a href=\"" << escape_html(row.url) << "\">" << escape_html(row.title) << "</a>: <span class=\"state\">"
        << escape_html(form_state_text(report, row)) << "</span>";
    if (row.state != "done") out << "<p class=\"guidance\">" << escape_html(row.guidance) << "</p>";
    out << "</li>\n";
  }
  out << "</ul>\n";

  if (!report.corrupt_files.empty()) {
    out << "<h2>" << t(Phrase::kept_aside_heading) << "</h2>\n<ul>";
    for (const auto& name : report.corrupt_files) out << "<li>" << escape_html(name) << "</li>";
    out << "</ul>\n";
  }
  out << "<p class=\"meta\">" << t(Phrase::made_locally) << "</p>\n</body>\n</html>\n";
  return std::move(out).str();
}

std::string render(const Report& report, Format format) {
  switch (format) {
    case Format::md: return render_markdown(report);
    case Format::html: return render_html(report);
    case Format::json: return render_json(report);
  }
  return render_markdown(report);
}

}  // namespace linkedout::report
