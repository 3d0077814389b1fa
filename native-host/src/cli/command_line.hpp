// A person's command line: `linkedout-host [options] [command [options]]`, parsed and run.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cli/commands.hpp"

namespace linkedout::cli {

// Parses `args` (the arguments after the program's name) and runs the command they name: its exit
// status, kExitUsage for arguments it cannot take (CLI11 says why on stderr; --help and --version
// print and give 0). With options but no command, `without_command` runs with the common options.
int run_command_line(const std::vector<std::string>& args,
                     const std::function<int(const CommonOptions& common)>& without_command);

}  // namespace linkedout::cli
