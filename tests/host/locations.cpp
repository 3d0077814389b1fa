#include "test_locations.hpp"

namespace linkedout_test {
const char* const source_dir = LINKEDOUT_SOURCE_DIR_PATH;
const char* const host_binary = LINKEDOUT_HOST_BINARY_PATH;
}  // namespace linkedout_test
