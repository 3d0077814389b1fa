#include "cli/commands.hpp"
#include "platform/platform.hpp"

namespace linkedout::cli {

std::filesystem::path CommonOptions::resolved_data_dir() const {
  return data_dir ? std::filesystem::absolute(*data_dir) : platform::data_dir();
}

}  // namespace linkedout::cli
