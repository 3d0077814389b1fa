// The ruleset as data: the real rules/linkedin.json loads, is complete in every language and is
// unambiguous; broken rulesets are refused with a message that says what is wrong.
#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "decide_text.hpp"
#include "ruleset_load.hpp"
#include "ruleset.hpp"
#include "test_support.hpp"

using linkedout::kLanguages;
using linkedout::normalise_label;
using linkedout::parse_ruleset;
using linkedout::RulesetError;
using nlohmann::json;

namespace {

std::string real_rules_text() { return linkedout::test_support::rules_text(); }

json real_rules_json() { return json::parse(real_rules_text()); }

std::string ruleset_refusal(const json& doc) {
  try {
    parse_ruleset(doc.dump());
  } catch (const RulesetError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("ruleset: the real file loads, and the compiled-in ruleset is the same file's") {
  const auto from_file = parse_ruleset(real_rules_text());
  const auto embedded = linkedout::load_ruleset(std::nullopt);
  CHECK(from_file.name == "linkedin");
  CHECK(embedded.version == from_file.version);
  CHECK(embedded.settings.size() == from_file.settings.size());
  CHECK(from_file.settings.size() == 13);
  CHECK(from_file.forms.size() == 1);
  const auto loaded = linkedout::load_ruleset(std::filesystem::path(LINKEDOUT_SOURCE_DIR) / "native-host/rules/linkedin.json");
  CHECK(loaded.settings.size() == from_file.settings.size());
}

TEST_CASE("ruleset: every setting has labels in en, de, fr, es, nl and it") {
  const auto rules = parse_ruleset(real_rules_text());
  for (const auto& setting : rules.settings) {
    for (const auto lang : kLanguages) {
      INFO(setting.id << " in " << lang);
      auto it = setting.labels.find(std::string(lang));
      REQUIRE(it != setting.labels.end());
      CHECK_FALSE(it->second.empty());
      for (const auto& label : it->second) CHECK_FALSE(normalise_label(label).empty());
    }
    CHECK(setting.desired == "off");
    CHECK(setting.url() == "https://www.linkedin.com" + setting.path);
  }
}

TEST_CASE("ruleset: every label names its source or says it is unverified") {
  const json doc = real_rules_json();
  std::set<std::string> sources;
  for (const auto& source : doc.at("sources")) sources.insert(source.at("id").get<std::string>());
  int verified = 0;
  for (const auto& setting : doc.at("settings")) {
    const std::string id = setting.at("id").get<std::string>();
    INFO(id);
    REQUIRE(setting.contains("label_sources"));
    const json& labels = setting.at("labels");
    const json& label_sources = setting.at("label_sources");
    CHECK(label_sources.size() == labels.size());
    for (const auto& item : labels.items()) {
      const std::string& lang = item.key();  // plain names: INFO captures them
      const json& list = item.value();
      INFO(lang);
      REQUIRE(label_sources.contains(lang));
      REQUIRE(label_sources.at(lang).size() == list.size());
      for (const auto& source : label_sources.at(lang)) {
        const auto name = source.get<std::string>();
        CHECK((name == "unverified" || sources.count(name) == 1));
        if (name != "unverified") ++verified;
      }
    }
  }
  // The AI-training switch's English, German, French and Dutch wording is confirmed by public sources.
  CHECK(verified >= 8);
}

TEST_CASE("ruleset: no key and no normalised label (per language) belongs to two settings") {
  const auto rules = parse_ruleset(real_rules_text());
  std::map<std::string, std::string> key_owner;
  std::map<std::pair<std::string, std::string>, std::string> label_owner;
  for (const auto& setting : rules.settings) {
    for (const auto& key : setting.keys) {
      const auto [at, fresh] = key_owner.emplace(key, setting.id);
      const auto it = at;  // a plain name: CHECK_MESSAGE captures it
      CHECK_MESSAGE((fresh || it->second == setting.id), "key " << key << " in " << it->second << " and " << setting.id);
    }
    for (const auto& entry : setting.labels) {
      const std::string& lang = entry.first;  // plain names: CHECK_MESSAGE captures them
      for (const auto& label : entry.second) {
        const auto [at, fresh] = label_owner.emplace(std::make_pair(lang, normalise_label(label)), setting.id);
        const auto it = at;
        CHECK_MESSAGE((fresh || it->second == setting.id),
                      lang << " label \"" << label << "\" in " << it->second << " and " << setting.id);
      }
    }
  }
  CHECK(key_owner.size() >= 12);
}

TEST_CASE("ruleset: the must-cover settings are there, in walkthrough order") {
  const auto rules = parse_ruleset(real_rules_text());
  const std::vector<std::string> first = {"data-for-ai-improvement", "ads-beyond-linkedin",
                                          "ads-interactions-with-business", "ads-related-actions",
                                          "share-data-with-select-partners"};
  for (std::size_t i = 0; i < first.size(); ++i) CHECK(rules.settings[i].id == first[i]);
  CHECK(rules.settings.front().severity == "ai-training");
  // The walkthrough goes AI training first, then ads, then the rest (docs/protocol.md §4.3).
  const std::map<std::string, int> rank = {{"ai-training", 0}, {"ads", 1}, {"other", 2}};
  for (std::size_t i = 1; i < rules.settings.size(); ++i) {
    INFO(rules.settings[i].id);
    CHECK(rank.at(rules.settings[i - 1].severity) <= rank.at(rules.settings[i].severity));
  }
  REQUIRE(rules.find_setting("data-for-ai-improvement"));
  CHECK(rules.find_setting("data-for-ai-improvement")->keys == std::vector<std::string>{"allowDataForGenerativeAI"});
  CHECK(rules.setting_for_path("/mypreferences/d/settings/ads-beyond-linkedin")->id == "ads-beyond-linkedin");
  CHECK(rules.setting_for_path("/mypreferences/d/settings/nope") == nullptr);
  CHECK(rules.find_form("objection-form"));
  CHECK(rules.find_setting("objection-form") == nullptr);
  const auto* partners = rules.find_setting("share-data-with-select-partners");
  CHECK_FALSE(partners->shown_in("EU"));
  CHECK(partners->shown_in("US"));
  CHECK(partners->shown_in(""));
}

TEST_CASE("ruleset: broken rulesets are refused, saying what is wrong") {
  json doc = real_rules_json();
  CHECK(ruleset_refusal(doc).empty());

  SUBCASE("not JSON") { CHECK_THROWS_AS(parse_ruleset("{"), RulesetError); }
  SUBCASE("duplicate key in the file") { CHECK_THROWS_AS(parse_ruleset(R"({"ruleset":"a","ruleset":"b"})"), RulesetError); }
  SUBCASE("not valid UTF-8") { CHECK_THROWS_AS(parse_ruleset("{\"ruleset\":\"\xff\"}"), RulesetError); }
  SUBCASE("missing version") {
    doc.erase("version");
    CHECK(ruleset_refusal(doc).find("version") != std::string::npos);
  }
  SUBCASE("a setting without a language") {
    doc["settings"][2]["labels"].erase("nl");
    CHECK(ruleset_refusal(doc).find("missing language \"nl\"") != std::string::npos);
  }
  SUBCASE("an unknown language") {
    doc["settings"][0]["labels"]["pt"] = json::array({"Dados"});
    CHECK(ruleset_refusal(doc).find("unknown language \"pt\"") != std::string::npos);
  }
  SUBCASE("a reason missing in one language") {
    doc["settings"][3]["reasons"].erase("it");
    CHECK(ruleset_refusal(doc).find("settings[3].reasons: missing language \"it\"") != std::string::npos);
  }
  SUBCASE("a reason as a bare string (the old format)") {
    doc["settings"][0]["reasons"] = "Lets LinkedIn train AI.";
    CHECK(ruleset_refusal(doc).find("settings[0].reasons: must be an object") != std::string::npos);
  }
  SUBCASE("an empty form guidance in one language") {
    doc["forms"][0]["guidance"]["es"] = "";
    CHECK(ruleset_refusal(doc).find("forms[0].guidance.es: must not be empty") != std::string::npos);
  }
  SUBCASE("a region name in an unknown language") {
    doc["regions"]["EU"]["pt"] = "União Europeia";
    CHECK(ruleset_refusal(doc).find("regions.EU: unknown language \"pt\"") != std::string::npos);
  }
  SUBCASE("an unknown region") {
    doc["settings"][0]["regions"].push_back("MARS");
    CHECK(ruleset_refusal(doc).find("unknown region \"MARS\"") != std::string::npos);
  }
  SUBCASE("an unknown severity") {
    doc["settings"][0]["severity"] = "spicy";
    CHECK(ruleset_refusal(doc).find("severity") != std::string::npos);
  }
  SUBCASE("a bad desired state") {
    doc["settings"][0]["desired"] = "maybe";
    CHECK(ruleset_refusal(doc).find("desired") != std::string::npos);
  }
  SUBCASE("a duplicate id") {
    doc["settings"][1]["id"] = doc["settings"][0]["id"];
    CHECK(ruleset_refusal(doc).find("duplicate id") != std::string::npos);
  }
  SUBCASE("a form id that is also a setting id") {
    doc["forms"][0]["id"] = "ads-by-age";
    CHECK(ruleset_refusal(doc).find("duplicate id") != std::string::npos);
  }
  SUBCASE("a key on two settings") {
    doc["settings"][1]["keys"].push_back("allowDataForGenerativeAI");
    CHECK(ruleset_refusal(doc).find("key \"allowDataForGenerativeAI\" belongs to both") != std::string::npos);
  }
  SUBCASE("a label on two settings, equal only after normalisation") {
    doc["settings"][1]["labels"]["fr"].push_back("DONNÉES POUR L'AMÉLIORATION   DE L’IA GÉNÉRATIVE");
    CHECK(ruleset_refusal(doc).find("(fr) belongs to both") != std::string::npos);
  }
  SUBCASE("the same label in two languages of two settings is fine") {
    doc["settings"][1]["labels"]["de"].push_back("Data for Generative AI Improvement");
    CHECK(ruleset_refusal(doc).empty());
  }
  SUBCASE("a switch left alone that is also a setting's key") {
    doc["left_alone"][0]["key"] = "allowDataForGenerativeAI";
    CHECK(ruleset_refusal(doc).find("left_alone") != std::string::npos);
  }
  SUBCASE("a switch left alone without a reason") {
    doc["left_alone"][0].erase("why");
    CHECK(ruleset_refusal(doc).find("why") != std::string::npos);
  }
  SUBCASE("a switch left alone off the settings pages, or with several ids") {
    json copy = doc;
    doc["left_alone"][0]["path"] = "/feed/";
    CHECK(ruleset_refusal(doc).find("left_alone[0].path") != std::string::npos);
    copy["left_alone"][0]["key"] = "a b";
    CHECK(ruleset_refusal(copy).find("left_alone[0].key") != std::string::npos);
  }
  SUBCASE("a state word that means both on and off (issue 21: it would read nothing)") {
    doc["state_words"]["off"]["de"].push_back("EIN");
    CHECK(ruleset_refusal(doc).find("state_words.off.de: \"EIN\" also means on") != std::string::npos);
  }
  SUBCASE("state words missing a language, or an option value on both sides") {
    json copy = doc;
    doc["state_words"]["on"].erase("it");
    CHECK(ruleset_refusal(doc).find("state_words.on: missing language \"it\"") != std::string::npos);
    copy["state_words"]["off_values"].push_back("true");
    CHECK(ruleset_refusal(copy).find("state_words.off_values: \"true\" also means on") != std::string::npos);
  }
  SUBCASE("an off answer that is neither yes nor no") {
    doc["settings"][0]["off_answer"] = "maybe";
    CHECK(ruleset_refusal(doc).find("settings[0].off_answer") != std::string::npos);
  }
  SUBCASE("a path off the settings pages") {
    doc["settings"][0]["path"] = "/feed/";
    CHECK(ruleset_refusal(doc).find("path") != std::string::npos);
  }
  SUBCASE("a form off LinkedIn") {
    doc["forms"][0]["url"] = "https://example.org/form";
    CHECK(ruleset_refusal(doc).find("forms[0].url") != std::string::npos);
  }
  SUBCASE("an empty label") {
    doc["settings"][0]["labels"]["en"].push_back("");
    CHECK(ruleset_refusal(doc).find("settings[0].labels.en") != std::string::npos);
  }
  SUBCASE("a missing file") {
    CHECK_THROWS_AS(linkedout::load_ruleset(std::filesystem::path("/nonexistent/rules.json")), RulesetError);
  }
}
