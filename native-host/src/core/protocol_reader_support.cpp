#include "protocol_reader_support.hpp"

#include <vector>

#include "json_util.hpp"

namespace linkedout::protocol::reader_support {

std::string path(const Where& where) {
  std::vector<const Where*> chain;
  for (const Where* w = &where; w; w = w->parent) chain.push_back(w);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const Where& w = **it;
    if (!w.name.empty()) {
      if (!out.empty()) out += '.';
      out += w.name;
    } else if (w.parent) {
      out += "[" + std::to_string(w.index) + "]";
    }
  }
  return out;
}

FieldError error(ErrorCode code, const Where& where, std::string_view must_be) {
  std::string field = path(where);
  std::string message = field + " must be " + std::string(must_be);
  // The reply's `field` is bad_field's (docs/protocol.md §2): a not_linkedin url names none.
  if (code != ErrorCode::bad_field) field.clear();
  return {code, std::move(field), std::move(message)};
}

FieldError wrong(const Where& where, std::string_view must_be) { return error(ErrorCode::bad_field, where, must_be); }

FieldError missing(const Where& where, std::string_view when) {
  std::string field = path(where);
  std::string message = field + " is required" + std::string(when);
  return {ErrorCode::bad_field, std::move(field), std::move(message)};
}

FieldError too_long(const Where& where, std::size_t max_chars) {
  return wrong(where, "at most " + std::to_string(max_chars) + " characters");
}

void throw_field(FieldError error, const nlohmann::json& id) {
  ProtocolError thrown(error.code, std::move(error.message), std::move(error.field));
  thrown.id = id;
  throw thrown;
}

std::optional<std::int64_t> integer_in(const json_reader::Number& number, std::int64_t low, std::int64_t high) {
  using Type = json_reader::Number::Type;
  if (number.type == Type::signed_integer) {
    if (number.signed_value < low || number.signed_value > high) return std::nullopt;
    return number.signed_value;
  }
  if (number.type == Type::unsigned_integer) {
    if (high < 0 || number.unsigned_value > static_cast<std::uint64_t>(high)) return std::nullopt;
    const auto value = static_cast<std::int64_t>(number.unsigned_value);
    if (value < low) return std::nullopt;
    return value;
  }
  return std::nullopt;
}

bool readable_id(const json_reader::Scalar& id, std::size_t max_chars) {
  using Type = json_reader::Scalar::Type;
  switch (id.type) {
    case Type::absent:
    case Type::null: return true;
    case Type::number: return id.number.type != json_reader::Number::Type::floating;
    case Type::string: return json_util::code_points(id.text) <= max_chars;
    default: return false;
  }
}

nlohmann::json id_value(const json_reader::Scalar& id) {
  using Type = json_reader::Scalar::Type;
  if (id.type == Type::string) return id.text;
  if (id.type == Type::number) {
    if (id.number.type == json_reader::Number::Type::signed_integer) return id.number.signed_value;
    if (id.number.type == json_reader::Number::Type::unsigned_integer) return id.number.unsigned_value;
  }
  return nullptr;
}

const char* kind_name(json_reader::Kind kind) {
  switch (kind) {
    case json_reader::Kind::object: return "object";
    case json_reader::Kind::array: return "array";
    case json_reader::Kind::string: return "string";
    case json_reader::Kind::number: return "number";
    case json_reader::Kind::boolean: return "boolean";
    case json_reader::Kind::null: return "null";
  }
  return "value";
}

}  // namespace linkedout::protocol::reader_support
