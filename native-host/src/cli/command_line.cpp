// The command line's grammar: every command's options, bound with CLI11, and each command run on
// std::cout and std::cerr. The only file that includes CLI11: its parser is header-only and the
// dearest code of the host to compile, so it is compiled once, here (docs/performance.md, round 7).
#include "cli/command_line.hpp"

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>

#include "cli/manifest_options.hpp"
#include "paths.hpp"

namespace linkedout::cli {

namespace {

enum class OptionSet { install, uninstall, doctor };

// Adds the options `which` command takes to `command`, bound to `options`.
void add_manifest_options(CLI::App& command, ManifestOptions& options, OptionSet which) {
  command.add_option("--browser", options.browser, "chrome, chromium, edge, brave, vivaldi, firefox or all")
      ->check(CLI::IsMember({"chrome", "chromium", "edge", "brave", "vivaldi", "firefox", "all"}))
      ->capture_default_str();
  command.add_option("--manifest-dir", options.manifest_dir,
                     "use exactly this directory instead of the browser's own (needs one --browser)");
  if (which != OptionSet::doctor)
    command.add_flag("--system", options.system, "the system-wide locations (needs root) instead of the per-user ones");
  if (which == OptionSet::uninstall) return;
  if (which == OptionSet::install) {
    command.add_option("--host-path", options.host_path, "absolute path the manifest names (default: this binary)");
    command.add_flag("--all-browsers", options.all_browsers,
                     "write for every browser, also those not found on this machine or for this user");
  }
  command.add_option("--extension-id", options.extension_ids,
                     "Chrome-family extension id to allow instead of LinkedOut's own (repeatable)")
      ->take_all();
  command.add_option("--firefox-id", options.firefox_ids, "Firefox add-on id to allow instead of LinkedOut's own (repeatable)")
      ->take_all();
  if (which == OptionSet::doctor)
    command.add_flag("--no-launch", options.no_launch, "do not start the host to check that it answers");
}

// What install, uninstall and doctor do once their options are parsed: the exit status.
using ManifestCommand = int (*)(const ManifestRequest& request, std::ostream& out, std::ostream& err);

// Adds subcommand `name` with `which` options; it runs `run` on std::cout and std::cerr. A value
// the command cannot take (std::invalid_argument) is a usage error, "<name>: <why>". With
// `cannot_finish`, any other failure is said as "<name>: <cannot_finish>: <why>" (exit failed).
void add_manifest_command(CLI::App& app, const char* name, const char* description, OptionSet which,
                          ManifestCommand run, int& exit_code, const char* cannot_finish = nullptr) {
  auto options = std::make_shared<ManifestOptions>();
  auto* command = app.add_subcommand(name, description);
  add_manifest_options(*command, *options, which);
  command->callback([options, name = std::string(name), run, &exit_code, cannot_finish] {
    try {
      exit_code = run(options->to_request(), std::cout, std::cerr);
    } catch (const std::invalid_argument& e) {
      std::cerr << name << ": " << e.what() << "\n";
      exit_code = kExitUsage;
    } catch (const std::exception& e) {
      if (!cannot_finish) throw;
      std::cerr << name << ": " << cannot_finish << ": " << e.what() << "\n";
      exit_code = kExitFailed;
    }
  });
}

void add_status_command(CLI::App& app, const CommonOptions& common, int& exit_code) {
  auto as_json = std::make_shared<bool>(false);
  auto* command = app.add_subcommand("status", "What the host has seen of each setting, drift and corrupt files");
  command->add_flag("--json", *as_json, "print JSON instead of a table");
  command->callback([as_json, &common, &exit_code] {
    exit_code = run_status({common.resolved_data_dir(), common.rules_file, *as_json}, std::cout, std::cerr);
  });
}

void add_report_command(CLI::App& app, const CommonOptions& common, int& exit_code) {
  auto request = std::make_shared<ReportRequest>();
  auto* command = app.add_subcommand(
      "report", "Each setting's state, when it was last seen and changed, what still needs action, the objection form");
  command->add_option("--format", request->format, "md (default), html (one self-contained file) or json")
      ->check(CLI::IsMember({"md", "html", "json"}));
  command->add_option("--lang", request->lang,
                      "language of the report: en, de, fr, es, nl or it (default: LC_ALL, LC_MESSAGES or LANG)");
  command->add_option("--output", request->output, "write the report to FILE instead of stdout");
  command->callback([request, &common, &exit_code] {
    request->data_dir = common.resolved_data_dir();
    request->rules_file = common.rules_file;
    exit_code = run_report(*request, std::cout, std::cerr);
  });
}

}  // namespace

int run_command_line(const std::vector<std::string>& args,
                     const std::function<int(const CommonOptions& common)>& without_command) {
  CLI::App app{"LinkedOut native messaging host and its command line.\n"
               "Started by a browser (or with no command and stdin not a terminal) it serves native messaging\n"
               "on stdin/stdout; in a terminal with no command it prints a short help."};
  app.set_version_flag("--version", LINKEDOUT_VERSION);
  app.require_subcommand(0, 1);
  app.fallthrough();  // common options may follow the command: `status --data-dir DIR`
  CommonOptions common;
  // Paths are taken as UTF-8 text and made paths by paths::from_utf8 (exact on Windows too).
  std::string data_dir, rules_file;
  app.add_option("--data-dir", data_dir, "state store directory (else $LINKEDOUT_DATA_DIR, else the OS's data folder)")
      ->each([&common](const std::string& dir) { common.data_dir = paths::from_utf8(dir); });
  app.add_option("--rules", rules_file, "ruleset file to use instead of the built-in one")
      // Only that something is there: what it is (a FIFO, a device, too large) load_ruleset says.
      ->check([](const std::string& file) {
        std::error_code ec;
        return std::filesystem::exists(paths::from_utf8(file), ec) ? std::string() : "File does not exist: " + file;
      })
      ->each([&common](const std::string& file) { common.rules_file = paths::from_utf8(file); });

  int exit_code = 0;
  add_manifest_command(app, "install", "Register the host with the browsers (writes io.linkedout.host.json)",
                       OptionSet::install, run_install, exit_code);
  add_manifest_command(app, "uninstall", "Remove the host manifests install wrote", OptionSet::uninstall, run_uninstall,
                       exit_code);
  // Only our own messages get past run_doctor (home directory not found, …): said as doctor's finding.
  add_manifest_command(app, "doctor", "Check every host manifest location and say what a browser would refuse",
                       OptionSet::doctor, run_doctor, exit_code, "cannot finish the check");
  add_status_command(app, common, exit_code);
  add_report_command(app, common, exit_code);

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());  // CLI11 takes them last first
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }
  if (app.get_subcommands().empty()) return without_command(common);  // options only
  return exit_code;
}

}  // namespace linkedout::cli
