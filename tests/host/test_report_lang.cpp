// The report in the user's language with times in the user's time zone, through the real
// linkedout-host binary: `report --lang xx`, the default from LC_ALL / LC_MESSAGES / LANG,
// <html lang>, no English sentence left in another language, the JSON still in UTC.
#include <doctest/doctest.h>

#include <cctype>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "report_text.hpp"
#include "ruleset_load.hpp"
#include "ruleset.hpp"
#include "store.hpp"
#include "test_cli_process.hpp"

namespace {

using namespace linkedout;
using linkedout::cli_test::ProcessResult;
using linkedout::cli_test::TempDir;
using nlohmann::json;

// A store with a history: the AI setting on then off, an ads setting back on, the form done.
// `recheck`: what the re-check left in the store (nothing by default: the reminder is off).
struct KnownStore {
  TempDir dir;
  explicit KnownStore(const std::function<void(StoreData&, const Ruleset&)>& recheck = {}) {
    Store store(dir.path());
    const Ruleset rules = load_ruleset(std::nullopt);
    store.update([&](StoreData& d) {
      if (recheck) recheck(d, rules);
      const auto url = [&](const char* id) { return rules.find_setting(id)->url(); };
      record_sighting(d, "data-for-ai-improvement", "on", url("data-for-ai-improvement"), "2026-11-20T09:00:00Z");
      record_sighting(d, "data-for-ai-improvement", "off", url("data-for-ai-improvement"), "2026-11-21T08:00:00Z");
      record_sighting(d, "ads-beyond-linkedin", "off", url("ads-beyond-linkedin"), "2026-11-20T09:05:00Z");
      record_sighting(d, "ads-beyond-linkedin", "on", url("ads-beyond-linkedin"), "2026-07-24T07:45:00Z");
      d.forms_done["objection-form"] = "2026-11-23";
      d.region = "CH";
      return true;
    });
  }
  // The report command with a clean locale environment plus `env`.
  ProcessResult report(std::vector<std::string> args, std::map<std::string, std::string> env = {}) const {
    std::vector<std::string> argv{LINKEDOUT_HOST_BINARY, "report", "--data-dir", dir.path().string()};
    argv.insert(argv.end(), args.begin(), args.end());
    std::map<std::string, std::string> clean{{"LC_ALL", ""}, {"LC_MESSAGES", ""}, {"LANG", ""}, {"LANGUAGE", ""},
                                             {"TZ", "Europe/Berlin"}};
    for (auto& [name, value] : env) clean[name] = value;
    return cli_test::run_process(argv, clean);
  }
};

// The visible text of an HTML document, tags dropped and the few entities the report uses decoded.
std::string visible_text(const std::string& html) {
  std::string out;
  bool in_tag = false;
  const std::size_t body = html.find("<body>");
  for (std::size_t i = body == std::string::npos ? 0 : body; i < html.size(); ++i) {
    if (html[i] == '<') in_tag = true, out += '\n';
    else if (html[i] == '>') in_tag = false;
    else if (!in_tag) out += html[i];
  }
  for (const auto& [entity, text] : std::vector<std::pair<std::string, std::string>>{
           {"&quot;", "\""}, {"&#39;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}}) {
    for (std::size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, at)) out.replace(at, entity.size(), text);
  }
  return out;
}

// The report's English phrases: pieces of text between punctuation that hold at least two words
// of three or more letters (so names, numbers, codes and dates are left out).
std::set<std::string> english_phrases(const std::string& text) {
  std::set<std::string> out;
  std::string piece;
  auto flush = [&] {
    int words = 0, letters = 0;
    for (const char c : piece + " ") {
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
      else {
        if (letters >= 3) ++words;
        letters = 0;
      }
    }
    const auto first = piece.find_first_not_of(" ");
    if (words >= 2) out.insert(piece.substr(first, piece.find_last_not_of(" ") - first + 1));
    piece.clear();
  };
  for (const char c : text) {
    if (std::string_view("\n.,:;!?()—–\"'").find(c) != std::string_view::npos) flush();
    else piece += c;
  }
  flush();
  return out;
}

// The text with its web addresses and settings paths taken out: they are the same in every language.
std::string without_addresses(std::string text) {
  for (const std::string start : {"https://", "/mypreferences/"}) {
    for (std::size_t at = text.find(start); at != std::string::npos; at = text.find(start, at)) {
      const std::size_t end = text.find_first_of(" )<\n", at);
      text.erase(at, end == std::string::npos ? std::string::npos : end - at);
    }
  }
  return text;
}

// A re-check that found a setting back on, one page unreadable, one not reached and two switches
// LinkedOut does not know; the reminder on, with `last_full_check` deciding what is due.
void with_recheck(StoreData& d, const Ruleset& rules, const std::string& last_full_check, const std::string& ruleset) {
  d.reminder_days = 7;
  d.last_full_check = last_full_check;
  d.last_full_check_ruleset = ruleset;
  const linkedout::NewControl unknown_a{"/mypreferences/d/settings/ads-by-age", "allowSomethingNew", "Werbepartner", "2026-11-22T10:00:00Z", "2026-11-22T10:00:00Z"};
  const linkedout::NewControl unknown_b{"/mypreferences/d/settings/ads-by-age", std::nullopt, "Zielgruppen", "2026-11-22T10:01:00Z", "2026-11-22T10:01:00Z"};
  CheckRecord check;
  check.started_at = "2026-11-22T09:55:00Z";
  check.ended_at = "2026-11-22T10:05:00Z";
  check.ruleset_version = rules.version;
  check.on = {"ads-beyond-linkedin"};
  check.unreadable = {"ads-by-gender"};
  check.unchecked = {"member-cookies"};
  check.off = {"data-for-ai-improvement"};
  check.new_controls = {unknown_a, unknown_b};
  d.checks.push_back(check);
  d.new_controls = {unknown_a, unknown_b};
}

// The English phrases of the English report that the report in `lang` still contains.
std::vector<std::string> english_left(const std::string& english, const std::string& other) {
  const auto phrases = english_phrases(english);
  std::vector<std::string> left;
  for (const auto& phrase : phrases) {
    if (other.find(phrase) != std::string::npos) left.push_back(phrase);
  }
  return left;
}

}  // namespace

TEST_CASE("report --lang de: German throughout, <html lang=\"de\">, no English sentence left") {
  const KnownStore store;
  const ProcessResult english = store.report({"--format", "html", "--lang", "en"});
  const ProcessResult german = store.report({"--format", "html", "--lang", "de"});
  REQUIRE(english.exit_code == 0);
  REQUIRE(german.exit_code == 0);
  CHECK(english.out.find("<html lang=\"en\">") != std::string::npos);
  CHECK(german.out.find("<html lang=\"de\">") != std::string::npos);
  CHECK(german.out.find("<h1>LinkedOut-Bericht</h1>") != std::string::npos);
  const Ruleset rules = load_ruleset(std::nullopt);
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  CHECK(german.out.find(">" + ai.labels.at("de").front() + "</a>") != std::string::npos);
  CHECK(german.out.find(ai.reasons.at("de")) != std::string::npos);
  CHECK(german.out.find(">Schweiz<") == std::string::npos);  // the code stays, the name is translated
  CHECK(german.out.find("CH — Schweiz") != std::string::npos);

  REQUIRE(english_phrases(visible_text(english.out)).size() > 30);  // the English report really was read
  const auto left = english_left(visible_text(english.out), visible_text(german.out));
  CHECK_MESSAGE(left.empty(), "English in the German report: " << json(left).dump());
}

TEST_CASE("report --lang de: the re-check section (last and next check, findings, new switches) in German") {
  const Ruleset rules = load_ruleset(std::nullopt);
  // Next check in the future; due now (the interval passed); due because the ruleset changed.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"2099-01-01T08:00:00Z", rules.version}, {"2020-01-01T08:00:00Z", rules.version}, {"2099-01-01T08:00:00Z", "0.0.1"}};
  for (const auto& entry : cases) {
    const std::string& last_full = entry.first;  // plain names: CAPTURE and the lambda capture them
    const std::string& ruleset = entry.second;
    CAPTURE(last_full);
    CAPTURE(ruleset);
    const KnownStore store([&](StoreData& d, const Ruleset& r) { with_recheck(d, r, last_full, ruleset); });
    for (const char* format : {"html", "md"}) {
      CAPTURE(format);
      const ProcessResult english = store.report({"--format", format, "--lang", "en"});
      const ProcessResult german = store.report({"--format", format, "--lang", "de"});
      REQUIRE(english.exit_code == 0);
      REQUIRE(german.exit_code == 0);
      const bool html = std::string(format) == "html";
      const std::string english_text = without_addresses(html ? visible_text(english.out) : english.out);
      const std::string german_text = without_addresses(html ? visible_text(german.out) : german.out);
      // The English report does have the re-check lines the German one must translate.
      CHECK(english_text.find("Came back on") != std::string::npos);
      CHECK(english_text.find("2 new switches on LinkedIn") != std::string::npos);
      CHECK(english_text.find("New on LinkedIn") != std::string::npos);
      CHECK(german_text.find("War wieder an: " + rules.find_setting("ads-beyond-linkedin")->labels.at("de").front()) !=
            std::string::npos);
      CHECK(german_text.find("2 neue Schalter bei LinkedIn") != std::string::npos);
      CHECK(german_text.find("„Werbepartner“") != std::string::npos);  // the label as LinkedIn's page said it
      CHECK(german_text.find("22.11.2026, 11:05 CET") != std::string::npos);
      const auto left = english_left(english_text, german_text);
      CHECK_MESSAGE(left.empty(), "English in the German report: " << json(left).dump());
    }
  }
}

TEST_CASE("report: times in the local time zone (TZ), written for the language — data stays UTC") {
  const KnownStore store;
  const ProcessResult de = store.report({"--format", "html", "--lang", "de"});
  // 08:00 UTC in Berlin in November is 09:00 CET; 07:45 UTC in July is 09:45 CEST.
  CHECK(de.out.find("<time datetime=\"2026-11-21T08:00:00Z\">21.11.2026, 09:00 CET</time>") != std::string::npos);
  CHECK(de.out.find("24.07.2026, 09:45 CEST") != std::string::npos);
  CHECK(de.out.find("Erledigt am 23.11.2026") != std::string::npos);
  const ProcessResult en = store.report({"--format", "md", "--lang", "en"});
  CHECK(en.out.find("2026-11-21 09:00 CET") != std::string::npos);
  const ProcessResult fr_tokyo = store.report({"--format", "md", "--lang", "fr"}, {{"TZ", "Asia/Tokyo"}});
  CHECK(fr_tokyo.out.find("21/11/2026 17:00 JST") != std::string::npos);
  const ProcessResult nl_offset = store.report({"--format", "md", "--lang", "nl"}, {{"TZ", "<+0530>-5:30"}});
  CHECK(nl_offset.out.find("21-11-2026 13:30 UTC+05:30") != std::string::npos);

  const json data = json::parse(store.report({"--format", "json", "--lang", "de"}).out);
  CHECK(data["lang"] == "de");
  const json& ai = data["settings"][0];
  CHECK(ai["last_changed"] == "2026-11-21T08:00:00Z");
  CHECK(ai["changes"][1]["at"] == "2026-11-21T08:00:00Z");
  CHECK(ai["title"] == "Daten zur Verbesserung generativer KI");
}

TEST_CASE("report: the language defaults to the environment's locale (LC_ALL, LC_MESSAGES, LANG)") {
  const KnownStore store;
  const auto lang_of = [&](std::map<std::string, std::string> env) {
    const ProcessResult r = store.report({"--format", "json"}, std::move(env));
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out)["lang"].get<std::string>();
  };
  CHECK(lang_of({}) == "en");
  CHECK(lang_of({{"LANG", "it_IT.UTF-8"}}) == "it");
  CHECK(lang_of({{"LANG", "it_IT.UTF-8"}, {"LC_MESSAGES", "nl_BE.UTF-8"}}) == "nl");
  CHECK(lang_of({{"LANG", "it_IT.UTF-8"}, {"LC_MESSAGES", "nl_BE"}, {"LC_ALL", "es_ES.UTF-8@euro"}}) == "es");
  CHECK(lang_of({{"LANG", "C.UTF-8"}}) == "en");
  CHECK(lang_of({{"LC_ALL", "POSIX"}, {"LANG", "de_DE.UTF-8"}}) == "en");
  CHECK(lang_of({{"LANG", "pt_BR.UTF-8"}}) == "en");
  // --lang wins over the environment.
  const ProcessResult asked = store.report({"--format", "json", "--lang", "fr-CA"}, {{"LC_ALL", "de_DE.UTF-8"}});
  CHECK(json::parse(asked.out)["lang"] == "fr");
}

TEST_CASE("report --lang: a malformed tag is a usage error — a language without texts gets English, said so") {
  const KnownStore store;
  for (const char* bad : {"", "d", "12", "de--DE", "de_DE.UTF-8", "<script>"}) {
    CAPTURE(bad);
    const ProcessResult r = store.report({"--lang", bad});
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find("--lang must be a language code") != std::string::npos);
  }
  const ProcessResult pt = store.report({"--format", "json", "--lang", "pt-BR"});
  CHECK(pt.exit_code == 0);
  CHECK(json::parse(pt.out)["lang"] == "en");
  CHECK(pt.err.find("no texts in \"pt-BR\", writing English") != std::string::npos);
}

TEST_CASE("report phrases: every phrase is written in each language, not left in English") {
  // The same word in both languages, rightly.
  const std::set<std::pair<report::Phrase, std::string>> same = {
      {report::Phrase::region, "de"}, {report::Phrase::no, "es"}, {report::Phrase::no, "it"}};
  for (int i = 0; i < static_cast<int>(report::Phrase::count_); ++i) {
    const auto which = static_cast<report::Phrase>(i);
    const std::string_view english = report::phrase(which, "en");
    CHECK_FALSE(english.empty());
    for (const auto lang : kLanguages) {
      if (lang == "en") continue;
      CAPTURE(i);
      CAPTURE(lang);
      const std::string_view text = report::phrase(which, lang);
      CHECK_FALSE(text.empty());
      if (!same.count({which, std::string(lang)})) CHECK(text != english);
      // The same placeholders as the English phrase.
      for (const char* mark : {"{1}", "{2}", "{3}"}) {
        CHECK((english.find(mark) == std::string_view::npos) == (text.find(mark) == std::string_view::npos));
      }
    }
  }
  CHECK(report::fill("{2} of {1}", {"a", "b"}) == "b of a");
  CHECK(report::local_date("2026-11-05", "it") == "05/11/2026");
  CHECK(report::local_date("not a date", "de") == "not a date");
  CHECK(report::local_time("2026-11-05T10:00:00+01:00", "de") == "2026-11-05T10:00:00+01:00");
}
