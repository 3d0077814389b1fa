// What the generated request reader (protocol_messages.cpp, from native-host/protocol_codegen.py)
// calls: where a field is, the typed error naming it, and the checks shared by every field.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "json_reader.hpp"
#include "protocol.hpp"

namespace linkedout::protocol::reader_support {

// A field's place, as a chain to the message's top: a name, or an index into an array (empty
// name). Only rendered when there is an error, so reading builds no path strings.
struct Where {
  const Where* parent = nullptr;
  std::string_view name;
  std::size_t index = 0;
};
std::string path(const Where& where);  // "controls[3].checked"

struct FieldError {
  ErrorCode code;
  std::string field;
  std::string message;
};

FieldError error(ErrorCode code, const Where& where, std::string_view must_be);  // "<path> must be <...>"
FieldError wrong(const Where& where, std::string_view must_be);                   // bad_field, the same words
FieldError missing(const Where& where, std::string_view when = {});               // "<path> is required<when>"
FieldError too_long(const Where& where, std::size_t max_chars);                  // "... at most N characters"
[[noreturn]] void throw_field(FieldError error, const nlohmann::json& id = nullptr);

// An integer within [low, high], as the schema's minimum and maximum; nullopt outside.
std::optional<std::int64_t> integer_in(const json_reader::Number& number, std::int64_t low, std::int64_t high);

// The request's id: null, an integer, or a string of at most `max_chars` code points.
bool readable_id(const json_reader::Scalar& id, std::size_t max_chars);
nlohmann::json id_value(const json_reader::Scalar& id);  // null when absent or unreadable

// The JSON type's name as nlohmann says it ("array", "number", ...), for not_object.
const char* kind_name(json_reader::Kind kind);

// The schema's page_state url pattern: a LinkedIn settings page.
inline bool is_settings_url(std::string_view url) { return url.starts_with(kSettingsUrlPrefix); }

}  // namespace linkedout::protocol::reader_support
