// The ruleset the host runs with: the built-in one, or `--rules FILE` read from disk.
#pragma once

#include <filesystem>
#include <optional>

#include "ruleset.hpp"

namespace linkedout {

Ruleset load_ruleset(const std::optional<std::filesystem::path>& file);  // nullopt → built in (precompiled)

}  // namespace linkedout
