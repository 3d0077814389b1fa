// The ruleset (rules/linkedin.json) as typed data, loaded and checked once at start-up.
// The rules are data: nothing in here knows about a particular setting.
#pragma once

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace linkedout {

// Every setting carries labels in each of these languages (the ruleset schema requires them).
inline constexpr std::array<std::string_view, 6> kLanguages = {"en", "de", "fr", "es", "nl", "it"};
inline constexpr std::array<std::string_view, 3> kSeverities = {"ai-training", "ads", "other"};

// Human text per language code of kLanguages (the schema requires all six); ruleset_text.hpp
// picks the one for the user's language.
using Texts = std::map<std::string, std::string>;

struct Setting {
  std::string id;                 // e.g. "data-for-ai-improvement" (the page slug)
  std::string path;               // e.g. "/mypreferences/d/settings/data-for-ai-improvement"
  std::vector<std::string> keys;  // stable toggle keys (aria-labelledby / id)
  std::map<std::string, std::vector<std::string>> labels;  // lang → labels as written
  std::string desired;            // "off" or "on"
  std::string severity;           // "ai-training" | "ads" | "other"
  std::vector<std::string> regions;
  Texts reasons;  // why to switch it off
  std::string url() const { return "https://www.linkedin.com" + path; }
  bool shown_in(std::string_view region) const;  // empty region → true
};

struct Form {
  std::string id, url, severity;
  Texts titles, guidance;
  std::vector<std::string> regions;
  bool shown_in(std::string_view region) const;
};

// A switch LinkedIn shows on a ruleset page that is not about data use (e.g. email tips beside
// the promotions switch): known, so it is neither judged, nor matched by page, nor "new".
struct LeftAlone {
  std::string key, path, why;
};

struct Ruleset {
  std::string name;     // "linkedin"
  std::string version;  // e.g. "2026.11.1"
  std::map<std::string, Texts> regions;  // code → name per language
  std::vector<Setting> settings;  // walkthrough order
  std::vector<Form> forms;        // after the settings in the walkthrough
  std::vector<LeftAlone> left_alone;

  bool leaves_alone(std::string_view key) const;  // exact key (one id of a labelledby list)

  const Setting* find_setting(std::string_view id) const;
  const Setting* setting_for_path(std::string_view url_path) const;  // exact path, /m/ as /d/
  const Form* find_form(std::string_view id) const;

  // Lookup tables for matching controls, filled by build_index() (parse_ruleset calls it;
  // a hand-built Ruleset must call it before use).
  std::unordered_map<std::string, std::vector<std::size_t>> settings_by_key;
  // (language, normalise_label(label)) → indexes into `settings`.
  std::map<std::pair<std::string, std::string>, std::vector<std::size_t>> settings_by_label;
  void build_index();
};

struct RulesetError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Parses and validates (required fields, known regions/severities/langs, unique ids, keys and
// per-language labels that belong to one setting only). Throws RulesetError saying what is wrong.
Ruleset parse_ruleset(std::string_view json_text);

}  // namespace linkedout
