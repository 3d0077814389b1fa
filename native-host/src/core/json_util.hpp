// JSON helpers shared by the protocol layer and every file the host reads: strict parsing (the
// protocol refuses duplicate keys and deep nesting, which nlohmann accepts by default), UTF-8
// checks and a dump that never throws.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace linkedout::json_util {

inline constexpr std::size_t kMaxDepth = 64;

// True when `text` is well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::string_view text);

// Length of the longest prefix of `text` that a JSON string carries as is: no '"', no '\\' and
// no control character. The hot paths that read and write JSON strings copy such runs whole.
std::size_t plain_prefix(std::string_view text);

// Number of code points in valid UTF-8 text (what the protocol's length limits count).
std::size_t code_points(std::string_view utf8);

// Appends code point `cp` (at most U+10FFFF, not a surrogate) to `out` as UTF-8.
void append_utf8(std::string& out, char32_t cp);

struct StrictParseResult {
  bool ok = false;
  nlohmann::json value;  // set when ok
  std::string error;     // why not, when !ok
};

// Parses exactly one JSON value. Fails on invalid JSON, duplicate keys in any object, and
// containers nested deeper than `max_depth`.
StrictParseResult parse_strict(std::string_view text, std::size_t max_depth = kMaxDepth);

// parse_strict for a whole document (a file's content, read by the shell's json_file.hpp): the
// error says where the syntax breaks in plain words: "not valid JSON (<reason>)".
StrictParseResult parse_strict_document(std::string_view text, std::size_t max_depth = kMaxDepth);

// Compact serialisation; invalid UTF-8 (which validated input never produces) is replaced
// rather than thrown.
std::string dump(const nlohmann::json& value);

}  // namespace linkedout::json_util
