#include "cli/manifest_options.hpp"

#include <stdexcept>

namespace linkedout::cli {

ManifestRequest ManifestOptions::to_request() const {
  ManifestRequest request;
  if (browser != "all") {
    request.browser = paths::parse_browser(browser);
    if (!request.browser)
      throw std::invalid_argument("unknown browser \"" + browser + "\" (one of " + paths::browser_names(", ") + ", all)");
  }
  if (!manifest_dir.empty()) request.manifest_dir = std::filesystem::absolute(paths::from_utf8(manifest_dir));
  request.scope = system ? paths::Scope::system : paths::Scope::user;
  if (!host_path.empty()) {
    if (!paths::from_utf8(host_path).is_absolute())
      throw std::invalid_argument("--host-path must be absolute: browsers do not resolve relative host paths (got \"" +
                                  host_path + "\")");
    request.host_path = paths::from_utf8(host_path);
  }
  request.chrome_ids = extension_ids;
  request.firefox_ids = firefox_ids;
  request.launch_host = !no_launch;
  request.all_browsers = all_browsers;
  return request;
}

}  // namespace linkedout::cli
