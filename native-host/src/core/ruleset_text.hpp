// The ruleset's human texts in the user's language (docs/protocol.md, `ui_lang`): pure lookups
// with a per-string fallback to English, so a language the ruleset lacks still gets an answer.
#pragma once

#include <string>
#include <string_view>

#include "ruleset.hpp"

namespace linkedout {

// The language LinkedOut speaks for a BCP 47 tag: its primary subtag when the ruleset has texts
// in it ("de-AT" → "de"), else "en".
std::string text_language(std::string_view bcp47);

// texts[lang], else texts["en"], else "".
const std::string& text_in(const Texts& texts, std::string_view bcp47);

// A setting's name as LinkedIn writes it in that language: the first of its labels there (the
// label the user sees on the page), else the first English label, else its id.
const std::string& setting_title(const Setting& setting, std::string_view bcp47);
const std::string& setting_reason(const Setting& setting, std::string_view bcp47);
const std::string& form_title(const Form& form, std::string_view bcp47);
const std::string& form_guidance(const Form& form, std::string_view bcp47);
// The region's name, or "" for a code the ruleset does not know.
const std::string& region_name(const Ruleset& rules, std::string_view code, std::string_view bcp47);

}  // namespace linkedout
