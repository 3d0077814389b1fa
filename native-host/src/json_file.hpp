// Reading a JSON file the way the host reads every JSON file: whole (bounded and without blocking,
// platform::read_file_held), then parsed strictly and
// depth-limited (json_util::parse_strict_document): nlohmann's dump, copy and comparison recurse
// once per level, so a valid file nested 200,000 deep would otherwise overflow the stack.
#pragma once

#include <filesystem>

#include "json_util.hpp"

namespace linkedout::json_util {

// Host manifests are a few hundred bytes; 1 MiB leaves room for long id lists.
inline constexpr std::size_t kMaxJsonFileBytes = 1024 * 1024;

// `error` says why not: "cannot read …: <reason>" (missing, not a regular file — a FIFO, device,
// socket or folder —, larger than max_bytes) or "not valid JSON (<reason>)".
StrictParseResult parse_strict_file(const std::filesystem::path& file, std::size_t max_depth = kMaxDepth,
                                    std::size_t max_bytes = kMaxJsonFileBytes);

}  // namespace linkedout::json_util
