// `linkedout-host install`: writes io.linkedout.host.json where each browser looks for it.
#include <fstream>
#include <iterator>
#include <ostream>

#include "platform/platform.hpp"
#include "json_util.hpp"
#include "cli/commands.hpp"
#include "cli/host_manifest.hpp"
#include "cli/manifest_options.hpp"
#include "platform/registry.hpp"
#include "sandboxed_browsers.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// A browser is worth installing for when its profile directory exists (it has run as this user)
// or its program is installed; then the browser will read the manifest the next time it starts.
// System-wide, only the program counts: no one user's profile speaks for the machine. Firefox's
// snap reads the ordinary per-user manifest through the desktop portal, so it counts for Firefox.
std::string evidence_of(paths::Browser browser, paths::Os os, paths::Scope scope, const fs::path& home,
                        const fs::path& system_root) {
  std::error_code ec;
  if (scope == paths::Scope::user) {
    const auto profile = paths::profile_dir(browser, os, home);
    if (fs::is_directory(profile, ec)) return "profile " + profile.string();
    if (os == paths::Os::Linux)
      for (const auto& sandboxed : paths::sandboxed_browsers(home))
        if (sandboxed.browser == browser && sandboxed.native_messaging_works) return sandboxed.evidence.string();
  }
  for (const auto program : paths::spec(browser).on(os).programs) {
    // Linux: a name on PATH; macOS: an app bundle; Windows: a path under the system drive.
    if (os == paths::Os::Linux ? platform::program_on_path(program) : fs::exists(system_root / program, ec))
      return "program " + (os == paths::Os::Windows ? (system_root / program).make_preferred().string() : std::string(program));
  }
  return "";
}

// The directories creating `dir` will make, deepest first.
std::vector<fs::path> missing_dirs(const fs::path& dir) {
  std::vector<fs::path> missing;
  std::error_code ec;
  for (fs::path at = dir; !at.empty() && at != at.parent_path() && !fs::exists(at, ec); at = at.parent_path())
    missing.push_back(at);
  return missing;
}

// Adds `created` to the record beside a system-wide manifest (kept across re-installs).
void record_created_dirs(const fs::path& manifest_dir, const std::vector<fs::path>& created) {
  if (created.empty()) return;
  const auto record = manifest_dir / kCreatedDirsFileName;
  std::string text;
  if (std::ifstream in(record); in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  for (const auto& dir : created) text += dir.string() + "\n";
  platform::write_file_atomically(record, text, platform::FileAccess::world_readable);
}

}  // namespace

int run_install(const ManifestRequest& request, std::ostream& out, std::ostream& err) {
  const auto ids = allowed_ids(request, "install", err);
  if (!ids) return kExitUsage;

  fs::path host_path;
  try {
    host_path = request.host_path ? *request.host_path : platform::self_executable();
  } catch (const std::exception& e) {
    err << "install: cannot find this program's own path (" << e.what() << "); pass --host-path\n";
    return kExitFailed;
  }
  // The manifest is JSON text, which cannot name a path holding bytes that are not UTF-8 (a
  // folder named in Latin-1): say so, before any folder or manifest is written.
  if (!json_util::is_valid_utf8(host_path.string())) {
    err << "install: the program's path is not valid UTF-8, so no manifest can name it for a browser: "
        << host_path.string() << "\ninstall: move it to a folder whose name is UTF-8 and install from there\n";
    return kExitFailed;
  }
  if (std::error_code ec; !fs::is_regular_file(host_path, ec))
    err << "install: warning: " << host_path.string() << " does not exist yet; browsers will not start it until it does\n";
  // A manifest makes the browser run this file: whoever can replace it runs code as each user
  // whose browser reads the manifest. System-wide: only root may be able to; per user: root or you.
  const bool system = request.scope == paths::Scope::system;
  const auto replaceable = platform::replaceable_by_others(
      host_path, system ? platform::Ownership::root_only : platform::Ownership::root_or_self);
  if (!replaceable.empty() && system) {
    err << "install: refusing to register " << host_path.string()
        << " for every user of this computer: another user could replace it\n";
    for (const auto& why : replaceable) err << "install:   " << why << "\n";
    err << (request.os == paths::Os::Windows
                ? "install: copy it where only administrators can write (such as C:\\Program Files\\LinkedOut\\) and install from there\n"
                : "install: copy it where only root can write (such as /usr/lib/linkedout/) and install from there\n");
    return kExitFailed;
  }
  for (const auto& why : replaceable)
    err << "install: warning: another user could replace the host your browser will run: " << why << "\n";

  // Without a named browser or directory, install for the browsers found (unless --all-browsers):
  // an explicit browser or directory is what the caller asked for.
  const bool detect = !request.browser && !request.manifest_dir && !request.all_browsers;
  const fs::path home = detect && request.scope == paths::Scope::user ? home_of(request) : fs::path{};
  int installed = 0;
  int failed = 0;
  std::vector<std::string> skipped;
  for (const auto& location : locations(request, request.scope)) {
    const auto& spec = paths::spec(location.browser);
    if (detect) {
      // A directory several browsers read (Chromium's, system-wide, is Brave's too) is for any of them.
      const auto system_root = system_root_of(request);
      bool found = !evidence_of(location.browser, request.os, request.scope, home, system_root).empty();
      for (const auto other : location.shared_with)
        found = found || !evidence_of(other, request.os, request.scope, home, system_root).empty();
      if (!found) {
        skipped.push_back(std::string(spec.name));
        continue;
      }
    }
    const auto manifest = build_manifest(spec.family, host_path, ids->of(spec.family));
    try {
      std::error_code ec;
      const auto created = missing_dirs(location.file.parent_path());
      fs::create_directories(location.file.parent_path(), ec);
      if (ec) throw std::runtime_error("cannot create " + location.file.parent_path().string() + ": " + ec.message());
      // 0644 whatever the umask: a system-wide manifest written by root must be readable by users.
      platform::write_file_atomically(location.file, manifest.dump(2) + "\n", platform::FileAccess::world_readable);
      if (location.scope == paths::Scope::system && !location.explicit_dir)
        record_created_dirs(location.file.parent_path(), created);
      out << "installed " << location.label() << ": " << location.file.string() << "\n";
      // Where browsers find manifests through the registry (Windows), point each one's key at it.
      for (const auto browser : with_shared(location)) {
        if (const auto key = platform::registry_key(browser, location.scope)) {
          platform::register_manifest(browser, location.scope, location.file);
          out << "registered " << paths::spec(browser).display_name << ": " << *key << "\n";
        }
      }
      ++installed;
    } catch (const std::exception& e) {
      err << "install: " << location.label() << ": " << e.what() << "\n";
      ++failed;
    }
  }
  if (!skipped.empty()) {
    std::string names;
    for (const auto& name : skipped) names += (names.empty() ? "" : ", ") + name;
    out << (request.scope == paths::Scope::system ? "skipped (not installed on this machine): "
                                                  : "skipped (not found for this user): ")
        << names << "; --all-browsers writes for them too\n";
  }
  if (installed == 0 && failed == 0) {
    out << "no browser found, nothing installed; start your browser once, or name it: "
           "linkedout-host install --browser chromium\n";
  }
  return failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace linkedout::cli
