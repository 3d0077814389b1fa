#include "host_mode.hpp"

#include <unistd.h>

#include <memory>
#include <spdlog/spdlog.h>

#include "channel.hpp"
#include "dispatch.hpp"
#include "logging.hpp"
#include "platform/platform.hpp"
#include "ruleset_load.hpp"
#include "store.hpp"

namespace linkedout {

namespace {

// The store when its folder cannot be told (a relative LINKEDOUT_DATA_DIR, no home folder): the
// host still serves, and every message that needs the store gets store_error saying why.
class UnplacedStore final : public StateStore {
 public:
  explicit UnplacedStore(std::string why) : why_(std::move(why)) {}
  StoreData load() override { throw StoreError(why_); }
  StoreData update(const std::function<bool(StoreData&)>&) override { throw StoreError(why_); }
  void update_if(const std::function<bool(const StoreData&)>&, const std::function<void(StoreData&)>&) override {
    throw StoreError(why_);
  }

 private:
  std::string why_;
};

}  // namespace

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
  std::unique_ptr<StateStore> store;
  try {
    store = std::make_unique<Store>(options.data_dir.empty() ? Store::default_dir() : options.data_dir);
  } catch (const platform::Error& error) {
    spdlog::error("state store: {}", error.what());
    store = std::make_unique<UnplacedStore>(error.what());
  }
  HostContext context{rules, *store, now_iso8601, local_zone()};
  Dispatcher dispatcher(context);
  const int status = run_channel(dispatcher, STDIN_FILENO, frames_fd);
  spdlog::debug("host mode done, status {}", status);
  return status;
}

}  // namespace linkedout
