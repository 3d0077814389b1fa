// The host's words in the user's language: every reason, title, guidance and region name of the
// real ruleset exists in all six languages and is translated, and the lookups fall back to
// English per string for a language (or a string) the ruleset lacks.
#include <doctest/doctest.h>

#include "decide.hpp"
#include "ruleset_load.hpp"
#include "ruleset.hpp"
#include "test_support.hpp"
#include "ruleset_text.hpp"

using namespace linkedout;

namespace {

using test_support::rules;  // the shipped ruleset, loaded once (test_support.hpp)

// Every language but English must say it in its own words, not copy the English text.
void check_translated(const Texts& texts, const std::string& what) {
  const std::string& english = texts.at("en");
  CHECK_FALSE(english.empty());
  for (const auto lang : kLanguages) {
    INFO(what << " in " << lang);
    const auto it = texts.find(std::string(lang));
    REQUIRE(it != texts.end());
    CHECK_FALSE(it->second.empty());
    if (lang != "en") CHECK(it->second != english);
  }
}

}  // namespace

TEST_CASE("ruleset texts: every setting's reason in en, de, fr, es, nl and it, translated") {
  REQUIRE(rules().settings.size() == 13);
  for (const auto& setting : rules().settings) {
    check_translated(setting.reasons, setting.id + " reason");
    for (const auto lang : kLanguages) {
      CHECK(setting_reason(setting, lang) == setting.reasons.at(std::string(lang)));
    }
  }
}

TEST_CASE("ruleset texts: every form's title and guidance, and every region's name, translated") {
  REQUIRE_FALSE(rules().forms.empty());
  for (const auto& form : rules().forms) {
    check_translated(form.titles, form.id + " title");
    check_translated(form.guidance, form.id + " guidance");
  }
  for (const auto& [code, names] : rules().regions) {
    for (const auto lang : kLanguages) CHECK_FALSE(names.at(std::string(lang)).empty());
  }
  CHECK(region_name(rules(), "CH", "de") == "Schweiz");
  CHECK(region_name(rules(), "CH", "it-CH") == "Svizzera");
  CHECK(region_name(rules(), "MARS", "de").empty());
}

TEST_CASE("ruleset texts: a setting's title is LinkedIn's own label in that language") {
  const Setting& ai = *rules().find_setting("data-for-ai-improvement");
  CHECK(setting_title(ai, "de") == ai.labels.at("de").front());
  CHECK(setting_title(ai, "de") == "Daten zur Verbesserung generativer KI");
  CHECK(setting_title(ai, "nl-BE") == ai.labels.at("nl").front());
  CHECK(setting_title(ai, "en-GB") == "Data for Generative AI Improvement");
}

TEST_CASE("ruleset texts: a BCP 47 tag picks its primary language — anything else gets English") {
  const Setting& ads = *rules().find_setting("ads-beyond-linkedin");
  CHECK(text_language("de-AT") == "de");
  CHECK(text_language("FR_ca") == "fr");
  CHECK(text_language("pt-BR") == "en");
  CHECK(text_language("") == "en");
  CHECK(text_language("x") == "en");
  CHECK(setting_reason(ads, "es-419") == ads.reasons.at("es"));
  CHECK(setting_reason(ads, "pt-BR") == ads.reasons.at("en"));
  CHECK(setting_reason(ads, "") == ads.reasons.at("en"));
  CHECK(setting_title(ads, "ja") == ads.labels.at("en").front());
}

TEST_CASE("ruleset texts: the fallback to English is per string") {
  Setting setting;
  setting.id = "made-up";
  setting.labels = {{"en", {"Made up"}}, {"de", {}}};
  setting.reasons = {{"en", "English reason"}, {"fr", "Raison française"}, {"de", ""}};
  CHECK(setting_reason(setting, "fr") == "Raison française");
  CHECK(setting_reason(setting, "de") == "English reason");  // empty text: English
  CHECK(setting_reason(setting, "it") == "English reason");  // no text: English
  CHECK(setting_title(setting, "de") == "Made up");          // no German label: English
  Setting bare;
  bare.id = "bare";
  CHECK(setting_title(bare, "de") == "bare");
  CHECK(setting_reason(bare, "de").empty());
}

TEST_CASE("ruleset texts: the verdict's reasons and the plan's titles follow ui_lang") {
  const Setting& ai = rules().settings.front();
  PageState page{ai.url(), ai.path, "en", {{ai.keys.front(), ai.labels.at("en").front(), true}}};
  DecideOptions german;
  german.ui_lang = "de-DE";
  const Verdict in_german = decide(rules(), page, {}, german);
  REQUIRE(in_german.highlight.size() == 1);
  CHECK(in_german.highlight[0].reason == ai.reasons.at("de"));
  // The page is English, LinkedOut speaks German: the label still matched in the page's language.
  CHECK(in_german.highlight[0].setting == ai.id);
  CHECK(decide(rules(), page, {}).highlight[0].reason == ai.reasons.at("en"));

  const Plan plan = plan_walkthrough(rules(), {}, {}, "it");
  CHECK(plan.steps.front().title == ai.labels.at("it").front());
  CHECK(plan.steps.back().title == rules().forms.back().titles.at("it"));
  CHECK(plan.steps.back().guidance == rules().forms.back().guidance.at("it"));
}
