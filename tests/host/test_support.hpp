// What the host suites share, written once: a throw-away directory, the real ruleset and the
// extension's default ids (native-host/extension_ids.json, as the build compiles them in; the
// ids themselves are checked against the manifest by test_caller_ids.cpp). Portable: the Windows
// test program includes it too.
#pragma once

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include "extension_ids.hpp"
#include "ruleset.hpp"
#include "ruleset_load.hpp"

namespace linkedout::test_support {

// A fresh directory under the system temp dir (a random name, created exclusively), removed with
// everything in it — also after a test took its own write permission away.
class TempDir {
 public:
  TempDir() {
    std::random_device random;
    for (int attempt = 0; attempt < 100 && path_.empty(); ++attempt) {
      auto candidate = std::filesystem::temp_directory_path() / ("linkedout-test-" + std::to_string(random()));
      std::error_code ec;
      if (std::filesystem::create_directory(candidate, ec)) path_ = candidate;
    }
    if (path_.empty()) throw std::runtime_error("cannot create a temporary directory");
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::filesystem::path& rest) const { return path_ / rest; }

 private:
  std::filesystem::path path_;
};

// The ruleset the host ships (native-host/rules/linkedin.json), loaded once.
inline const Ruleset& rules() {
  static const Ruleset loaded = load_ruleset(std::nullopt);
  return loaded;
}

// The text of the shipped ruleset file (what the build compiles in), for tests that edit it.
inline std::string rules_text() {
  std::ifstream in(std::filesystem::path(LINKEDOUT_SOURCE_DIR) / "native-host/rules/linkedin.json", std::ios::binary);
  if (!in) throw std::runtime_error("cannot read native-host/rules/linkedin.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// A native-messaging frame's 4-byte length, in native byte order, as the browsers write it.
inline std::string frame_header(std::uint32_t length) {
  std::string bytes(4, '\0');
  std::memcpy(bytes.data(), &length, 4);
  return bytes;
}

// One native-messaging frame: the length, then the body.
inline std::string frame(std::string_view body) {
  return frame_header(static_cast<std::uint32_t>(body.size())) + std::string(body);
}

// The unpacked extension's Chromium id and origin, and its Firefox (gecko) id.
inline const std::string kChromeId(kChromeExtensionIds[0]);
inline const std::string kChromeOrigin = "chrome-extension://" + kChromeId + "/";
inline const std::string kGeckoId(kFirefoxExtensionIds[0]);

}  // namespace linkedout::test_support

// The suites are compiled in batches (a unity build): a helper two files need lives here or in
// one of the suite headers, and a helper of one file has a name no other file uses.

// Short for the suites that live outside namespace linkedout.
namespace test_support = linkedout::test_support;
