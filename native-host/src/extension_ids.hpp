// The extension ids this host serves by default, from extension/manifest.json: the Chrome id is
// derived from the manifest's `key` (SHA-256 of the DER public key, first 32 hex digits mapped
// 0-f → a-p), the Firefox id is `browser_specific_settings.gecko.id`.
// tests/host/test_caller_ids.cpp recomputes both from the manifest and fails when they drift.
#pragma once

#include <array>
#include <string_view>

namespace linkedout {

inline constexpr std::string_view kHostName = "io.linkedout.host";
inline constexpr std::array<std::string_view, 1> kChromeExtensionIds = {"dnfgjokfijpcnnlbjpkiabamkiaihfdk"};
inline constexpr std::array<std::string_view, 1> kFirefoxExtensionIds = {"linkedout@linkedout.io"};

}  // namespace linkedout
