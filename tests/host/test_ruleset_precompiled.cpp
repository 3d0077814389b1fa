// The ruleset compiled to C++ at build time (ruleset-codegen) must be exactly what parsing the
// shipped JSON file gives, index included: the host trusts it without re-checking at start-up.
#include <doctest/doctest.h>

#include "ruleset.hpp"
#include "ruleset_load.hpp"
#include "ruleset_precompiled.hpp"
#include "test_support.hpp"

using linkedout::Ruleset;

TEST_CASE("precompiled ruleset equals parse_ruleset(the shipped file), index included") {
  const Ruleset parsed = linkedout::parse_ruleset(linkedout::test_support::rules_text());
  const Ruleset built = linkedout::precompiled_ruleset();
  CHECK(built.name == parsed.name);
  CHECK(built.version == parsed.version);
  CHECK(built.regions == parsed.regions);
  REQUIRE(built.settings.size() == parsed.settings.size());
  for (std::size_t i = 0; i < parsed.settings.size(); ++i) {
    const auto& a = built.settings[i];
    const auto& b = parsed.settings[i];
    CAPTURE(b.id);
    CHECK(a.id == b.id);
    CHECK(a.path == b.path);
    CHECK(a.keys == b.keys);
    CHECK(a.labels == b.labels);
    CHECK(a.desired == b.desired);
    CHECK(a.severity == b.severity);
    CHECK(a.regions == b.regions);
    CHECK(a.reasons == b.reasons);
  }
  REQUIRE(built.forms.size() == parsed.forms.size());
  for (std::size_t i = 0; i < parsed.forms.size(); ++i) {
    const auto& a = built.forms[i];
    const auto& b = parsed.forms[i];
    CAPTURE(b.id);
    CHECK(a.id == b.id);
    CHECK(a.url == b.url);
    CHECK(a.titles == b.titles);
    CHECK(a.severity == b.severity);
    CHECK(a.guidance == b.guidance);
    CHECK(a.regions == b.regions);
  }
  REQUIRE(built.left_alone.size() == parsed.left_alone.size());
  CHECK_FALSE(parsed.left_alone.empty());
  for (std::size_t i = 0; i < parsed.left_alone.size(); ++i) {
    CHECK(built.left_alone[i].key == parsed.left_alone[i].key);
    CHECK(built.left_alone[i].path == parsed.left_alone[i].path);
    CHECK(built.left_alone[i].why == parsed.left_alone[i].why);
  }
  CHECK(built.settings_by_key == parsed.settings_by_key);
  CHECK(built.settings_by_label == parsed.settings_by_label);
  CHECK_FALSE(parsed.settings_by_label.empty());
}

TEST_CASE("load_ruleset(nullopt) is the precompiled ruleset") {
  const Ruleset loaded = linkedout::load_ruleset(std::nullopt);
  const Ruleset built = linkedout::precompiled_ruleset();
  CHECK(loaded.version == built.version);
  CHECK(loaded.settings.size() == built.settings.size());
  CHECK(loaded.settings_by_label == built.settings_by_label);
}
