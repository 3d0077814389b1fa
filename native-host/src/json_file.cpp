#include "json_file.hpp"

#include "platform/platform.hpp"

namespace linkedout::json_util {

StrictParseResult parse_strict_file(const std::filesystem::path& file, std::size_t max_depth, std::size_t max_bytes) {
  // Read as the store is: never blocking, never more than max_bytes. A FIFO planted where a
  // manifest belongs used to stall the caller check (Chrome's host mode reads every Chromium
  // manifest of the user), doctor and uninstall in open(); a link to /dev/zero was read until
  // memory ran out.
  StrictParseResult result;
  try {
    const auto read = platform::read_file_held(file, max_bytes);
    if (read) return parse_strict_document(read->content, max_depth);
    result.error = "cannot read " + file.string() + ": it does not exist";
  } catch (const platform::Error& e) {
    result.error = e.what();  // "cannot read <file>: <why>"
  }
  return result;
}

}  // namespace linkedout::json_util
