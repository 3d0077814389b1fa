#include "sandboxed_browsers.hpp"

#include <array>

namespace linkedout::paths {
namespace fs = std::filesystem;

namespace {

struct Known {
  Browser browser;
  Sandbox sandbox;
  std::string_view package;
  bool native_messaging_works;
  std::string_view advice;
};

// Firefox's snap reaches hosts outside the sandbox through the WebExtensions desktop portal, which
// reads the ordinary per-user manifest; the other sandboxes cannot start a program outside them.
constexpr std::string_view kFirefoxSnap =
    "native messaging works through the desktop portal (xdg-desktop-portal with its WebExtensions "
    "portal, as on Ubuntu 22.04 and later): run `linkedout-host install --browser firefox`, restart "
    "Firefox, and allow LinkedOut when Firefox asks the first time. If the popup still says the helper "
    "is not installed, install the xdg-desktop-portal update or Firefox's .deb package.";
constexpr std::string_view kBlockedSnap =
    "its snap confinement does not let it start programs outside the snap, so it cannot reach the "
    "LinkedOut helper. Use the browser's .deb package (or Firefox's snap, which can) for LinkedOut.";
constexpr std::string_view kBlockedFlatpak =
    "its Flatpak sandbox does not let it start programs outside the sandbox, so it cannot reach the "
    "LinkedOut helper. Use the browser's .deb package (or Firefox's snap, which can) for LinkedOut.";

constexpr std::array<Known, 9> kKnown = {{
    {Browser::firefox, Sandbox::snap, "firefox", true, kFirefoxSnap},
    {Browser::chromium, Sandbox::snap, "chromium", false, kBlockedSnap},
    {Browser::brave, Sandbox::snap, "brave", false, kBlockedSnap},
    {Browser::firefox, Sandbox::flatpak, "org.mozilla.firefox", false, kBlockedFlatpak},
    {Browser::chromium, Sandbox::flatpak, "org.chromium.Chromium", false, kBlockedFlatpak},
    {Browser::chrome, Sandbox::flatpak, "com.google.Chrome", false, kBlockedFlatpak},
    {Browser::edge, Sandbox::flatpak, "com.microsoft.Edge", false, kBlockedFlatpak},
    {Browser::brave, Sandbox::flatpak, "com.brave.Browser", false, kBlockedFlatpak},
    {Browser::vivaldi, Sandbox::flatpak, "com.vivaldi.Vivaldi", false, kBlockedFlatpak},
}};

// Where a package shows: the user's own data first (it has run), then the installed program.
std::vector<fs::path> places(const Known& known, const fs::path& home, const fs::path& root) {
  const std::string package(known.package);
  if (known.sandbox == Sandbox::snap) return {home / "snap" / package, root / "snap/bin" / package};
  return {home / ".var/app" / package, home / ".local/share/flatpak/app" / package,
          root / "var/lib/flatpak/app" / package};
}

}  // namespace

std::string_view sandbox_name(Sandbox sandbox) { return sandbox == Sandbox::snap ? "Snap" : "Flatpak"; }

std::vector<SandboxedBrowser> sandboxed_browsers(const fs::path& home, const fs::path& root) {
  std::vector<SandboxedBrowser> found;
  for (const auto& known : kKnown) {
    for (const auto& place : places(known, home, root)) {
      std::error_code ec;
      if (!fs::exists(place, ec)) continue;
      found.push_back({known.browser, known.sandbox, known.package, place, known.native_messaging_works, known.advice});
      break;
    }
  }
  return found;
}

}  // namespace linkedout::paths
