#include "protocol.hpp"

#include "json_util.hpp"

namespace linkedout::protocol {

using nlohmann::json;

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::bad_json: return "bad_json";
    case ErrorCode::bad_utf8: return "bad_utf8";
    case ErrorCode::not_object: return "not_object";
    case ErrorCode::too_large: return "too_large";
    case ErrorCode::missing_type: return "missing_type";
    case ErrorCode::unknown_type: return "unknown_type";
    case ErrorCode::bad_field: return "bad_field";
    case ErrorCode::not_linkedin: return "not_linkedin";
    case ErrorCode::not_allowed: return "not_allowed";
    case ErrorCode::store_error: return "store_error";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

namespace {

[[noreturn]] void bad_field(const std::string& field, const std::string& message) {
  throw ProtocolError(ErrorCode::bad_field, message, field);
}

bool readable_id(const json& id) {
  if (id.is_null()) return true;  // the same as no id
  if (id.is_number_integer()) return true;  // signed and unsigned integers
  return id.is_string() && json_util::code_points(id.get_ref<const std::string&>()) <= kMaxIdLength;
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

Control parse_control(const json& item, std::size_t index) {
  const std::string where = "controls[" + std::to_string(index) + "]";
  if (!item.is_object()) bad_field(where, where + " must be an object {key, label, checked}");
  Control control;
  const std::string key_field = where + ".key";
  auto key = item.find("key");
  if (key == item.end()) bad_field(key_field, key_field + " is required (a string or null)");
  if (!key->is_null()) control.key = string_field(*key, key_field, kMaxKey, "a string or null");

  const std::string label_field = where + ".label";
  auto label = item.find("label");
  if (label == item.end()) bad_field(label_field, label_field + " is required");
  control.label = string_field(*label, label_field, kMaxLabel, "a string");

  const std::string checked_field = where + ".checked";
  auto checked = item.find("checked");
  if (checked == item.end() || !(checked->is_boolean() || checked->is_null())) {
    bad_field(checked_field, checked_field + " must be true, false or null");
  }
  if (checked->is_boolean()) control.checked = checked->get<bool>();
  return control;
}

}  // namespace

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
    throw ProtocolError(ErrorCode::bad_field, "id must be an integer or a string of at most 64 characters",
                        "id");
  }
  envelope.type = type->get<std::string>();
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

HelloRequest parse_hello(const json& message) {
  return HelloRequest{optional_string(message, "extension_version")};
}

PageState parse_page_state(const json& message) {
  PageState page;
  page.url = required_string(message, "url", kMaxUrl);
  if (page.url.rfind(kSettingsUrlPrefix, 0) != 0) {
    throw ProtocolError(ErrorCode::not_linkedin,
                        "url must be a LinkedIn settings page (" + std::string(kSettingsUrlPrefix) + "...)");
  }
  std::string_view path(page.url);
  path.remove_prefix(std::string_view("https://www.linkedin.com").size());
  path = path.substr(0, path.find_first_of("?#"));
  if (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  page.path = std::string(path);

  page.lang = required_string(message, "lang", kMaxLang);

  const json& controls = required(message, "controls");
  if (!controls.is_array() || controls.size() > kMaxControls) {
    bad_field("controls", "controls must be an array of at most " + std::to_string(kMaxControls) + " objects");
  }
  page.controls.reserve(controls.size());
  for (std::size_t i = 0; i < controls.size(); ++i) page.controls.push_back(parse_control(controls[i], i));
  return page;
}

WalkthroughRequest parse_walkthrough(const json& message) {
  WalkthroughRequest request;
  const std::string action = required_string(message, "action");
  if (action == "start") {
    request.action = WalkthroughAction::start;
  } else if (action == "status") {
    request.action = WalkthroughAction::status;
  } else if (action == "reset") {
    request.action = WalkthroughAction::reset;
  } else if (action == "mark_done") {
    request.action = WalkthroughAction::mark_done;
    request.step = required_string(message, "step");
  } else {
    bad_field("action", "action must be one of start, status, reset, mark_done");
  }
  return request;
}

ConfigRequest parse_config(const json& message) {
  ConfigRequest request;
  auto region = message.find("region");
  if (region == message.end()) return request;
  request.set_region = true;
  if (!region->is_null()) request.region = string_field(*region, "region", kMaxShortString, "a region code or null");
  return request;
}

}  // namespace linkedout::protocol
