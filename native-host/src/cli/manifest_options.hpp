// The command-line options install, uninstall and doctor share, as typed (command_line.cpp binds
// them), and made into a ManifestRequest.
#pragma once

#include <string>
#include <vector>

#include "cli/commands.hpp"

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

}  // namespace linkedout::cli
