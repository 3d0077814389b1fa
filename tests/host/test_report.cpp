// The report (report.hpp) against a known history written to a real temp store: every setting's
// state, last seen and last change, what still needs action, the objection form with its date,
// the region (set, or hinted by what LinkedIn showed) — in the model and in md, html and json.
#include <doctest/doctest.h>
#include <stdlib.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "report.hpp"
#include "ruleset_load.hpp"
#include "ruleset.hpp"
#include "store.hpp"
#include "test_cli_process.hpp"

namespace {

using nlohmann::json;
using namespace linkedout;
namespace fs = std::filesystem;
using linkedout::cli_test::TempDir;

constexpr const char* kGeneratedAt = "2026-11-26T12:00:00Z";

using test_support::rules;  // the shipped ruleset, loaded once (test_support.hpp)

std::string url_of(const std::string& id) { return rules().find_setting(id)->url(); }

// The known history, written through the real store the way the page_state handler records it:
//  - data-for-ai-improvement: first seen on (20th), switched off (21st), seen off again (25th);
//  - ads-beyond-linkedin: off (20th), back on by itself (24th): drift, needs action;
//  - ads-related-actions: off since the 22nd;
//  - share-data-with-select-partners: on (22nd) — LinkedIn does not show it in EU/UK/CH;
//  - the objection form marked done on the 23rd; everything else never seen.
StoreData write_known_history(Store& store, std::optional<std::string> region) {
  return store.update([&](StoreData& d) {
    record_sighting(d, "data-for-ai-improvement", "on", url_of("data-for-ai-improvement"), "2026-11-20T09:00:00Z");
    record_sighting(d, "ads-beyond-linkedin", "off", url_of("ads-beyond-linkedin"), "2026-11-20T09:05:00Z");
    record_sighting(d, "data-for-ai-improvement", "off", url_of("data-for-ai-improvement"), "2026-11-21T08:00:00Z");
    record_sighting(d, "ads-related-actions", "off", url_of("ads-related-actions"), "2026-11-22T10:00:00Z");
    record_sighting(d, "share-data-with-select-partners", "on", url_of("share-data-with-select-partners"), "2026-11-22T10:05:00Z");
    d.forms_done["objection-form"] = "2026-11-23";
    d.history.push_back({"2026-11-23T15:30:00Z", "objection-form", "todo", "done", ""});
    record_sighting(d, "ads-beyond-linkedin", "on", url_of("ads-beyond-linkedin"), "2026-11-24T07:45:00Z");
    record_sighting(d, "data-for-ai-improvement", "off", url_of("data-for-ai-improvement"), "2026-11-25T11:00:00Z");
    d.region = std::move(region);
    return true;
  });
}

const report::SettingRow& row(const report::Report& r, const std::string& id) {
  const auto it = std::find_if(r.settings.begin(), r.settings.end(), [&](const auto& s) { return s.id == id; });
  REQUIRE(it != r.settings.end());
  return *it;
}

const json& json_setting(const json& r, const std::string& id) {
  for (const auto& s : r["settings"]) {
    if (s["id"] == id) return s;
  }
  FAIL("no setting " << id);
  throw 0;
}

// An attribute named on… (onload=, onerror=…) inside any tag.
bool has_event_handler_attribute(const std::string& lower) {
  for (std::size_t open = lower.find('<'); open != std::string::npos; open = lower.find('<', open + 1)) {
    const std::size_t close = lower.find('>', open);
    const std::string tag = lower.substr(open, close == std::string::npos ? std::string::npos : close - open);
    for (std::size_t at = tag.find(" on"); at != std::string::npos; at = tag.find(" on", at + 1)) {
      std::size_t end = at + 3;
      while (end < tag.size() && std::isalpha(static_cast<unsigned char>(tag[end]))) ++end;
      if (end > at + 3 && end < tag.size() && tag[end] == '=') return true;
    }
  }
  return false;
}

struct Fixture {
  TempDir dir;
  Store store{dir.path()};
  report::Report build(std::optional<std::string> region) {
    write_known_history(store, std::move(region));
    // Read back from disk: the report is built from what the store holds, not from memory.
    return report::build_report(rules(), store.load(), kGeneratedAt);
  }
};

}  // namespace

TEST_CASE("report model: each setting's state, last seen, last change and what needs action") {
  Fixture f;
  const auto r = f.build(std::nullopt);
  CHECK(r.generated_at == kGeneratedAt);
  CHECK(r.host_version == LINKEDOUT_VERSION);
  CHECK(r.ruleset_name == "linkedin");
  CHECK(r.settings.size() == rules().settings.size());
  CHECK(r.settings.front().id == rules().settings.front().id);  // ruleset order

  const auto& ai = row(r, "data-for-ai-improvement");
  CHECK(ai.state == "off");
  CHECK_FALSE(ai.needs_action);
  CHECK(ai.first_seen == "2026-11-20T09:00:00Z");
  CHECK(ai.last_seen == "2026-11-25T11:00:00Z");
  CHECK(ai.last_changed == "2026-11-21T08:00:00Z");
  REQUIRE(ai.changes.size() == 2);
  CHECK(ai.changes[0].from.empty());
  CHECK(ai.changes[0].to == "on");
  CHECK(ai.changes[1].at == "2026-11-21T08:00:00Z");
  CHECK(ai.changes[1].from == "on");
  CHECK(ai.changes[1].to == "off");

  const auto& ads = row(r, "ads-beyond-linkedin");
  CHECK(ads.state == "on");
  CHECK(ads.drift);
  CHECK(ads.needs_action);
  CHECK(ads.last_changed == "2026-11-24T07:45:00Z");

  const auto& measure = row(r, "ads-related-actions");
  CHECK(measure.state == "off");
  CHECK_FALSE(measure.drift);

  const auto& unseen = row(r, "ads-by-age");
  CHECK(unseen.state == "unseen");
  CHECK(unseen.needs_action);
  CHECK_FALSE(unseen.last_seen);
  CHECK(unseen.changes.empty());

  // No region set: every setting is expected, so the partners toggle counts and is on.
  const auto& partners = row(r, "share-data-with-select-partners");
  CHECK(partners.state == "on");
  CHECK(partners.needs_action);

  REQUIRE(r.forms.size() == 1);
  CHECK(r.forms[0].id == "objection-form");
  CHECK(r.forms[0].state == "done");
  CHECK(r.forms[0].done_at == "2026-11-23");
  CHECK_FALSE(r.forms[0].needs_action);

  const int steps = static_cast<int>(rules().settings.size() + rules().forms.size());
  CHECK(r.total == steps);
  CHECK(r.done == 3);  // two toggles off + the form
  CHECK(r.needs_action() == steps - 3);
}

TEST_CASE("report model: region set → a setting LinkedIn does not show there is not in the region") {
  for (const std::string region : {"EU", "UK", "CH"}) {
    CAPTURE(region);
    Fixture f;
    const auto r = f.build(region);
    CHECK(r.region == region);
    CHECK_FALSE(r.region_name.empty());
    CHECK_FALSE(r.region_hint);  // the user's region is authoritative
    const auto& partners = row(r, "share-data-with-select-partners");
    CHECK(partners.state == "not_in_region");
    CHECK_FALSE(partners.needs_action);
    CHECK(partners.seen_outside_region);  // yet LinkedIn showed it: the report says to check
    CHECK(r.total == static_cast<int>(rules().settings.size() + rules().forms.size()) - 1);
  }
  Fixture f;
  const auto r = f.build("CA");
  CHECK(row(r, "share-data-with-select-partners").state == "on");
  CHECK_FALSE(row(r, "share-data-with-select-partners").seen_outside_region);
}

TEST_CASE("region inference: a toggle LinkedIn hides in EU/UK/CH was seen → those regions are ruled out") {
  StoreData data;
  CHECK_FALSE(report::infer_region(rules(), data));  // nothing seen: no hint
  record_sighting(data, "data-for-ai-improvement", "on", "", "2026-11-20T09:00:00Z");
  CHECK_FALSE(report::infer_region(rules(), data));  // shown everywhere: says nothing
  record_sighting(data, "share-data-with-select-partners", "off", "", "2026-11-20T09:01:00Z");
  const auto hint = report::infer_region(rules(), data);
  REQUIRE(hint);
  CHECK(hint->evidence == "share-data-with-select-partners");
  auto ruled_out = hint->ruled_out;
  std::sort(ruled_out.begin(), ruled_out.end());
  CHECK(ruled_out == std::vector<std::string>{"CH", "EU", "UK"});
  data.region = "US";
  CHECK_FALSE(report::infer_region(rules(), data));  // a set region wins
}

TEST_CASE("report json: the same facts, machine-readable") {
  Fixture f;
  const json r = json::parse(report::render_json(f.build(std::nullopt)));
  CHECK(r["report"] == "linkedout");
  CHECK(r["generated_at"] == kGeneratedAt);
  CHECK(r["region"].is_null());
  CHECK(r["region_hint"]["evidence"] == "share-data-with-select-partners");
  CHECK(r["summary"]["done"] == 3);
  CHECK(r["summary"]["needs_action"] == r["summary"]["total"].get<int>() - 3);
  const json& ai = json_setting(r, "data-for-ai-improvement");
  CHECK(ai["state"] == "off");
  CHECK(ai["needs_action"] == false);
  CHECK(ai["last_seen"] == "2026-11-25T11:00:00Z");
  CHECK(ai["last_changed"] == "2026-11-21T08:00:00Z");
  CHECK(ai["changes"] == json::parse(R"([{"at":"2026-11-20T09:00:00Z","from":null,"to":"on"},
                                         {"at":"2026-11-21T08:00:00Z","from":"on","to":"off"}])"));
  const json& ads = json_setting(r, "ads-beyond-linkedin");
  CHECK(ads["state"] == "on");
  CHECK(ads["drift"] == "re-enabled");
  CHECK(ads["needs_action"] == true);
  CHECK(json_setting(r, "ads-by-age")["last_seen"].is_null());
  REQUIRE(r["forms"].size() == 1);
  CHECK(r["forms"][0]["id"] == "objection-form");
  CHECK(r["forms"][0]["state"] == "done");
  CHECK(r["forms"][0]["done_at"] == "2026-11-23");
  CHECK(r["forms"][0]["url"] == "https://www.linkedin.com/help/linkedin/ask/TS-DPRO");
}

TEST_CASE("report md: a table of settings, the objection form with its date, the history") {
  Fixture f;
  const std::string md = report::render_markdown(f.build("EU"));
  CHECK(md.rfind("# LinkedOut report\n", 0) == 0);
  CHECK(md.find("Generated 2026-11-26 12:00 UTC") != std::string::npos);
  CHECK(md.find("Region: EU — ") != std::string::npos);
  CHECK(md.find("| [Data for Generative AI Improvement](https://www.linkedin.com/mypreferences/d/settings/"
                "data-for-ai-improvement) | AI training | Off | no | 2026-11-25 11:00 UTC | 2026-11-21 08:00 UTC |") !=
        std::string::npos);
  CHECK(md.find("| [Ads off LinkedIn](https://www.linkedin.com/mypreferences/d/settings/ads-beyond-linkedin) | Ads | "
                "ON again (was off) — switch it off | **yes** | 2026-11-24 07:45 UTC | 2026-11-24 07:45 UTC |") !=
        std::string::npos);
  CHECK(md.find("| Not in your region | no |") != std::string::npos);
  CHECK(md.find("| Not seen yet — visit the page | **yes** | — | — |") != std::string::npos);
  CHECK(md.find("- **Data Processing Objection form** (https://www.linkedin.com/help/linkedin/ask/TS-DPRO): Done on 2026-11-23") !=
        std::string::npos);
  CHECK(md.find("- Data for Generative AI Improvement: 2026-11-20 09:00 UTC first seen: on; 2026-11-21 08:00 UTC on → off") !=
        std::string::npos);
  CHECK(md.find("check the region") != std::string::npos);  // partners seen although not shown in the EU
  const int steps = static_cast<int>(rules().settings.size() + rules().forms.size()) - 1;
  CHECK(md.find("**" + std::to_string(steps - 3) + " of " + std::to_string(steps) + " steps still need action.**") !=
        std::string::npos);
}

TEST_CASE("report md: the objection form still to do shows its guidance") {
  StoreData data;
  const std::string md = report::render_markdown(report::build_report(rules(), data, kGeneratedAt));
  CHECK(md.find("Data Processing Objection form** (https://www.linkedin.com/help/linkedin/ask/TS-DPRO): To do") != std::string::npos);
  CHECK(md.find("Object to processing") != std::string::npos);
  CHECK(md.find("Nothing seen yet") != std::string::npos);
}

TEST_CASE("report html: one self-contained file with the same facts") {
  Fixture f;
  const std::string html = report::render_html(f.build(std::nullopt));
  CHECK(html.rfind("<!doctype html>", 0) == 0);
  CHECK(html.find("</html>") != std::string::npos);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("@media print") != std::string::npos);
  CHECK(html.find("<tr data-setting=\"data-for-ai-improvement\" data-state=\"off\" data-needs-action=\"false\">") != std::string::npos);
  CHECK(html.find("<tr data-setting=\"ads-beyond-linkedin\" data-state=\"on\" data-needs-action=\"true\">") != std::string::npos);
  CHECK(html.find("<tr data-setting=\"ads-by-age\" data-state=\"unseen\" data-needs-action=\"true\">") != std::string::npos);
  CHECK(html.find("<li data-form=\"objection-form\" data-state=\"done\">") != std::string::npos);
  CHECK(html.find("Done on 2026-11-23") != std::string::npos);
  CHECK(html.find("<time datetime=\"2026-11-21T08:00:00Z\">2026-11-21 08:00 UTC</time> on → off") != std::string::npos);
  CHECK(html.find("id=\"region-hint\">LinkedIn showed &quot;Share data with affiliates and partners&quot;, which it does "
                  "not show in CH, EU, UK") != std::string::npos);
}

TEST_CASE("report html: no script, no loaded resource, nothing from the network") {
  Fixture f;
  for (const auto& region : {std::optional<std::string>{}, std::optional<std::string>{"EU"}}) {
    const std::string html = report::render_html(f.build(region));
    std::string lower = html;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    CHECK(lower.find("<script") == std::string::npos);
    CHECK(lower.find("javascript:") == std::string::npos);
    CHECK_FALSE(has_event_handler_attribute(lower));  // no onload=… handlers
    for (const char* loader : {"src=", "srcset=", "<link", "<img", "<iframe", "<object", "<embed", "url(", "@import"}) {
      CAPTURE(loader);
      CHECK(lower.find(loader) == std::string::npos);
    }
    // Every http(s) address is a link the reader may follow, never something the page loads.
    for (std::size_t at = lower.find("http"); at != std::string::npos; at = lower.find("http", at + 1)) {
      if (lower.compare(at, 7, "http://") != 0 && lower.compare(at, 8, "https://") != 0) continue;
      const std::string before = lower.substr(at >= 6 ? at - 6 : 0, at >= 6 ? 6 : at);
      CAPTURE(lower.substr(at >= 40 ? at - 40 : 0, 80));
      CHECK(before == "href=\"");
      CHECK(lower.compare(at, 25, "https://www.linkedin.com/") == 0);
    }
    // And a CSP forbids loads even if a viewer followed one.
    CHECK(html.find("default-src 'none'") != std::string::npos);
  }
}

TEST_CASE("report html and md: text from the ruleset and the store is escaped") {
  // A ruleset whose texts try to inject markup (the ruleset is data: a bad one must not become code).
  json data = json::parse(test_support::rules_text());
  data["settings"][0]["labels"]["en"][0] = "<script>alert(1)</script> & \"quotes\" | pipe";
  data["settings"][0]["reasons"]["en"] = "<img src=x onerror=alert(1)>";
  data["forms"][0]["guidance"]["en"] = "</li><script>bad()</script>";
  const Ruleset hostile = parse_ruleset(data.dump());
  StoreData store;
  store.corrupt_files.push_back("state.json.corrupt-<b>x</b>");
  const auto model = report::build_report(hostile, store, kGeneratedAt);

  const std::string html = report::render_html(model);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<b>x</b>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; | pipe") != std::string::npos);
  CHECK(html.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
  CHECK(html.find("&lt;/li&gt;&lt;script&gt;bad()&lt;/script&gt;") != std::string::npos);

  const std::string md = report::render_markdown(model);
  CHECK(md.find("<script") == std::string::npos);
  CHECK(md.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\" \\| pipe") != std::string::npos);

  CHECK(report::escape_html("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;");
  CHECK(has_event_handler_attribute("<img src=x onerror=alert(1)>"));  // the check itself can fail
  CHECK_FALSE(has_event_handler_attribute("<p>turned on = off</p>"));
}

TEST_CASE("report: formats by name") {
  CHECK(report::parse_format("md") == report::Format::md);
  CHECK(report::parse_format("html") == report::Format::html);
  CHECK(report::parse_format("json") == report::Format::json);
  CHECK_FALSE(report::parse_format("pdf"));
  CHECK_FALSE(report::parse_format("HTML"));
  CHECK_FALSE(report::parse_format(""));
  StoreData empty;
  const auto model = report::build_report(rules(), empty, kGeneratedAt);
  CHECK(report::render(model, report::Format::md) == report::render_markdown(model));
  CHECK(report::render(model, report::Format::html) == report::render_html(model));
  CHECK(report::render(model, report::Format::json) == report::render_json(model));
}

TEST_CASE("report: a long history keeps the most recent changes per setting") {
  StoreData data;
  std::string state = "on";
  for (int i = 0; i < 30; ++i) {
    char at[32];
    std::snprintf(at, sizeof at, "2026-11-%02dT10:00:00Z", 1 + i);
    record_sighting(data, "ads-by-gender", state, "", at);
    state = state == "on" ? "off" : "on";
  }
  const auto model = report::build_report(rules(), data, kGeneratedAt, {5, {}, {}});
  const auto& gender = row(model, "ads-by-gender");
  CHECK(gender.changes.size() == 5);
  CHECK(gender.changes_omitted == 25);
  CHECK(gender.changes.back().at == "2026-11-30T10:00:00Z");
  CHECK(report::render_markdown(model).find("25 earlier change(s)") != std::string::npos);
  CHECK(report::render_html(model).find("25 earlier change(s)") != std::string::npos);
  CHECK(json_setting(json::parse(report::render_json(model)), "ads-by-gender")["changes_omitted"] == 25);
}
