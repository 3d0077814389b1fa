// Where the tests find the checkout and the built host. The absolute paths live in one object
// (locations.cpp) rather than on every test file's command line, so the compiler cache serves
// every checkout alike. Force-included into each test file by tests/host/CMakeLists.txt.
#pragma once

namespace linkedout_test {
extern const char* const source_dir;   // the checkout's root
extern const char* const host_binary;  // the linkedout-host this tree built, or $LINKEDOUT_TEST_HOST
}  // namespace linkedout_test

#define LINKEDOUT_SOURCE_DIR (::linkedout_test::source_dir)
#define LINKEDOUT_HOST_BINARY (::linkedout_test::host_binary)
