// `linkedout-host doctor`: for every place a browser looks for the host manifest, says whether it
// is there and, if it is, each reason the browser would report "native host not found" or refuse
// to talk to it — one line each.
#include <algorithm>
#include <ostream>

#include "cli/commands.hpp"
#include "json_file.hpp"
#include "platform/platform.hpp"
#include "cli/host_manifest.hpp"
#include "cli/host_probe.hpp"
#include "cli/manifest_options.hpp"
#include "sandboxed_browsers.hpp"
#include "json_util.hpp"
#include "platform/registry.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// Starts the host exactly as this browser family would and asks hello.
std::string launch_problem(const fs::path& manifest_file, paths::Family family, const std::string& id) {
  const auto doc = json_util::parse_strict_file(manifest_file).value;
  // inspect_manifest vouched for `path`, but the file may have changed since: check again.
  const auto path = doc.is_object() ? doc.value("path", nlohmann::json()) : nlohmann::json();
  if (!path.is_string()) return "the manifest changed while doctor read it: run doctor again";
  const fs::path program = paths::manifest_program(manifest_file, path.get<std::string>());
  const std::vector<std::string> args = family == paths::Family::chromium
                                            ? std::vector<std::string>{"chrome-extension://" + id + "/"}
                                            : std::vector<std::string>{manifest_file.string(), id};
  const auto result = probe_host(program, args);
  return result.answered ? "" : result.problem;
}

// Whether another user could replace the program the manifest names (what install --system refuses,
// and install per user warns about).
std::vector<std::string> replaceable_host(const fs::path& manifest_file, paths::Scope scope) {
  // A manifest that is not a readable file is inspect_manifest's to report, in plain words.
  if (std::error_code ec; !fs::is_regular_file(manifest_file, ec)) return {};
  const auto parsed = json_util::parse_strict_file(manifest_file);
  if (!parsed.ok || !parsed.value.is_object()) return {};
  const auto path = parsed.value.value("path", nlohmann::json());
  if (!path.is_string()) return {};
  // On Windows a relative path is the manifest's folder's (the MSI writes ..\..\linkedout-host.exe).
  const fs::path program = paths::manifest_program(manifest_file, path.get<std::string>());
  if (!program.is_absolute()) return {};
  const bool system = scope == paths::Scope::system;
  std::vector<std::string> problems;
  for (const auto& why : platform::replaceable_by_others(
           program, system ? platform::Ownership::root_only : platform::Ownership::root_or_self))
    problems.push_back("another user could replace the host it names: " + why +
                       (system ? " (a system-wide manifest must name a program only root can change)" : ""));
  return problems;
}

std::string joined(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? "nothing" : text;
}

// What lets `id` in, in this family's terms: the origin for the Chromium family, the id for Firefox.
std::string entry_for(paths::Family family, const std::string& id) {
  return family == paths::Family::chromium ? "chrome-extension://" + id + "/" : id;
}

// The command that allows `id`, for the user to copy.
std::string allow_command(paths::Family family, const std::string& id) {
  return std::string("linkedout-host install ") + (family == paths::Family::chromium ? "--extension-id " : "--firefox-id ") + id;
}

// Why a registry key that exists points the browser at no manifest: its default value is missing,
// empty or of a type other than the REG_SZ install writes and the browsers document.
std::string registration_problem(const std::string& key, const platform::Registration& found) {
  if (found.type == "no default value" || (found.type == "REG_SZ" && found.manifest.empty()))
    return "the registry key " + key + " holds no manifest path";
  if (found.type == "REG_EXPAND_SZ")
    return "the registry key " + key + " holds a REG_EXPAND_SZ (" + found.manifest.string() +
           "), which not every browser reads as the manifest's path (install writes a REG_SZ)";
  return "the registry key " + key + " holds a " + found.type +
         ", not the manifest's path (a REG_SZ), so the browser finds no manifest through it";
}

}  // namespace

int run_doctor(const ManifestRequest& request, std::ostream& out, std::ostream& err) {
  const auto ids = allowed_ids(request, "doctor", err);
  if (!ids) return kExitUsage;

  // A browser reads the per-user and the system-wide location: check both.
  std::vector<Location> all = locations(request, paths::Scope::user);
  if (!request.manifest_dir) {
    const auto system = locations(request, paths::Scope::system);
    all.insert(all.end(), system.begin(), system.end());
  }
  const bool name_missing = request.browser.has_value();  // asked about one browser: say so if absent
  int ok = 0;
  int broken = 0;
  std::vector<std::string> fixes;  // one allow command per asked-about id some manifest refuses
  for (const auto& location : all) {
    // Where browsers find manifests through the registry (Windows), the key decides which file
    // the browser reads: check that one, and say when the key is missing or names nothing.
    fs::path file = location.file;
    std::vector<std::string> problems;
    const auto key = platform::registry_key(location.browser, location.scope);
    std::optional<platform::Registration> registered;
    if (key) registered = platform::registered_manifest(location.browser, location.scope);
    std::error_code ec;
    if (key && registered && registered->holds_path()) {
      file = registered->manifest;
      if (!fs::exists(file, ec)) problems.push_back("the registry key " + *key + " names " + file.string() +
                                                    ", which does not exist: run " + install_command(location));
    } else if (key && registered) {
      problems.push_back(registration_problem(*key, *registered) + ": run " + install_command(location));
    } else if (key && fs::exists(file, ec)) {
      problems.push_back("the registry key " + *key + " is missing, so the browser never reads this manifest: run " +
                         install_command(location));
    }
    if (problems.empty() && !fs::exists(file, ec)) {
      if (name_missing)
        out << "missing  " << location.label() << ": no manifest at " << file.string()
            << (key ? " and no registry key " + *key : std::string()) << "\n";
      continue;
    }
    const auto family = paths::spec(location.browser).family;
    if (fs::exists(file, ec)) {
      auto found = inspect_manifest(file, family, ids->of(family));
      problems.insert(problems.end(), found.begin(), found.end());
    }
    for (auto& why : replaceable_host(file, location.scope)) problems.push_back(std::move(why));
    if (problems.empty() && request.launch_host)
      for (const auto& id : ids->of(family))
        if (auto problem = launch_problem(file, family, id); !problem.empty()) problems.push_back(problem);
    if (problems.empty()) {
      out << "ok       " << location.label() << ": " << file.string() << (key ? " (registered in " + *key + ")" : "")
          << "\n";
      ++ok;
    } else {
      ++broken;
      for (const auto& problem : problems)
        out << "BROKEN   " << location.label() << ": " << file.string() << ": " << problem << "\n";
    }
    // Both per user and for every user: Chrome and Firefox read HKEY_CURRENT_USER's key first and
    // use it whenever it holds a path; this one then only matters for other users.
    if (key && location.scope == paths::Scope::system) {
      const auto own = platform::registered_manifest(location.browser, paths::Scope::user);
      if (own && own->holds_path())
        out << "unused   " << location.label() << ": for you, the browser reads "
            << *platform::registry_key(location.browser, paths::Scope::user) << " first, which names "
            << own->manifest.string() << "\n";
    }
    const auto allowed = allowed_callers_in(file, family);
    out << "allows   " << location.label() << ": " << joined(allowed) << "\n";
    // Asked about ids (a store install's own): say for each whether this manifest lets it in.
    const auto& asked = family == paths::Family::chromium ? request.chrome_ids : request.firefox_ids;
    for (const auto& id : asked) {
      const bool in = std::find(allowed.begin(), allowed.end(), entry_for(family, id)) != allowed.end();
      out << "         " << location.label() << ": extension id " << id << (in ? " is allowed" : " is not allowed") << "\n";
      const auto fix = allow_command(family, id);
      if (!in && std::find(fixes.begin(), fixes.end(), fix) == fixes.end()) fixes.push_back(fix);
    }
  }
  for (const auto& fix : fixes) out << "to allow it, run: " << fix << "\n";
  // Snap and Flatpak browsers read other places, or none: say what each one found needs.
  if (!request.manifest_dir && request.os == paths::Os::Linux) {
    for (const auto& sandboxed : paths::sandboxed_browsers(home_of(request))) {
      if (request.browser && *request.browser != sandboxed.browser) continue;
      const auto kind = paths::sandbox_name(sandboxed.sandbox);
      std::string tag(sandboxed.sandbox == paths::Sandbox::snap ? "snap" : "flatpak");
      tag.resize(9, ' ');
      out << tag << paths::spec(sandboxed.browser).display_name << " (" << kind << "): found "
          << sandboxed.evidence.string() << ": " << sandboxed.advice << "\n";
    }
  }
  if (ok == 0 && broken == 0) {
    out << "nothing is installed: run `linkedout-host install`\n";
    return kExitFailed;
  }
  out << ok << " ok, " << broken << " broken\n";
  return ok > 0 && broken == 0 ? kExitOk : kExitFailed;
}

}  // namespace linkedout::cli
