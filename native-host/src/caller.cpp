#include "caller.hpp"
#include "json_file.hpp"

#include <fstream>
#include <nlohmann/json.hpp>

#include "extension_ids.hpp"
#include "framing.hpp"
#include "platform/platform.hpp"
#include "json_util.hpp"

namespace linkedout::caller {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

constexpr std::string_view kChromeScheme = "chrome-extension://";

std::string join(const std::set<std::string>& items, std::string_view prefix, std::string_view suffix) {
  std::string out;
  for (const auto& item : items) {
    if (!out.empty()) out += ", ";
    out += std::string(prefix) + item + std::string(suffix);
  }
  return out.empty() ? "none" : out;
}

// The id of "chrome-extension://<id>/", or nullopt when the origin is not exactly that shape.
std::optional<std::string> chrome_id_of(std::string_view origin) {
  if (!origin.starts_with(kChromeScheme) || !origin.ends_with('/')) return std::nullopt;
  const auto id = origin.substr(kChromeScheme.size(), origin.size() - kChromeScheme.size() - 1);
  if (!is_chrome_extension_id(id)) return std::nullopt;
  return std::string(id);
}

}  // namespace

bool is_chrome_extension_id(std::string_view id) {
  if (id.size() != 32) return false;
  for (const char c : id)
    if (c < 'a' || c > 'p') return false;
  return true;
}

namespace {
bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_gecko_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}
// {xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}
bool is_braced_uuid(std::string_view id) {
  if (id.size() != 38 || id.front() != '{' || id.back() != '}') return false;
  for (std::size_t i = 1; i < 37; ++i) {
    const bool dash = (i == 9 || i == 14 || i == 19 || i == 24);
    if (dash ? id[i] != '-' : !is_hex(id[i])) return false;
  }
  return true;
}
}  // namespace

bool is_gecko_id(std::string_view id) {
  // Firefox's own pattern for add-on ids: an email-like id (local part may be empty, domain not)
  // or a braced UUID, at most 80 chars. Hand-written rather than std::regex: the host stays small.
  if (id.empty() || id.size() > 80) return false;
  if (is_braced_uuid(id)) return true;
  const auto at = id.find('@');
  if (at == std::string_view::npos || at + 1 == id.size()) return false;
  for (std::size_t i = 0; i < id.size(); ++i)
    if (i != at && !is_gecko_id_char(id[i])) return false;
  return true;
}

std::optional<Caller> detect_host_mode(std::span<const std::string> args) {
  if (args.empty()) return Caller{};
  if (args[0].starts_with(kChromeScheme)) return Caller{Caller::Kind::chrome, args[0], {}};
  if (args.size() == 2 && args[0].ends_with(".json") && !args[1].starts_with("-"))
    return Caller{Caller::Kind::firefox, args[1], paths::from_utf8(args[0])};
  return std::nullopt;
}

AllowedCallers compiled_in_callers() {
  AllowedCallers allowed;
  for (const auto id : kChromeExtensionIds) allowed.chrome_ids.emplace(id);
  for (const auto id : kFirefoxExtensionIds) allowed.firefox_ids.emplace(id);
  return allowed;
}

std::string add_from_manifest(AllowedCallers& allowed, const fs::path& manifest, const fs::path& self_executable) {
  const auto parsed = json_util::parse_strict_file(manifest);
  if (!parsed.ok) return manifest.string() + ": " + parsed.error;
  const json& doc = parsed.value;
  if (!doc.is_object()) return manifest.string() + " is not a JSON object";
  if (doc.value("name", json()) != json(kHostName)) return manifest.string() + " is not a manifest of " + std::string(kHostName);
  const auto path = doc.value("path", json());
  if (!path.is_string()) return manifest.string() + " has no path";
  std::error_code ec;
  const auto resolved = fs::canonical(paths::manifest_program(manifest, path.get<std::string>()), ec);
  if (ec || resolved != self_executable)
    return manifest.string() + " names another program (" + path.get<std::string>() + ")";
  if (const auto origins = doc.find("allowed_origins"); origins != doc.end() && origins->is_array())
    for (const auto& origin : *origins)
      if (origin.is_string())
        if (auto id = chrome_id_of(origin.get<std::string>())) allowed.chrome_ids.insert(*id);
  if (const auto ids = doc.find("allowed_extensions"); ids != doc.end() && ids->is_array())
    for (const auto& id : *ids)
      if (id.is_string() && is_gecko_id(id.get<std::string>())) allowed.firefox_ids.insert(id.get<std::string>());
  return "";
}

AllowedCallers allowed_callers_for(const Caller& caller, const fs::path& self_executable, paths::Os os,
                                   const fs::path& home, const std::optional<fs::path>& browser_user_data_dir) {
  AllowedCallers allowed = compiled_in_callers();
  const auto consider = [&](const fs::path& manifest) {
    std::error_code ec;
    if (fs::exists(manifest, ec)) add_from_manifest(allowed, manifest, self_executable);
  };
  if (caller.kind == Caller::Kind::firefox) {
    add_from_manifest(allowed, caller.manifest, self_executable);
  } else if (caller.kind == Caller::Kind::chrome) {
    for (const auto& browser : paths::browsers()) {
      if (browser.family != paths::Family::chromium) continue;
      if (!home.empty()) consider(paths::manifest_path(browser.browser, os, paths::Scope::user, home));
      consider(paths::manifest_path(browser.browser, os, paths::Scope::system, home));
    }
    if (browser_user_data_dir) consider(*browser_user_data_dir / "NativeMessagingHosts" / paths::kManifestFileName);
  }
  return allowed;
}

std::optional<fs::path> user_data_dir_from_cmdline(std::string_view cmdline) {
  constexpr std::string_view kFlag = "--user-data-dir=";
  std::optional<fs::path> found;
  while (!cmdline.empty()) {
    const auto end = cmdline.find('\0');
    const auto arg = cmdline.substr(0, end);
    // The last one wins, as in Chromium's switch parsing; a relative one cannot be resolved here.
    if (arg.starts_with(kFlag) && arg.size() > kFlag.size() && arg[kFlag.size()] == '/')
      found = paths::from_utf8(arg.substr(kFlag.size()));
    if (end == std::string_view::npos) break;
    cmdline.remove_prefix(end + 1);
  }
  return found;
}

std::optional<fs::path> parent_user_data_dir() {
  const auto cmdline = platform::parent_command_line();
  if (!cmdline) return std::nullopt;
  return user_data_dir_from_cmdline(*cmdline);
}

Decision check(const Caller& caller, const AllowedCallers& allowed) {
  switch (caller.kind) {
    case Caller::Kind::none:
      return {true, ""};
    case Caller::Kind::chrome: {
      const auto id = chrome_id_of(caller.origin);
      if (!id)
        return {false, "the caller origin \"" + caller.origin +
                           "\" is not of the form chrome-extension://<32 letters a-p>/"};
      if (allowed.chrome_ids.contains(*id)) return {true, ""};
      return {false, "extension " + caller.origin + " is not allowed; this host serves " +
                         join(allowed.chrome_ids, kChromeScheme, "/") +
                         " (add an id with: linkedout-host install --extension-id ID)"};
    }
    case Caller::Kind::firefox:
      if (allowed.firefox_ids.contains(caller.origin)) return {true, ""};
      return {false, "add-on " + caller.origin + " is not allowed; this host serves " +
                         join(allowed.firefox_ids, "", "") +
                         " (add an id with: linkedout-host install --firefox-id ID)"};
  }
  return {false, "unknown caller"};
}

std::string refusal_frame(const std::string& reason) {
  const json error = {{"type", "error"}, {"id", nullptr}, {"code", "not_allowed"}, {"message", reason}};
  // The reason is short; should it ever exceed the reply cap, send it cut rather than nothing.
  auto frame = framing::encode_frame(error.dump(-1, ' ', false, json::error_handler_t::replace));
  if (!frame) frame = framing::encode_frame(R"({"type":"error","id":null,"code":"not_allowed","message":"caller refused"})");
  return *frame;
}

}  // namespace linkedout::caller
