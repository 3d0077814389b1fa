// `linkedout-host install`: writes io.linkedout.host.json where each browser looks for it.
#include <CLI/CLI.hpp>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/host_manifest.hpp"
#include "cli/manifest_options.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// A browser is worth installing for when its profile directory exists (it has run as this user)
// or its program is installed; then the browser will read the manifest the next time it starts.
std::string evidence_of(paths::Browser browser, paths::Os os, const fs::path& home) {
  std::error_code ec;
  const auto profile = paths::profile_dir(browser, os, home);
  if (fs::is_directory(profile, ec)) return "profile " + profile.string();
  for (const auto program : paths::spec(browser).on(os).programs) {
    if (os == paths::Os::MacOS ? fs::exists(program, ec) : paths::program_on_path(program))
      return "program " + std::string(program);
  }
  return "";
}

}  // namespace

int run_install(const ManifestRequest& request, std::ostream& out, std::ostream& err) {
  std::vector<std::string> chrome_ids, firefox_ids;
  try {
    chrome_ids = chrome_ids_of(request);
    firefox_ids = firefox_ids_of(request);
  } catch (const std::invalid_argument& e) {
    err << "install: " << e.what() << "\n";
    return kExitUsage;
  }
  if (request.manifest_dir && !request.browser) {
    err << "install: --manifest-dir needs one --browser (" << paths::browser_names(", ")
        << "): Chrome-family and Firefox manifests differ\n";
    return kExitUsage;
  }

  fs::path host_path;
  try {
    host_path = request.host_path ? *request.host_path : paths::self_executable();
  } catch (const std::exception& e) {
    err << "install: cannot find this program's own path (" << e.what() << "); pass --host-path\n";
    return kExitFailed;
  }
  if (std::error_code ec; !fs::is_regular_file(host_path, ec))
    err << "install: warning: " << host_path.string() << " does not exist yet; browsers will not start it until it does\n";

  // Only the per-user default looks for evidence: an explicit browser, directory or --system is
  // what the caller asked for.
  const bool detect = !request.browser && !request.manifest_dir && request.scope == paths::Scope::user;
  const fs::path home = detect ? home_of(request) : fs::path{};
  int installed = 0;
  int failed = 0;
  std::vector<std::string> skipped;
  for (const auto& location : locations(request, request.scope)) {
    const auto& spec = paths::spec(location.browser);
    if (detect) {
      const auto evidence = evidence_of(location.browser, request.os, home);
      if (evidence.empty()) {
        skipped.push_back(std::string(spec.name));
        continue;
      }
    }
    const auto manifest =
        build_manifest(spec.family, host_path, spec.family == paths::Family::firefox ? firefox_ids : chrome_ids);
    try {
      std::error_code ec;
      fs::create_directories(location.file.parent_path(), ec);
      if (ec) throw std::runtime_error("cannot create " + location.file.parent_path().string() + ": " + ec.message());
      write_file_atomically(location.file, manifest.dump(2) + "\n");
      out << "installed " << location.label() << ": " << location.file.string() << "\n";
      ++installed;
    } catch (const std::exception& e) {
      err << "install: " << location.label() << ": " << e.what() << "\n";
      ++failed;
    }
  }
  if (!skipped.empty()) {
    std::string names;
    for (const auto& name : skipped) names += (names.empty() ? "" : ", ") + name;
    out << "skipped (not found for this user): " << names << "\n";
  }
  if (installed == 0 && failed == 0) {
    out << "no browser found, nothing installed; start your browser once, or name it: "
           "linkedout-host install --browser chromium\n";
  }
  return failed == 0 ? kExitOk : kExitFailed;
}

void add_install_command(CLI::App& app, const CommonOptions&, int& exit_code) {
  auto options = std::make_shared<ManifestOptions>();
  auto* command = app.add_subcommand("install", "Register the host with the browsers (writes io.linkedout.host.json)");
  add_manifest_options(*command, *options, OptionSet::install);
  command->callback([options, &exit_code] {
    try {
      exit_code = run_install(options->to_request(), std::cout, std::cerr);
    } catch (const std::invalid_argument& e) {
      std::cerr << "install: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace linkedout::cli
