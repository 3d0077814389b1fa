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

HelloRequest parse_hello(const json& message) {
  return HelloRequest{optional_string(message, "extension_version", kMaxVersion)};
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
  if (!is_language_tag(page.lang)) bad_field("lang", "lang must be a BCP 47 language tag (e.g. de-DE) or empty");

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
    request.step = required_string(message, "step", kMaxStep);
  } else if (action == "recheck_start") {
    request.action = WalkthroughAction::recheck_start;
  } else if (action == "recheck_end") {
    request.action = WalkthroughAction::recheck_end;
  } else {
    std::string allowed;
    for (const auto name : kWalkthroughActions) allowed += (allowed.empty() ? "" : ", ") + std::string(name);
    bad_field("action", "action must be one of " + allowed);
  }
  return request;
}

ConfigRequest parse_config(const json& message) {
  ConfigRequest request;
  if (auto region = message.find("region"); region != message.end()) {
    request.set_region = true;
    if (!region->is_null()) {
      request.region = string_field(*region, "region", kMaxRegion, "a region code or null");
      if (!is_region_code(*request.region)) bad_field("region", "region must be a region code (2-8 capital letters) or null");
    }
  }
  if (auto days = message.find("reminder_days"); days != message.end()) {
    request.set_reminder = true;
    if (!days->is_null()) {
      const bool in_range = days->is_number_integer() && days->get<long long>() >= kMinReminderDays &&
                            days->get<long long>() <= kMaxReminderDays;
      if (!in_range) {
        bad_field("reminder_days", "reminder_days must be null (reminder off) or a whole number of days from " +
                                       std::to_string(kMinReminderDays) + " to " + std::to_string(kMaxReminderDays));
      }
      request.reminder_days = static_cast<int>(days->get<long long>());
    }
  }
  return request;
}

}  // namespace linkedout::protocol
