#!/usr/bin/env bash
# install / doctor / uninstall of the Windows .exe under Wine, read back with `wine reg query`:
# each browser's NativeMessagingHosts key (HKCU by default, HKLM with --system) names a manifest
# that names the .exe, which lives in a folder named with non-ASCII letters (Zoë 数据); doctor says
# what a missing or wrong key breaks and the command that fixes it; uninstall deletes exactly the
# keys and files install wrote (another host's key, and a key of ours that now names another
# manifest, stay).
#   tests/windows/registry.sh [PROGRAM.exe]
set -uo pipefail
cd "$(dirname "$0")/../.."
exe=${1:-build-windows/native-host/linkedout-host.exe}
export LC_ALL=C.UTF-8  # Wine writes non-ASCII output in the locale's encoding
# The prefix of the calling suite (run.sh), else one of its own.
[[ -n ${WINEPREFIX:-} ]] || source tests/windows/wine-prefix.sh
scratch=$(mktemp -d "${TMPDIR:-/tmp}/linkedout-registry.XXXXXX")
trap 'rm -rf "$scratch"; [[ -z ${wine_prefix_scratch:-} ]] || wine_prefix_cleanup' EXIT
run() { tests/windows/wine-run "$@"; }

failures=0
pass() { echo "ok    $1"; }
fail() { echo "FAIL  $1"; failures=$((failures + 1)); }
expect() { if eval "$2"; then pass "$1"; else fail "$1"; fi; }

key_of() {  # key_of ROOT BROWSER → the key a browser reads
  local vendor
  case $2 in
    chrome) vendor='Google\Chrome' ;; chromium) vendor='Chromium' ;; edge) vendor='Microsoft\Edge' ;;
    brave) vendor='BraveSoftware\Brave-Browser' ;; vivaldi) vendor='Vivaldi' ;; firefox) vendor='Mozilla' ;;
  esac
  echo "$1\\Software\\$vendor\\NativeMessagingHosts\\${3:-io.linkedout.host}"
}
registered() {  # registered KEY → the key's default value, or nothing (status 1) when absent
  local out
  out=$(run reg query "$1" /ve 2>/dev/null) || return 1
  printf '%s\n' "$out" | tr -d '\r' | sed -n 's/^.*REG_SZ[[:space:]]*//p'
}
unix_path() { run winepath -u "$1" 2>/dev/null | tr -d '\r'; }
windows_path() { run winepath -w "$1" 2>/dev/null | tr -d '\r'; }
browsers=(chrome chromium edge brave vivaldi firefox)

# The program in a folder whose name needs UTF-16 (and is not in any ANSI code page whole), on
# the prefix's C: drive. (Not under the Unix temp folder: Wine shows /tmp, world-writable, as a
# folder Everyone may change, so doctor rightly calls a program there replaceable.)
home_dir="$WINEPREFIX/drive_c/Zoë 数据"
mkdir -p "$home_dir"
cp "$exe" "$home_dir/linkedout-host.exe"
host="$home_dir/linkedout-host.exe"
host_win=$(windows_path "$host")
echo "host: $host_win"
expect "the program's Windows path is on C: and keeps its letters" '[[ $host_win == "C:\\Zoë 数据\\linkedout-host.exe" ]]'

other_key=$(key_of HKCU chrome com.example.other)
run reg add "$other_key" /ve /d 'C:\other\com.example.other.json' /f >/dev/null 2>&1

# --- per user ---------------------------------------------------------------------------------
out=$(run "$host" install --all-browsers 2>&1); status=$?
echo "$out"
expect "install --all-browsers exits 0" '((status == 0))'
for b in "${browsers[@]}"; do
  value=$(registered "$(key_of HKCU "$b")")
  expect "HKCU key of $b names its manifest, a full path with backslashes only" \
    '[[ $value == [A-Z]":\\"*"\\LinkedOut\\NativeMessagingHosts\\$b\\io.linkedout.host.json" && $value != */* ]]'
  manifest=$(unix_path "$value")
  expect "$b manifest exists and names the program at its Unicode path" \
    '[[ -f "$manifest" ]] && node -e "const m=JSON.parse(require(\"fs\").readFileSync(process.argv[1],\"utf8\")); process.exit(m.path===process.argv[2]?0:1)" "$manifest" "$host_win"'
done

out=$(run "$host" doctor 2>&1); status=$?
echo "$out"
expect "doctor: every browser ok, the host answers hello" '((status == 0)) && grep -q "^6 ok, 0 broken" <<<"$out"'

run reg delete "$(key_of HKCU chrome)" /f >/dev/null 2>&1
out=$(run "$host" doctor --browser chrome 2>&1); status=$?
echo "$out"
expect "doctor: a missing key is broken, with the command that fixes it" \
  '((status == 1)) && grep -q "registry key HKEY_CURRENT_USER.*Chrome.*is missing.*run linkedout-host install --browser chrome" <<<"$out"'

run reg add "$(key_of HKCU edge)" /ve /d 'C:\nowhere\io.linkedout.host.json' /f >/dev/null 2>&1
out=$(run "$host" doctor --browser edge 2>&1); status=$?
echo "$out"
expect "doctor: a key naming a missing file is broken" \
  '((status == 1)) && grep -q "names C:.nowhere.io.linkedout.host.json, which does not exist: run linkedout-host install --browser edge" <<<"$out"'

out=$(run "$host" install --all-browsers 2>&1)
run reg add "$(key_of HKCU vivaldi)" /ve /d 'C:\someone-else\io.linkedout.host.json' /f >/dev/null 2>&1
out=$(run "$host" uninstall 2>&1); status=$?
echo "$out"
expect "uninstall exits 0" '((status == 0))'
for b in chrome chromium edge brave firefox; do
  expect "uninstall removed the HKCU key of $b" '! registered "$(key_of HKCU "$b")" >/dev/null'
done
expect "uninstall left the key that now names another manifest" \
  '[[ $(registered "$(key_of HKCU vivaldi)") == "C:\\someone-else\\io.linkedout.host.json" ]]'
expect "uninstall left another host's key" '[[ $(registered "$other_key") == "C:\\other\\com.example.other.json" ]]'
appdata=$(unix_path "$(run cmd /c echo %LOCALAPPDATA% | tr -d '\r')")
expect "uninstall removed the manifests and their folders" '[[ ! -e "$appdata/LinkedOut/NativeMessagingHosts" ]]'

run reg delete "$(key_of HKCU vivaldi)" /f >/dev/null 2>&1  # someone else's, planted above

# --- per machine (Wine's user is an administrator) ----------------------------------------------
# A program others could replace is refused for every user: under the Unix temp folder, which Wine
# shows as Everyone's to change.
exposed="$scratch/LinkedOut/linkedout-host.exe"
mkdir -p "${exposed%/*}"
cp "$exe" "$exposed"
out=$(run "$exposed" install --system --all-browsers 2>&1); status=$?
echo "$out"
expect "install --system refuses a program in a folder Everyone may change" \
  '((status == 1)) && grep -q "refusing to register" <<<"$out" && grep -q "can be changed by Everyone" <<<"$out"'
expect "  and registers nothing" '! registered "$(key_of HKLM chrome)" >/dev/null'

machine_dir="$WINEPREFIX/drive_c/Program Files/LinkedOut 数据"
mkdir -p "$machine_dir"
cp "$exe" "$machine_dir/linkedout-host.exe"
out=$(run "$machine_dir/linkedout-host.exe" install --system --all-browsers 2>&1); status=$?
echo "$out"
expect "install --system exits 0" '((status == 0))'
program_data=$(run cmd /c echo %ProgramData% | tr -d '\r')
for b in "${browsers[@]}"; do
  value=$(registered "$(key_of HKLM "$b")")
  # The drive letter is there: without it Windows takes the working folder's drive (under Wine
  # Z:, the Unix root).
  expect "HKLM key of $b names $program_data\\LinkedOut\\NativeMessagingHosts\\$b\\io.linkedout.host.json" \
    '[[ $value == "$program_data\\LinkedOut\\NativeMessagingHosts\\$b\\io.linkedout.host.json" ]]'
  expect "  which is on the prefix's C: drive" \
    '[[ -f "$WINEPREFIX/drive_c/ProgramData/LinkedOut/NativeMessagingHosts/$b/io.linkedout.host.json" ]]'
done
out=$(run "$machine_dir/linkedout-host.exe" doctor 2>&1); status=$?
echo "$out"
expect "doctor: the system-wide registrations are ok too" '((status == 0)) && grep -q "^6 ok, 0 broken" <<<"$out"'
# Both per user and for every user: the browsers read HKCU's key first; doctor says the HKLM one
# is not what this user's browser starts, and a per-user uninstall leaves every HKLM key alone.
out=$(run "$machine_dir/linkedout-host.exe" install --browser chrome 2>&1)
out=$(run "$machine_dir/linkedout-host.exe" doctor --browser chrome 2>&1); status=$?
echo "$out"
expect "doctor: HKCU and HKLM both set: the HKLM registration is said to be unused for this user" \
  '((status == 0)) && grep -q "^unused .*the browser reads HKEY_CURRENT_USER.Software.Google.Chrome.NativeMessagingHosts.io.linkedout.host first" <<<"$out"'

# A value of the wrong type, as a script or a registry tweak leaves it: said as what it is.
run reg add "$(key_of HKCU chrome)" /ve /t REG_DWORD /d 5 /f >/dev/null 2>&1
out=$(run "$machine_dir/linkedout-host.exe" doctor --browser chrome 2>&1); status=$?
echo "$out"
expect "doctor: a REG_DWORD where the manifest's path belongs is broken, named as such" \
  '((status == 1)) && grep -q "holds a REG_DWORD, not the manifest.s path (a REG_SZ).*run linkedout-host install --browser chrome" <<<"$out"'
out=$(run "$machine_dir/linkedout-host.exe" uninstall --browser chrome 2>&1); status=$?
echo "$out"
expect "uninstall leaves a key whose value is not a path, and says why" \
  'grep -q "left HKEY_CURRENT_USER.*Chrome.*its value is not a path" <<<"$out" && run reg query "$(key_of HKCU chrome)" /ve 2>/dev/null | grep -q REG_DWORD'
run reg add "$(key_of HKCU edge)" /ve /t REG_EXPAND_SZ /d '%LOCALAPPDATA%\LinkedOut\NativeMessagingHosts\edge\io.linkedout.host.json' /f >/dev/null 2>&1
out=$(run "$machine_dir/linkedout-host.exe" doctor --browser edge 2>&1); status=$?
echo "$out"
expect "doctor: a REG_EXPAND_SZ is named, not read as a plain path" \
  '((status == 1)) && grep -q "holds a REG_EXPAND_SZ (%LOCALAPPDATA%.*), which not every browser reads" <<<"$out"'
out=$(run "$machine_dir/linkedout-host.exe" install --browser chrome 2>&1); status=$?
echo "$out"
out=$(run "$machine_dir/linkedout-host.exe" install --browser edge 2>&1); status=$((status + $?))
echo "$out"
expect "install replaces a wrong-typed value with the REG_SZ path" \
  '((status == 0)) && [[ $(registered "$(key_of HKCU chrome)") == *"\\chrome\\io.linkedout.host.json" ]] && [[ $(registered "$(key_of HKCU edge)") == *"\\edge\\io.linkedout.host.json" ]]'
out=$(run "$machine_dir/linkedout-host.exe" uninstall 2>&1); status=$?
echo "$out"
expect "a per-user uninstall removes the HKCU keys" \
  '((status == 0)) && ! registered "$(key_of HKCU chrome)" >/dev/null && ! registered "$(key_of HKCU edge)" >/dev/null'
for b in "${browsers[@]}"; do
  expect "  and leaves the HKLM key of $b, which it did not write" \
    '[[ $(registered "$(key_of HKLM "$b")") == "$program_data\\LinkedOut\\NativeMessagingHosts\\$b\\io.linkedout.host.json" ]]'
done

out=$(run "$machine_dir/linkedout-host.exe" uninstall --system 2>&1); status=$?
echo "$out"
expect "uninstall --system exits 0" '((status == 0))'
for b in "${browsers[@]}"; do
  expect "uninstall --system removed the HKLM key of $b" '! registered "$(key_of HKLM "$b")" >/dev/null'
done
expect "uninstall --system removed the folders it created" '[[ ! -e "$WINEPREFIX/drive_c/ProgramData/LinkedOut" ]]'

echo "registry: $failures failed"
((failures == 0))
