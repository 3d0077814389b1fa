// How a browser is told where the host manifest is, beyond the file itself. On Linux and macOS the
// manifest's directory is the registration (nothing more to write); on Windows each browser reads
// the default value of `<HKCU|HKLM>\<vendor key>\NativeMessagingHosts\io.linkedout.host`, which
// holds the manifest's full path (paths::BrowserSpec::windows_registry_key). install, uninstall
// and doctor go through these functions and never name the OS.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "paths.hpp"

namespace linkedout::platform {

// The key a browser reads, as `reg query` spells it ("HKEY_CURRENT_USER\Software\…\io.linkedout.host"),
// or nullopt where browsers use no registry.
std::optional<std::string> registry_key(paths::Browser browser, paths::Scope scope);

// A key's default value, as it is. Chrome's and Firefox's documentation name a REG_SZ holding the
// manifest's full path, which is what install writes; any other type (REG_EXPAND_SZ, which not
// every browser expands, a REG_DWORD a script wrote, no default value at all) is said as what it
// is, never read as a path.
struct Registration {
  std::string type;                 // "REG_SZ", "REG_EXPAND_SZ", "REG_DWORD", …, or "no default value"
  std::filesystem::path manifest;   // the text, for REG_SZ and REG_EXPAND_SZ (unexpanded)
  bool holds_path() const { return type == "REG_SZ" && !manifest.empty(); }
};

// What the key holds: nullopt when there is no key (or no registry). Throws std::runtime_error
// when the key exists but cannot be read.
std::optional<Registration> registered_manifest(paths::Browser browser, paths::Scope scope);

// Points the browser's key at `manifest`. Throws std::runtime_error saying why it could not.
void register_manifest(paths::Browser browser, paths::Scope scope, const std::filesystem::path& manifest);

enum class Unregistered { removed, absent, not_ours, not_a_path };
// Deletes the key only when it names `manifest` in a REG_SZ (what install wrote): another
// program's key is left as it is (not_ours), and so is one whose value is of another type
// (not_a_path: nothing says it is ours). Throws std::runtime_error when a key of ours cannot be
// deleted.
Unregistered unregister_manifest(paths::Browser browser, paths::Scope scope, const std::filesystem::path& manifest);

}  // namespace linkedout::platform
