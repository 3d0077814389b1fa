#include "paths.hpp"

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

}  // namespace linkedout::paths
