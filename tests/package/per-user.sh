#!/usr/bin/env bash
# Per-user registration without root: `install` writes manifests only under the user's home,
# `doctor` passes, `uninstall` removes every file install wrote (the home is then exactly as
# before), and `doctor` then says nothing is installed. Runs the host as the unprivileged user
# `nobody` with a throwaway HOME, so a stray write to a system directory fails with EACCES.
#
#   per-user.sh HOST_BINARY SCRATCH_DIR
set -euo pipefail
host=$1 scratch=$2
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "per-user: FAIL: $*" >&2; exit 1; }
step() { echo "per-user: $*"; }

[[ -x "$host" ]] || fail "$host is not executable (build it first)"
mkdir -p "$scratch"
home="$scratch/home"
rm -rf "$home"
# Each browser's profile directory, as if every one had run once for this user: install registers
# the browsers it finds evidence of (docs/install.md).
profile_dirs=(.config/google-chrome .config/chromium .config/microsoft-edge
              .config/BraveSoftware/Brave-Browser .config/vivaldi .mozilla)
# Real profiles are never empty: a file in each shows that uninstall leaves the browser's own
# directories alone.
for d in "${profile_dirs[@]}"; do mkdir -p "$home/$d" && echo '{}' > "$home/$d/Local State"; done

# The host's own state and log (written when doctor starts it) live outside the home, so that the
# home can be compared file for file before and after.
state="$scratch/state" data="$scratch/data"
mkdir -p "$state" "$data"
user_env=(HOME="$home" PATH="/usr/local/bin:/usr/bin:/bin" XDG_STATE_HOME="$state" LINKEDOUT_DATA_DIR="$data")
run_as_user() {  # run_as_user ARGS...: the host as `nobody`, nothing inherited from root
  if [[ $(id -u) -eq 0 ]]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups --reset-env -- env -i "${user_env[@]}" "$host" "$@"
  else
    env -i "${user_env[@]}" "$host" "$@"
  fi
}
if [[ $(id -u) -eq 0 ]]; then
  chown -R nobody:nogroup "$home" "$state" "$data"
  # nobody must be able to reach the binary (it may live under a root-owned checkout).
  setpriv --reuid=nobody --regid=nogroup --clear-groups -- test -x "$host" \
    || fail "user nobody cannot execute $host"
fi

tree() { (cd "$home" && find . -mindepth 1 -printf '%y %p\n' | sort); }
system_snapshot() {
  find /etc/opt /etc/chromium /usr/lib/mozilla -name 'io.linkedout.host.json' 2>/dev/null | sort
}
tree > "$scratch/home-before.txt"
system_snapshot > "$scratch/system-before.txt"

# --- install ------------------------------------------------------------------------------------
run_as_user install >"$scratch/install.log" 2>&1 || { cat "$scratch/install.log"; fail "install failed"; }
sed 's/^/  install: /' "$scratch/install.log"
declare -A expected=(
  [.config/google-chrome/NativeMessagingHosts/io.linkedout.host.json]=chromium
  [.config/chromium/NativeMessagingHosts/io.linkedout.host.json]=chromium
  [.config/microsoft-edge/NativeMessagingHosts/io.linkedout.host.json]=chromium
  [.config/BraveSoftware/Brave-Browser/NativeMessagingHosts/io.linkedout.host.json]=chromium
  [.config/vivaldi/NativeMessagingHosts/io.linkedout.host.json]=chromium
  [.mozilla/native-messaging-hosts/io.linkedout.host.json]=firefox
)
(cd "$home" && find . -type f ! -name 'Local State' -printf '%P\n' | sort) > "$scratch/written.txt"
printf '%s\n' "${!expected[@]}" | sort | diff -u - "$scratch/written.txt" \
  || fail "install wrote other files than one manifest per browser (+ unexpected, - missing)"
for rel in "${!expected[@]}"; do
  if [[ $(id -u) -eq 0 && "$(stat -c %U "$home/$rel")" != nobody ]]; then fail "$rel is not owned by the user"; fi
  node "$here/check-manifest.mjs" "$home/$rel" "${expected[$rel]}" "$host"
done
system_snapshot | diff -u "$scratch/system-before.txt" - || fail "a per-user install touched a system directory"
step "install wrote exactly ${#expected[@]} per-user manifests: ok"

# --- doctor passes ------------------------------------------------------------------------------
run_as_user doctor >"$scratch/doctor-installed.log" 2>&1 \
  || { cat "$scratch/doctor-installed.log"; fail "doctor fails right after install"; }
sed 's/^/  doctor: /' "$scratch/doctor-installed.log"
step "doctor after install: ok"

# --- uninstall: the home is exactly as before ---------------------------------------------------
run_as_user uninstall >"$scratch/uninstall.log" 2>&1 || { cat "$scratch/uninstall.log"; fail "uninstall failed"; }
sed 's/^/  uninstall: /' "$scratch/uninstall.log"
tree | diff -u "$scratch/home-before.txt" - \
  || fail "the home differs from before install (+ left behind by uninstall)"
step "uninstall removed everything install wrote: ok"

# --- doctor now says nothing is installed -------------------------------------------------------
status=0
run_as_user doctor >"$scratch/doctor-empty.log" 2>&1 || status=$?
sed 's/^/  doctor: /' "$scratch/doctor-empty.log"
((status != 0)) || fail "doctor exits 0 although nothing is installed"
grep -qiE 'nothing is installed|not installed' "$scratch/doctor-empty.log" \
  || fail "doctor does not say that nothing is installed"
tree | diff -u "$scratch/home-before.txt" - || fail "doctor wrote into the home"
step "doctor after uninstall says nothing is installed: ok"
