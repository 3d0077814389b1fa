#include "cli/host_manifest.hpp"
#include "json_file.hpp"
#include "platform/platform.hpp"


#include <algorithm>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <variant>

#include "caller.hpp"
#include "extension_ids.hpp"
#include "json_util.hpp"

namespace linkedout::cli {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string type_name(const json& value) { return value.type_name(); }

void check_origins(const json& doc, const std::vector<std::string>& ids, std::vector<std::string>& problems) {
  const auto it = doc.find("allowed_origins");
  if (it == doc.end()) {
    problems.push_back(doc.contains("allowed_extensions")
                           ? "allowed_origins is missing (this is a Firefox manifest: it has allowed_extensions)"
                           : "allowed_origins is missing");
    return;
  }
  if (!it->is_array()) {
    problems.push_back("allowed_origins is a " + type_name(*it) + ", not a list");
    return;
  }
  std::vector<std::string> valid;
  for (const auto& entry : *it) {
    if (!entry.is_string()) {
      problems.push_back("allowed_origins holds a " + type_name(entry) + ", not a string");
      continue;
    }
    const auto origin = entry.get<std::string>();
    if (!origin.starts_with("chrome-extension://")) {
      problems.push_back("allowed_origins entry " + quoted(origin) + " is not a chrome-extension:// origin");
    } else if (origin.find('*') != std::string::npos) {
      problems.push_back("allowed_origins entry " + quoted(origin) + " uses a wildcard, which browsers reject");
    } else if (!origin.ends_with("/")) {
      problems.push_back("allowed_origins entry " + quoted(origin) +
                         " lacks the trailing slash: the browser ignores it (write " + quoted(origin + "/") + ")");
    } else {
      valid.push_back(origin);
    }
  }
  for (const auto& id : ids) {
    const auto origin = "chrome-extension://" + id + "/";
    if (std::find(valid.begin(), valid.end(), origin) == valid.end())
      problems.push_back("origin " + origin + " (the LinkedOut extension) is not in allowed_origins");
  }
}

void check_extensions(const json& doc, const std::vector<std::string>& ids, std::vector<std::string>& problems) {
  const auto it = doc.find("allowed_extensions");
  if (it == doc.end()) {
    problems.push_back(doc.contains("allowed_origins")
                           ? "allowed_extensions is missing (this is a Chrome-family manifest: it has allowed_origins)"
                           : "allowed_extensions is missing");
    return;
  }
  if (!it->is_array()) {
    problems.push_back("allowed_extensions is a " + type_name(*it) + ", not a list");
    return;
  }
  for (const auto& id : ids)
    if (std::find(it->begin(), it->end(), json(id)) == it->end())
      problems.push_back("add-on " + id + " (the LinkedOut extension) is not in allowed_extensions");
}

void check_path(const json& doc, const fs::path& manifest, std::vector<std::string>& problems) {
  const auto it = doc.find("path");
  if (it == doc.end() || it->is_null()) {
    problems.push_back("path is missing");
    return;
  }
  if (!it->is_string()) {
    problems.push_back("path is a " + type_name(*it) + ", not a string");
    return;
  }
  const fs::path path = paths::manifest_program(manifest, it->get<std::string>());
  if (!path.is_absolute()) {
    problems.push_back("path " + quoted(path.string()) + " is relative: browsers on Linux and macOS need an absolute path");
    return;
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    problems.push_back("path " + path.string() + " does not exist (" +
                       (ec ? ec.message() : std::make_error_code(std::errc::no_such_file_or_directory).message()) + ")");
  } else if (!fs::is_regular_file(status)) {
    problems.push_back("path " + path.string() + " is not a regular file");
  } else if (!platform::can_execute(path)) {
    problems.push_back("path " + path.string() + " is not executable (" + platform::how_to_make_executable() + ")");
  }
}

std::vector<std::string> validated(const std::vector<std::string>& ids, bool (*valid)(std::string_view),
                                   const char* what) {
  for (const auto& id : ids)
    if (!valid(id)) throw std::invalid_argument(quoted(id) + " is not a valid " + what);
  return ids;
}

}  // namespace

json build_manifest(paths::Family family, const fs::path& host_path, const std::vector<std::string>& extension_ids) {
  json manifest = {{"name", kHostName},
                   {"description", "LinkedOut: finds the LinkedIn privacy settings that are still on"},
                   {"path", host_path.string()},
                   {"type", "stdio"}};
  if (family == paths::Family::chromium) {
    json origins = json::array();
    for (const auto& id : extension_ids) origins.push_back("chrome-extension://" + id + "/");
    manifest["allowed_origins"] = origins;
  } else {
    manifest["allowed_extensions"] = extension_ids;
  }
  return manifest;
}

namespace {

// The manifest parsed, or the one line saying why it cannot be (in plain words: no library
// exception text reaches the user).
std::variant<json, std::string> read_manifest(const fs::path& file) {
  std::error_code ec;
  if (fs::is_directory(file, ec)) return std::string("the manifest path is a directory, not a file");
  // Strict and depth-limited (json_util::parse_strict_file): nested 200,000 deep, a manifest used
  // to overflow the stack when doctor printed it.
  auto parsed = json_util::parse_strict_file(file);
  if (parsed.ok) return std::move(parsed.value);
  if (parsed.error.starts_with("cannot read "))
    return "cannot read the manifest: " + parsed.error.substr(parsed.error.rfind(": ") + 2);
  return parsed.error + ": rewrite it with linkedout-host install";
}

}  // namespace

std::vector<std::string> allowed_callers_in(const fs::path& file, paths::Family family) {
  const auto parsed = read_manifest(file);
  if (!std::holds_alternative<json>(parsed)) return {};
  const auto& doc = std::get<json>(parsed);
  if (!doc.is_object()) return {};
  const auto it = doc.find(family == paths::Family::chromium ? "allowed_origins" : "allowed_extensions");
  std::vector<std::string> entries;
  if (it == doc.end() || !it->is_array()) return entries;
  for (const auto& entry : *it)
    if (entry.is_string()) entries.push_back(entry.get<std::string>());
  return entries;
}

std::vector<std::string> inspect_manifest(const fs::path& file, paths::Family family,
                                          const std::vector<std::string>& extension_ids) {
  auto parsed = read_manifest(file);
  if (std::holds_alternative<std::string>(parsed)) return {std::get<std::string>(parsed)};
  const json doc = std::move(std::get<json>(parsed));
  if (!doc.is_object()) return {"not a JSON object but a " + type_name(doc)};

  std::vector<std::string> problems;
  const auto name = doc.find("name");
  if (name == doc.end()) {
    problems.push_back("name is missing (expected \"" + std::string(kHostName) + "\")");
  } else if (*name != json(kHostName)) {
    problems.push_back("name is " + name->dump() + ", expected \"" + std::string(kHostName) +
                       "\" (it must match the file name)");
  }
  const auto description = doc.find("description");
  if (description == doc.end() || !description->is_string())
    problems.push_back("description is missing or not a string: browsers refuse such a manifest");
  check_path(doc, file, problems);
  const auto type = doc.find("type");
  if (type == doc.end()) {
    problems.push_back("type is missing (expected \"stdio\")");
  } else if (*type != json("stdio")) {
    problems.push_back("type is " + type->dump() + ", expected \"stdio\"");
  }
  if (family == paths::Family::chromium) {
    check_origins(doc, extension_ids, problems);
  } else {
    check_extensions(doc, extension_ids, problems);
  }
  return problems;
}

std::vector<std::string> chrome_ids_of(const ManifestRequest& request) {
  if (!request.chrome_ids.empty())
    return validated(request.chrome_ids, caller::is_chrome_extension_id, "Chrome extension id (32 letters a-p)");
  return {kChromeExtensionIds.begin(), kChromeExtensionIds.end()};
}

std::vector<std::string> firefox_ids_of(const ManifestRequest& request) {
  if (!request.firefox_ids.empty())
    return validated(request.firefox_ids, caller::is_gecko_id, "Firefox add-on id (name@domain or {uuid})");
  return {kFirefoxExtensionIds.begin(), kFirefoxExtensionIds.end()};
}

std::optional<AllowedIds> allowed_ids(const ManifestRequest& request, const char* command, std::ostream& err) {
  AllowedIds ids;
  try {
    ids.chromium = chrome_ids_of(request);
    ids.firefox = firefox_ids_of(request);
  } catch (const std::invalid_argument& e) {
    err << command << ": " << e.what() << "\n";
    return std::nullopt;
  }
  if (request.manifest_dir && !request.browser) {
    err << command << ": --manifest-dir needs one --browser (" << paths::browser_names(", ")
        << "): Chrome-family and Firefox manifests differ\n";
    return std::nullopt;
  }
  return ids;
}

std::string Location::label() const {
  std::string text(paths::spec(browser).display_name);
  for (const auto other : shared_with) text += ", " + std::string(paths::spec(other).display_name);
  if (explicit_dir) return text;
  return text + " (" + std::string(paths::scope_name(scope)) + ")";
}

fs::path home_of(const ManifestRequest& request) {
  return request.home.empty() ? platform::home_dir() : request.home;
}

fs::path system_root_of(const ManifestRequest& request) {
  return request.system_root.empty() ? platform::system_root() : request.system_root;
}

std::vector<Location> locations(const ManifestRequest& request, paths::Scope scope) {
  std::vector<Location> found;
  for (const auto& browser : paths::browsers()) {
    if (request.browser && *request.browser != browser.browser) continue;
    auto file = request.manifest_dir ? *request.manifest_dir / paths::kManifestFileName
                                     : paths::manifest_path(browser.browser, request.os, scope, home_of(request));
    // relative_path() drops the table's "/" or "C:/": the system root says which drive.
    if (!request.manifest_dir && scope == paths::Scope::system) file = system_root_of(request) / file.relative_path();
    file.make_preferred();  // Windows: backslashes only (the path goes into the registry); POSIX: as is
    const auto same = std::find_if(found.begin(), found.end(), [&](const Location& l) { return l.file == file; });
    if (same != found.end() && paths::spec(same->browser).family == browser.family) {
      same->shared_with.push_back(browser.browser);
      continue;
    }
    found.push_back({browser.browser, scope, file, request.manifest_dir.has_value(), {}});
  }
  return found;
}

std::vector<paths::Browser> with_shared(const Location& location) {
  std::vector<paths::Browser> browsers{location.browser};
  browsers.insert(browsers.end(), location.shared_with.begin(), location.shared_with.end());
  return browsers;
}

std::string install_command(const Location& location) {
  std::string command = "linkedout-host install --browser " + std::string(paths::spec(location.browser).name);
  if (location.explicit_dir) command += " --manifest-dir \"" + location.file.parent_path().string() + "\"";
  if (location.scope == paths::Scope::system) command += " --system";
  return command;
}

}  // namespace linkedout::cli
