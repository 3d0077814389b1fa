// The decision engine on the real ruleset: every setting, every language, every way a control can
// be judged; drift; progress and next; regions. Pure functions, no store, no process.
#include <doctest/doctest.h>

#include <algorithm>

#include "decide.hpp"
#include "decide_text.hpp"
#include "test_dispatch_support.hpp"

using namespace linkedout;
using core_test::real_rules;

namespace {

PageState page_for(const Setting& setting, const std::string& lang, std::vector<Control> controls) {
  return PageState{setting.url(), setting.path, lang, std::move(controls)};
}

// A settings page that names no setting: nothing is judged there (rule 0), so what it says about a
// control is how that control matched: not_in_ruleset, ambiguous, left_alone, or other_page (it
// names a setting, whose page this is not).
PageState neutral_page(const std::string& lang, std::vector<Control> controls) {
  return PageState{"https://www.linkedin.com/mypreferences/d/categories/privacy", "/mypreferences/d/categories/privacy",
                   lang, std::move(controls)};
}

// Upper-cases ASCII and Latin-1 letters (à..þ except ÷), enough to shout every ruleset label.
std::string shout(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 0x20));
    } else if (c == 0xC3 && i + 1 < text.size()) {
      auto next = static_cast<unsigned char>(text[i + 1]);  // U+00C0..U+00FF: second byte 0x80..0xBF
      if (next >= 0xA0 && next <= 0xBE && next != 0xB7) next -= 0x20;
      out.push_back(static_cast<char>(c));
      out.push_back(static_cast<char>(next));
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

// Swaps ASCII spaces for NBSP plus runs of blanks, and ' for ’: what a real page may render.
std::string typographic(const std::string& text) {
  std::string out = "\t ";
  for (const char c : text) {
    if (c == ' ') {
      out += "\u00A0 \n";
    } else if (c == '\'') {
      out += "\u2019";
    } else {
      out.push_back(c);
    }
  }
  return out + "  ";
}

bool listed_in(const Setting& setting, const std::string& lang, const std::string& label) {
  const auto& labels = setting.labels.at(lang);
  return std::any_of(labels.begin(), labels.end(),
                     [&](const std::string& l) { return normalise_label(l) == normalise_label(label); });
}

}  // namespace

TEST_CASE("normalise: Latin lower case, apostrophes, spaces") {
  CHECK(normalise_label("ÉÀÇÑ ÄÖÜ") == "éàçñ äöü");
  CHECK(normalise_label("Þ Ø Å Æ") == "þ ø å æ");
  CHECK(normalise_label("×") == "×");  // not a letter
  CHECK(normalise_label("ŁÓDŹ ŚLĄSK ŽĎÁR ŐŰ") == "łódź śląsk žďár őű");
  CHECK(normalise_label("Ÿ ĲSSEL Œ") == "ÿ ĳssel œ");
  CHECK(normalise_label("İSTANBUL") == "istanbul");
  CHECK(normalise_label("ΑΒΓ ДАННЫЕ Ёж") == "αβγ данные ёж");
  CHECK(normalise_label("l’IA l‘IA lʼIA l'IA") == "l'ia l'ia l'ia l'ia");
  CHECK(normalise_label("  a\u00A0\u00A0b\u2009c\t\nd  ") == "a b c d");
  CHECK(normalise_label("soft\u00ADhyphen zero\u200Bwidth") == "softhyphen zerowidth");
  CHECK(normalise_label("") == "");
  CHECK(normalise_label(" \u00A0 ") == "");
  CHECK(normalise_label("ß straße") == "ß straße");
}

TEST_CASE("normalise: primary language subtag") {
  CHECK(primary_language("de-DE") == "de");
  CHECK(primary_language("EN_us") == "en");
  CHECK(primary_language("fr") == "fr");
  CHECK(primary_language("") == "");
}

TEST_CASE("decide: every setting is matched by each of its keys, on and off") {
  const auto& rules = real_rules();
  int keyed = 0;
  for (const auto& setting : rules.settings) {
    for (const auto& key : setting.keys) {
      ++keyed;
      INFO(setting.id << " key " << key);
      // The key decides even with an unreadable-language page and a label nobody knows.
      const auto on = decide(rules, page_for(setting, "xx", {{key, "whatever the page says", true}}), {});
      REQUIRE(on.highlight.size() == 1);
      CHECK(on.highlight[0].key == key);
      CHECK(on.highlight[0].setting == setting.id);
      CHECK(on.highlight[0].action == "switch-off");
      CHECK(on.highlight[0].severity == setting.severity);
      CHECK(on.highlight[0].reason == setting.reasons.at("en"));
      CHECK(on.highlight[0].matched_by == "key");
      CHECK(on.ok.empty());
      CHECK(on.unknown.empty());
      REQUIRE(on.setting);
      CHECK(on.setting->id == setting.id);
      CHECK(on.sightings.size() == 1);
      CHECK(on.sightings[0].state == "on");

      const auto off = decide(rules, page_for(setting, "en", {{key, "", false}}), {});
      CHECK(off.highlight.empty());
      REQUIRE(off.ok.size() == 1);
      CHECK(off.ok[0].key == key);
      CHECK(off.ok[0].setting == setting.id);
      CHECK(off.ok[0].matched_by == "key");
      CHECK(off.sightings.size() == 1);
      CHECK(off.sightings[0].state == "off");

      // Keys are exact and case-sensitive.
      std::string other_case = key;
      other_case[0] = static_cast<char>(other_case[0] ^ 0x20);
      const auto wrong_case = decide(rules, neutral_page("xx", {{other_case, "?", true}}), {});
      REQUIRE(wrong_case.unknown.size() == 1);
      CHECK(wrong_case.unknown[0].why == "not_in_ruleset");
    }
  }
  CHECK(keyed >= 12);
}

TEST_CASE("decide: every label of every setting in every language") {
  const auto& rules = real_rules();
  int checked = 0;
  for (const auto& setting : rules.settings) {
    for (const auto& entry : setting.labels) {
      const std::string& lang = entry.first;  // a plain name: INFO captures it
      for (const auto& label : entry.second) {
        INFO(setting.id << " [" << lang << "] " << label);
        ++checked;
        for (const auto& written : {label, shout(label), typographic(label)}) {
          // A region subtag does not matter; no key (or an unknown one) falls back to the label.
          for (const auto& key : {std::optional<std::string>{}, std::optional<std::string>{"someNewKey"}}) {
            const auto v = decide(rules, page_for(setting, lang + "-XX", {{key, written, true}}), {});
            REQUIRE_MESSAGE(v.highlight.size() == 1, "as written: " << written);
            CHECK(v.highlight[0].setting == setting.id);
            CHECK(v.highlight[0].key == key);
          }
          const auto off = decide(rules, page_for(setting, lang, {{std::nullopt, written, false}}), {});
          CHECK(off.ok.size() == 1);
          CHECK(off.sightings.size() == 1);
        }
        // The same label on a page in another language is not matched (unless that language
        // lists the same words for the same setting).
        for (const auto other : kLanguages) {
          if (other == lang) continue;
          const std::string other_lang(other);
          const auto v = decide(rules, neutral_page(other_lang, {{std::nullopt, label, true}}), {});
          if (listed_in(setting, other_lang, label)) {
            REQUIRE(v.unknown.size() == 1);
            CHECK(v.unknown[0].why == "other_page");  // matched, but this is not its page
          } else {
            REQUIRE(v.unknown.size() == 1);
            CHECK(v.unknown[0].why == "not_in_ruleset");
            CHECK(v.highlight.empty());
            CHECK(v.sightings.empty());
          }
        }
        // A page whose language the ruleset does not have: labels are not matched at all.
        const auto no_lang = decide(rules, neutral_page("pt-BR", {{std::nullopt, label, true}}), {});
        CHECK(no_lang.unknown.size() == 1);
        const auto empty_lang = decide(rules, neutral_page("", {{std::nullopt, label, true}}), {});
        CHECK(empty_lang.unknown.size() == 1);
      }
    }
  }
  CHECK(checked >= 13 * 6);
}

TEST_CASE("decide: unreadable, ambiguous and unknown controls are never highlighted") {
  const auto& rules = real_rules();
  for (std::size_t i = 0; i < rules.settings.size(); ++i) {
    const Setting& setting = rules.settings[i];
    const Setting& other = rules.settings[(i + 1) % rules.settings.size()];
    INFO(setting.id);
    for (const auto lang : kLanguages) {
      const std::string l(lang);
      const std::string label = setting.labels.at(l).front();
      // Unreadable: checked null, by key or by label.
      std::optional<std::string> key;
      if (!setting.keys.empty()) key = setting.keys.front();
      auto v = decide(rules, page_for(setting, l, {{key, label, std::nullopt}}), {});
      REQUIRE(v.unknown.size() == 1);
      CHECK(v.unknown[0].why == "unreadable");
      CHECK(v.unknown[0].label == label);
      CHECK(v.highlight.empty());
      CHECK(v.sightings.empty());

      // Ambiguous: the key names one setting, the label another.
      if (key) {
        v = decide(rules, page_for(setting, l, {{key, other.labels.at(l).front(), true}}), {});
        REQUIRE(v.unknown.size() == 1);
        CHECK(v.unknown[0].why == "ambiguous");
        CHECK(v.unknown[0].key == key);
        CHECK(v.highlight.empty());
        CHECK(v.sightings.empty());
      }
    }
    // Unknown key and unknown label.
    auto v = decide(rules, neutral_page("en", {{"allowSomethingNew", "A brand new toggle", true}}), {});
    REQUIRE(v.unknown.size() == 1);
    CHECK(v.unknown[0].why == "not_in_ruleset");
    CHECK(v.unknown[0].key == "allowSomethingNew");
  }
}

TEST_CASE("decide: a label shared by two settings is ambiguous, never a guess") {
  Ruleset rules = real_rules();
  rules.settings[1].labels["en"].push_back("Data for Generative AI Improvement");
  rules.build_index();
  const auto& setting = rules.settings[0];
  const auto v = decide(rules, page_for(setting, "en", {{std::nullopt, "Data for generative AI improvement", true}}), {});
  REQUIRE(v.unknown.size() == 1);
  CHECK(v.unknown[0].why == "ambiguous");
  // The key still decides when the label is only ambiguous among settings that include it.
  const auto by_key = decide(rules, page_for(rules.settings[1], "en", {{"allowLinkedInAudienceNetwork", "Ads off LinkedIn", true}}), {});
  CHECK(by_key.highlight.size() == 1);
}

TEST_CASE("decide: the URL names the page but never decides which control is which") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  // A control of another setting on this page is never judged here (rule 0).
  const auto v = decide(rules, page_for(ai, "en", {{"allowLinkedInAudienceNetwork", "Ads off LinkedIn", true}}), {});
  CHECK(v.setting == &ai);
  CHECK(v.highlight.empty());
  REQUIRE(v.unknown.size() == 1);
  CHECK(v.unknown[0].why == "other_page");
  CHECK(v.page_unreadable);
  // An unknown page: setting null, nothing judged.
  const auto unknown_page = decide(rules, {"https://www.linkedin.com/mypreferences/d/settings/unknown",
                                           "/mypreferences/d/settings/unknown", "en",
                                           {{"allowDataForGenerativeAI", "x", true}}},
                                   {});
  CHECK(unknown_page.setting == nullptr);
  CHECK(unknown_page.highlight.empty());
  CHECK(unknown_page.sightings.empty());
  // Two unknown controls on a known page: neither is attributed to the page's setting.
  const auto strangers = decide(rules, page_for(ai, "en", {{"mystery", "Mystery", true}, {"other", "Other", true}}), {});
  CHECK(strangers.highlight.empty());
  CHECK(strangers.unknown.size() == 2);
  CHECK(strangers.page_unreadable);
}

TEST_CASE("decide: matched_by says how each control was matched: key, label or page") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  const auto by_key = decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", "x", true}}), {});
  REQUIRE(by_key.highlight.size() == 1);
  CHECK(by_key.highlight[0].matched_by == "key");
  const auto by_label = decide(rules, page_for(ai, "en", {{std::nullopt, ai.labels.at("en").back(), false}}), {});
  REQUIRE(by_label.ok.size() == 1);
  // The only switch on the page, with a renamed key and reworded label: the page's setting.
  const auto by_page = decide(rules, page_for(ai, "en", {{"allowGenAITrainingV2", "Train AI on my data", true}}), {});
  REQUIRE(by_page.highlight.size() == 1);
  CHECK(by_page.highlight[0].setting == ai.id);
  CHECK(by_page.highlight[0].key == "allowGenAITrainingV2");
  CHECK(by_page.highlight[0].matched_by == "page");
  CHECK_FALSE(by_page.page_unreadable);
  REQUIRE(by_page.sightings.size() == 1);
  CHECK(by_page.sightings[0].setting == ai.id);
  // Never on a page the ruleset does not know, and never over an ambiguous match.
  const auto no_page = decide(rules, {"https://www.linkedin.com/mypreferences/d/settings/unknown",
                                      "/mypreferences/d/settings/unknown", "en", {{"mystery", "Mystery", true}}}, {});
  CHECK(no_page.highlight.empty());
  CHECK_FALSE(no_page.page_unreadable);
  const Setting& ads = *rules.find_setting("ads-beyond-linkedin");
  const auto ambiguous = decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", ads.labels.at("en").front(), true}}), {});
  CHECK(ambiguous.highlight.empty());
  CHECK(ambiguous.page_unreadable);
}

TEST_CASE("decide: a switch the ruleset leaves alone is never judged, never matched by page, never new") {
  const auto& rules = real_rules();
  REQUIRE_FALSE(rules.left_alone.empty());
  const LeftAlone& tips = rules.left_alone.front();
  const Setting* page_setting = rules.setting_for_path(tips.path);
  REQUIRE(page_setting != nullptr);
  const PageState with_tips = {page_setting->url(), page_setting->path, "en", {{tips.key, "Tips by email", true}}};
  // Alone on its page, it is still not the page's setting: the page is unreadable, nothing lit.
  const auto alone = decide(rules, with_tips, {});
  CHECK(alone.highlight.empty());
  CHECK(alone.ok.empty());
  REQUIRE(alone.unknown.size() == 1);
  CHECK(alone.unknown[0].why == "left_alone");
  CHECK(alone.page_unreadable);
  // Beside the page's switch under a renamed key: that one is the page's only candidate.
  auto renamed = with_tips;
  renamed.controls.insert(renamed.controls.begin(), Control{"allowPromotionsV2", "Reworded", true});
  const auto v = decide(rules, renamed, {});
  REQUIRE(v.highlight.size() == 1);
  CHECK(v.highlight[0].setting == page_setting->id);
  CHECK(v.highlight[0].matched_by == "page");
  REQUIRE(v.unknown.size() == 1);
  CHECK(v.unknown[0].why == "left_alone");
  // Listed among several ids it is still left alone; an unknown id beside it is not.
  const auto listed = decide(rules, neutral_page("en", {{"x " + tips.key, "Tips", true}, {"mystery", "Mystery", true}}), {});
  REQUIRE(listed.unknown.size() == 2);
  CHECK(listed.unknown[0].why == "left_alone");
  CHECK(listed.unknown[1].why == "not_in_ruleset");
}

TEST_CASE("decide: page_unreadable when the page's setting got no readable control") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  CHECK(decide(rules, page_for(ai, "en", {}), {}).page_unreadable);
  CHECK(decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", "x", std::nullopt}}), {}).page_unreadable);
  CHECK_FALSE(decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", "x", false}}), {}).page_unreadable);
  // Only another setting's switch on this page: this page's setting is still unread.
  const auto other = decide(rules, page_for(ai, "en", {{"allowLinkedInAudienceNetwork", "x", true}}), {});
  CHECK(other.page_unreadable);
  // A page the ruleset does not know is never "unreadable".
  CHECK_FALSE(decide(rules, {"https://www.linkedin.com/mypreferences/d/categories/ads", "/mypreferences/d/categories/ads",
                             "en", {}}, {}).page_unreadable);
}

TEST_CASE("decide: a key listing several ids matches by the id the ruleset knows") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  const auto v = decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI allowDataForGenerativeAI-description",
                                                   "Use my data Your data may be used", true}, {"x", "X", true}}), {});
  REQUIRE(v.highlight.size() == 1);
  CHECK(v.highlight[0].key == "allowDataForGenerativeAI allowDataForGenerativeAI-description");
  CHECK(v.highlight[0].setting == ai.id);
  CHECK(v.highlight[0].matched_by == "key");
  // Order does not matter; two ids of two different settings are ambiguous.
  const auto second = decide(rules, page_for(ai, "en", {{"intro allowDataForGenerativeAI", "x", false}, {"y", "Y", true}}), {});
  CHECK(second.ok.size() == 1);
  const auto both = decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI allowLinkedInAudienceNetwork", "x", true},
                                                      {"y", "Y", true}}), {});
  REQUIRE(both.unknown.size() == 2);
  CHECK(both.unknown[0].why == "ambiguous");
}

TEST_CASE("decide: a mobile path /mypreferences/m/... is the same setting's page") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  const std::string mobile = "/mypreferences/m/settings/data-for-ai-improvement";
  const auto v = decide(rules, {"https://www.linkedin.com" + mobile, mobile, "en", {{"renamedKey", "Reworded", true}}}, {});
  CHECK(v.setting == &ai);
  REQUIRE(v.highlight.size() == 1);
  CHECK(v.highlight[0].matched_by == "page");
  CHECK(rules.setting_for_path("/mypreferences/m/member-cookies") == rules.find_setting("member-cookies"));
  CHECK(rules.setting_for_path("/mypreferences/x/settings/data-for-ai-improvement") == nullptr);
}

TEST_CASE("decide: many controls keep their order in each list, each named by its index") {
  const auto& rules = real_rules();
  const Setting& location = *rules.find_setting("ads-inferred-location");
  const auto v = decide(rules,
                        page_for(location, "de",
                                 {{"allowAdsByAge", "Altersgruppe", true},
                                  {std::nullopt, "Geschlecht", false},
                                  {"x", "y", std::nullopt},
                                  {std::nullopt, "Abgeleiteter Standort", true},
                                  {"q", "Unbekannt", false}}),
                        {});
  REQUIRE(v.highlight.size() == 1);
  CHECK(v.highlight[0].setting == "ads-inferred-location");
  CHECK(v.highlight[0].key == std::nullopt);
  CHECK(v.highlight[0].matched_by == "label");
  CHECK(v.highlight[0].control == 3);
  CHECK(v.ok.empty());
  REQUIRE(v.unknown.size() == 4);
  CHECK(v.unknown[0].why == "other_page");
  CHECK(v.unknown[1].why == "other_page");
  CHECK(v.unknown[2].why == "unreadable");
  CHECK(v.unknown[3].why == "not_in_ruleset");
  CHECK(v.unknown[0].control == 0);
  CHECK(v.unknown[1].control == 1);
  CHECK(v.unknown[2].control == 2);
  CHECK(v.unknown[3].control == 4);
  CHECK(v.sightings.size() == 1);
}

TEST_CASE("decide: one sighting per setting — repeated controls of a setting make it ambiguous") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  SUBCASE("repeated controls that agree: ambiguous all the same, nothing recorded") {
    const auto v = decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", "", true},
                                                       {"allowDataForGenerativeAI", "", true},
                                                       {std::nullopt, ai.labels.at("en").front(), true}}), {});
    CHECK(v.highlight.empty());
    REQUIRE(v.unknown.size() == 3);
    for (const auto& u : v.unknown) CHECK(u.why == "ambiguous");
    CHECK(v.sightings.empty());
    CHECK(v.page_unreadable);
  }
  SUBCASE("one on, one off (by key or by label): all ambiguous, nothing recorded") {
    const auto v = decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", "", true},
                                                       {"allowAdsByAge", "", true},
                                                       {std::nullopt, ai.labels.at("en").front(), false},
                                                       {"x", "y", std::nullopt}}), {});
    REQUIRE(v.unknown.size() == 4);
    CHECK(v.unknown[0].why == "ambiguous");
    CHECK(v.unknown[1].why == "other_page");
    CHECK(v.unknown[2].why == "ambiguous");
    CHECK(v.unknown[3].why == "unreadable");
    CHECK(v.highlight.empty());
    CHECK(v.sightings.empty());
  }
}

namespace {

StoreData with_record(const std::string& setting, const std::string& state, std::vector<HistoryEntry> history) {
  StoreData data;
  data.settings[setting] = SettingRecord{state, core_test::kNow, core_test::kNow, core_test::kNow};
  data.history = std::move(history);
  return data;
}

Verdict judge_ai(const StoreData& known, bool checked, bool flag_new) {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  return decide(rules, page_for(ai, "en", {{"allowDataForGenerativeAI", "", checked}}), known, {flag_new, ""});
}

}  // namespace

TEST_CASE("decide: drift") {
  const std::string ai = "data-for-ai-improvement";
  SUBCASE("seen off, on now: re-enabled") {
    const auto v = judge_ai(with_record(ai, "off", {{core_test::kNow, ai, "", "off", ""}}), true, false);
    REQUIRE(v.drift.size() == 1);
    CHECK(v.drift[0].setting == ai);
    CHECK(v.drift[0].kind == "re-enabled");
    CHECK(v.highlight.size() == 1);
  }
  SUBCASE("re-enabled stays flagged while it stays on") {
    const auto v = judge_ai(with_record(ai, "on", {{core_test::kNow, ai, "", "off", ""}, {core_test::kNow, ai, "off", "on", ""}}),
                            true, false);
    REQUIRE(v.drift.size() == 1);
    CHECK(v.drift[0].kind == "re-enabled");
  }
  SUBCASE("on since first seen: no drift") {
    CHECK(judge_ai(with_record(ai, "on", {{core_test::kNow, ai, "", "on", ""}}), true, true).drift.empty());
  }
  SUBCASE("switched off: no drift") {
    CHECK(judge_ai(with_record(ai, "off", {}), false, true).drift.empty());
  }
  SUBCASE("never seen, on, with history from an earlier session: new") {
    const auto v = judge_ai(with_record("ads-by-age", "off", {}), true, true);
    REQUIRE(v.drift.size() == 1);
    CHECK(v.drift[0].kind == "new");
  }
  SUBCASE("never seen on a first run: not flagged") {
    CHECK(judge_ai({}, true, false).drift.empty());
  }
  SUBCASE("never seen but off: not flagged") {
    CHECK(judge_ai(with_record("ads-by-age", "off", {}), false, true).drift.empty());
  }
  SUBCASE("seen before a walkthrough reset (history only): not new") {
    StoreData known;
    known.history.push_back({core_test::kNow, ai, "", "on", ""});
    CHECK(judge_ai(known, true, true).drift.empty());
  }
  SUBCASE("two controls of one setting: ambiguous, so no drift and nothing highlighted") {
    const auto& rules = real_rules();
    const Setting& s = *rules.find_setting(ai);
    const auto v = decide(rules, page_for(s, "en", {{"allowDataForGenerativeAI", "", true}, {std::nullopt, "Data for Generative AI Improvement", true}}),
                          with_record(ai, "off", {}), {});
    CHECK(v.drift.empty());
    CHECK(v.highlight.empty());
    CHECK(v.page_unreadable);
  }
  SUBCASE("history drift per setting") {
    StoreData known = with_record(ai, "on", {{core_test::kNow, ai, "off", "on", ""}, {core_test::kNow, "ads-by-age", "on", "off", ""}});
    CHECK(reenabled_in_history(known, ai));
    CHECK_FALSE(reenabled_in_history(known, "ads-by-age"));
    CHECK_FALSE(reenabled_in_history(known, "member-cookies"));
  }
}

namespace {

StoreData all_off_except(const std::vector<std::string>& on, bool forms_done) {
  StoreData data;
  for (const auto& setting : real_rules().settings) {
    const bool is_on = std::find(on.begin(), on.end(), setting.id) != on.end();
    data.settings[setting.id] = SettingRecord{is_on ? "on" : "off", core_test::kNow, core_test::kNow, core_test::kNow};
  }
  if (forms_done) data.forms_done["objection-form"] = "2026-11-25";
  return data;
}

}  // namespace

TEST_CASE("decide: the verdict carries the walkthrough state after this page (one round trip)") {
  const auto& rules = real_rules();
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  const Setting& age = *rules.find_setting("ads-by-age");
  StoreData known;
  known.walkthrough_active = true;
  known.settings[age.id].state = "on";  // seen on earlier, elsewhere

  const auto on = decide(rules, page_for(ai, "en", {{ai.keys.front(), "", true}}), known);
  CHECK(on.walkthrough_active);
  CHECK(on.still_on == 2);  // this page's toggle and the one seen before

  const auto off = decide(rules, page_for(ai, "en", {{ai.keys.front(), "", false}}), known);
  CHECK(off.still_on == 1);  // counted as if this page's sighting were recorded

  known.walkthrough_active = false;
  CHECK_FALSE(decide(rules, page_for(ai, "en", {}), known).walkthrough_active);
}

TEST_CASE("plan: progress and next") {
  const auto& rules = real_rules();
  const int steps = static_cast<int>(rules.settings.size() + rules.forms.size());

  SUBCASE("nothing seen, no region: every step counts, next is the first") {
    const Plan plan = plan_walkthrough(rules, {});
    CHECK(plan.steps.size() == static_cast<std::size_t>(steps));
    CHECK(plan.progress.total == steps);
    CHECK(plan.progress.done == 0);
    CHECK(plan.progress.remaining == steps);
    REQUIRE(plan.next);
    CHECK(plan.next->step == "data-for-ai-improvement");
    CHECK(plan.next->url == "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement");
    CHECK(plan.steps.front().state == "unseen");
    CHECK(plan.steps.back().kind == "form");
    CHECK(plan.steps.back().state == "todo");
  }
  SUBCASE("steps are settings in ruleset order, then forms") {
    const Plan plan = plan_walkthrough(rules, {});
    for (std::size_t i = 0; i < rules.settings.size(); ++i) {
      CHECK(plan.steps[i].id == rules.settings[i].id);
      CHECK(plan.steps[i].kind == "toggle");
      CHECK(plan.steps[i].title == rules.settings[i].labels.at("en").front());
    }
    CHECK(plan.steps[rules.settings.size()].id == "objection-form");
  }
  SUBCASE("next prefers the step after the current page, wrapping round") {
    const StoreData data = all_off_except({"data-for-ai-improvement", "ads-by-age"}, false);
    auto plan = plan_walkthrough(rules, data, "data-for-ai-improvement");
    CHECK(plan.next->step == "ads-by-age");
    plan = plan_walkthrough(rules, data, "ads-by-age");
    CHECK(plan.next->step == "objection-form");
    plan = plan_walkthrough(rules, all_off_except({"data-for-ai-improvement", "ads-by-age"}, true), "ads-by-age");
    CHECK(plan.next->step == "data-for-ai-improvement");  // wrapped
    plan = plan_walkthrough(rules, all_off_except({"ads-by-age"}, true), "ads-by-age");
    CHECK(plan.next->step == "ads-by-age");  // the only one left is this page
    plan = plan_walkthrough(rules, data, "");
    CHECK(plan.next->step == "data-for-ai-improvement");
    plan = plan_walkthrough(rules, data, "not-a-step");
    CHECK(plan.next->step == "data-for-ai-improvement");
    CHECK(plan.progress.done == steps - 3);
    CHECK(plan.progress.remaining == 3);
  }
  SUBCASE("all done: next is null") {
    const Plan plan = plan_walkthrough(rules, all_off_except({}, true), "ads-by-age");
    CHECK_FALSE(plan.next);
    CHECK(plan.progress.done == steps);
    CHECK(plan.progress.remaining == 0);
    CHECK(plan.steps.back().state == "done");
    CHECK(plan.steps.back().done_at == "2026-11-25");
  }
  SUBCASE("a re-enabled step shows drift") {
    StoreData data = all_off_except({"ads-related-actions"}, false);
    data.history.push_back({core_test::kNow, "ads-related-actions", "off", "on", ""});
    const Plan plan = plan_walkthrough(rules, data);
    const auto it = std::find_if(plan.steps.begin(), plan.steps.end(), [](const Step& s) { return s.id == "ads-related-actions"; });
    CHECK(it->state == "on");
    CHECK(it->drift);
    CHECK(it->last_seen == core_test::kNow);
  }
}

TEST_CASE("plan: regions") {
  const auto& rules = real_rules();
  const int steps = static_cast<int>(rules.settings.size() + rules.forms.size());
  StoreData data = all_off_except({"share-data-with-select-partners"}, true);

  SUBCASE("no region: every setting is expected") {
    const Plan plan = plan_walkthrough(rules, data);
    CHECK(plan.progress.total == steps);
    CHECK(plan.next->step == "share-data-with-select-partners");
  }
  for (const std::string region : {"EU", "UK", "CH"}) {
    SUBCASE(("a setting LinkedIn does not show in " + region + " is listed, never counted nor next").c_str()) {
      data.region = region;
      const Plan plan = plan_walkthrough(rules, data);
      CHECK(plan.steps.size() == static_cast<std::size_t>(steps));
      CHECK(plan.steps[4].id == "share-data-with-select-partners");
      CHECK(plan.steps[4].state == "not_in_region");
      CHECK(plan.progress.total == steps - 1);
      CHECK(plan.progress.done == steps - 1);
      CHECK_FALSE(plan.next);
    }
  }
  SUBCASE("in a region where it is shown, it counts") {
    data.region = "CA";
    const Plan plan = plan_walkthrough(rules, data);
    CHECK(plan.progress.total == steps);
    CHECK(plan.next->step == "share-data-with-select-partners");
  }
  SUBCASE("the verdict counts progress over the region's plan, with this page's sightings") {
    data.region = "EU";
    const Setting& age = *rules.find_setting("ads-by-age");
    auto v = decide(rules, page_for(age, "en", {{"allowAdsByAge", "", true}}), data);
    CHECK(v.progress.total == steps - 1);
    CHECK(v.progress.done == steps - 2);
    CHECK(v.next->step == "ads-by-age");
    v = decide(rules, page_for(age, "en", {{"allowAdsByAge", "", false}}), data);
    CHECK(v.progress.remaining == 0);
    CHECK_FALSE(v.next);
    // The setting not shown in the region is still judged when a page shows it.
    const Setting& partners = *rules.find_setting("share-data-with-select-partners");
    v = decide(rules, page_for(partners, "en", {{"shareDataWithTrustedPartners", "", true}}), data);
    CHECK(v.highlight.size() == 1);
    CHECK(v.progress.remaining == 0);
  }
}
