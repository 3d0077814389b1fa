#include "host_mode.hpp"

#include <unistd.h>

#include <spdlog/spdlog.h>

#include "channel.hpp"
#include "dispatch.hpp"
#include "logging.hpp"
#include "platform/platform.hpp"
#include "ruleset_load.hpp"
#include "store.hpp"

namespace linkedout {

report::LocalZone local_zone() {
  return [](std::int64_t utc_seconds) -> std::optional<report::ZoneAt> {
    const auto zone = platform::local_zone_at(utc_seconds);
    if (!zone) return std::nullopt;
    return report::ZoneAt{zone->offset_seconds, zone->abbreviation};
  };
}

int run_host(const HostOptions& options) {
  platform::ignore_broken_pipe();  // a closed stdout must surface as EPIPE, not kill us
  platform::set_binary_stdio();
  const int frames_fd = platform::take_stdout_for_frames();
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
  HostContext context{rules, store, now_iso8601, local_zone()};
  Dispatcher dispatcher(context);
  const int status = run_channel(dispatcher, STDIN_FILENO, frames_fd);
  spdlog::debug("host mode done, status {}", status);
  return status;
}

}  // namespace linkedout
