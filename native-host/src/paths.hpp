// Where things live, per browser and per OS, in one table: host manifest directories (per user
// and system-wide), the profile directory that shows a browser is used, the programs that show it
// is installed, and LinkedOut's own data directory. Path logic is pure (the OS and the home
// directory are parameters) so macOS paths are tested on Linux.
#pragma once

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace linkedout::paths {

enum class Os { Linux, MacOS, Windows };
enum class Browser { chrome, chromium, edge, brave, vivaldi, firefox };
enum class Scope { user, system };
// Chromium-family manifests carry `allowed_origins`, Firefox ones `allowed_extensions`.
enum class Family { chromium, firefox };

inline constexpr std::string_view kManifestFileName = "io.linkedout.host.json";

struct OsLocations {
  std::string_view user_manifest_dir;  // relative to the home directory
  std::string_view profile_dir;        // relative to home; exists once the browser has run
  std::string_view system_manifest_dir;  // absolute
  std::vector<std::string_view> programs;  // Linux: names looked up on PATH; macOS: app bundles;
                                           // Windows: paths relative to the system drive's root
};

struct BrowserSpec {
  Browser browser;
  std::string_view name;          // as on the command line: "chrome"
  std::string_view display_name;  // "Google Chrome"
  Family family;
  OsLocations linux_locations;
  OsLocations macos_locations;
  // Windows: the manifests are LinkedOut's own files (under %LOCALAPPDATA%\LinkedOut per user,
  // %ProgramData%\LinkedOut for all users); a browser finds one through the default value of
  // `<HKCU or HKLM>\<windows_registry_key>\io.linkedout.host`, which holds the file's path.
  OsLocations windows_locations;
  std::string_view windows_registry_key;  // "Software\\Google\\Chrome\\NativeMessagingHosts"
  const OsLocations& on(Os os) const {
    return os == Os::Linux ? linux_locations : os == Os::MacOS ? macos_locations : windows_locations;
  }
};

// Every supported browser, in the order commands report them.
std::span<const BrowserSpec> browsers();
const BrowserSpec& spec(Browser browser);
std::optional<Browser> parse_browser(std::string_view name);  // "chrome" … "firefox"
std::string browser_names(std::string_view separator);        // "chrome|chromium|…"
std::string_view scope_name(Scope scope);                    // "user" | "system"

std::filesystem::path manifest_dir(Browser browser, Os os, Scope scope, const std::filesystem::path& home);
std::filesystem::path manifest_path(Browser browser, Os os, Scope scope, const std::filesystem::path& home);
std::filesystem::path profile_dir(Browser browser, Os os, const std::filesystem::path& home);

// LinkedOut's data directory: `linkedout_data_dir` ($LINKEDOUT_DATA_DIR) when set, else
// $XDG_DATA_HOME/linkedout on Linux, else ~/.local/share/linkedout (Linux) or
// ~/Library/Application Support/LinkedOut (macOS).
std::filesystem::path data_dir(Os os, const std::filesystem::path& home,
                               const std::optional<std::string>& linkedout_data_dir,
                               const std::optional<std::string>& xdg_data_home);
// Where the host log goes: $XDG_STATE_HOME/linkedout, else ~/.local/state/linkedout (Linux) or
// ~/Library/Logs/LinkedOut (macOS).
std::filesystem::path log_dir(Os os, const std::filesystem::path& home,
                              const std::optional<std::string>& xdg_state_home);

// A path from UTF-8 text (a command-line argument, an environment variable, a manifest's "path"):
// exact on every OS, where std::filesystem::path(std::string) on Windows reads the bytes in the
// ANSI code page. path::string() gives UTF-8 back on both.
std::filesystem::path from_utf8(std::string_view text);
// A file's name as UTF-8, or nothing when it is not text: NTFS allows a name holding half of a
// UTF-16 surrogate pair, and path::string() throws on it there (a folder scan that called it
// would fail on any such file another program put beside the store).
std::optional<std::string> utf8_name(const std::filesystem::path& path);

// The program a manifest's "path" names: on Windows a relative path is taken from the manifest's
// folder, as Chrome and Firefox do there; elsewhere it is returned as written (and is an error).
std::filesystem::path manifest_program(const std::filesystem::path& manifest, std::string_view path_field);

// The OS this host was built for. The running system's folders, environment and executable are
// platform.hpp's.
Os current_os();

}  // namespace linkedout::paths
