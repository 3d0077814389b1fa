// Per-browser, per-OS manifest locations and data directories (pure: the OS is a parameter).
#include <doctest/doctest.h>

#include "paths.hpp"
#include "platform/platform.hpp"

namespace paths = linkedout::paths;
using paths::Browser;
using paths::Os;
using paths::Scope;
namespace fs = std::filesystem;

namespace {
const fs::path kHome = "/home/ada";

std::string user_dir(Browser b, Os os) { return paths::manifest_dir(b, os, Scope::user, kHome).string(); }
std::string system_dir(Browser b, Os os) { return paths::manifest_dir(b, os, Scope::system, kHome).string(); }
}  // namespace

TEST_CASE("paths: Linux per-user manifest directories") {
  CHECK(user_dir(Browser::chrome, Os::Linux) == "/home/ada/.config/google-chrome/NativeMessagingHosts");
  CHECK(user_dir(Browser::chromium, Os::Linux) == "/home/ada/.config/chromium/NativeMessagingHosts");
  CHECK(user_dir(Browser::edge, Os::Linux) == "/home/ada/.config/microsoft-edge/NativeMessagingHosts");
  CHECK(user_dir(Browser::brave, Os::Linux) == "/home/ada/.config/BraveSoftware/Brave-Browser/NativeMessagingHosts");
  CHECK(user_dir(Browser::vivaldi, Os::Linux) == "/home/ada/.config/vivaldi/NativeMessagingHosts");
  CHECK(user_dir(Browser::firefox, Os::Linux) == "/home/ada/.mozilla/native-messaging-hosts");
}

TEST_CASE("paths: Linux system-wide manifest directories") {
  CHECK(system_dir(Browser::chrome, Os::Linux) == "/etc/opt/chrome/native-messaging-hosts");
  CHECK(system_dir(Browser::chromium, Os::Linux) == "/etc/chromium/native-messaging-hosts");
  CHECK(system_dir(Browser::edge, Os::Linux) == "/etc/opt/edge/native-messaging-hosts");
  CHECK(system_dir(Browser::brave, Os::Linux) == "/etc/chromium/native-messaging-hosts");
  CHECK(system_dir(Browser::vivaldi, Os::Linux) == "/etc/opt/vivaldi/native-messaging-hosts");
  CHECK(system_dir(Browser::firefox, Os::Linux) == "/usr/lib/mozilla/native-messaging-hosts");
}

TEST_CASE("paths: macOS per-user manifest directories") {
  CHECK(user_dir(Browser::chrome, Os::MacOS) ==
        "/home/ada/Library/Application Support/Google/Chrome/NativeMessagingHosts");
  CHECK(user_dir(Browser::chromium, Os::MacOS) == "/home/ada/Library/Application Support/Chromium/NativeMessagingHosts");
  CHECK(user_dir(Browser::edge, Os::MacOS) ==
        "/home/ada/Library/Application Support/Microsoft Edge/NativeMessagingHosts");
  CHECK(user_dir(Browser::brave, Os::MacOS) ==
        "/home/ada/Library/Application Support/BraveSoftware/Brave-Browser/NativeMessagingHosts");
  CHECK(user_dir(Browser::vivaldi, Os::MacOS) == "/home/ada/Library/Application Support/Vivaldi/NativeMessagingHosts");
  CHECK(user_dir(Browser::firefox, Os::MacOS) == "/home/ada/Library/Application Support/Mozilla/NativeMessagingHosts");
}

TEST_CASE("paths: macOS system-wide manifest directories") {
  CHECK(system_dir(Browser::chrome, Os::MacOS) == "/Library/Google/Chrome/NativeMessagingHosts");
  CHECK(system_dir(Browser::chromium, Os::MacOS) == "/Library/Application Support/Chromium/NativeMessagingHosts");
  CHECK(system_dir(Browser::edge, Os::MacOS) == "/Library/Microsoft/Edge/NativeMessagingHosts");
  CHECK(system_dir(Browser::brave, Os::MacOS) == "/Library/Application Support/Chromium/NativeMessagingHosts");
  CHECK(system_dir(Browser::firefox, Os::MacOS) == "/Library/Application Support/Mozilla/NativeMessagingHosts");
}

TEST_CASE("paths: every location is absolute, named io.linkedout.host.json, and sits inside its profile when per-user") {
  for (const auto& b : paths::browsers()) {
    for (const auto os : {Os::Linux, Os::MacOS}) {
      for (const auto scope : {Scope::user, Scope::system}) {
        const auto file = paths::manifest_path(b.browser, os, scope, kHome);
        CAPTURE(file);
        CHECK(file.is_absolute());
        CHECK(file.filename() == "io.linkedout.host.json");
      }
      // Chromium-family browsers read NativeMessagingHosts inside their user data directory.
      if (b.family == paths::Family::chromium)
        CHECK(paths::manifest_dir(b.browser, os, Scope::user, kHome).parent_path() == paths::profile_dir(b.browser, os, kHome));
    }
  }
}

TEST_CASE("paths: browser names parse and round-trip — unknown names do not") {
  for (const auto& b : paths::browsers()) CHECK(paths::parse_browser(b.name) == b.browser);
  CHECK_FALSE(paths::parse_browser("safari"));
  CHECK_FALSE(paths::parse_browser("Chrome"));
  CHECK_FALSE(paths::parse_browser("all"));
  CHECK(paths::browser_names("|") == "chrome|chromium|edge|brave|vivaldi|firefox");
  CHECK(paths::spec(Browser::firefox).family == paths::Family::firefox);
  CHECK(paths::spec(Browser::edge).family == paths::Family::chromium);
}

TEST_CASE("paths: data directory precedence: LINKEDOUT_DATA_DIR, XDG_DATA_HOME, then the default") {
  CHECK(paths::data_dir(Os::Linux, kHome, "/tmp/x", "/xdg") == "/tmp/x");
  CHECK(paths::data_dir(Os::Linux, kHome, std::nullopt, "/xdg") == "/xdg/linkedout");
  CHECK(paths::data_dir(Os::Linux, kHome, std::nullopt, std::nullopt) == "/home/ada/.local/share/linkedout");
  // XDG: a relative XDG_DATA_HOME is invalid and ignored.
  CHECK(paths::data_dir(Os::Linux, kHome, std::nullopt, "relative") == "/home/ada/.local/share/linkedout");
  CHECK(paths::data_dir(Os::MacOS, kHome, std::nullopt, "/xdg") == "/home/ada/Library/Application Support/LinkedOut");
  CHECK(paths::data_dir(Os::MacOS, kHome, "/tmp/x", std::nullopt) == "/tmp/x");
}

TEST_CASE("paths: log directory follows XDG_STATE_HOME") {
  CHECK(paths::log_dir(Os::Linux, kHome, "/state") == "/state/linkedout");
  CHECK(paths::log_dir(Os::Linux, kHome, std::nullopt) == "/home/ada/.local/state/linkedout");
  CHECK(paths::log_dir(Os::MacOS, kHome, std::nullopt) == "/home/ada/Library/Logs/LinkedOut");
}

TEST_CASE("paths: the running executable is absolute and exists") {
  const auto self = linkedout::platform::self_executable();
  CHECK(self.is_absolute());
  CHECK(fs::is_regular_file(self));
}
