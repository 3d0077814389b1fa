#include "test_locations.hpp"

#include <cstdlib>

namespace linkedout_test {
namespace {
// LINKEDOUT_TEST_HOST runs the suites that drive a host program against another one: the Windows
// suite points it at the .exe under Wine (tests/windows/wine-host).
const char* host_binary_to_drive() {
  const char* other = std::getenv("LINKEDOUT_TEST_HOST");
  return other != nullptr && *other != '\0' ? other : LINKEDOUT_HOST_BINARY_PATH;
}
}  // namespace

const char* const source_dir = LINKEDOUT_SOURCE_DIR_PATH;
const char* const host_binary = host_binary_to_drive();
}  // namespace linkedout_test
