// load_ruleset lives apart from ruleset.cpp so the build-time generator can link the parser and
// validator without the generated data it is about to produce.
#include <fstream>
#include <sstream>

#include "ruleset.hpp"
#include "ruleset_precompiled.hpp"

namespace linkedout {

Ruleset load_ruleset(const std::optional<std::filesystem::path>& file) {
  if (!file) return precompiled_ruleset();
  std::ifstream in(*file, std::ios::binary);
  if (!in) throw RulesetError("ruleset: cannot read " + file->string());
  std::ostringstream text;
  text << in.rdbuf();
  return parse_ruleset(text.str());
}

}  // namespace linkedout
