// linkedout-host: decide from argv whether a browser started us (serve native messaging, after
// the caller check) or a person did (run a CLI command); nothing else lives here.
#include <iostream>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "caller.hpp"
#include "cli/command_line.hpp"
#include "host_mode.hpp"
#include "paths.hpp"
#include "platform/platform.hpp"
#include "platform/stop_signals.hpp"

namespace {

using namespace linkedout;

// Checks the caller, then serves. A refused caller gets one not_allowed frame, so the extension
// can show why, and exit status 1.
int serve(const caller::Caller& who, const cli::CommonOptions& common) {
  // First: a browser that closes the port at once sends SIGTERM while we start, and must get
  // the same prompt exit 0 as later (platform/stop_signals.hpp).
  platform::watch_stop_signals();
  const auto self = platform::self_executable();
  std::filesystem::path home;
  try {
    home = platform::home_dir();
  } catch (const std::exception& e) {
    spdlog::warn("{}: per-user host manifests are not consulted", e.what());
  }
  const auto browser_profile = who.kind == caller::Caller::Kind::chrome ? caller::parent_user_data_dir() : std::nullopt;
  const auto allowed = caller::allowed_callers_for(who, self, paths::current_os(), home, browser_profile);
  const auto decision = caller::check(who, allowed);
  if (!decision.allowed) {
    spdlog::error("refusing to serve: {}", decision.reason);
    const auto frame = caller::refusal_frame(decision.reason);
    platform::set_binary_stdio();
    platform::write_all(1, frame);
    return 1;
  }
  // An unusable default data folder is the host's to report (store_error on each message).
  std::filesystem::path data_dir;
  if (common.data_dir) data_dir = std::filesystem::absolute(*common.data_dir);
  return run_host({data_dir, common.rules_file, who.describe()});
}

// A person who starts the program in a terminal would otherwise see it wait silently for
// native-messaging frames: tell them what it is for instead.
bool started_in_terminal() { return platform::stdin_is_terminal(); }

int print_terminal_help() {
  std::cout << "linkedout-host is the LinkedOut helper: your browser starts it, it does nothing on its own here.\n"
               "\n"
               "  linkedout-host install    register the helper with your browsers\n"
               "  linkedout-host doctor     check the registration and say what is wrong\n"
               "  linkedout-host status     what LinkedOut has seen, setting by setting\n"
               "  linkedout-host report     the full report (Markdown, HTML or JSON)\n"
               "  linkedout-host --help     every command and option\n";
  return cli::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  // Before anything can log: spdlog's default logger writes to stdout, which carries frames only.
  spdlog::set_default_logger(
      std::make_shared<spdlog::logger>("", std::make_shared<spdlog::sinks::stderr_color_sink_mt>()));

  try {
    const auto command_line = platform::command_line_arguments(argc, argv);
    const std::vector<std::string> args(command_line.begin() + (command_line.empty() ? 0 : 1), command_line.end());
    if (args.empty() && started_in_terminal()) return print_terminal_help();
    if (const auto who = caller::detect_host_mode(args)) return serve(*who, {});

    // A person's command; with options only, serve by hand, unless a person is typing.
    return cli::run_command_line(args, [](const cli::CommonOptions& common) {
      return started_in_terminal() ? print_terminal_help() : serve({}, common);
    });
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
}
