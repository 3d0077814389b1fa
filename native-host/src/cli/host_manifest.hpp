// The host manifest a browser reads to find io.linkedout.host: building it (install) and every
// check a browser makes before it says "native host not found" (doctor), plus which locations a
// command acts on.
#pragma once

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "paths.hpp"

namespace linkedout::cli {

// Chromium family: allowed_origins "chrome-extension://<id>/"; Firefox: allowed_extensions.
nlohmann::json build_manifest(paths::Family family, const std::filesystem::path& host_path,
                              const std::vector<std::string>& extension_ids);

// One line per reason the browser would refuse the manifest at `file`, in the order a browser
// checks them; empty when it is fine. The file is parsed strictly (json_util::parse_strict_file). `extension_ids` are those that must be allowed.
std::vector<std::string> inspect_manifest(const std::filesystem::path& file, paths::Family family,
                                          const std::vector<std::string>& extension_ids);

// What the manifest at `file` lets in, as written: the allowed_origins (Chromium family) or
// allowed_extensions (Firefox) strings; empty when it cannot be read.
std::vector<std::string> allowed_callers_in(const std::filesystem::path& file, paths::Family family);

// The ids a request is about: its overrides, else the compiled-in ones. Throws
// std::invalid_argument naming a malformed id.
std::vector<std::string> chrome_ids_of(const ManifestRequest& request);
std::vector<std::string> firefox_ids_of(const ManifestRequest& request);

// The ids each family's manifests must allow, once the request is usable for a command that reads
// or writes manifests (install, doctor): valid ids, and --manifest-dir with one --browser (the
// two families' manifests differ). Else nullopt, after saying why on `err` as "<command>: …".
struct AllowedIds {
  std::vector<std::string> chromium, firefox;
  const std::vector<std::string>& of(paths::Family family) const {
    return family == paths::Family::chromium ? chromium : firefox;
  }
};
std::optional<AllowedIds> allowed_ids(const ManifestRequest& request, const char* command, std::ostream& err);

struct Location {
  paths::Browser browser;
  paths::Scope scope;
  std::filesystem::path file;  // …/io.linkedout.host.json
  bool explicit_dir = false;   // from --manifest-dir
  std::vector<paths::Browser> shared_with;  // other browsers reading the same file (Brave: Chromium's)
  std::string label() const;   // "Google Chrome (user)", "Chromium, Brave (system)"
};

// Every location of the requested browsers in one scope, or the --manifest-dir one; a file two
// browsers read is listed once.
std::vector<Location> locations(const ManifestRequest& request, paths::Scope scope);

// The location's browser and those sharing its file.
std::vector<paths::Browser> with_shared(const Location& location);

// The command that writes (or rewrites) a location's manifest and registration.
std::string install_command(const Location& location);

std::filesystem::path home_of(const ManifestRequest& request);
// What the system-wide locations are under: the request's system_root, else the machine's.
std::filesystem::path system_root_of(const ManifestRequest& request);

// Beside a system-wide manifest: the directories `install --system` created for it, one per line,
// deepest first, so `uninstall --system` removes those and never a directory that was there before.
inline constexpr std::string_view kCreatedDirsFileName = "io.linkedout.host.created-dirs";

}  // namespace linkedout::cli
