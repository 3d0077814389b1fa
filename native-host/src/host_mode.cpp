#include "host_mode.hpp"

#include <unistd.h>

#include <csignal>
#include <spdlog/spdlog.h>

#include "channel.hpp"
#include "dispatch.hpp"
#include "logging.hpp"
#include "ruleset.hpp"
#include "store.hpp"

namespace linkedout {

int run_host(const HostOptions& options) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed stdout must surface as EPIPE, not kill us
  const int frames_fd = take_stdout_for_frames();
  init_logging();
  spdlog::debug("host mode, caller \"{}\"", options.caller);

  Ruleset rules;
  try {
    rules = load_ruleset(options.rules_file);
  } catch (const RulesetError& error) {
    spdlog::critical("{}", error.what());
    return 1;
  }
  Store store(options.data_dir.empty() ? Store::default_dir() : options.data_dir);
  HostContext context{rules, store};
  Dispatcher dispatcher(context);
  const int status = run_channel(dispatcher, STDIN_FILENO, frames_fd);
  spdlog::debug("host mode done, status {}", status);
  return status;
}

}  // namespace linkedout
