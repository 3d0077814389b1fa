// Logging for the host: spdlog to stderr and to $XDG_STATE_HOME/linkedout/host.log, never stdout
// (stdout carries frames). Level from $LINKEDOUT_LOG (trace, debug, info, warn, error, off).
#pragma once

#include <filesystem>

namespace linkedout {

// platform::log_dir()/host.log; empty when there is no home folder to put it in.
std::filesystem::path host_log_path();

// Installs the default logger, and the core's log hook into it. Cheap: the log file is opened on the first message that reaches
// it, and a file that cannot be created is skipped without failing.
void init_logging();

}  // namespace linkedout
