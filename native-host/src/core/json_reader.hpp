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
  Kind peek();

  // Objects: begin_object, then next_key until it returns false (the closing brace). Commas,
  // colons and duplicate keys are handled here.
  void begin_object();
  bool next_key(std::string& key);
  // Arrays: begin_array, then next_item before each value until it returns false.
  void begin_array();
  bool next_item();

  void read_string(std::string& out);
  Number read_number();
  bool read_boolean();
  void read_null();
  // Any scalar into `out`; an array or object is skipped and read as Scalar::Type::other.
  void read_scalar(Scalar& out);
  // Reads and drops one value of any kind (still checked: syntax, depth, duplicate keys).
  void skip_value();
  // Only whitespace may follow the top-level value.
  void finish();

 private:
  [[noreturn]] void fail(const char* what) const;
  void skip_space() {
    while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }
  void expect(char c, const char* what);
  void enter();
  void literal(std::string_view word);
  void read_escape(std::string& out);

  const char* p_;
  const char* begin_;
  const char* end_;
  std::size_t depth_ = 0;
  // Per open container: 0 before its first member, 1 after; and the keys seen per open object.
  std::vector<char> started_;
  std::vector<std::vector<std::string>> keys_;
  std::string key_scratch_;
};

}  // namespace linkedout::json_reader
