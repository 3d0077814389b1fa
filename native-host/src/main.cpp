// linkedout-host: decide from argv whether a browser started us (serve native messaging, after
// the caller check) or a person did (run a CLI command); nothing else lives here.
#include <CLI/CLI.hpp>
#include <iostream>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "caller.hpp"
#include "cli/commands.hpp"
#include "host_mode.hpp"
#include "paths.hpp"
#include "platform/platform.hpp"

namespace {

using namespace linkedout;

// Checks the caller, then serves. A refused caller gets one not_allowed frame, so the extension
// can show why, and exit status 1.
int serve(const caller::Caller& who, const cli::CommonOptions& common) {
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
  return run_host({common.resolved_data_dir(), common.rules_file, who.describe()});
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

    CLI::App app{"LinkedOut native messaging host and its command line.\n"
                 "Started by a browser (or with no command and stdin not a terminal) it serves native messaging\n"
                 "on stdin/stdout; in a terminal with no command it prints a short help."};
    app.set_version_flag("--version", LINKEDOUT_VERSION);
    app.require_subcommand(0, 1);
    app.fallthrough();  // common options may follow the command: `status --data-dir DIR`
    cli::CommonOptions common;
    // Paths are taken as UTF-8 text and made paths by paths::from_utf8 (exact on Windows too).
    std::string data_dir, rules_file;
    app.add_option("--data-dir", data_dir, "state store directory (else $LINKEDOUT_DATA_DIR, else the OS's data folder)")
        ->each([&common](const std::string& dir) { common.data_dir = paths::from_utf8(dir); });
    app.add_option("--rules", rules_file, "ruleset file to use instead of the built-in one")
        ->check([](const std::string& file) {
          std::error_code ec;
          return std::filesystem::is_regular_file(paths::from_utf8(file), ec) ? std::string() : "File does not exist: " + file;
        })
        ->each([&common](const std::string& file) { common.rules_file = paths::from_utf8(file); });

    int exit_code = 0;
    cli::add_install_command(app, common, exit_code);
    cli::add_uninstall_command(app, common, exit_code);
    cli::add_doctor_command(app, common, exit_code);
    cli::add_status_command(app, common, exit_code);
    cli::add_report_command(app, common, exit_code);

    try {
      std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
      app.parse(reversed);
    } catch (const CLI::ParseError& e) {
      const int code = app.exit(e);
      return code == 0 ? 0 : cli::kExitUsage;
    }
    if (app.get_subcommands().empty()) {  // options only: serve by hand, unless a person is typing
      return started_in_terminal() ? print_terminal_help() : serve({}, common);
    }
    return exit_code;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
}
