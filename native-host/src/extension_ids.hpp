// The extension ids this host serves by default. They live in ONE place,
// native-host/extension_ids.json: the build turns that file into extension_ids.cpp
// (native-host/extension_ids.cpp.in, via cmake/extension_ids.cmake), packaging fills the .deb's
// manifests from it, and tests read it. The first Chrome id is the unpacked extension's, derived
// from extension/manifest.json's `key` (SHA-256 of the DER public key, first 32 hex digits mapped
// 0-f → a-p); the first Firefox id is `browser_specific_settings.gecko.id`.
// tests/host/test_caller_ids.cpp recomputes both from the manifest and fails when they drift.
#pragma once

#include <span>
#include <string_view>

namespace linkedout {

inline constexpr std::string_view kHostName = "io.linkedout.host";
extern const std::span<const std::string_view> kChromeExtensionIds;
extern const std::span<const std::string_view> kFirefoxExtensionIds;

}  // namespace linkedout
