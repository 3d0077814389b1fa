#include "decide_text.hpp"

namespace linkedout {

namespace {

char32_t lower(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 0x20;
  if (c < 0xC0) return c;
  // Latin-1 Supplement: À..Þ except × (U+00D7).
  if (c <= 0xDE) return c == 0xD7 ? c : c + 0x20;
  if (c < 0x100) return c;
  // Latin Extended-A: upper/lower pairs, with the parity switching at U+0139 and U+0179.
  if (c <= 0x137) {
    if (c == 0x130) return U'i';  // İ: its full lower case is i + combining dot; i is what users type
    return (c % 2 == 0) ? c + 1 : c;
  }
  if (c >= 0x139 && c <= 0x148) return (c % 2 == 1) ? c + 1 : c;
  if (c >= 0x14A && c <= 0x177) return (c % 2 == 0) ? c + 1 : c;
  if (c == 0x178) return 0xFF;  // Ÿ → ÿ
  if (c >= 0x179 && c <= 0x17E) return (c % 2 == 1) ? c + 1 : c;
  // Greek capitals Α..Ω (no U+03A2) and Cyrillic Ѐ..Я.
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  return c;
}

bool is_space(char32_t c) {
  return c == U' ' || (c >= 0x09 && c <= 0x0D) || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

bool is_invisible(char32_t c) {
  return c == 0xAD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

// Writes c as UTF-8 into out (room for 4 bytes); returns the number of bytes.
std::size_t encode_utf8(char32_t c, char* out) {
  if (c < 0x80) {
    out[0] = static_cast<char>(c);
    return 1;
  }
  if (c < 0x800) {
    out[0] = static_cast<char>(0xC0 | (c >> 6));
    out[1] = static_cast<char>(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (c >> 12));
    out[1] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (c >> 18));
  out[1] = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (c & 0x3F));
  return 4;
}

// Decodes one code point of valid UTF-8 at s[i], advancing i.
char32_t decode(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;  // defensive: never read past the end
  char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  i += len;
  return cp;
}

}  // namespace

std::string normalise_label(std::string_view label) {
  // Written through a pointer into a buffer of the label's size: folding never makes UTF-8
  // longer (each code point's bytes are at most those it was read from; a run of spaces becomes
  // one), and writing byte by byte through the string made the compiler reload it every time.
  std::string out(label.size(), '\0');
  char* w = out.data();
  bool pending_space = false;
  for (std::size_t i = 0; i < label.size();) {
    // ASCII, most of every label, without decoding: the same rules as below for these bytes.
    if (const auto byte = static_cast<unsigned char>(label[i]); byte < 0x80) {
      ++i;
      if (byte == ' ' || (byte >= 0x09 && byte <= 0x0D)) {
        pending_space = w != out.data();
        continue;
      }
      if (pending_space) {
        *w++ = ' ';
        pending_space = false;
      }
      *w++ = static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte + 0x20 : byte);
      continue;
    }
    char32_t c = decode(label, i);
    if (is_invisible(c)) continue;
    if (is_space(c)) {
      pending_space = w != out.data();
      continue;
    }
    if (c == 0x2019 || c == 0x2018 || c == 0x02BC) c = U'\'';
    char bytes[4];
    const std::size_t len = encode_utf8(lower(c), bytes);
    // Room for this, a pending space and the rest of the label at one byte per byte: always
    // there by the argument above, and made if it ever were not.
    const std::size_t need = (pending_space ? 1 : 0) + len + (label.size() - i);
    if (const auto used = static_cast<std::size_t>(w - out.data()); out.size() - used < need) {
      out.resize(used + need);
      w = out.data() + used;
    }
    if (pending_space) {
      *w++ = ' ';
      pending_space = false;
    }
    for (std::size_t k = 0; k < len; ++k) *w++ = bytes[k];
  }
  out.resize(static_cast<std::size_t>(w - out.data()));
  return out;
}

std::string primary_language(std::string_view bcp47) {
  std::string out;
  for (const char c : bcp47) {
    if (c == '-' || c == '_') break;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 0x20) : c);
  }
  return out;
}

}  // namespace linkedout
