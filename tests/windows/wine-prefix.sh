# Sourced by the Windows suites (run.sh, registry.sh, msi.sh): gives the calling suite a fresh
# Wine prefix of its own, cheaply, and a wineserver kept running until the suite ends.
#
#   source tests/windows/wine-prefix.sh      (from the repository root)
#
# Creating a prefix (wineboot) takes 10-20 s; copying one takes 1-2 s. So the first suite on a
# machine boots a pristine template once, in build-windows/ (keyed by the Wine version, built
# under a temporary name and renamed into place, so a run killed halfway leaves no half-made
# template), and every suite copies it: each suite still starts from a clean registry and C:
# drive. No display is needed: the suites run console programs and msiexec /qn only.
# Sets WINEPREFIX, WINEDEBUG and WINEDLLOVERRIDES; on exit stops the wineserver and removes the
# copy (a trap on EXIT: a suite that sets its own EXIT trap calls wine_prefix_cleanup in it).

export WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="   # no Mono/Gecko download prompt
wine_prefix_wine=$(command -v wine || command -v wine64 || true)
if [[ -z $wine_prefix_wine ]]; then
  echo "wine-prefix: Wine is not installed (scripts/setup installs it)" >&2
  exit 1
fi

wine_prefix_template() {
  local version template staging
  version=$("$wine_prefix_wine" --version 2>/dev/null | tr -c 'A-Za-z0-9.\n-' '_')
  template="$PWD/build-windows/wine-template-${version:-unknown}"
  mkdir -p build-windows
  # 70-windows and 75-windows-msi start together once the tree is built: the second waits for the
  # first's template instead of booting one of its own (a wineboot is 10-20 s of CPU).
  exec {wine_prefix_lock}>"$PWD/build-windows/wine-template.lock"
  flock "$wine_prefix_lock"
  if [[ ! -f "$template/system.reg" ]]; then
    staging=$(mktemp -d "$PWD/build-windows/wine-template.XXXXXX")
    echo "wine-prefix: creating a Wine prefix once ($template)" >&2
    # (Wine's processes do not inherit the lock: a server left running must not hold it.)
    WINEPREFIX=$staging "$wine_prefix_wine" wineboot -i </dev/null >/dev/null 2>&1 {wine_prefix_lock}>&-
    WINEPREFIX=$staging wineserver -w {wine_prefix_lock}>&-  # the registry is on disk once the server has exited
    if [[ ! -f "$staging/system.reg" ]]; then
      rm -rf "$staging"
      echo "wine-prefix: wineboot made no prefix" >&2
      return 1
    fi
    mv -T "$staging" "$template" 2>/dev/null || rm -rf "$staging"
  fi
  exec {wine_prefix_lock}>&-
  printf '%s\n' "$template"
}

wine_prefix_cleanup() {
  [[ -n ${wine_prefix_scratch:-} && -d $wine_prefix_scratch ]] || return 0
  wineserver -k 2>/dev/null || true
  wineserver -w 2>/dev/null || true
  rm -rf "$wine_prefix_scratch"
}

wine_prefix_template=$(wine_prefix_template) || exit 1
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
