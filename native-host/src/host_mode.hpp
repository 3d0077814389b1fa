// Native-messaging mode: serve frames on stdin/stdout until EOF. Called by main() after the
// caller check.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "report_text.hpp"

namespace linkedout {

struct HostOptions {
  std::filesystem::path data_dir;                   // state store directory
  std::optional<std::filesystem::path> rules_file;  // nullopt → embedded ruleset
  std::string caller;  // "chrome-extension://<id>/" or a Firefox add-on id; "" when unknown
};

// The reader's time zone, for the report's times, as the platform tells it.
report::LocalZone local_zone();

// Returns the process exit status (0 on clean EOF, 2 after an unrecoverable framing error).
int run_host(const HostOptions& options);

}  // namespace linkedout
