// The command-line options install, uninstall and doctor share, parsed into a ManifestRequest.
#pragma once

#include <memory>
#include <string>

#include "cli/commands.hpp"

namespace CLI {
class App;
}

namespace linkedout::cli {

struct ManifestOptions {
  std::string browser = "all";
  std::string manifest_dir;
  bool system = false;
  std::string host_path;
  std::vector<std::string> extension_ids;
  std::vector<std::string> firefox_ids;
  bool no_launch = false;
  bool all_browsers = false;

  // Throws std::invalid_argument with a message for the user.
  ManifestRequest to_request() const;
};

enum class OptionSet { install, uninstall, doctor };

// Adds the options `which` command takes to `command`, bound to `options`.
void add_manifest_options(CLI::App& command, ManifestOptions& options, OptionSet which);

}  // namespace linkedout::cli
