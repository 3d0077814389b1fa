// `linkedout-host uninstall`: removes the manifests install wrote, and only those.
#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <ostream>

#include "cli/commands.hpp"
#include "json_file.hpp"
#include "cli/host_manifest.hpp"
#include "cli/manifest_options.hpp"
#include "extension_ids.hpp"
#include "json_util.hpp"
#include "platform/registry.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;

namespace {

// install creates the manifest directory, and the browser's own directory above it when only the
// browser's program was found: remove those again when nothing else lives in them. fs::remove
// refuses a non-empty directory; shared roots (~/.config, ~/Library/…) stay.
void remove_empty_user_dirs(const Location& location, paths::Os os, const fs::path& home) {
  std::error_code ec;
  fs::path dir = location.file.parent_path();
  const fs::path keep[] = {home, home / ".config", home / "Library", home / "Library/Application Support",
                           home / "AppData", home / "AppData/Local"};
  const auto profile = paths::profile_dir(location.browser, os, home);
  const auto under_home = [&home](const fs::path& at) {
    const auto relative = at.lexically_relative(home);
    return !relative.empty() && *relative.begin() != "..";
  };
  while (dir.has_parent_path() && std::find(std::begin(keep), std::end(keep), dir) == std::end(keep) &&
         under_home(dir)) {
    // Above the browser's profile directory only the manifest path's own parents are ours to try.
    if (!fs::remove(dir, ec) || ec) break;
    if (dir == profile) break;
    dir = dir.parent_path();
  }
}

// System-wide, only the directories install recorded as created by it, and only when empty:
// /etc/opt/chrome or a host directory other programs use is never removed. Returns them (the
// record itself is removed here); the caller removes them once every manifest is gone, since on
// Windows the browsers' folders share their parents (%ProgramData%\LinkedOut\NativeMessagingHosts).
std::vector<fs::path> created_system_dirs(const Location& location) {
  const auto record = location.file.parent_path() / kCreatedDirsFileName;
  std::vector<fs::path> created;
  if (std::ifstream in(record); in)
    for (std::string line; std::getline(in, line);)
      if (!line.empty()) created.push_back(paths::from_utf8(line));
  std::error_code ec;
  fs::remove(record, ec);
  std::vector<fs::path> ours;
  for (const auto& dir : created)
    if (const auto below = location.file.parent_path().lexically_relative(dir); !below.empty() && *below.begin() != "..")
      ours.push_back(dir);
  return ours;
}

void remove_empty_dirs(std::vector<fs::path> dirs) {
  std::sort(dirs.begin(), dirs.end(), [](const fs::path& a, const fs::path& b) {
    return a.native().size() > b.native().size();  // deepest first, whatever the records' order
  });
  std::error_code ec;
  for (const auto& dir : dirs) fs::remove(dir, ec);  // refuses a non-empty directory: something else lives there now
}

}  // namespace

int run_uninstall(const ManifestRequest& request, std::ostream& out, std::ostream& err) {
  int removed = 0;
  int failed = 0;
  std::vector<fs::path> seen;  // --manifest-dir with all browsers names one file six times
  std::vector<fs::path> system_dirs;  // created by install --system, removed last
  for (const auto& location : locations(request, request.scope)) {
    if (std::find(seen.begin(), seen.end(), location.file) != seen.end()) continue;
    seen.push_back(location.file);
    // Registry keys first (Windows): only one naming this very file is ours to delete.
    for (const auto browser : with_shared(location)) {
      const auto key = platform::registry_key(browser, location.scope);
      if (!key) continue;
      try {
        switch (platform::unregister_manifest(browser, location.scope, location.file)) {
          case platform::Unregistered::removed:
            out << "unregistered " << paths::spec(browser).display_name << ": " << *key << "\n";
            ++removed;
            break;
          case platform::Unregistered::not_ours:
            out << "left " << *key << ": it names another manifest, not " << location.file.string() << "\n";
            break;
          case platform::Unregistered::not_a_path:
            out << "left " << *key << ": its value is not a path (a REG_SZ), so nothing says LinkedOut wrote it\n";
            break;
          case platform::Unregistered::absent:
            break;
        }
      } catch (const std::exception& e) {
        err << "uninstall: " << e.what() << "\n";
        ++failed;
      }
    }
    std::error_code ec;
    if (!fs::exists(location.file, ec)) continue;

    // Ours only: a file at this path whose `name` is not io.linkedout.host was not written by us.
    const auto parsed = json_util::parse_strict_file(location.file);
    if (!parsed.ok) {  // unreadable (a FIFO, a folder, too large) or not JSON: nothing says it is ours
      err << "uninstall: left " << location.file.string() << ": " << parsed.error << "\n";
      ++failed;
      continue;
    }
    const auto name = parsed.value.is_object() ? parsed.value.find("name") : parsed.value.end();
    if (name == parsed.value.end() || *name != nlohmann::json(kHostName)) {
      err << "uninstall: left " << location.file.string() << ": its name is not " << kHostName
          << ", so it is not ours\n";
      ++failed;
      continue;
    }
    if (!fs::remove(location.file, ec) || ec) {
      err << "uninstall: cannot remove " << location.file.string() << ": " << ec.message() << "\n";
      ++failed;
      continue;
    }
    out << "removed " << location.label() << ": " << location.file.string() << "\n";
    ++removed;
    if (location.explicit_dir) continue;
    if (location.scope == paths::Scope::system) {
      const auto created = created_system_dirs(location);
      system_dirs.insert(system_dirs.end(), created.begin(), created.end());
    } else {
      remove_empty_user_dirs(location, request.os, home_of(request));
    }
  }
  remove_empty_dirs(system_dirs);
  if (removed == 0 && failed == 0) out << "nothing to remove: no LinkedOut host manifest found\n";
  return failed == 0 ? kExitOk : kExitFailed;
}

}  // namespace linkedout::cli
