// `linkedout-host doctor`: for every place a browser looks for the host manifest, says whether it
// is there and, if it is, each reason the browser would report "native host not found" or refuse
// to talk to it — one line each.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/host_manifest.hpp"
#include "cli/host_probe.hpp"
#include "cli/manifest_options.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// Starts the host exactly as this browser family would and asks hello.
std::string launch_problem(const fs::path& manifest_file, paths::Family family, const std::string& id) {
  std::ifstream in(manifest_file);
  const auto doc = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  const fs::path program = doc.at("path").get<std::string>();  // inspect_manifest vouched for it
  const std::vector<std::string> args = family == paths::Family::chromium
                                            ? std::vector<std::string>{"chrome-extension://" + id + "/"}
                                            : std::vector<std::string>{manifest_file.string(), id};
  const auto result = probe_host(program, args);
  return result.answered ? "" : result.problem;
}

}  // namespace

int run_doctor(const ManifestRequest& request, std::ostream& out, std::ostream& err) {
  std::vector<std::string> chrome_ids, firefox_ids;
  try {
    chrome_ids = chrome_ids_of(request);
    firefox_ids = firefox_ids_of(request);
  } catch (const std::invalid_argument& e) {
    err << "doctor: " << e.what() << "\n";
    return kExitUsage;
  }
  if (request.manifest_dir && !request.browser) {
    err << "doctor: --manifest-dir needs one --browser (" << paths::browser_names(", ")
        << "): Chrome-family and Firefox manifests are checked differently\n";
    return kExitUsage;
  }

  // A browser reads the per-user and the system-wide location: check both.
  std::vector<Location> all = locations(request, paths::Scope::user);
  if (!request.manifest_dir) {
    const auto system = locations(request, paths::Scope::system);
    all.insert(all.end(), system.begin(), system.end());
  }
  const bool name_missing = request.browser.has_value();  // asked about one browser: say so if absent
  int ok = 0;
  int broken = 0;
  for (const auto& location : all) {
    std::error_code ec;
    if (!fs::exists(location.file, ec)) {
      if (name_missing) out << "missing  " << location.label() << ": no manifest at " << location.file.string() << "\n";
      continue;
    }
    const auto family = paths::spec(location.browser).family;
    const auto& ids = family == paths::Family::chromium ? chrome_ids : firefox_ids;
    auto problems = inspect_manifest(location.file, family, ids);
    if (problems.empty() && request.launch_host)
      for (const auto& id : ids)
        if (auto problem = launch_problem(location.file, family, id); !problem.empty()) problems.push_back(problem);
    if (problems.empty()) {
      out << "ok       " << location.label() << ": " << location.file.string() << "\n";
      ++ok;
      continue;
    }
    ++broken;
    for (const auto& problem : problems)
      out << "BROKEN   " << location.label() << ": " << location.file.string() << ": " << problem << "\n";
  }
  if (ok == 0 && broken == 0) {
    out << "nothing is installed: run `linkedout-host install`\n";
    return kExitFailed;
  }
  out << ok << " ok, " << broken << " broken\n";
  return ok > 0 && broken == 0 ? kExitOk : kExitFailed;
}

void add_doctor_command(CLI::App& app, const CommonOptions&, int& exit_code) {
  auto options = std::make_shared<ManifestOptions>();
  auto* command = app.add_subcommand("doctor", "Check every host manifest location and say what a browser would refuse");
  add_manifest_options(*command, *options, OptionSet::doctor);
  command->callback([options, &exit_code] {
    try {
      exit_code = run_doctor(options->to_request(), std::cout, std::cerr);
    } catch (const std::invalid_argument& e) {
      std::cerr << "doctor: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace linkedout::cli
