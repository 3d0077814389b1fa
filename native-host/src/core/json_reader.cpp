#include "json_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "json_util.hpp"

namespace linkedout::json_reader {

void Reader::fail(const char* what) const {
  throw JsonSyntaxError(std::string(what) + " at byte " + std::to_string(p_ - begin_));
}

void Reader::no_value() const {
  if (p_ == end_) fail("unexpected end of input");
  fail(*p_ == '\0' ? "raw NUL byte (U+0000 must be escaped)" : "a value expected");
}

void Reader::unknown_key(const std::string& key) {
  if (keys_.size() < depth_) {
    keys_.resize(depth_);
    keys_of_.resize(depth_, 0);
  }
  auto& seen = keys_[depth_ - 1];
  if (keys_of_[depth_ - 1] != opened_[depth_ - 1]) {
    keys_of_[depth_ - 1] = opened_[depth_ - 1];
    seen.clear();
  }
  if (std::find(seen.begin(), seen.end(), key) != seen.end()) duplicate_key();
  seen.push_back(key);
}

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

void Reader::read_escape(std::string& out) {
  // p_ is at the backslash.
  if (end_ - p_ < 2) fail("unterminated string");
  const char c = p_[1];
  p_ += 2;
  switch (c) {
    case '"': out += '"'; return;
    case '\\': out += '\\'; return;
    case '/': out += '/'; return;
    case 'b': out += '\b'; return;
    case 'f': out += '\f'; return;
    case 'n': out += '\n'; return;
    case 'r': out += '\r'; return;
    case 't': out += '\t'; return;
    case 'u': break;
    default: p_ -= 2; fail("invalid escape in a string");
  }
  const auto hex4 = [&]() -> char32_t {
    if (end_ - p_ < 4) fail("\\u needs four hex digits");
    char32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hex_digit(p_[i]);
      if (d < 0) fail("\\u needs four hex digits");
      value = (value << 4) | static_cast<char32_t>(d);
    }
    p_ += 4;
    return value;
  };
  char32_t cp = hex4();
  if (cp >= 0xDC00 && cp <= 0xDFFF) fail("a low surrogate without a high one");
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') fail("a high surrogate must be followed by a low one");
    p_ += 2;
    const char32_t low = hex4();
    if (low < 0xDC00 || low > 0xDFFF) fail("a high surrogate must be followed by a low one");
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  json_util::append_utf8(out, cp);
}

Number Reader::read_number() {
  skip_space();
  const char* start = p_;
  const auto digits = [&] {
    const char* first = p_;
    while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    return p_ - first;
  };
  if (p_ < end_ && *p_ == '-') ++p_;
  if (p_ == end_ || !(*p_ >= '0' && *p_ <= '9')) fail("a digit expected");
  if (*p_ == '0') {
    ++p_;
  } else {
    digits();
  }
  bool integer = true;
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    integer = false;
    if (digits() == 0) fail("a digit expected after '.'");
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    integer = false;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (digits() == 0) fail("a digit expected in the exponent");
  }
  Number number;
  if (integer) {
    if (*start == '-') {
      const auto [end, error] = std::from_chars(start, p_, number.signed_value);
      if (error == std::errc{} && end == p_) {
        number.type = Number::Type::signed_integer;
        return number;
      }
    } else {
      const auto [end, error] = std::from_chars(start, p_, number.unsigned_value);
      if (error == std::errc{} && end == p_) {
        number.type = Number::Type::unsigned_integer;
        return number;
      }
    }
  }
  // Beyond 64 bits, or a fraction or exponent: a float, which must be finite (as nlohmann says).
  const std::string token(start, p_);
  const double value = std::strtod(token.c_str(), nullptr);
  if (!std::isfinite(value)) fail("number overflow");
  number.type = Number::Type::floating;
  return number;
}

void Reader::read_other_scalar(Scalar& out) {
  if (peek() == Kind::number) {
    out.type = Scalar::Type::number;
    out.number = read_number();
    return;
  }
  out.type = Scalar::Type::other;
  skip_value();
}

void Reader::skip_value() {
  switch (peek()) {
    case Kind::object:
      begin_object();
      while (next_key(key_scratch_)) {
        unknown_key(key_scratch_);
        skip_value();
      }
      return;
    case Kind::array:
      begin_array();
      while (next_item()) skip_value();
      return;
    case Kind::string: {
      std::string ignored;
      read_string(ignored);
      return;
    }
    case Kind::number: read_number(); return;
    case Kind::boolean: read_boolean(); return;
    case Kind::null: read_null(); return;
  }
}

void Reader::finish() {
  skip_space();
  if (p_ != end_) fail(*p_ == '\0' ? "raw NUL byte (U+0000 must be escaped)" : "unexpected text after the value");
}

}  // namespace linkedout::json_reader
