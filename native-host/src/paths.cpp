#include "paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <array>
#include <cstdlib>
#include <stdexcept>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace linkedout::paths {
namespace fs = std::filesystem;

namespace {

// Sources: each browser's native messaging documentation (Chrome, Edge, MDN for Firefox) and
// Chromium's chrome_paths. Brave keeps unbranded Chromium's system directory (brave-core does not
// override DIR_NATIVE_MESSAGING), so it shares Chromium's; Vivaldi's is an assumption shared with
// other installers. docs/install.md has the table and its sources.
const std::array<BrowserSpec, 6> kBrowsers = {{
    {Browser::chrome, "chrome", "Google Chrome", Family::chromium,
     {".config/google-chrome/NativeMessagingHosts", ".config/google-chrome",
      "/etc/opt/chrome/native-messaging-hosts", {"google-chrome", "google-chrome-stable"}},
     {"Library/Application Support/Google/Chrome/NativeMessagingHosts",
      "Library/Application Support/Google/Chrome", "/Library/Google/Chrome/NativeMessagingHosts",
      {"/Applications/Google Chrome.app"}}},
    {Browser::chromium, "chromium", "Chromium", Family::chromium,
     {".config/chromium/NativeMessagingHosts", ".config/chromium",
      "/etc/chromium/native-messaging-hosts", {"chromium", "chromium-browser"}},
     {"Library/Application Support/Chromium/NativeMessagingHosts",
      "Library/Application Support/Chromium",
      "/Library/Application Support/Chromium/NativeMessagingHosts", {"/Applications/Chromium.app"}}},
    {Browser::edge, "edge", "Microsoft Edge", Family::chromium,
     {".config/microsoft-edge/NativeMessagingHosts", ".config/microsoft-edge",
      "/etc/opt/edge/native-messaging-hosts", {"microsoft-edge", "microsoft-edge-stable"}},
     {"Library/Application Support/Microsoft Edge/NativeMessagingHosts",
      "Library/Application Support/Microsoft Edge", "/Library/Microsoft/Edge/NativeMessagingHosts",
      {"/Applications/Microsoft Edge.app"}}},
    {Browser::brave, "brave", "Brave", Family::chromium,
     {".config/BraveSoftware/Brave-Browser/NativeMessagingHosts", ".config/BraveSoftware/Brave-Browser",
      "/etc/chromium/native-messaging-hosts", {"brave-browser", "brave"}},
     {"Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
      "Library/Application Support/BraveSoftware/Brave-Browser",
      "/Library/Application Support/Chromium/NativeMessagingHosts", {"/Applications/Brave Browser.app"}}},
    {Browser::vivaldi, "vivaldi", "Vivaldi", Family::chromium,
     {".config/vivaldi/NativeMessagingHosts", ".config/vivaldi",
      "/etc/opt/vivaldi/native-messaging-hosts", {"vivaldi", "vivaldi-stable"}},
     {"Library/Application Support/Vivaldi/NativeMessagingHosts", "Library/Application Support/Vivaldi",
      "/Library/Application Support/Vivaldi/NativeMessagingHosts", {"/Applications/Vivaldi.app"}}},
    {Browser::firefox, "firefox", "Firefox", Family::firefox,
     {".mozilla/native-messaging-hosts", ".mozilla", "/usr/lib/mozilla/native-messaging-hosts",
      {"firefox", "firefox-esr"}},
     {"Library/Application Support/Mozilla/NativeMessagingHosts", "Library/Application Support/Firefox",
      "/Library/Application Support/Mozilla/NativeMessagingHosts", {"/Applications/Firefox.app"}}},
}};

}  // namespace

std::span<const BrowserSpec> browsers() { return kBrowsers; }

const BrowserSpec& spec(Browser browser) {
  for (const auto& b : kBrowsers)
    if (b.browser == browser) return b;
  throw std::logic_error("browser missing from the table");
}

std::optional<Browser> parse_browser(std::string_view name) {
  for (const auto& b : kBrowsers)
    if (b.name == name) return b.browser;
  return std::nullopt;
}

std::string browser_names(std::string_view separator) {
  std::string names;
  for (const auto& b : kBrowsers) {
    if (!names.empty()) names += separator;
    names += b.name;
  }
  return names;
}

std::string_view scope_name(Scope scope) { return scope == Scope::user ? "user" : "system"; }

fs::path manifest_dir(Browser browser, Os os, Scope scope, const fs::path& home) {
  const auto& where = spec(browser).on(os);
  if (scope == Scope::system) return fs::path(where.system_manifest_dir);
  return home / where.user_manifest_dir;
}

fs::path manifest_path(Browser browser, Os os, Scope scope, const fs::path& home) {
  return manifest_dir(browser, os, scope, home) / kManifestFileName;
}

fs::path profile_dir(Browser browser, Os os, const fs::path& home) {
  return home / spec(browser).on(os).profile_dir;
}

fs::path data_dir(Os os, const fs::path& home, const std::optional<std::string>& linkedout_data_dir,
                  const std::optional<std::string>& xdg_data_home) {
  if (linkedout_data_dir) return fs::path(*linkedout_data_dir);
  if (os == Os::MacOS) return home / "Library/Application Support/LinkedOut";
  // XDG says a relative value is invalid and must be ignored.
  if (xdg_data_home && fs::path(*xdg_data_home).is_absolute()) return fs::path(*xdg_data_home) / "linkedout";
  return home / ".local/share/linkedout";
}

fs::path log_dir(Os os, const fs::path& home, const std::optional<std::string>& xdg_state_home) {
  if (os == Os::MacOS) return home / "Library/Logs/LinkedOut";
  if (xdg_state_home && fs::path(*xdg_state_home).is_absolute()) return fs::path(*xdg_state_home) / "linkedout";
  return home / ".local/state/linkedout";
}

Os current_os() {
#if defined(__APPLE__)
  return Os::MacOS;
#else
  return Os::Linux;
#endif
}

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

fs::path home_dir() {
  if (auto home = env("HOME")) return fs::path(*home);
  if (const passwd* pw = ::getpwuid(::getuid()); pw != nullptr && pw->pw_dir != nullptr)
    return fs::path(pw->pw_dir);
  throw std::runtime_error("cannot find the home directory: HOME is unset and the user has no passwd entry");
}

fs::path default_data_dir() {
  return data_dir(current_os(), home_dir(), env("LINKEDOUT_DATA_DIR"), env("XDG_DATA_HOME"));
}

fs::path default_log_dir() { return log_dir(current_os(), home_dir(), env("XDG_STATE_HOME")); }

fs::path self_executable() {
#if defined(__APPLE__)
  std::uint32_t size = 0;
  _NSGetExecutablePath(nullptr, &size);
  std::string buffer(size, '\0');
  if (_NSGetExecutablePath(buffer.data(), &size) != 0) throw std::runtime_error("cannot find the running executable");
  return fs::canonical(buffer.c_str());
#else
  return fs::canonical("/proc/self/exe");
#endif
}

bool program_on_path(std::string_view name) {
  const auto path = env("PATH");
  if (!path) return false;
  std::string_view rest = *path;
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const auto dir = rest.substr(0, colon);
    rest = colon == std::string_view::npos ? std::string_view{} : rest.substr(colon + 1);
    if (dir.empty()) continue;
    const auto candidate = fs::path(dir) / name;
    std::error_code ec;
    if (fs::is_regular_file(candidate, ec) && ::access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

}  // namespace linkedout::paths
