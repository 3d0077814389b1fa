#include "paths.hpp"

#include <array>
#include <cstdlib>
#include <stdexcept>
#include <system_error>

#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace linkedout::paths {
namespace fs = std::filesystem;

namespace {

// Sources: each browser's native messaging documentation (Chrome, Edge, MDN for Firefox) and
// Chromium's chrome_paths. Brave keeps unbranded Chromium's system directory (brave-core does not
// override DIR_NATIVE_MESSAGING), so it shares Chromium's; Vivaldi's is an assumption shared with
// other installers. On Windows every browser finds the manifest through its registry key (Chrome's
// and Microsoft's documentation, MDN; Brave and Vivaldi as Chromium builds with their own vendor
// path). docs/install.md has the table and its sources.
const std::array<BrowserSpec, 6> kBrowsers = {{
    {Browser::chrome, "chrome", "Google Chrome", Family::chromium,
     {".config/google-chrome/NativeMessagingHosts", ".config/google-chrome",
      "/etc/opt/chrome/native-messaging-hosts", {"google-chrome", "google-chrome-stable"}},
     {"Library/Application Support/Google/Chrome/NativeMessagingHosts",
      "Library/Application Support/Google/Chrome", "/Library/Google/Chrome/NativeMessagingHosts",
      {"/Applications/Google Chrome.app"}},
     {"AppData/Local/LinkedOut/NativeMessagingHosts/chrome", "AppData/Local/Google/Chrome/User Data", "C:/ProgramData/LinkedOut/NativeMessagingHosts/chrome", {"Program Files/Google/Chrome/Application/chrome.exe", "Program Files (x86)/Google/Chrome/Application/chrome.exe"}},
     "Software\\Google\\Chrome\\NativeMessagingHosts"},
    {Browser::chromium, "chromium", "Chromium", Family::chromium,
     {".config/chromium/NativeMessagingHosts", ".config/chromium",
      "/etc/chromium/native-messaging-hosts", {"chromium", "chromium-browser"}},
     {"Library/Application Support/Chromium/NativeMessagingHosts",
      "Library/Application Support/Chromium",
      "/Library/Application Support/Chromium/NativeMessagingHosts", {"/Applications/Chromium.app"}},
     {"AppData/Local/LinkedOut/NativeMessagingHosts/chromium", "AppData/Local/Chromium/User Data", "C:/ProgramData/LinkedOut/NativeMessagingHosts/chromium", {"Program Files/Chromium/Application/chrome.exe"}},
     "Software\\Chromium\\NativeMessagingHosts"},
    {Browser::edge, "edge", "Microsoft Edge", Family::chromium,
     {".config/microsoft-edge/NativeMessagingHosts", ".config/microsoft-edge",
      "/etc/opt/edge/native-messaging-hosts", {"microsoft-edge", "microsoft-edge-stable"}},
     {"Library/Application Support/Microsoft Edge/NativeMessagingHosts",
      "Library/Application Support/Microsoft Edge", "/Library/Microsoft/Edge/NativeMessagingHosts",
      {"/Applications/Microsoft Edge.app"}},
     {"AppData/Local/LinkedOut/NativeMessagingHosts/edge", "AppData/Local/Microsoft/Edge/User Data", "C:/ProgramData/LinkedOut/NativeMessagingHosts/edge", {"Program Files (x86)/Microsoft/Edge/Application/msedge.exe", "Program Files/Microsoft/Edge/Application/msedge.exe"}},
     "Software\\Microsoft\\Edge\\NativeMessagingHosts"},
    {Browser::brave, "brave", "Brave", Family::chromium,
     {".config/BraveSoftware/Brave-Browser/NativeMessagingHosts", ".config/BraveSoftware/Brave-Browser",
      "/etc/chromium/native-messaging-hosts", {"brave-browser", "brave"}},
     {"Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts",
      "Library/Application Support/BraveSoftware/Brave-Browser",
      "/Library/Application Support/Chromium/NativeMessagingHosts", {"/Applications/Brave Browser.app"}},
     {"AppData/Local/LinkedOut/NativeMessagingHosts/brave", "AppData/Local/BraveSoftware/Brave-Browser/User Data", "C:/ProgramData/LinkedOut/NativeMessagingHosts/brave", {"Program Files/BraveSoftware/Brave-Browser/Application/brave.exe"}},
     "Software\\BraveSoftware\\Brave-Browser\\NativeMessagingHosts"},
    {Browser::vivaldi, "vivaldi", "Vivaldi", Family::chromium,
     {".config/vivaldi/NativeMessagingHosts", ".config/vivaldi",
      "/etc/opt/vivaldi/native-messaging-hosts", {"vivaldi", "vivaldi-stable"}},
     {"Library/Application Support/Vivaldi/NativeMessagingHosts", "Library/Application Support/Vivaldi",
      "/Library/Application Support/Vivaldi/NativeMessagingHosts", {"/Applications/Vivaldi.app"}},
     {"AppData/Local/LinkedOut/NativeMessagingHosts/vivaldi", "AppData/Local/Vivaldi/User Data", "C:/ProgramData/LinkedOut/NativeMessagingHosts/vivaldi", {"Program Files/Vivaldi/Application/vivaldi.exe"}},
     "Software\\Vivaldi\\NativeMessagingHosts"},
    {Browser::firefox, "firefox", "Firefox", Family::firefox,
     {".mozilla/native-messaging-hosts", ".mozilla", "/usr/lib/mozilla/native-messaging-hosts",
      {"firefox", "firefox-esr"}},
     {"Library/Application Support/Mozilla/NativeMessagingHosts", "Library/Application Support/Firefox",
      "/Library/Application Support/Mozilla/NativeMessagingHosts", {"/Applications/Firefox.app"}},
     {"AppData/Local/LinkedOut/NativeMessagingHosts/firefox", "AppData/Roaming/Mozilla/Firefox", "C:/ProgramData/LinkedOut/NativeMessagingHosts/firefox", {"Program Files/Mozilla Firefox/firefox.exe", "Program Files (x86)/Mozilla Firefox/firefox.exe"}},
     "Software\\Mozilla\\NativeMessagingHosts"},
}};

// %LOCALAPPDATA% when set to an absolute path, else its default under the profile folder.
fs::path local_app_data(const fs::path& home, const std::optional<std::string>& from_environment) {
  if (from_environment && fs::path(*from_environment).is_absolute()) return fs::path(*from_environment);
  return home / "AppData/Local";
}

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
  // Windows: `xdg_data_home` carries %LOCALAPPDATA% (the user's local application data folder).
  if (os == Os::Windows) return local_app_data(home, xdg_data_home) / "LinkedOut";
  // XDG says a relative value is invalid and must be ignored.
  if (xdg_data_home && fs::path(*xdg_data_home).is_absolute()) return fs::path(*xdg_data_home) / "linkedout";
  return home / ".local/share/linkedout";
}

fs::path log_dir(Os os, const fs::path& home, const std::optional<std::string>& xdg_state_home) {
  if (os == Os::MacOS) return home / "Library/Logs/LinkedOut";
  if (os == Os::Windows) return local_app_data(home, xdg_state_home) / "LinkedOut" / "logs";
  if (xdg_state_home && fs::path(*xdg_state_home).is_absolute()) return fs::path(*xdg_state_home) / "linkedout";
  return home / ".local/state/linkedout";
}

fs::path from_utf8(std::string_view text) { return fs::path(std::u8string(text.begin(), text.end())); }

std::optional<std::string> utf8_name(const fs::path& path) {
  try {
    return path.filename().string();
  } catch (const std::system_error&) {  // filesystem_error: a UTF-16 name with half a surrogate pair
    return std::nullopt;
  }
}

fs::path manifest_program(const fs::path& manifest, std::string_view path_field) {
  fs::path program = from_utf8(path_field);
  if (current_os() == Os::Windows && program.is_relative()) program = manifest.parent_path() / program;
  return program;
}

Os current_os() {
#if defined(_WIN32)
  return Os::Windows;
#elif defined(__APPLE__)
  return Os::MacOS;
#else
  return Os::Linux;
#endif
}

}  // namespace linkedout::paths
