// The command-line options install, uninstall and doctor share, parsed into a ManifestRequest.
#pragma once

#include <memory>
#include <ostream>
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

// What install, uninstall and doctor do once their options are parsed: the exit status.
using ManifestCommand = int (*)(const ManifestRequest& request, std::ostream& out, std::ostream& err);

// Adds subcommand `name` with `which` options; it runs `run` on std::cout and std::cerr. A value
// the command cannot take (std::invalid_argument) is a usage error, "<name>: <why>". With
// `cannot_finish`, any other failure is said as "<name>: <cannot_finish>: <why>" (exit failed).
void add_manifest_command(CLI::App& app, const char* name, const char* description, OptionSet which,
                          ManifestCommand run, int& exit_code, const char* cannot_finish = nullptr);

}  // namespace linkedout::cli
