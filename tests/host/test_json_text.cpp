// The word-at-a-time text scans of the warm path (json_util::plain_prefix, is_valid_utf8's ASCII
// skip, normalise_label's ASCII branch) against plain byte-by-byte references, at every length and
// alignment, so a wrong mask or a missed tail shows up here rather than as a wrong verdict.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <iterator>
#include <random>
#include <string>
#include <string_view>

#include "decide_text.hpp"
#include "handlers/page_state.hpp"
#include "test_verdict_dom.hpp"
#include "json_util.hpp"
#include "protocol.hpp"

using linkedout::json_util::is_valid_utf8;
using linkedout::json_util::plain_prefix;

namespace {

std::string hex(std::string_view bytes) {
  std::string out;
  char buf[4];
  for (const char c : bytes) {
    std::snprintf(buf, sizeof buf, "%02x ", static_cast<unsigned char>(c));
    out += buf;
  }
  return out;
}

std::size_t plain_prefix_reference(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') break;
    ++i;
  }
  return i;
}

// RFC 3629, one byte at a time.
bool utf8_reference(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || text.size() - i < len) return false;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (b & 0x3F);
    }
    const char32_t min = len == 1 ? 0 : len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

// Bytes around every boundary the masks test: controls, the two escaped characters, their
// neighbours, DEL, and the UTF-8 lead and continuation ranges.
const std::string kAlphabet = std::string("\x00\x01\x1f\x20\x21\x22\x23\x5b\x5c\x5d\x7e\x7f", 12) +
                              "aZ\x80\xbf\xc2\xc3\xa9\xe2\x82\xac\xed\xa0\xf0\x9f\x98\x80\xf4\x90\xff";

std::string random_text(std::mt19937& rng, std::size_t length, double plain_share) {
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<std::size_t> pick(0, kAlphabet.size() - 1);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    out += coin(rng) < plain_share ? static_cast<char>('a' + i % 26) : kAlphabet[pick(rng)];
  }
  return out;
}

// Valid UTF-8 made of characters JSON escapes, those beside them, and multi-byte ones.
std::string random_label(std::mt19937& rng, std::size_t length, double plain_share) {
  static const char* const kPieces[] = {"\"", "\\", "/", "\b", "\f", "\n", "\r", "\t", "\x01", "\x1f", " ", "!",
                                        "#", "[", "]", "\x7f", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80"};
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<std::size_t> pick(0, std::size(kPieces) - 1);
  std::string out;
  for (std::size_t i = 0; i < length; ++i) {
    out += coin(rng) < plain_share ? std::string(1, static_cast<char>('a' + i % 26)) : std::string(kPieces[pick(rng)]);
  }
  return out;
}

}  // namespace

TEST_CASE("plain_prefix and is_valid_utf8 agree with byte-by-byte references at every length and alignment") {
  std::mt19937 rng(17);
  std::size_t checked = 0;
  for (const double plain_share : {0.0, 0.9, 0.99}) {
    for (std::size_t length = 0; length <= 40; ++length) {
      for (int round = 0; round < 60; ++round) {
        const std::string text = random_text(rng, length + 7, plain_share);
        for (std::size_t offset = 0; offset < 8; ++offset) {  // every alignment of the 8-byte loads
          const std::string_view view(text.data() + offset, length);
          CAPTURE(hex(view));
          REQUIRE(plain_prefix(view) == plain_prefix_reference(view));
          REQUIRE(is_valid_utf8(view) == utf8_reference(view));
          ++checked;
        }
      }
    }
  }
  CHECK(checked == 3 * 41 * 60 * 8);
  // One stop byte anywhere in a long plain run, and at the last byte of a word.
  for (const char stop : {'"', '\\', '\x00', '\x1f', '\n'}) {
    for (std::size_t at = 0; at < 70; ++at) {
      std::string text(70, 'x');
      text[at] = stop;
      CHECK(plain_prefix(text) == at);
    }
  }
  CHECK(plain_prefix(std::string(70, 'x')) == 70);
  CHECK(plain_prefix(std::string(8, '\x20') + '\x7f' + "\xc3\xa9") == 11);  // space, DEL and UTF-8 pass
}

TEST_CASE("normalise_label: ASCII and non-ASCII text fold the same way, mixed in any order") {
  using linkedout::normalise_label;
  CHECK(normalise_label("Data for Generative AI Improvement") == "data for generative ai improvement");
  CHECK(normalise_label("  \t MEASURE\n\rAD\x0b\x0c success  ") == "measure ad success");
  CHECK(normalise_label("Données\u00A0pour l\u2019amélioration de l\u2019IA") == "données pour l'amélioration de l'ia");
  CHECK(normalise_label("\u00ADAds\u200Boff   LinkedIn\u3000") == "adsoff linkedin");
  CHECK(normalise_label("ÄB ab\u2009ÄB") == "äb ab äb");
  CHECK(normalise_label("@[\\]^_`{|}~ AZ az 09") == "@[\\]^_`{|}~ az az 09");
  CHECK(normalise_label("").empty());
  CHECK(normalise_label(" \t\n").empty());
}

TEST_CASE("the generated writer escapes random labels exactly as nlohmann's dump does") {
  std::mt19937 rng(23);
  linkedout::PageState page;
  page.url = "https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement";
  for (int round = 0; round < 400; ++round) {
    std::string label = random_label(rng, 1 + round % 37, round % 2 ? 0.9 : 0.3);
    linkedout::Verdict verdict;
    verdict.unknown.push_back({label, label, "not_in_ruleset", 0});
    verdict.ok.push_back({std::nullopt, label, "label", 1});
    auto reply = linkedout::protocol::verdict_reply(std::move(verdict), page);
    reply.id = label;
    CHECK(linkedout::protocol::to_text(reply) == linkedout::json_util::dump(core_test::verdict_dom(reply)));
  }
}
