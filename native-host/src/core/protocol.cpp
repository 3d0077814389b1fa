#include "protocol.hpp"

#include <algorithm>

#include "json_util.hpp"

namespace linkedout::protocol {

using nlohmann::json;

// The enum mirrors the schema's error_code list; a code added to one and not the other fails here.
static_assert(kErrorCodes.size() == static_cast<std::size_t>(ErrorCode::internal) + 1);
static_assert(kErrorCodes[static_cast<std::size_t>(ErrorCode::bad_field)] == "bad_field");
static_assert(kErrorCodes[static_cast<std::size_t>(ErrorCode::internal)] == "internal");

std::string_view to_string(ErrorCode code) {
  const auto index = static_cast<std::size_t>(code);
  return index < kErrorCodes.size() ? kErrorCodes[index] : std::string_view("internal");
}

namespace {
bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool is_language_tag(std::string_view tag) {
  if (tag.empty()) return true;
  bool first = true;
  while (true) {
    const auto end = std::min(tag.find('-'), tag.size());
    const std::string_view subtag = tag.substr(0, end);
    if (subtag.empty() || subtag.size() > 8) return false;
    for (char c : subtag) {
      if (!(is_alpha(c) || (!first && is_digit(c)))) return false;
    }
    if (end == tag.size()) return true;
    tag.remove_prefix(end + 1);
    first = false;
  }
}

bool is_region_code(std::string_view code) {
  if (code.size() < 2 || code.size() > 8) return false;
  return std::all_of(code.begin(), code.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

namespace {

bool readable_id(const json& id) {
  if (id.is_null()) return true;  // the same as no id
  if (id.is_number_integer()) return true;  // signed and unsigned integers
  return id.is_string() && json_util::code_points(id.get_ref<const std::string&>()) <= kMaxIdLength;
}

}  // namespace

void bad_field(const std::string& field, const std::string& message) {
  throw ProtocolError(ErrorCode::bad_field, message, field);
}

std::string string_field(const json& value, const std::string& field, std::size_t max_chars,
                         const char* what) {
  if (!value.is_string()) bad_field(field, field + " must be " + what);
  const auto& text = value.get_ref<const std::string&>();
  if (json_util::code_points(text) > max_chars) {
    bad_field(field, field + " must be at most " + std::to_string(max_chars) + " characters");
  }
  return text;
}

const json& required(const json& message, const char* field) {
  auto it = message.find(field);
  if (it == message.end()) bad_field(field, std::string(field) + " is required");
  return *it;
}


Envelope parse_envelope(std::string_view body) {
  if (body.empty()) throw ProtocolError(ErrorCode::bad_json, "empty message");
  if (!json_util::is_valid_utf8(body)) throw ProtocolError(ErrorCode::bad_utf8, "message is not valid UTF-8");
  auto parsed = json_util::parse_strict(body);
  if (!parsed.ok) throw ProtocolError(ErrorCode::bad_json, "invalid JSON: " + parsed.error);
  if (!parsed.value.is_object()) {
    throw ProtocolError(ErrorCode::not_object, std::string("message must be a JSON object, not ") +
                                                   parsed.value.type_name());
  }
  Envelope envelope;
  auto id = parsed.value.find("id");
  const bool has_id = id != parsed.value.end();
  const bool id_ok = has_id && readable_id(*id);
  if (id_ok) envelope.id = *id;

  auto type = parsed.value.find("type");
  if (type == parsed.value.end() || !type->is_string()) {
    ProtocolError error(ErrorCode::missing_type, "message must have a string \"type\"");
    error.id = envelope.id;
    throw error;
  }
  if (has_id && !id_ok) {
    throw ProtocolError(ErrorCode::bad_field,
                        "id must be an integer or a string of at most " + std::to_string(kMaxIdLength) + " characters",
                        "id");
  }
  envelope.type = type->get<std::string>();
  if (auto ui_lang = parsed.value.find("ui_lang"); ui_lang != parsed.value.end()) {
    try {
      envelope.ui_lang = string_field(*ui_lang, "ui_lang", kMaxLang, "a string");
      if (!is_language_tag(*envelope.ui_lang)) bad_field("ui_lang", "ui_lang must be a BCP 47 language tag");
    } catch (ProtocolError& error) {
      error.id = envelope.id;
      throw;
    }
  }
  envelope.message = std::move(parsed.value);
  return envelope;
}

std::optional<std::string> optional_string(const json& message, const char* field, std::size_t max_chars) {
  auto it = message.find(field);
  if (it == message.end()) return std::nullopt;
  return string_field(*it, field, max_chars, "a string");
}

std::string required_string(const json& message, const char* field, std::size_t max_chars) {
  return string_field(required(message, field), field, max_chars, "a string");
}

}  // namespace linkedout::protocol
