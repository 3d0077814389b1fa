#include "cli/manifest_options.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <stdexcept>

namespace linkedout::cli {

ManifestRequest ManifestOptions::to_request() const {
  ManifestRequest request;
  if (browser != "all") {
    request.browser = paths::parse_browser(browser);
    if (!request.browser)
      throw std::invalid_argument("unknown browser \"" + browser + "\" (one of " + paths::browser_names(", ") + ", all)");
  }
  if (!manifest_dir.empty()) request.manifest_dir = std::filesystem::absolute(paths::from_utf8(manifest_dir));
  request.scope = system ? paths::Scope::system : paths::Scope::user;
  if (!host_path.empty()) {
    if (!paths::from_utf8(host_path).is_absolute())
      throw std::invalid_argument("--host-path must be absolute: browsers do not resolve relative host paths (got \"" +
                                  host_path + "\")");
    request.host_path = paths::from_utf8(host_path);
  }
  request.chrome_ids = extension_ids;
  request.firefox_ids = firefox_ids;
  request.launch_host = !no_launch;
  request.all_browsers = all_browsers;
  return request;
}

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

void add_manifest_command(CLI::App& app, const char* name, const char* description, OptionSet which,
                          ManifestCommand run, int& exit_code, const char* cannot_finish) {
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

}  // namespace linkedout::cli
