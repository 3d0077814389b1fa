#include "json_util.hpp"

#include <vector>

namespace linkedout::json_util {

bool is_valid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2, cp = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, cp = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, cp = c & 0x07, min = 0x10000;
    } else {
      return false;  // stray continuation byte or 0xF8..0xFF
    }
    if (n - i < len) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

std::size_t code_points(std::string_view utf8) {
  std::size_t count = 0;
  for (const char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

namespace {

struct Refused {
  std::string why;
};

}  // namespace

StrictParseResult parse_strict(std::string_view text, std::size_t max_depth) {
  StrictParseResult result;
  // Keys seen per open object; compared with the finished object's size to spot duplicates
  // (nlohmann keeps the last of duplicate keys, so the object ends up smaller).
  std::vector<std::size_t> keys_seen;
  auto check = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        if (static_cast<std::size_t>(depth) + 1 > max_depth) {
          throw Refused{"nested deeper than " + std::to_string(max_depth)};
        }
        if (event == Event::object_start) keys_seen.push_back(0);
        break;
      case Event::key:
        if (!keys_seen.empty()) ++keys_seen.back();
        break;
      case Event::object_end:
        if (!keys_seen.empty()) {
          if (parsed.size() != keys_seen.back()) throw Refused{"duplicate key in an object"};
          keys_seen.pop_back();
        }
        break;
      default:
        break;
    }
    return true;
  };
  try {
    result.value = nlohmann::json::parse(text.begin(), text.end(), check, /*allow_exceptions=*/true,
                                         /*ignore_comments=*/false);
    result.ok = true;
  } catch (const Refused& refused) {
    result.error = refused.why;
  } catch (const nlohmann::json::exception& e) {
    result.error = e.what();
  }
  return result;
}

std::string dump(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace linkedout::json_util
