#include "json_util.hpp"

#include <bit>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <optional>
#include <unordered_set>
#include <vector>

namespace linkedout::json_util {

namespace {

// Eight bytes at a time (SWAR): most of what the host reads and writes is ASCII with no byte
// that needs escaping, and a byte-by-byte loop was a tenth of a warm page_state's instructions.
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighs = 0x8080808080808080ULL;

std::uint64_t load8(const char* p) {
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);
  return word;
}

// Non-zero when some byte of `word` is below `n` (n ≤ 0x80) or, with has_zero, is zero. May flag a
// byte next to a true hit, never misses one: callers re-check the flagged word byte by byte.
constexpr std::uint64_t has_less(std::uint64_t word, std::uint64_t n) { return (word - kOnes * n) & ~word & kHighs; }
constexpr std::uint64_t has_zero(std::uint64_t word) { return (word - kOnes) & ~word & kHighs; }

}  // namespace

std::size_t plain_prefix(std::string_view text) {
  static_assert(std::endian::native == std::endian::little, "byte k of a loaded word is bits 8k..8k+7");
  // Flags the bytes to stop at. The lowest flagged byte is always a true one (false flags only
  // sit above a true one), so countr_zero finds the first stop without a byte loop.
  const auto stops = [](std::uint64_t word) {
    return has_less(word, 0x20) | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'));
  };
  const std::size_t n = text.size();
  if (n < 8) {
    std::size_t i = 0;
    for (; i < n; ++i) {
      const auto c = static_cast<unsigned char>(text[i]);
      if (c < 0x20 || c == '"' || c == '\\') break;
    }
    return i;
  }
  std::size_t i = 0;
  for (; n - i >= 8; i += 8) {
    if (const std::uint64_t hit = stops(load8(text.data() + i))) return i + std::countr_zero(hit) / 8;
  }
  if (i == n) return n;
  // The last 1..7 bytes: load the final word (overlapping bytes already found clear) and drop
  // the overlap, which holds no stop and so causes no false flag above it.
  const std::size_t overlap = 8 - (n - i);
  const std::uint64_t hit = stops(load8(text.data() + n - 8)) >> (8 * overlap);
  return hit ? i + std::countr_zero(hit) / 8 : n;
}

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    if (n - i >= 8 && (load8(text.data() + i) & kHighs) == 0) {
      i += 8;  // eight ASCII bytes
      continue;
    }
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;  // stray continuation byte or 0xF8..0xFF
    }
    if (n - i < len) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::size_t code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

namespace {

// Builds the DOM and checks depth and duplicate keys in the same single pass: a SAX wrapper
// around nlohmann's plain DOM builder. (nlohmann's DOM parser with a callback is quadratic on long
// arrays of objects — it rescans the parent on every object_end — which let 1 MiB of "{}," pin a
// core for minutes; a separate checking pass doubled the cost of every message.)
class StrictDomBuilder {
 public:
  using json = nlohmann::json;
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  StrictDomBuilder(json& root, std::size_t max_depth) : dom_(root, /*allow_exceptions=*/false), max_depth_(max_depth) {}
  std::string error;

  bool null() { return dom_.null(); }
  bool boolean(bool value) { return dom_.boolean(value); }
  bool number_integer(number_integer_t value) { return dom_.number_integer(value); }
  bool number_unsigned(number_unsigned_t value) { return dom_.number_unsigned(value); }
  bool number_float(number_float_t value, const string_t& text) { return dom_.number_float(value, text); }
  bool string(string_t& value) { return dom_.string(value); }
  bool binary(binary_t& value) { return dom_.binary(value); }
  bool start_object(std::size_t length) {
    keys_.emplace_back();
    return enter() && dom_.start_object(length);
  }
  bool key(string_t& name) {
    if (!keys_.back().insert(name).second) {
      error = "duplicate key in an object";
      return false;
    }
    return dom_.key(name);
  }
  bool end_object() {
    keys_.pop_back();
    --depth_;
    return dom_.end_object();
  }
  bool start_array(std::size_t length) { return enter() && dom_.start_array(length); }
  bool end_array() {
    --depth_;
    return dom_.end_array();
  }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    error = e.what();
    syntax_error_at = position;
    return false;
  }
  std::optional<std::size_t> syntax_error_at;  // byte offset, when the text is not JSON

 private:
  bool enter() {
    if (++depth_ <= max_depth_) return true;
    error = "nested deeper than " + std::to_string(max_depth_);
    return false;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  std::size_t max_depth_;
  std::size_t depth_ = 0;
  std::vector<std::unordered_set<std::string>> keys_;  // keys seen per open object
};

}  // namespace

namespace {

// parse_strict, also saying at which byte the syntax broke (nullopt: it did not, or the text was
// refused for its depth, a duplicate key or a NUL byte).
StrictParseResult parse_strict_at(std::string_view text, std::size_t max_depth, std::optional<std::size_t>& syntax_error_at) {
  StrictParseResult result;
  // nlohmann reads a raw NUL outside a string as the end of input, so `{...}\0junk` would pass.
  if (text.find('\0') != std::string_view::npos) {
    result.error = "raw NUL byte (U+0000 must be escaped)";
    return result;
  }
  StrictDomBuilder builder(result.value, max_depth);
  try {
    result.ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder, nlohmann::json::input_format_t::json,
                                          /*strict=*/true, /*ignore_comments=*/false);
  } catch (const nlohmann::json::exception& e) {
    builder.error = e.what();
    result.ok = false;
  }
  if (!result.ok) {
    result.error = builder.error.empty() ? "invalid JSON" : builder.error;
    result.value = nullptr;
  }
  syntax_error_at = builder.syntax_error_at;
  return result;
}

}  // namespace

StrictParseResult parse_strict(std::string_view text, std::size_t max_depth) {
  std::optional<std::size_t> ignored;
  return parse_strict_at(text, max_depth, ignored);
}

StrictParseResult parse_strict_document(std::string_view text, std::size_t max_depth) {
  // Plain words for files: where the syntax breaks, not nlohmann's exception text.
  std::optional<std::size_t> syntax_error_at;
  auto result = parse_strict_at(text, max_depth, syntax_error_at);
  if (!result.ok)
    result.error = syntax_error_at ? "not valid JSON (the error is at byte " + std::to_string(*syntax_error_at) + " of " +
                                         std::to_string(text.size()) + ")"
                                   : "not valid JSON (" + result.error + ")";
  return result;
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace linkedout::json_util
