#!/usr/bin/env bash
# The Windows suites, on the tree of the `windows` preset (MinGW-w64, build-windows/), every
# program run under Wine over real pipes. Two parts, each a suite of its own with a prefix of its
# own, so they run side by side once the tree is built (most of their time is Wine starting
# programs, one at a time):
#   tests/windows/run.sh host       (scripts/test.d/70-windows)
#     1. the .exe is static: it imports Windows' own DLLs and nothing else;
#     2. the host's doctest suites, built as a Windows program;
#     3. docs/protocol.md's transcript and the schema's boundary requests, against the .exe, plus
#        frames whose length bytes are 0x0A, 0x0D and 0x1A (text-mode pipes would corrupt them);
#     4. the malformed-input suite (the release tree's small Linux program of the cases that drive
#        a host binary, linkedout-host-driver-tests, as the driver; the .exe as the host);
#   tests/windows/run.sh installs   (scripts/test.d/71-windows-install)
#     5. the data and log folders (Unicode names, LINKEDOUT_DATA_DIR, the Local AppData known
#        folder) and bounded store reads (too large, a folder), against the .exe;
#     6. install / doctor / uninstall in the registry, read back with `wine reg query`.
#   tests/windows/run.sh            both, one after the other
set -uo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8
exe=build-windows/native-host/linkedout-host.exe
tests_exe=build-windows/tests/windows/linkedout-tests.exe

part=${1:-all}
case $part in host|installs|all) ;; *) echo "usage: tests/windows/run.sh [host|installs]" >&2; exit 2 ;; esac

failures=0
check() {  # check NAME COMMAND...: runs one check, reports, keeps going
  local name=$1; shift
  echo "--- $name"
  if "$@"; then echo "--- $name: ok"; else echo "--- $name: FAIL"; failures=$((failures + 1)); fi
}

# (Configured once: scripts/test's background build configures the tree; a build re-runs CMake
# itself when a CMakeLists.txt changed.)
{ [[ -f build-windows/CMakeCache.txt ]] || cmake --preset windows >/dev/null; } \
  && cmake --build build-windows -j"$(nproc)" >/dev/null \
  || { echo "windows: cmake --preset windows && cmake --build build-windows failed"; exit 1; }
# The Linux program that drives the .exe with malformed input: the release tree's small one of the
# cases that drive a host binary (scripts/setup --no-tests builds it; so does scripts/stress), so
# this suite needs no tree but build-windows/ and build/.
driver=build/tests/host/linkedout-host-driver-tests
if [[ $part != installs ]]; then
  [[ -f build/CMakeCache.txt ]] || cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build -j"$(nproc)" --target linkedout-host-driver-tests >/dev/null \
    || { echo "windows: cmake --build build --target linkedout-host-driver-tests failed"; exit 1; }
fi
# One prefix for the whole suite (a copy of a template booted once), one wineserver kept running.
source tests/windows/wine-prefix.sh

if [[ $part != installs ]]; then
  check "linkedout-host.exe needs no DLL beyond Windows' own" tests/windows/check-imports.sh "$exe"
  check "doctest suites as a Windows program" tests/windows/wine-run "$tests_exe" --no-colors=true
  check "protocol transcript (docs/protocol.md) from the .exe" scripts/transcript --check tests/windows/wine-host
  check "boundary requests and 0x0A/0x0D/0x1A length bytes, .exe over pipes" \
    env LINKEDOUT_HOST=tests/windows/wine-host node --test tests/protocol/
  # Signals are POSIX: the SIGTERM/SIGINT/SIGPIPE cases stay with the Linux suite.
  check "malformed input against the .exe" env LINKEDOUT_TEST_HOST="$PWD/tests/windows/wine-host" \
    "$driver" --no-colors=true '--test-case=malformed*' '--test-case-exclude=*SIG*'
fi
if [[ $part != host ]]; then
  check "data and log folders named Zoë and 数据, oversized or folder store: the .exe over pipes" \
    node --test tests/windows/host-data.test.js
  check "install / doctor / uninstall in the registry" tests/windows/registry.sh "$exe"
fi

echo "windows ($part): $failures failed"
((failures == 0))
