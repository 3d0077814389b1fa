// The built-in ruleset, turned into C++ at build time by tools/ruleset_codegen.cpp: the same
// parse_ruleset validation runs in the build (a bad rules/linkedin.json fails it), and start-up
// only copies ready data (tables, ruleset_tables.hpp) instead of parsing and checking 13 KB of
// JSON (docs/performance.md §2, §8).
#pragma once

#include "ruleset.hpp"

namespace linkedout {

// Equal to parse_ruleset(rules/linkedin.json's text), index included. Defined in the generated
// precompiled_ruleset.cpp.
Ruleset precompiled_ruleset();

}  // namespace linkedout
