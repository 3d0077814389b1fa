#!/usr/bin/env bash
# Package suite (scripts/test.d/50-package). Builds the .deb and both extension archives with
# scripts/package, then checks:
#   1. the version has one source of truth (check-version, set-version on a scratch copy);
#   2. the .deb: exact file list, control fields, conffiles for /etc, no maintainer scripts, lintian;
#   3. dpkg -i / doctor / dpkg --remove / --purge for real, in a copy-on-write namespace
#      (deb-install.sh), nothing left behind;
#   4. per-user install by a non-root user, uninstall removes every file, doctor then says
#      nothing is installed (per-user.sh);
#   5. the two store archives: the manifest each store needs, same version, same files; web-ext
#      lint on the Firefox one, Chromium's own --pack-extension on the Chrome one;
#   6. the man page documents every command and option of --help.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/package

failures=0
check() {  # check NAME COMMAND...: runs one check, reports, keeps going
  local name=$1; shift
  echo "--- $name"
  if "$@"; then echo "--- $name: ok"; else echo "--- $name: FAIL"; failures=$((failures + 1)); fi
}

scratch=$(mktemp -d /tmp/linkedout-package.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
chmod 755 "$scratch"  # per-user.sh runs the host as `nobody` in a home under it
version=$(head -n1 VERSION)

# --- 1. version ---------------------------------------------------------------------------------
version_checks() {
  scripts/check-version || return 1
  # On a scratch copy: a disagreement fails the check, set-version repairs it, bad input is refused.
  local copy="$scratch/version-copy"
  mkdir -p "$copy/scripts" "$copy/extension"
  cp scripts/check-version scripts/set-version "$copy/scripts/"
  cp VERSION "$copy/"
  cp extension/manifest.json "$copy/extension/"
  node -e '
    const fs = require("fs"); const f = process.argv[1];
    const m = JSON.parse(fs.readFileSync(f, "utf8")); m.version = "9.9.9";
    fs.writeFileSync(f, JSON.stringify(m, null, 2));' "$copy/extension/manifest.json"
  if "$copy/scripts/check-version" 2>"$scratch/cv.err"; then
    echo "check-version passed although the extension says 9.9.9"; return 1
  fi
  grep -q "9.9.9" "$scratch/cv.err" || { echo "check-version does not name the bad version"; return 1; }
  "$copy/scripts/set-version" 1.2.3 >/dev/null || { echo "set-version 1.2.3 failed"; return 1; }
  [[ "$(cat "$copy/VERSION")" == 1.2.3 ]] || { echo "set-version did not write VERSION"; return 1; }
  [[ "$(node -p 'require(process.argv[1]).version' "$copy/extension/manifest.json")" == 1.2.3 ]] \
    || { echo "set-version did not write extension/manifest.json"; return 1; }
  local bad
  for bad in 1.2 01.2.3 1.2.3.4 1.2.70000 v1.2.3 ""; do
    if "$copy/scripts/set-version" "$bad" 2>/dev/null; then echo "set-version accepted '$bad'"; return 1; fi
  done
  [[ "$(cat "$copy/VERSION")" == 1.2.3 ]] || { echo "a refused set-version still changed VERSION"; return 1; }
}
check "one version (VERSION = extension = host = package)" version_checks

# --- build --------------------------------------------------------------------------------------
echo "--- scripts/package"
# The Windows installers are built and installed under Wine by scripts/test.d/75-windows-msi, on
# the Windows tree the test run builds in the background.
if ! scripts/package --deb --ext >"$scratch/package.log" 2>&1; then
  cat "$scratch/package.log"
  echo "--- scripts/package: FAIL"
  exit 1
fi
grep '^package: ' "$scratch/package.log"
debs=(dist/linkedout_"$version"_*.deb)
deb=${debs[0]}
[[ -f "$deb" ]] || { echo "no dist/linkedout_${version}_*.deb"; exit 1; }

# --- 2. the .deb as a file ----------------------------------------------------------------------
deb_contents() {
  dpkg-deb -c "$deb" | awk '{print $1, $2, $6}' > "$scratch/contents.txt"
  grep -v '^#' "$here/expected-deb-contents.txt" | diff -u - "$scratch/contents.txt" \
    || { echo "dpkg-deb -c differs from $here/expected-deb-contents.txt (+ is unexpected)"; return 1; }
}
check "deb file list is exactly the expected one" deb_contents

deb_control() {
  local ok=0 field value
  field() { dpkg-deb -f "$deb" "$1"; }
  [[ "$(field Package)" == linkedout ]] || { echo "Package is $(field Package)"; ok=1; }
  [[ "$(field Version)" == "$version" ]] || { echo "Version $(field Version) is not $version"; ok=1; }
  [[ "$(field Architecture)" == "$(dpkg --print-architecture)" ]] || { echo "Architecture $(field Architecture)"; ok=1; }
  value=$(field Maintainer); [[ "$value" == *@* ]] || { echo "Maintainer '$value' has no address"; ok=1; }
  value=$(field Description); [[ -n "$value" ]] || { echo "no Description"; ok=1; }
  # Depends comes from dpkg-shlibdeps: every shared library the packaged host needs must come
  # from a package named in Depends, with a minimum version for the C library.
  value=$(field Depends)
  [[ "$value" == *"libc6 (>="* ]] || { echo "Depends '$value' has no versioned libc6"; ok=1; }
  local unpacked="$scratch/unpacked" lib lib_path owner
  rm -rf "$unpacked" && dpkg-deb -x "$deb" "$unpacked"
  for lib in $(objdump -p "$unpacked/usr/bin/linkedout-host" | awk '$1 == "NEEDED" {print $2}'); do
    lib_path=$(ldconfig -p | awk -v l="$lib" '$1 == l {print $NF; exit}')
    [[ -n "$lib_path" ]] || { echo "the host needs $lib, which this machine does not have"; ok=1; continue; }
    # dpkg knows a library by the path its package ships, which merged /usr may alias.
    owner=$({ dpkg -S "$lib_path" || dpkg -S "$(realpath "$lib_path")"; } 2>/dev/null | head -n1 | cut -d: -f1)
    [[ -n "$owner" ]] || { echo "no package owns $lib_path"; ok=1; continue; }
    [[ ", $value," == *", $owner "* || ", $value," == *", $owner,"* ]] \
      || { echo "the host needs $lib from $owner, which Depends does not name"; ok=1; }
  done
  # Control archive: control, md5sums and conffiles; no maintainer scripts.
  value=$(dpkg-deb --ctrl-tarfile "$deb" | tar -t | sed 's|^\./||' | grep -v '^$' | sort | tr '\n' ' ')
  [[ "$value" == "conffiles control md5sums " ]] || { echo "control archive holds: $value"; ok=1; }
  # Every file the package puts under /etc is a conffile, and nothing else is.
  local etc_files conffiles
  etc_files=$(dpkg-deb -c "$deb" | awk '$1 ~ /^-/ {print $6}' | sed 's|^\.||' | grep '^/etc/' | sort)
  conffiles=$(dpkg-deb -I "$deb" conffiles | sort)
  [[ "$etc_files" == "$conffiles" ]] || { echo "conffiles ($conffiles) are not the files under /etc ($etc_files)"; ok=1; }
  echo "Depends: $(field Depends)"
  return $ok
}
check "deb control fields" deb_control

# lintian, Debian's package checker: no error, no warning. The only overrides are the ones
# packaging/debian/lintian-overrides gives with a reason (Chrome's, Edge's and Vivaldi's /etc/opt).
deb_lintian() {
  command -v lintian >/dev/null || { echo "lintian is not installed (scripts/setup installs it)"; return 1; }
  # (--show-overrides would make the overridden tags count for --fail-on: the overrides are
  # listed by a second, informational run instead.)
  lintian --fail-on error,warning --display-level '>=warning' "$deb" >"$scratch/lintian.txt" 2>&1
  local status=$?
  grep -v 'running with root privileges' "$scratch/lintian.txt"
  lintian --show-overrides --display-level '>=warning' "$deb" 2>/dev/null | grep '^O: ' | sed 's/^/overridden: /'
  grep -q '^[EW]: ' "$scratch/lintian.txt" && { echo "lintian reports errors or warnings"; return 1; }
  echo "lintian: exit $status, no errors or warnings"
  return $status
}
check "lintian: no errors or warnings" deb_lintian

# The man page documents every command and option the binary's --help lists (so it cannot fall
# behind the CLI unnoticed).
man_page_complete() {
  local host=build-pkg/native-host/linkedout-host missing=0 command option
  local roff
  roff=$(cat docs/linkedout-host.1)
  options_of() { "$host" "$@" --help | grep -oE '^ +(-[a-zA-Z],)?--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+'; }
  local commands
  commands=$("$host" --help | sed -n '/^Subcommands:/,$p' | awk 'NR > 1 && NF {print $1}')
  [[ -n "$commands" ]] || { echo "linkedout-host --help lists no commands"; return 1; }
  for command in "" $commands; do
    if [[ -n "$command" ]] && ! grep -qxF ".B $command" <<<"$roff"; then
      echo "man page: no section for command '$command'"; missing=1
    fi
    for option in $(options_of $command); do
      [[ "$option" == --help ]] && continue
      grep -qF -- "${option//-/\\-}" <<<"$roff" \
        || { echo "man page: ${command:-global} option $option is not documented"; missing=1; }
    done
  done
  return $missing
}
check "man page documents every command and option" man_page_complete

# --- 3. install / doctor / remove for real, isolated ---------------------------------------------
deb_install() {
  if [[ $(id -u) -ne 0 ]]; then echo "needs root (dpkg -i)"; return 1; fi
  unshare --mount --propagation private -- "$here/deb-install.sh" "$(realpath "$deb")" "$scratch/deb" "$version"
}
mkdir -p "$scratch/deb"
check "deb install, doctor, remove, purge (dpkg, copy-on-write namespace)" deb_install

# --- 4. per-user install without root ------------------------------------------------------------
check "per-user install / uninstall / doctor without root" \
  "$here/per-user.sh" "$(realpath build-pkg/native-host/linkedout-host)" "$scratch/per-user"

# --- 5. extension archives -----------------------------------------------------------------------
extension_archives() {
  node "$here/check-extension-archives.mjs" "$version" dist extension || return 1
  # The Firefox archive must pass AMO's linter (web-ext lint) as it will be uploaded.
  node_modules/.bin/web-ext lint --source-dir build-pkg/store/firefox --output text \
    >"$scratch/lint.txt" 2>&1 || { cat "$scratch/lint.txt"; return 1; }
  grep -E '^(errors|warnings|notices) ' "$scratch/lint.txt" || tail -5 "$scratch/lint.txt"
}
check "extension archives for Chrome/Edge and Firefox" extension_archives

# Chromium itself accepts the Chrome archive: --pack-extension parses and validates the manifest
# and the files it names, and writes a .crx only when they are valid (offline, no window).
chromium_packs_chrome_archive() {
  command -v chromium >/dev/null || { echo "chromium is not installed"; return 1; }
  local dir="$scratch/crx"
  rm -rf "$dir" && mkdir -p "$dir/ext"
  unzip -q "dist/linkedout-$version-chrome.zip" -d "$dir/ext"
  timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$dir/profile" --pack-extension="$dir/ext" >"$dir/pack.log" 2>&1 || true
  [[ -s "$dir/ext.crx" ]] || { grep -E 'ERROR|rror' "$dir/pack.log"; echo "chromium refused to pack it"; return 1; }
  echo "$(chromium --version 2>/dev/null | tail -n1): packed the Chrome archive into a .crx"
}
check "Chromium packs the Chrome archive" chromium_packs_chrome_archive

echo
if ((failures)); then echo "package suite: $failures check(s) failed"; exit 1; fi
echo "package suite: all checks passed"
