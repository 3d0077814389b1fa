// load_ruleset lives in the shell (it reads a file) and apart from ruleset.cpp, so the
// build-time generator can link the parser and validator without the data it is about to produce.
#include "ruleset_load.hpp"

#include "platform/platform.hpp"
#include "ruleset_precompiled.hpp"

namespace linkedout {

namespace {
// Far above any ruleset (the built-in one is about 31 KB): a file larger than this is not one.
constexpr std::size_t kMaxRulesetBytes = 4 * 1024 * 1024;
}  // namespace

// Read as the store and the manifests are (platform::read_file_held): a FIFO, a device or a huge
// file given as --rules is refused at once in one sentence, never waited on or read without end.
Ruleset load_ruleset(const std::optional<std::filesystem::path>& file) {
  if (!file) return precompiled_ruleset();
  std::optional<platform::FileRead> read;
  try {
    read = platform::read_file_held(*file, kMaxRulesetBytes);
  } catch (const platform::Error& e) {
    throw RulesetError(std::string("ruleset: ") + e.what());
  }
  if (!read) throw RulesetError("ruleset: " + file->string() + " does not exist");
  return parse_ruleset(read->content);
}

}  // namespace linkedout
