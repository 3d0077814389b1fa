#include "protocol.hpp"

#include <algorithm>


namespace linkedout::protocol {

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

void bad_field(const std::string& field, const std::string& message) {
  throw ProtocolError(ErrorCode::bad_field, message, field);
}

}  // namespace linkedout::protocol
