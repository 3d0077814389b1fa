#include "cli/commands.hpp"

namespace linkedout::cli {

std::filesystem::path CommonOptions::resolved_data_dir() const {
  return data_dir ? std::filesystem::absolute(*data_dir) : paths::default_data_dir();
}

}  // namespace linkedout::cli
