#include "json_writer.hpp"

#include "json_util.hpp"

namespace linkedout::json_writer {

Writer& Writer::escaped(std::string_view text) {
  if (!json_util::is_valid_utf8(text)) return raw(json_util::dump(nlohmann::json(std::string(text))));
  out_ += '"';
  for (;;) {
    const std::size_t run = json_util::plain_prefix(text);
    out_.append(text.data(), run);
    if (run == text.size()) break;
    const auto c = static_cast<unsigned char>(text[run]);
    text.remove_prefix(run + 1);
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 0xF];
      }
    }
  }
  out_ += '"';
  return *this;
}

// A request's id is an integer, a string or null: written directly, so echoing it does not need
// nlohmann's serialiser (code the browser would compile at the first message of a wake).
Writer& Writer::value(const nlohmann::json& value) {
  if (value.is_null()) return null();
  if (value.is_string()) return string(value.get_ref<const std::string&>());
  if (value.is_number_unsigned()) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, value.get<std::uint64_t>()).ptr;
    return raw(std::string_view(digits, static_cast<std::size_t>(end - digits)));
  }
  if (value.is_number_integer()) return integer(value.get<std::int64_t>());
  return raw(json_util::dump(value));
}

}  // namespace linkedout::json_writer
