// The built-in ruleset as data tables: what tools/ruleset_codegen.cpp writes from the validated
// rules/linkedin.json, and the one loop that builds the Ruleset from them. Tables instead of code:
// the generated constructor was a 104 KB WebAssembly function that the browser compiles on the
// first call of every service-worker wake, for a single run (docs/performance.md §8). Tables are
// data in the module's data segment; only this small loop is compiled.
//
// The layout, in the order both sides walk it (`s` a string, `n` a count):
//   s name, s version
//   n regions     × (s code, texts)
//   n settings    × (s id, s path, list keys, n languages × (s lang, list labels), s desired,
//                    s severity, list regions, texts reasons)
//   n forms       × (s id, s url, texts titles, s severity, texts guidance, list regions)
//   n left_alone  × (s key, s path, s why)
//   n settings_by_key   × (s key, indexes)
//   n settings_by_label × (s lang, s label, indexes)
// where texts = n × (s lang, s text), list = n × s, indexes = n × n (indexes into settings).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "ruleset.hpp"

namespace linkedout {

// Builds the ruleset the tables describe, index included (no parsing, no checks: the tables
// come from a ruleset parse_ruleset accepted at build time). Throws RulesetError when the tables
// do not end where the layout does (a generator and builder out of step).
Ruleset ruleset_from_tables(std::span<const std::string_view> strings, std::span<const std::uint32_t> counts);

}  // namespace linkedout
