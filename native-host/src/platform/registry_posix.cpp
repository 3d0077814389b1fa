// Linux and macOS: a browser finds the manifest by its directory alone; there is no registry.
#include "platform/registry.hpp"

namespace linkedout::platform {

std::optional<std::string> registry_key(paths::Browser, paths::Scope) { return std::nullopt; }

std::optional<Registration> registered_manifest(paths::Browser, paths::Scope) { return std::nullopt; }

void register_manifest(paths::Browser, paths::Scope, const std::filesystem::path&) {}

Unregistered unregister_manifest(paths::Browser, paths::Scope, const std::filesystem::path&) {
  return Unregistered::absent;
}

}  // namespace linkedout::platform
