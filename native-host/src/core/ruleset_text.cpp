#include "ruleset_text.hpp"

#include <algorithm>

#include "decide_text.hpp"

namespace linkedout {

namespace {

const std::string kEmpty;

}  // namespace

std::string text_language(std::string_view bcp47) {
  std::string lang = primary_language(bcp47);
  return std::find(kLanguages.begin(), kLanguages.end(), lang) != kLanguages.end() ? lang : std::string("en");
}

const std::string& text_in(const Texts& texts, std::string_view bcp47) {
  if (const auto it = texts.find(text_language(bcp47)); it != texts.end() && !it->second.empty()) return it->second;
  if (const auto it = texts.find("en"); it != texts.end()) return it->second;
  return kEmpty;
}

const std::string& setting_title(const Setting& setting, std::string_view bcp47) {
  for (const std::string& lang : {text_language(bcp47), std::string("en")}) {
    const auto it = setting.labels.find(lang);
    if (it != setting.labels.end() && !it->second.empty()) return it->second.front();
  }
  return setting.id;
}

const std::string& setting_reason(const Setting& setting, std::string_view bcp47) {
  return text_in(setting.reasons, bcp47);
}

const std::string& form_title(const Form& form, std::string_view bcp47) { return text_in(form.titles, bcp47); }

const std::string& form_guidance(const Form& form, std::string_view bcp47) { return text_in(form.guidance, bcp47); }

const std::string& region_name(const Ruleset& rules, std::string_view code, std::string_view bcp47) {
  const auto it = rules.regions.find(std::string(code));
  return it == rules.regions.end() ? kEmpty : text_in(it->second, bcp47);
}

}  // namespace linkedout
