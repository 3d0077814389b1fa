#!/usr/bin/env bash
# The Windows installers, for real under Wine: scripts/package --msi builds both; each is installed
# with `msiexec /i … /qn` into a fresh prefix, checked (program, one manifest per browser, each
# browser's key naming it, doctor: all ok and the host answers as each browser starts it), then
# removed with `msiexec /x … /qn`: keys, program and manifests gone, the user's LinkedOut data kept.
set -uo pipefail
cd "$(dirname "$0")/../.."
export LC_ALL=C.UTF-8
version=$(head -n1 VERSION)
source tests/windows/wine-prefix.sh
run() { tests/windows/wine-run "$@"; }

failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
expect() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }

scripts/package --msi || { echo "msi: scripts/package --msi failed"; exit 1; }
per_user="dist/linkedout-$version-x64.msi"
per_machine="dist/linkedout-$version-x64-per-machine.msi"
expect "scripts/package wrote $per_user" '[[ -s $per_user ]]'
expect "scripts/package wrote $per_machine" '[[ -s $per_machine ]]'

key_of() {
  local vendor
  case $2 in
    chrome) vendor='Google\Chrome' ;; chromium) vendor='Chromium' ;; edge) vendor='Microsoft\Edge' ;;
    brave) vendor='BraveSoftware\Brave-Browser' ;; vivaldi) vendor='Vivaldi' ;; firefox) vendor='Mozilla' ;;
  esac
  echo "$1\\Software\\$vendor\\NativeMessagingHosts\\io.linkedout.host"
}
registered() {
  local out
  out=$(run reg query "$1" /ve 2>/dev/null) || return 1
  printf '%s\n' "$out" | tr -d '\r' | sed -n 's/^.*REG_SZ[[:space:]]*//p'
}
unix_path() { run winepath -u "$1" 2>/dev/null | tr -d '\r'; }
folder() { unix_path "$(run cmd /c echo "%$1%" 2>/dev/null | tr -d '\r')"; }
browsers=(chrome chromium edge brave vivaldi firefox)

check_installed() {  # check_installed ROOT DIR (the LinkedOut folder, Unix path)
  local root=$1 dir=$2 b value out status
  expect "$root: the program is installed in $dir" '[[ -f "$dir/linkedout-host.exe" ]]'
  for b in "${browsers[@]}"; do
    value=$(registered "$(key_of "$root" "$b")")
    expect "$root key of $b names $b's manifest, which is there" \
      '[[ -n $value && $(unix_path "$value") -ef "$dir/NativeMessagingHosts/$b/io.linkedout.host.json" ]]'
  done
  out=$(run "$dir/linkedout-host.exe" doctor 2>&1); status=$?
  echo "$out"
  expect "$root: doctor finds every browser ok and the host answers each" '((status == 0)) && grep -q "^6 ok, 0 broken" <<<"$out"'
}
check_removed() {
  local root=$1 dir=$2 b
  for b in "${browsers[@]}"; do
    expect "$root key of $b removed" '! registered "$(key_of "$root" "$b")" >/dev/null'
  done
  expect "$root: program and manifests removed" '[[ ! -e "$dir/linkedout-host.exe" && ! -e "$dir/NativeMessagingHosts" ]]'
}

# --- per user: no administrator rights, %LOCALAPPDATA%\LinkedOut ---------------------------------
run msiexec /i "$per_user" /qn; status=$?
expect "msiexec /i (per user) exits 0" '((status == 0))'
local_app_data=$(folder LOCALAPPDATA)
check_installed HKCU "$local_app_data/LinkedOut"
# What LinkedOut recorded for the user lives in the same folder and must survive an uninstall.
echo '{"kept":true}' >"$local_app_data/LinkedOut/user-data-probe.json"
run msiexec /x "$per_user" /qn; status=$?
expect "msiexec /x (per user) exits 0" '((status == 0))'
check_removed HKCU "$local_app_data/LinkedOut"
expect "the user's own files in LinkedOut stay" '[[ -f "$local_app_data/LinkedOut/user-data-probe.json" ]]'

# --- per machine: Program Files, HKLM ---------------------------------------------------------
run msiexec /i "$per_machine" /qn; status=$?
expect "msiexec /i (per machine) exits 0" '((status == 0))'
program_files=$(folder ProgramW6432)
check_installed HKLM "$program_files/LinkedOut"
run msiexec /x "$per_machine" /qn; status=$?
expect "msiexec /x (per machine) exits 0" '((status == 0))'
check_removed HKLM "$program_files/LinkedOut"

echo "msi: $failures failed"
((failures == 0))
