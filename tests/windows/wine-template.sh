#!/usr/bin/env bash
# Prints the pristine Wine prefix the Windows suites copy (tests/windows/wine-prefix.sh), booting
# it first if this machine has none yet. Booting (wineboot) takes 10-20 s of CPU; copying, 1-2 s.
# The template lives in build-windows/, keyed by the Wine version; it is built under a temporary
# name and renamed into place, so a run killed halfway leaves no half-made template. A lock makes
# every caller wait for the one boot: scripts/test starts this in the background at its start, so
# the boot is done long before the Windows tree is built, and the suites only copy.
#   tests/windows/wine-template.sh        (from the repository root)
set -uo pipefail
cd "$(dirname "$0")/../.."
export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko download prompt
wine=$(command -v wine || command -v wine64 || true)
[[ -n $wine ]] || { echo "wine-template: Wine is not installed (scripts/setup installs it)" >&2; exit 1; }

version=$("$wine" --version 2>/dev/null | tr -c 'A-Za-z0-9.\n-' '_')
template="$PWD/build-windows/wine-template-${version:-unknown}"
mkdir -p build-windows
exec {lock}>"$PWD/build-windows/wine-template.lock"
flock "$lock"
if [[ ! -f "$template/system.reg" ]]; then
  staging=$(mktemp -d "$PWD/build-windows/wine-template.XXXXXX")
  echo "wine-template: creating a Wine prefix once ($template)" >&2
  # (Wine's processes do not inherit the lock: a server left running must not hold it.)
  WINEPREFIX=$staging "$wine" wineboot -i </dev/null >/dev/null 2>&1 {lock}>&-
  WINEPREFIX=$staging wineserver -w {lock}>&-  # the registry is on disk once the server has exited
  if [[ ! -f "$staging/system.reg" ]]; then
    rm -rf "$staging"
    echo "wine-template: wineboot made no prefix" >&2
    exit 1
  fi
  mv -T "$staging" "$template" 2>/dev/null || rm -rf "$staging"
fi
printf '%s\n' "$template"
