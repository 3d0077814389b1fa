// Browsers installed as a Snap or a Flatpak (Ubuntu's default Firefox and Chromium are snaps).
// Their sandbox changes what native messaging can do, so doctor names each one it finds and says
// what works and what the user must do. Detection is pure over the home directory and a root
// directory (for /snap/bin and /var/lib/flatpak), so tests use fake trees.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "paths.hpp"

namespace linkedout::paths {

enum class Sandbox { snap, flatpak };

struct SandboxedBrowser {
  Browser browser;
  Sandbox sandbox;
  std::string_view package;      // snap name or Flatpak application id
  std::filesystem::path evidence;  // what was found: the user's data dir or the installed program
  bool native_messaging_works;   // through the sandbox, as LinkedOut installs itself
  std::string_view advice;       // what works and what the user must do, one paragraph
};

std::string_view sandbox_name(Sandbox sandbox);  // "Snap" | "Flatpak"

// Every Snap or Flatpak browser found for this user (their data directory under `home`) or on the
// machine (`root`/snap/bin/NAME, `root`/var/lib/flatpak/app/ID, or the user's Flatpak apps).
std::vector<SandboxedBrowser> sandboxed_browsers(const std::filesystem::path& home,
                                                 const std::filesystem::path& root = "/");

}  // namespace linkedout::paths
