// The ids compiled into the host (extension_ids.hpp, generated from native-host/extension_ids.json)
// and filled into the manifest templates must be the extension's real ones: recomputed here from
// extension/manifest.json.
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <vector>

#include "extension_ids.hpp"
#include "test_cli_process.hpp"

using linkedout::cli_test::read_text;
namespace fs = std::filesystem;

namespace {

std::string base64_decode(const std::string& text) {
  static const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const char c : text) {
    if (c == '=') break;
    const auto value = alphabet.find(c);
    REQUIRE(value != std::string::npos);
    buffer = (buffer << 6) | static_cast<std::uint32_t>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

// FIPS 180-4 SHA-256, enough for a test (no crypto library is a dependency of the project).
std::array<std::uint8_t, 32> sha256(const std::string& message) {
  static constexpr std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
      0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
      0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
      0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
      0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
      0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string data = message;
  const std::uint64_t bit_length = static_cast<std::uint64_t>(message.size()) * 8;
  data.push_back(static_cast<char>(0x80));
  while (data.size() % 64 != 56) data.push_back('\0');
  for (int i = 7; i >= 0; --i) data.push_back(static_cast<char>((bit_length >> (i * 8)) & 0xFF));
  const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t chunk = 0; chunk < data.size(); chunk += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int b = 0; b < 4; ++b) w[i] = (w[i] << 8) | static_cast<std::uint8_t>(data[chunk + static_cast<std::size_t>(i * 4 + b)]);
    }
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  std::array<std::uint8_t, 32> digest{};
  for (int i = 0; i < 8; ++i)
    for (int b = 0; b < 4; ++b) digest[static_cast<std::size_t>(i * 4 + b)] = static_cast<std::uint8_t>(h[i] >> (24 - b * 8));
  return digest;
}

// Chrome's id: the first 128 bits of SHA-256(public key DER), each hex digit 0-f written a-p.
std::string chrome_id_from_key(const std::string& base64_key) {
  const auto digest = sha256(base64_decode(base64_key));
  std::string id;
  for (std::size_t i = 0; i < 16; ++i) {
    id.push_back(static_cast<char>('a' + (digest[i] >> 4)));
    id.push_back(static_cast<char>('a' + (digest[i] & 0x0F)));
  }
  return id;
}

nlohmann::json extension_manifest() {
  return nlohmann::json::parse(read_text(fs::path(LINKEDOUT_SOURCE_DIR) / "extension/manifest.json"));
}

}  // namespace

TEST_CASE("caller ids: the SHA-256 used here is right (FIPS 180-4 test vector)") {
  const auto digest = sha256("abc");
  CHECK(digest[0] == 0xba);
  CHECK(digest[1] == 0x78);
  CHECK(digest[31] == 0xad);
}

TEST_CASE("caller ids: the compiled-in Chrome id is the one derived from extension/manifest.json's key") {
  const auto manifest = extension_manifest();
  REQUIRE(manifest.contains("key"));
  CHECK(linkedout::kChromeExtensionIds[0] == chrome_id_from_key(manifest["key"].get<std::string>()));
}

TEST_CASE("caller ids: the compiled-in Firefox id is extension/manifest.json's gecko id") {
  const auto manifest = extension_manifest();
  CHECK(linkedout::kFirefoxExtensionIds[0] ==
        manifest["browser_specific_settings"]["gecko"]["id"].get<std::string>());
}

TEST_CASE("caller ids: the compiled-in ids are native-host/extension_ids.json's — the templates take them from there") {
  const auto data = nlohmann::json::parse(read_text(fs::path(LINKEDOUT_SOURCE_DIR) / "native-host/extension_ids.json"));
  CHECK(data["host_name"] == std::string(linkedout::kHostName));
  std::vector<std::string> chrome(linkedout::kChromeExtensionIds.begin(), linkedout::kChromeExtensionIds.end());
  std::vector<std::string> firefox(linkedout::kFirefoxExtensionIds.begin(), linkedout::kFirefoxExtensionIds.end());
  CHECK(data["chrome"].get<std::vector<std::string>>() == chrome);
  CHECK(data["firefox"].get<std::vector<std::string>>() == firefox);
  // No id is written into the templates themselves: packaging fills the lists from the data file.
  const fs::path dir = fs::path(LINKEDOUT_SOURCE_DIR) / "manifests";
  CHECK(read_text(dir / "io.linkedout.host.chrome.json.in").find("\"allowed_origins\": @ALLOWED_ORIGINS@") != std::string::npos);
  CHECK(read_text(dir / "io.linkedout.host.firefox.json.in").find("\"allowed_extensions\": @ALLOWED_EXTENSIONS@") !=
        std::string::npos);
}
