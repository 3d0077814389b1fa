// Reading a JSON file the way the host reads every JSON file: whole, then parsed strictly and
// depth-limited (json_util::parse_strict_document): nlohmann's dump, copy and comparison recurse
// once per level, so a valid file nested 200,000 deep would otherwise overflow the stack.
#pragma once

#include <filesystem>

#include "json_util.hpp"

namespace linkedout::json_util {

// `error` says why not: "cannot read …: <reason>" or "not valid JSON (<reason>)".
StrictParseResult parse_strict_file(const std::filesystem::path& file, std::size_t max_depth = kMaxDepth);

}  // namespace linkedout::json_util
