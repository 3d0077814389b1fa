#include "json_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

namespace linkedout::json_util {

StrictParseResult parse_strict_file(const std::filesystem::path& file, std::size_t max_depth) {
  std::ifstream in(file, std::ios::binary);
  std::string text;
  if (in) text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    StrictParseResult result;
    result.error = "cannot read " + file.string() + ": " + std::strerror(errno);
    return result;
  }
  return parse_strict_document(text, max_depth);
}

}  // namespace linkedout::json_util
