# Sourced by the Windows suites (run.sh, registry.sh, msi.sh): gives the calling suite a fresh
# Wine prefix of its own, cheaply, and a wineserver kept running until the suite ends.
#
#   source tests/windows/wine-prefix.sh      (from the repository root)
#
# Each suite copies a pristine template (tests/windows/wine-template.sh boots it once per machine,
# in build-windows/): a copy takes 1-2 s, a boot 10-20 s, and each suite still starts from a clean
# registry and C: drive. No display is needed: the suites run console programs and msiexec /qn only.
# Sets WINEPREFIX, WINEDEBUG and WINEDLLOVERRIDES; on exit stops the wineserver and removes the
# copy (a trap on EXIT: a suite that sets its own EXIT trap calls wine_prefix_cleanup in it).

export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko download prompt
wine_prefix_wine=$(command -v wine || command -v wine64 || true)
if [[ -z $wine_prefix_wine ]]; then
  echo "wine-prefix: Wine is not installed (scripts/setup installs it)" >&2
  exit 1
fi

wine_prefix_cleanup() {
  [[ -n ${wine_prefix_scratch:-} && -d $wine_prefix_scratch ]] || return 0
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
  rm -rf "$wine_prefix_scratch"
}

wine_prefix_template=$(tests/windows/wine-template.sh) || exit 1
wine_prefix_scratch=$(mktemp -d "${TMPDIR:-/tmp}/linkedout-wine.XXXXXX")
export WINEPREFIX="$wine_prefix_scratch/prefix"
cp -a "$wine_prefix_template" "$WINEPREFIX"
trap wine_prefix_cleanup EXIT
# One server for the whole suite, and Wine's own services (started by the first program, then
# kept by the server) started here with no terminal or pipe of the suite's: started by a test's
# program, they would hold its stdout or stderr pipe open after it exits. Each program then starts
# in a fraction of a second.
wineserver -p
"$wine_prefix_wine" cmd /c exit 0 </dev/null >/dev/null 2>&1 || true
