// Who started the host, and whether it may be served. Browsers start a native host with their
// caller on the command line: Chrome-family browsers pass the extension's origin
// ("chrome-extension://<id>/"), Firefox passes the host manifest's path and the add-on id. The
// host serves the extension ids compiled in (extension_ids.hpp) plus those listed in a host
// manifest of ours — one whose `name` is io.linkedout.host and whose `path` is this very binary —
// written by `linkedout-host install --extension-id/--firefox-id`. The environment never widens
// the list. No arguments at all means a person or a test started the host by hand: it serves.
#pragma once

#include <filesystem>
#include <optional>
#include <set>
#include <span>
#include <string>

#include "paths.hpp"

namespace linkedout::caller {

struct Caller {
  enum class Kind { none, chrome, firefox };
  Kind kind = Kind::none;
  std::string origin;                // Chrome: the origin as passed; Firefox: the add-on id
  std::filesystem::path manifest;    // Firefox: the manifest the browser read
  // What run_host gets as HostOptions::caller: the origin or the add-on id ("" when by hand).
  const std::string& describe() const { return origin; }
};

// Browser-style command lines (args exclude argv[0]): nothing; "chrome-extension://…" first
// (Chrome on Windows adds --parent-window=N after it); or "<path>.json <add-on id>" (Firefox).
// nullopt: the arguments are a CLI command line.
std::optional<Caller> detect_host_mode(std::span<const std::string> args);

struct AllowedCallers {
  std::set<std::string> chrome_ids;   // 32 letters a-p
  std::set<std::string> firefox_ids;  // gecko ids
};

AllowedCallers compiled_in_callers();

// Adds the ids a host manifest lists, when the manifest is ours: `name` io.linkedout.host and
// `path` resolving to `self_executable`. Returns why it was ignored, or "" when it was used.
std::string add_from_manifest(AllowedCallers& allowed, const std::filesystem::path& manifest,
                              const std::filesystem::path& self_executable);

// Compiled-in ids plus, for Firefox, the manifest that launched us, and for Chrome-family
// browsers, our manifests in every known location of `os` (Chrome does not say which one it read)
// and in `<user-data-dir>/NativeMessagingHosts` of a browser started with --user-data-dir.
// An empty `home` skips the per-user locations.
AllowedCallers allowed_callers_for(const Caller& caller, const std::filesystem::path& self_executable,
                                   paths::Os os, const std::filesystem::path& home,
                                   const std::optional<std::filesystem::path>& browser_user_data_dir = std::nullopt);

// The --user-data-dir a Chromium-family browser was started with, from its command line as
// /proc/<pid>/cmdline holds it (arguments separated by NUL bytes); nullopt when absent.
std::optional<std::filesystem::path> user_data_dir_from_cmdline(std::string_view cmdline);
// The same for the process that started us (the browser), where the OS exposes it.
std::optional<std::filesystem::path> parent_user_data_dir();

struct Decision {
  bool allowed = false;
  std::string reason;  // why it was refused, for the log and the error frame
};

Decision check(const Caller& caller, const AllowedCallers& allowed);

// The one frame written before exiting when refused: error / not_allowed with the reason.
std::string refusal_frame(const std::string& reason);

bool is_chrome_extension_id(std::string_view id);  // 32 characters a-p
bool is_gecko_id(std::string_view id);             // "name@domain" or "{uuid}"

}  // namespace linkedout::caller
