// Page-scoped matching (issue 21): a verdict only from the setting's own page, every control named
// by its index, match by page only when nothing went unread, one claimant per setting, a locked
// switch never done. On the real ruleset, through decide() and through the page_state parser (the
// URL variants: /m/, query, fragment, trailing slash).
#include <doctest/doctest.h>

#include <algorithm>

#include "decide.hpp"
#include "decide_text.hpp"
#include "handlers/page_state.hpp"
#include "test_dispatch_support.hpp"
#include "test_verdict_dom.hpp"

using namespace linkedout;
using core_test::real_rules;

namespace {

PageState page_at(const std::string& url, const std::string& lang, std::vector<Control> controls) {
  return PageState{url, protocol::page_path(url), lang, std::move(controls)};
}

PageState own_page(const Setting& setting, const std::string& lang, std::vector<Control> controls) {
  return page_at(setting.url(), lang, std::move(controls));
}

// Nothing of the verdict speaks for a setting: no highlight, no ok, no sighting.
void judges_nothing(const Verdict& v) {
  CHECK(v.highlight.empty());
  CHECK(v.ok.empty());
  CHECK(v.sightings.empty());
}

}  // namespace

TEST_CASE("page scope: a setting's key or label on another setting's page is never judged there") {
  const auto& rules = real_rules();
  for (std::size_t i = 0; i < rules.settings.size(); ++i) {
    const Setting& setting = rules.settings[i];
    const Setting& elsewhere = rules.settings[(i + 1) % rules.settings.size()];
    INFO(setting.id << " on the page of " << elsewhere.id);
    std::vector<Control> claims;
    for (const auto& key : setting.keys) claims.push_back({key, "", true});
    for (const auto& label : setting.labels.at("en")) claims.push_back({std::nullopt, label, true});
    for (const auto& claim : claims) {
      // With a readable switch of the page's own setting beside it, so neither is "the only one".
      const auto v = decide(rules, own_page(elsewhere, "en", {claim, {"allowSomethingNew", "Brand new", false}}), {});
      CHECK(v.setting == &elsewhere);
      judges_nothing(v);
      REQUIRE(v.unknown.size() == 2);
      CHECK(v.unknown[0].why == "other_page");
      CHECK(v.unknown[0].control == 0);
      CHECK(v.unknown[1].why == "not_in_ruleset");
      CHECK(v.page_unreadable);  // this page's own setting was not read: the user is told
    }
  }
}

TEST_CASE("page scope: LinkedIn's own pages that reuse a ruleset label judge nothing (issue 21)") {
  const auto& rules = real_rules();
  struct Case {
    std::string url, lang, label;
  };
  for (const auto& c : {Case{"https://www.linkedin.com/mypreferences/d/settings/profile-location", "en", "Location"},
                        Case{"https://www.linkedin.com/mypreferences/d/settings/demographic-info", "fr-FR", "Genre"},
                        Case{"https://www.linkedin.com/mypreferences/d/settings/demographic-info", "en", "Gender"},
                        Case{"https://www.linkedin.com/mypreferences/d/settings/demographic-info", "de", "Altersgruppe"}}) {
    INFO(c.url << " " << c.label);
    // The label is a ruleset label in that language (else this case proves nothing).
    REQUIRE(match_control(rules, {std::nullopt, c.label, true}, c.lang).setting.has_value());
    const auto v = decide(rules, page_at(c.url, c.lang, {{std::nullopt, c.label, true}}), {});
    CHECK(v.setting == nullptr);
    judges_nothing(v);
    REQUIRE(v.unknown.size() == 1);
    CHECK(v.unknown[0].why == "other_page");
    CHECK_FALSE(v.page_unreadable);
  }
}

TEST_CASE("page scope: a page in no rule with every ruleset key, unchecked, records nothing and moves no progress") {
  const auto& rules = real_rules();
  std::vector<Control> hidden;
  for (const auto& setting : rules.settings) {
    for (const auto& key : setting.keys) hidden.push_back({key, "", false});
  }
  REQUIRE(hidden.size() >= 12);
  const auto v = decide(rules, page_at("https://www.linkedin.com/mypreferences/d/settings/account-preferences", "en", hidden), {});
  judges_nothing(v);
  CHECK(v.progress.done == 0);
  CHECK(v.unknown.size() == hidden.size());
  for (const auto& u : v.unknown) CHECK(u.why == "other_page");
  // The same switches on one setting's page: only that setting's own is judged.
  const Setting& ai = *rules.find_setting("data-for-ai-improvement");
  const auto on_ai = decide(rules, own_page(ai, "en", hidden), {});
  REQUIRE(on_ai.ok.size() == 1);
  CHECK(on_ai.ok[0].setting == ai.id);
  REQUIRE(on_ai.sightings.size() == 1);
  CHECK(on_ai.progress.done == 1);
}

TEST_CASE("page scope: the setting's own page under /m/, a query, a fragment or a trailing slash") {
  const auto& rules = real_rules();
  const Setting& gender = *rules.find_setting("ads-by-gender");
  const std::string desktop = gender.url();
  std::string mobile = desktop;
  mobile.replace(mobile.find("/mypreferences/d/"), 17, "/mypreferences/m/");
  for (const auto& url : {desktop, mobile, desktop + "?li_theme=light&openInMobileMode=true", mobile + "/#top",
                          desktop + "/?trk=nav"}) {
    INFO(url);
    const auto v = decide(rules, page_at(url, "fr", {{std::nullopt, "Genre", true}}), {});
    CHECK(v.setting == &gender);
    REQUIRE(v.highlight.size() == 1);
    CHECK(v.highlight[0].setting == gender.id);
    CHECK(v.highlight[0].matched_by == "label");
  }
  // Not the same page: another section, a longer path.
  for (const auto& url : {std::string("https://www.linkedin.com/mypreferences/x/settings/ads-by-gender"), desktop + "-v2",
                          desktop + "/details"}) {
    INFO(url);
    const auto v = decide(rules, page_at(url, "fr", {{std::nullopt, "Genre", true}}), {});
    CHECK(v.setting == nullptr);
    judges_nothing(v);
  }
}

TEST_CASE("page scope: the page_state parser gives the path the ruleset compares (query, fragment, slash dropped)") {
  const auto& rules = real_rules();
  const nlohmann::json message = {{"type", "page_state"},
                                  {"url", "https://www.linkedin.com/mypreferences/m/settings/ads-by-age/?li_theme=light#x"},
                                  {"lang", "en"},
                                  {"controls", nlohmann::json::array()}};
  const auto request = std::get<protocol::PageStateRequest>(protocol::read_request(message.dump()));
  const PageState page{request.url, protocol::page_path(request.url), request.lang, request.controls};
  CHECK(page.path == "/mypreferences/m/settings/ads-by-age");
  CHECK(rules.setting_for_path(page.path) == rules.find_setting("ads-by-age"));
}

TEST_CASE("identity: every entry names its control by its index in the page's controls") {
  const auto& rules = real_rules();
  const Setting& location = *rules.find_setting("ads-inferred-location");
  // LinkedIn's server-driven markup: no keys at all; an unrelated keyless switch comes first.
  const auto v = decide(rules, own_page(location, "en", {{std::nullopt, "Smart reply suggestions", true},
                                                         {std::nullopt, "Location", true},
                                                         {"tipsForUsingLinkedinViaEmail", "Tips", true},
                                                         {std::nullopt, "Unreadable", std::nullopt}}),
                        {});
  REQUIRE(v.highlight.size() == 1);
  CHECK(v.highlight[0].key == std::nullopt);
  CHECK(v.highlight[0].control == 1);
  REQUIRE(v.unknown.size() == 3);
  CHECK(v.unknown[0].control == 0);
  CHECK(v.unknown[1].control == 2);
  CHECK(v.unknown[2].control == 3);
  const auto off = decide(rules, own_page(location, "en", {{std::nullopt, "Other", true}, {std::nullopt, "Location", false}}), {});
  REQUIRE(off.ok.size() == 1);
  CHECK(off.ok[0].control == 1);
}

TEST_CASE("match by page only when nothing on the page went unread") {
  const auto& rules = real_rules();
  const Setting& age = *rules.find_setting("ads-by-age");
  // One readable unrelated switch beside a toggle LinkedOut cannot read (a class-only state).
  const auto v = decide(rules, own_page(age, "en", {{std::nullopt, "", std::nullopt}, {"allowSomethingUnrelated", "Smart replies", true}}), {});
  judges_nothing(v);
  CHECK(v.page_unreadable);
  REQUIRE(v.unknown.size() == 2);
  CHECK(v.unknown[0].why == "unreadable");
  CHECK(v.unknown[1].why == "not_in_ruleset");
  // An unreadable switch the ruleset leaves alone is still unread: no match by page either.
  const Setting& promotions = *rules.find_setting("linkedin-promotions");
  const auto tips = decide(rules, own_page(promotions, "en", {{"tipsForUsingLinkedinViaEmail", "Tips", std::nullopt},
                                                              {"allowPromotionsV2", "Reworded", true}}), {});
  judges_nothing(tips);
  CHECK(tips.page_unreadable);
  // Everything read: the only switch is the page's setting.
  const auto alone = decide(rules, own_page(age, "en", {{"allowSomethingUnrelated", "Smart replies", true}}), {});
  REQUIRE(alone.highlight.size() == 1);
  CHECK(alone.highlight[0].matched_by == "page");
}

TEST_CASE("one claimant per setting: two controls claiming the page's setting are ambiguous, never a pick") {
  const auto& rules = real_rules();
  const Setting& actions = *rules.find_setting("ads-related-actions");
  const std::string key = actions.keys.front();
  const std::string label = actions.labels.at("en").front();
  SUBCASE("two by key, both on") {
    const auto v = decide(rules, own_page(actions, "en", {{key, "", true}, {key, "", true}}), {});
    judges_nothing(v);
    REQUIRE(v.unknown.size() == 2);
    CHECK(v.unknown[0].why == "ambiguous");
    CHECK(v.unknown[1].why == "ambiguous");
    CHECK(v.page_unreadable);
  }
  SUBCASE("one by key, one by label, agreeing and off") {
    const auto v = decide(rules, own_page(actions, "en", {{key, "", false}, {std::nullopt, label, false}}), {});
    judges_nothing(v);
    CHECK(v.page_unreadable);
  }
  SUBCASE("one readable, one unreadable") {
    const auto v = decide(rules, own_page(actions, "en", {{key, "", true}, {key, "", std::nullopt}}), {});
    judges_nothing(v);
    REQUIRE(v.unknown.size() == 2);
    CHECK(v.unknown[0].why == "ambiguous");
    CHECK(v.unknown[1].why == "ambiguous");
  }
  SUBCASE("a control naming the setting by key but another setting by label (ambiguous) claims it too") {
    const Setting& age = *rules.find_setting("ads-by-age");
    const auto v = decide(rules, own_page(actions, "en", {{key, "", true}, {key, age.labels.at("en").front(), true}}), {});
    judges_nothing(v);
    CHECK(v.page_unreadable);
  }
  SUBCASE("another setting's switch beside it does not count as a claimant") {
    const auto v = decide(rules, own_page(actions, "en", {{key, "", true}, {"allowAdsByAge", "", true}}), {});
    REQUIRE(v.highlight.size() == 1);
    CHECK(v.highlight[0].control == 0);
    REQUIRE(v.unknown.size() == 1);
    CHECK(v.unknown[0].why == "other_page");
  }
}

TEST_CASE("a locked switch (on, disabled) is never done: action locked, recorded on, the objection form named") {
  const auto& rules = real_rules();
  const Setting& gender = *rules.find_setting("ads-by-gender");
  REQUIRE_FALSE(rules.forms.empty());
  Control locked{gender.keys.front(), "", true};
  locked.disabled = true;
  const auto v = decide(rules, own_page(gender, "en", {locked}), {});
  REQUIRE(v.highlight.size() == 1);
  CHECK(v.highlight[0].action == "locked");
  CHECK(v.highlight[0].setting == gender.id);
  REQUIRE(v.highlight[0].form.has_value());
  CHECK(v.highlight[0].form->step == rules.forms.front().id);
  CHECK(v.highlight[0].form->url == rules.forms.front().url);
  REQUIRE(v.sightings.size() == 1);
  CHECK(v.sightings[0].state == "on");
  CHECK(v.progress.done == 0);
  CHECK(v.still_on == 1);
  CHECK_FALSE(v.page_unreadable);
  // Disabled and already off: nothing to do, ok as any other.
  locked.checked = false;
  const auto off = decide(rules, own_page(gender, "en", {locked}), {});
  CHECK(off.highlight.empty());
  REQUIRE(off.ok.size() == 1);
  // Not disabled: the ordinary switch-off, no form.
  const auto plain = decide(rules, own_page(gender, "en", {{gender.keys.front(), "", true}}), {});
  REQUIRE(plain.highlight.size() == 1);
  CHECK(plain.highlight[0].action == "switch-off");
  CHECK_FALSE(plain.highlight[0].form.has_value());
}

TEST_CASE("the verdict reply names each control and a locked switch's form — both writers agree") {
  const auto& rules = real_rules();
  const Setting& gender = *rules.find_setting("ads-by-gender");
  Control locked{gender.keys.front(), "", true};
  locked.disabled = true;
  const PageState page = own_page(gender, "en", {{"x", "Other", true}, locked});
  // Two controls: "x" does not match and the page is not matched by page (two controls).
  Verdict verdict = decide(rules, page, {});
  auto typed = protocol::verdict_reply(std::move(verdict), page);
  typed.id = 7;
  const nlohmann::json reply = core_test::verdict_dom(typed);
  REQUIRE(reply["highlight"].size() == 1);
  CHECK(reply["highlight"][0]["control"] == 1);
  CHECK(reply["highlight"][0]["action"] == "locked");
  CHECK(reply["highlight"][0]["form"]["step"] == rules.forms.front().id);
  CHECK(reply["unknown"][0]["control"] == 0);
  CHECK(protocol::to_text(typed) == reply.dump());
}
