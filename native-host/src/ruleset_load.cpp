// load_ruleset lives in the shell (it reads a file) and apart from ruleset.cpp, so the
// build-time generator can link the parser and validator without the data it is about to produce.
#include "ruleset_load.hpp"

#include <fstream>
#include <sstream>

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
