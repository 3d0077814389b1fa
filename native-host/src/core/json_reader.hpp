// A pull reader over JSON text, for the generated protocol readers (protocol_messages.cpp): the
// frame body goes straight into the typed request, with no DOM. It accepts exactly what
// json_util::parse_strict accepts — RFC 8259 JSON, no duplicate key in any object, nesting at most
// json_util::kMaxDepth deep, no raw NUL — and throws JsonSyntaxError on anything else. The text
// must be valid UTF-8 already (checked once for the whole body before reading).
#pragma once

#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "json_util.hpp"

namespace linkedout::json_reader {

struct JsonSyntaxError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class Kind { object, array, string, number, boolean, null };

// A number as nlohmann reads it: an integer that fits 64 bits (negative → signed, else unsigned),
// anything else a float.
struct Number {
  enum class Type { signed_integer, unsigned_integer, floating } type = Type::floating;
  std::int64_t signed_value = 0;
  std::uint64_t unsigned_value = 0;
};

// A scalar field's value as read, before its schema's checks: the generated code checks it and
// moves the string out. `other` is an array or object where a scalar was expected (skipped).
struct Scalar {
  enum class Type { absent, null, string, number, boolean, other } type = Type::absent;
  std::string text;
  Number number;
  bool flag = false;
  bool present() const { return type != Type::absent; }
};

class Reader {
 public:
  explicit Reader(std::string_view text) : p_(text.data()), begin_(text.data()), end_(text.data() + text.size()) {}

  // The next value's kind (skips whitespace); a syntax error when no value starts here.
  Kind peek() {
    skip_space();
    if (p_ != end_) {
      switch (*p_) {
        case '{': return Kind::object;
        case '[': return Kind::array;
        case '"': return Kind::string;
        case 't':
        case 'f': return Kind::boolean;
        case 'n': return Kind::null;
        default:
          if (*p_ == '-' || (*p_ >= '0' && *p_ <= '9')) return Kind::number;
      }
    }
    no_value();
  }

  // Objects: begin_object, then next_key until it returns false (the closing brace); commas and
  // colons are handled here. Every key must then be checked once for a duplicate: a key the
  // caller knows by its own flags (duplicate_key() when seen twice), any other by unknown_key().
  void begin_object() {
    expect('{', "an object expected");
    enter();
    opened_[depth_ - 1] = ++objects_;  // its unknown keys' list starts empty (unknown_key)
  }
  bool next_key(std::string& key) {
    if (!next_member('}')) return false;
    skip_space();
    if (p_ == end_ || *p_ != '"') fail("a key expected");
    read_string(key);
    expect(':', "':' expected");
    return true;
  }
  void unknown_key(const std::string& key);
  [[noreturn]] void duplicate_key() const { fail("duplicate key in an object"); }
  // Arrays: begin_array, then next_item before each value until it returns false.
  void begin_array() {
    expect('[', "an array expected");
    enter();
  }
  bool next_item() { return next_member(']'); }

  void read_string(std::string& out) {
    expect('"', "a string expected");
    out.clear();
    for (;;) {
      const std::size_t run = json_util::plain_prefix(std::string_view(p_, static_cast<std::size_t>(end_ - p_)));
      out.append(p_, run);
      p_ += run;
      if (p_ == end_) fail("unterminated string");
      if (*p_ == '"') {
        ++p_;
        return;
      }
      if (*p_ != '\\') fail("a control character in a string (it must be escaped)");
      read_escape(out);
    }
  }
  Number read_number();
  bool read_boolean() {
    skip_space();
    if (p_ < end_ && *p_ == 't') {
      literal("true");
      return true;
    }
    literal("false");
    return false;
  }
  void read_null() { literal("null"); }
  // Any scalar into `out`; an array or object is skipped and read as Scalar::Type::other.
  void read_scalar(Scalar& out) { read_scalar(out, out.text); }
  // The same, with a string value read into `text` instead of out.text.
  void read_scalar(Scalar& out, std::string& text) {
    switch (peek()) {
      case Kind::string:
        out.type = Scalar::Type::string;
        read_string(text);
        return;
      case Kind::boolean:
        out.type = Scalar::Type::boolean;
        out.flag = read_boolean();
        return;
      case Kind::null:
        out.type = Scalar::Type::null;
        read_null();
        return;
      default: read_other_scalar(out);
    }
  }
  // Reads and drops one value of any kind (still checked: syntax, depth, duplicate keys).
  void skip_value();
  // The same, returning the value's text as written (a store field kept for a newer host).
  std::string_view raw_value() {
    skip_space();
    const char* start = p_;
    skip_value();
    return std::string_view(start, static_cast<std::size_t>(p_ - start));
  }
  // Only whitespace may follow the top-level value.
  void finish();

 private:
  [[noreturn]] void fail(const char* what) const;
  [[noreturn]] void no_value() const;
  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  void expect(char c, const char* what) {
    skip_space();
    if (p_ == end_ || *p_ != c) fail(what);
    ++p_;
  }
  void enter() {
    if (++depth_ > json_util::kMaxDepth) fail("nested deeper than 64");
    if (started_.size() < depth_) {
      started_.resize(depth_);
      opened_.resize(depth_);
    }
    started_[depth_ - 1] = 0;
  }
  // Before each member of the open container: false at its closing bracket (and leaves it).
  bool next_member(char close) {
    skip_space();
    char& started = started_[depth_ - 1];
    if (p_ < end_ && *p_ == close) {
      ++p_;
      --depth_;
      return false;
    }
    if (started) expect(',', close == '}' ? "',' or '}' expected" : "',' or ']' expected");
    started = 1;
    return true;
  }
  void literal(std::string_view word) {
    skip_space();
    if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) fail("invalid literal");
    p_ += word.size();
  }
  void read_other_scalar(Scalar& out);  // a number, or an array or object (skipped)
  void read_escape(std::string& out);

  const char* p_;
  const char* begin_;
  const char* end_;
  std::size_t depth_ = 0;
  // Per open container: 0 before its first member, 1 after; and the unknown keys seen per open
  // object (the caller checks the keys it knows).
  std::vector<char> started_;
  std::vector<std::vector<std::string>> keys_;
  // Per open container, the object's number (objects counted from 1); per level, the number of
  // the object whose unknown keys keys_ holds: the list is cleared only when it is used.
  std::vector<std::size_t> opened_;
  std::vector<std::size_t> keys_of_;
  std::size_t objects_ = 0;
  std::string key_scratch_;
};

}  // namespace linkedout::json_reader
