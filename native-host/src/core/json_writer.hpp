// Writes JSON text for the generated protocol writers (protocol_messages.cpp), byte for byte as
// json_util::dump writes the same value as a DOM: compact, keys in the order the generated code
// gives them (sorted, as nlohmann's objects are), strings escaped as nlohmann escapes them.
#pragma once

#include <charconv>
#include <cstdint>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "json_util.hpp"

namespace linkedout::json_writer {

class Writer {
 public:
  explicit Writer(std::string& out) : out_(out) {}

  Writer& raw(std::string_view text) {
    out_ += text;
    return *this;
  }
  // Quote, backslash and control characters escaped (\u00xx in lower case for those without a
  // short form), everything else as is. Invalid UTF-8 (a validated request never gives any) is
  // written as json_util::dump writes it: each bad byte replaced by U+FFFD.
  Writer& string(std::string_view text) {
    // Most strings need no escaping: one copy, quotes included.
    if (json_util::plain_prefix(text) == text.size() && json_util::is_valid_utf8(text)) {
      const std::size_t at = out_.size();
      out_.resize(at + text.size() + 2);
      char* to = out_.data() + at;
      to[0] = '"';
      std::memcpy(to + 1, text.data(), text.size());
      to[text.size() + 1] = '"';
      return *this;
    }
    return escaped(text);
  }
  Writer& integer(std::int64_t value) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
    out_.append(digits, static_cast<std::size_t>(end - digits));
    return *this;
  }
  Writer& boolean(bool value) { return raw(value ? "true" : "false"); }
  Writer& null() { return raw("null"); }
  Writer& value(const nlohmann::json& value);  // a scalar such as a request's id

 private:
  Writer& escaped(std::string_view text);
  std::string& out_;
};

}  // namespace linkedout::json_writer
