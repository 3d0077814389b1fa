#include "ruleset.hpp"

#include <algorithm>
#include <set>

#include "decide_text.hpp"
#include "json_util.hpp"

namespace linkedout {

using nlohmann::json;

namespace {

bool contains(const std::vector<std::string>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& values, std::string_view value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

[[noreturn]] void fail(const std::string& where, const std::string& what) {
  throw RulesetError("ruleset: " + where + ": " + what);
}

const json& member(const json& object, const char* name, const std::string& where) {
  auto it = object.find(name);
  if (it == object.end()) fail(where, std::string("missing \"") + name + "\"");
  return *it;
}

std::string string_member(const json& object, const char* name, const std::string& where,
                           bool allow_empty = false) {
  const json& value = member(object, name, where);
  if (!value.is_string()) fail(where + "." + name, "must be a string");
  auto text = value.get<std::string>();
  if (!allow_empty && text.empty()) fail(where + "." + name, "must not be empty");
  return text;
}

std::vector<std::string> string_list(const json& object, const char* name, const std::string& where,
                                     bool allow_empty) {
  const json& value = member(object, name, where);
  if (!value.is_array()) fail(where + "." + name, "must be an array of strings");
  std::vector<std::string> out;
  for (const auto& item : value) {
    if (!item.is_string() || item.get_ref<const std::string&>().empty()) {
      fail(where + "." + name, "must hold non-empty strings only");
    }
    if (contains(out, item.get_ref<const std::string&>())) {
      fail(where + "." + name, "repeats \"" + item.get<std::string>() + "\"");
    }
    out.push_back(item.get<std::string>());
  }
  if (!allow_empty && out.empty()) fail(where + "." + name, "must not be empty");
  return out;
}

// An object holding one non-empty string for each language of kLanguages, and nothing else.
Texts texts_member(const json& object, const char* name, const std::string& where) {
  const json& value = member(object, name, where);
  const std::string at = where + "." + name;
  if (!value.is_object()) fail(at, "must be an object of language → text");
  Texts texts;
  for (const auto& [lang, text] : value.items()) {
    if (!contains(kLanguages, lang)) fail(at, "unknown language \"" + lang + "\"");
    texts[lang] = string_member(value, lang.c_str(), at);
  }
  for (const auto lang : kLanguages) {
    if (!texts.count(std::string(lang))) fail(at, "missing language \"" + std::string(lang) + "\"");
  }
  return texts;
}

std::vector<std::string> region_list(const json& object, const Ruleset& rules, const std::string& where) {
  auto regions = string_list(object, "regions", where, false);
  for (const auto& code : regions) {
    if (!rules.regions.count(code)) fail(where + ".regions", "unknown region \"" + code + "\"");
  }
  return regions;
}

std::string severity_member(const json& object, const std::string& where) {
  auto severity = string_member(object, "severity", where);
  if (!contains(kSeverities, severity)) fail(where + ".severity", "unknown severity \"" + severity + "\"");
  return severity;
}

Setting parse_setting(const json& item, const Ruleset& rules, const std::string& where) {
  if (!item.is_object()) fail(where, "must be an object");
  Setting setting;
  setting.id = string_member(item, "id", where);
  setting.path = string_member(item, "path", where);
  if (setting.path.rfind("/mypreferences/d/", 0) != 0) {
    fail(where + ".path", "must start with /mypreferences/d/");
  }
  setting.keys = string_list(item, "keys", where, true);
  const json& labels = member(item, "labels", where);
  if (!labels.is_object()) fail(where + ".labels", "must be an object of language → labels");
  for (const auto& [lang, list] : labels.items()) {
    if (!contains(kLanguages, lang)) fail(where + ".labels", "unknown language \"" + lang + "\"");
    setting.labels[lang] = string_list(labels, lang.c_str(), where + ".labels", false);
  }
  for (const auto lang : kLanguages) {
    if (!setting.labels.count(std::string(lang))) {
      fail(where + ".labels", "missing language \"" + std::string(lang) + "\"");
    }
  }
  setting.desired = string_member(item, "desired", where);
  if (setting.desired != "off" && setting.desired != "on") fail(where + ".desired", "must be \"off\" or \"on\"");
  setting.severity = severity_member(item, where);
  setting.regions = region_list(item, rules, where);
  setting.reasons = texts_member(item, "reasons", where);
  // Which answer of a Yes/No radio group or select is "off" (the extension reads it; default "no").
  if (item.contains("off_answer")) {
    auto answer = string_member(item, "off_answer", where);
    if (answer != "no" && answer != "yes") fail(where + ".off_answer", "must be \"no\" or \"yes\"");
  }
  return setting;
}

Form parse_form(const json& item, const Ruleset& rules, const std::string& where) {
  if (!item.is_object()) fail(where, "must be an object");
  Form form;
  form.id = string_member(item, "id", where);
  form.url = string_member(item, "url", where);
  if (form.url.rfind("https://www.linkedin.com/", 0) != 0) {
    fail(where + ".url", "must be on https://www.linkedin.com/");
  }
  form.titles = texts_member(item, "titles", where);
  form.severity = severity_member(item, where);
  form.guidance = texts_member(item, "guidance", where);
  form.regions = region_list(item, rules, where);
  return form;
}

LeftAlone parse_left_alone(const json& item, const std::string& where) {
  if (!item.is_object()) fail(where, "must be an object");
  LeftAlone other;
  other.key = string_member(item, "key", where);
  if (other.key.find(' ') != std::string::npos) fail(where + ".key", "must be one id (no spaces)");
  other.path = string_member(item, "path", where);
  if (other.path.rfind("/mypreferences/", 0) != 0) fail(where + ".path", "must start with /mypreferences/");
  other.why = string_member(item, "why", where);
  return other;
}

// state_words: the On/Off and Yes/No words (per language) and option values the extension reads a
// toggle's visible text, a radio group or a select by. Checked here so a bad list fails the build:
// every language present, and no word or value that means both on and off (then it reads nothing).
void check_state_words(const json& doc) {
  if (!doc.contains("state_words")) return;
  const json& words = doc["state_words"];
  const std::string where = "state_words";
  if (!words.is_object()) fail(where, "must be an object");
  std::map<std::string, std::set<std::string>> on_words;
  for (const char* side : {"on", "off"}) {
    const json& per_lang = member(words, side, where);
    const std::string at = where + "." + side;
    if (!per_lang.is_object()) fail(at, "must be an object of language → words");
    for (const auto& [lang, list] : per_lang.items()) {
      if (!contains(kLanguages, lang)) fail(at, "unknown language \"" + lang + "\"");
    }
    for (const auto lang : kLanguages) {
      const std::string code(lang);
      if (!per_lang.contains(code)) fail(at, "missing language \"" + code + "\"");
      for (const auto& word : string_list(per_lang, code.c_str(), at, false)) {
        const auto folded = normalise_label(word);  // lower case, whitespace collapsed
        if (std::string(side) == "on") on_words[code].insert(folded);
        else if (on_words[code].count(folded)) fail(at + "." + code, "\"" + word + "\" also means on");
      }
    }
  }
  const auto on_values = string_list(words, "on_values", where, false);
  for (const auto& value : string_list(words, "off_values", where, false)) {
    if (contains(on_values, value)) fail(where + ".off_values", "\"" + value + "\" also means on");
  }
}

// Ids are unique across settings and forms (they share the walkthrough's step namespace).
void check_unique_ids_and_paths(const Ruleset& rules) {
  std::set<std::string> ids, paths;
  for (const auto& setting : rules.settings) {
    if (!ids.insert(setting.id).second) fail("settings", "duplicate id \"" + setting.id + "\"");
    if (!paths.insert(setting.path).second) fail("settings", "duplicate path \"" + setting.path + "\"");
  }
  for (const auto& form : rules.forms) {
    if (!ids.insert(form.id).second) fail("forms", "duplicate id \"" + form.id + "\"");
  }
}

// A key or a (language, normalised label) that two settings share would make matching guess.
void check_unambiguous(const Ruleset& rules) {
  for (const auto& [key, owners] : rules.settings_by_key) {
    if (owners.size() > 1) {
      fail("settings", "key \"" + key + "\" belongs to both \"" + rules.settings[owners[0]].id +
                           "\" and \"" + rules.settings[owners[1]].id + "\"");
    }
  }
  for (const auto& [lang_label, owners] : rules.settings_by_label) {
    if (owners.size() > 1) {
      fail("settings", "label \"" + lang_label.second + "\" (" + lang_label.first + ") belongs to both \"" +
                           rules.settings[owners[0]].id + "\" and \"" + rules.settings[owners[1]].id + "\"");
    }
  }
}

bool shown_in_regions(const std::vector<std::string>& regions, std::string_view region) {
  return region.empty() || contains(regions, region);
}

}  // namespace

bool Ruleset::leaves_alone(std::string_view key) const {
  return std::any_of(left_alone.begin(), left_alone.end(), [&](const LeftAlone& other) { return other.key == key; });
}

bool Setting::shown_in(std::string_view region) const { return shown_in_regions(regions, region); }
bool Form::shown_in(std::string_view region) const { return shown_in_regions(regions, region); }

const Setting* Ruleset::find_setting(std::string_view id) const {
  for (const auto& setting : settings) {
    if (setting.id == id) return &setting;
  }
  return nullptr;
}

const Setting* Ruleset::setting_for_path(std::string_view url_path) const {
  // Mobile web serves the same pages under /mypreferences/m/ instead of /mypreferences/d/.
  constexpr std::string_view kMobile = "/mypreferences/m/";
  std::string desktop;
  if (url_path.substr(0, kMobile.size()) == kMobile) {
    desktop = "/mypreferences/d/" + std::string(url_path.substr(kMobile.size()));
    url_path = desktop;
  }
  for (const auto& setting : settings) {
    if (setting.path == url_path) return &setting;
  }
  return nullptr;
}

const Form* Ruleset::find_form(std::string_view id) const {
  for (const auto& form : forms) {
    if (form.id == id) return &form;
  }
  return nullptr;
}

void Ruleset::build_index() {
  settings_by_key.clear();
  settings_by_label.clear();
  for (std::size_t i = 0; i < settings.size(); ++i) {
    for (const auto& key : settings[i].keys) {
      auto& owners = settings_by_key[key];
      if (std::find(owners.begin(), owners.end(), i) == owners.end()) owners.push_back(i);
    }
    for (const auto& [lang, labels] : settings[i].labels) {
      for (const auto& label : labels) {
        auto& owners = settings_by_label[{lang, normalise_label(label)}];
        if (std::find(owners.begin(), owners.end(), i) == owners.end()) owners.push_back(i);
      }
    }
  }
}

Ruleset parse_ruleset(std::string_view json_text) {
  if (!json_util::is_valid_utf8(json_text)) fail("file", "not valid UTF-8");
  auto parsed = json_util::parse_strict(json_text);
  if (!parsed.ok) fail("file", "not valid JSON (" + parsed.error + ")");
  const json& doc = parsed.value;
  if (!doc.is_object()) fail("file", "must be a JSON object");

  Ruleset rules;
  rules.name = string_member(doc, "ruleset", "top level");
  rules.version = string_member(doc, "version", "top level");
  const json& regions = member(doc, "regions", "top level");
  if (!regions.is_object() || regions.empty()) fail("regions", "must be a non-empty object of code → names");
  for (const auto& [code, names] : regions.items()) rules.regions[code] = texts_member(regions, code.c_str(), "regions");
  const json& settings = member(doc, "settings", "top level");
  if (!settings.is_array() || settings.empty()) fail("settings", "must be a non-empty array");
  for (std::size_t i = 0; i < settings.size(); ++i) {
    rules.settings.push_back(parse_setting(settings[i], rules, "settings[" + std::to_string(i) + "]"));
  }
  const json& forms = member(doc, "forms", "top level");
  if (!forms.is_array()) fail("forms", "must be an array");
  for (std::size_t i = 0; i < forms.size(); ++i) {
    rules.forms.push_back(parse_form(forms[i], rules, "forms[" + std::to_string(i) + "]"));
  }
  if (doc.contains("left_alone")) {
    const json& left_alone = doc["left_alone"];
    if (!left_alone.is_array()) fail("left_alone", "must be an array");
    for (std::size_t i = 0; i < left_alone.size(); ++i) {
      rules.left_alone.push_back(parse_left_alone(left_alone[i], "left_alone[" + std::to_string(i) + "]"));
    }
  }
  check_state_words(doc);
  check_unique_ids_and_paths(rules);
  rules.build_index();
  check_unambiguous(rules);
  for (const auto& other : rules.left_alone) {
    if (rules.settings_by_key.count(other.key)) fail("left_alone", "key \"" + other.key + "\" is a setting's key");
  }
  return rules;
}

}  // namespace linkedout
