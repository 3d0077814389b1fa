// Writes JSON text for the generated protocol writers (protocol_messages.cpp), byte for byte as
// json_util::dump writes the same value as a DOM: compact, keys in the order the generated code
// gives them (sorted, as nlohmann's objects are), strings escaped as nlohmann escapes them.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

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
  Writer& string(std::string_view text);
  Writer& integer(std::int64_t value);
  Writer& boolean(bool value) { return raw(value ? "true" : "false"); }
  Writer& null() { return raw("null"); }
  Writer& value(const nlohmann::json& value);  // a scalar such as a request's id

 private:
  std::string& out_;
};

}  // namespace linkedout::json_writer
