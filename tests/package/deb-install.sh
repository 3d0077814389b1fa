#!/usr/bin/env bash
# Installs the .deb for real with dpkg, checks every installed file, runs the installed host and
# `linkedout-host doctor`, removes and purges the package, and checks nothing is left.
#
# Runs inside a private mount namespace (run.sh starts it with `unshare --mount`) in which /etc,
# /usr and /var are copy-on-write overlays of the real ones: dpkg and the host see the real
# machine, but nothing they write reaches it, so browsers and other test suites running at the
# same time never see a system-wide LinkedOut.
#
#   deb-install.sh DEB SCRATCH_DIR VERSION
set -euo pipefail
deb=$1 scratch=$2 version=$3
here=$(cd "$(dirname "$0")" && pwd)

fail() { echo "deb-install: FAIL: $*" >&2; exit 1; }
step() { echo "deb-install: $*"; }

# --- copy-on-write view of the system -----------------------------------------------------------
for dir in etc usr var; do
  mkdir -p "$scratch/overlay/$dir/upper" "$scratch/overlay/$dir/work"
  mount -t overlay "overlay-$dir" \
    -o "lowerdir=/$dir,upperdir=$scratch/overlay/$dir/upper,workdir=$scratch/overlay/$dir/work" "/$dir"
done
touch /etc/.linkedout-overlay-probe
[[ ! -e "$scratch/overlay/etc/upper/.linkedout-overlay-probe" ]] \
  && fail "the overlay on /etc is not in place"
rm /etc/.linkedout-overlay-probe

chromium_manifests=(
  /etc/opt/chrome/native-messaging-hosts/io.linkedout.host.json
  /etc/chromium/native-messaging-hosts/io.linkedout.host.json
  /etc/opt/edge/native-messaging-hosts/io.linkedout.host.json
  /etc/opt/vivaldi/native-messaging-hosts/io.linkedout.host.json
)
firefox_manifests=(/usr/lib/mozilla/native-messaging-hosts/io.linkedout.host.json)
host=/usr/bin/linkedout-host
man_page=/usr/share/man/man1/linkedout-host.1.gz

# Everything that exists under the places the package writes to, before it is installed.
snapshot() {
  local dir
  for dir in /etc/opt /etc/chromium /usr/lib/mozilla /usr/bin /usr/share/man/man1 /var/lib/dpkg/info; do
    [[ -d "$dir" ]] && find "$dir" -xdev
  done | sort
  dpkg-query -W -f='${Package} ${Status}\n' 2>/dev/null | grep '^linkedout ' || true
}
snapshot > "$scratch/before.txt"
if dpkg-query -W linkedout >/dev/null 2>&1; then
  fail "linkedout is already known to dpkg on this machine; remove it first"
fi
for f in "$host" "${chromium_manifests[@]}" "${firefox_manifests[@]}"; do
  [[ -e "$f" ]] && fail "$f exists before the package is installed"
done

# --- install ------------------------------------------------------------------------------------
step "dpkg -i $(basename "$deb")"
DEBIAN_FRONTEND=noninteractive dpkg -i "$deb" >"$scratch/dpkg-install.log" 2>&1 \
  || { cat "$scratch/dpkg-install.log" >&2; fail "dpkg -i failed"; }
[[ "$(dpkg-query -W -f='${Status} ${Version}' linkedout)" == "install ok installed $version" ]] \
  || fail "dpkg does not report linkedout $version installed"

# dpkg's own record of the package's files must be exactly the expected list.
dpkg -L linkedout | grep -v '^/\.$' | sort > "$scratch/dpkg-L.txt"
grep -v '^#' "$here/expected-deb-contents.txt" | awk '{print $3}' | sed -e 's|^\.||' -e 's|/$||' \
  | sort > "$scratch/expected-paths.txt"
diff -u "$scratch/expected-paths.txt" "$scratch/dpkg-L.txt" \
  || fail "dpkg -L linkedout differs from expected-deb-contents.txt"

[[ -x "$host" && -f "$host" ]] || fail "$host is not an executable file"
[[ "$(stat -c '%U:%G %a' "$host")" == "root:root 755" ]] || fail "$host is not root:root 0755"
"$host" --version | grep -qF "$version" || fail "$host --version does not print $version"
ldd "$host" | grep -q 'not found' && fail "$host has unresolved libraries: $(ldd "$host" | grep 'not found')"

gzip -t "$man_page" || fail "$man_page is not valid gzip"
zcat "$man_page" | grep -q '^\.TH LINKEDOUT-HOST 1' || fail "$man_page is not the linkedout-host(1) page"
if command -v groff >/dev/null; then
  zcat "$man_page" | groff -man -Tutf8 -ww -z 2>"$scratch/groff.log"
  [[ -s "$scratch/groff.log" ]] && { cat "$scratch/groff.log" >&2; fail "groff warns about the man page"; }
fi
step "host, man page: ok"

for m in "${chromium_manifests[@]}"; do
  [[ "$(stat -c '%U:%G %a' "$m")" == "root:root 644" ]] || fail "$m is not root:root 0644"
  node "$here/check-manifest.mjs" "$m" chromium "$host"
done
for m in "${firefox_manifests[@]}"; do
  [[ "$(stat -c '%U:%G %a' "$m")" == "root:root 644" ]] || fail "$m is not root:root 0644"
  node "$here/check-manifest.mjs" "$m" firefox "$host"
done

# The installed host answers as a browser would start it: Chrome's way, then Firefox's.
ids_file="$here/../../native-host/extension_ids.json"
chrome_id=$(node -p 'require(process.argv[1]).chrome[0]' "$ids_file")
gecko_id=$(node -p 'require(process.argv[1]).firefox[0]' "$ids_file")
for args in "chrome-extension://$chrome_id/" "${firefox_manifests[0]} $gecko_id"; do
  # shellcheck disable=SC2086  # the Firefox case is two arguments
  reply=$(node "$here/hello.mjs" "$host" $args) || fail "the installed host did not answer hello ($args)"
  node -e '
    const r = JSON.parse(process.argv[1]);
    if (r.type !== "hello" || r.host_version !== process.argv[2]) {
      console.error(`unexpected reply ${process.argv[1]}`); process.exit(1);
    }' "$reply" "$version" || fail "hello reply is wrong ($args)"
done
step "installed host answers hello as $version: ok"

# doctor, run by a user with no per-user manifests, must find the system-wide ones and pass.
doctor_home="$scratch/doctor-home"
mkdir -p "$doctor_home"
if ! HOME="$doctor_home" XDG_CONFIG_HOME="$doctor_home/.config" XDG_DATA_HOME="$doctor_home/.local/share" \
     "$host" doctor >"$scratch/doctor.log" 2>&1; then
  cat "$scratch/doctor.log" >&2
  fail "linkedout-host doctor fails against the installed system-wide manifests"
fi
sed 's/^/  doctor: /' "$scratch/doctor.log"
step "doctor: ok"

# --- remove, then purge: nothing may be left ---------------------------------------------------
step "dpkg --remove linkedout"
dpkg --remove linkedout >"$scratch/dpkg-remove.log" 2>&1 \
  || { cat "$scratch/dpkg-remove.log" >&2; fail "dpkg --remove failed"; }
for f in "$host" "$man_page" "${firefox_manifests[@]}"; do
  [[ -e "$f" ]] && fail "$f is still there after dpkg --remove"
done
# The manifests under /etc are conffiles (Debian policy): --remove keeps them, --purge removes them.
for f in "${chromium_manifests[@]}"; do
  [[ -f "$f" ]] || fail "the conffile $f went at dpkg --remove; it should stay until --purge"
done
step "dpkg --purge linkedout"
dpkg --purge linkedout >"$scratch/dpkg-purge.log" 2>&1 \
  || { cat "$scratch/dpkg-purge.log" >&2; fail "dpkg --purge failed"; }
snapshot > "$scratch/after.txt"
# Nothing may be left over. Something may only have gone missing if it is a directory the package
# also lists and no package owns (here: /etc/opt): dpkg removes such a directory once it is empty,
# by design, and the next package that needs it recreates it.
left_over=$(comm -13 "$scratch/before.txt" "$scratch/after.txt")
[[ -z "$left_over" ]] || fail "left behind after purge: $left_over"
while read -r gone; do
  [[ -z "$gone" ]] && continue
  grep -qxF "$gone" "$scratch/expected-paths.txt" \
    || fail "$gone went missing, and it is not one of the package's paths"
  ! dpkg -S "$gone" >/dev/null 2>&1 || fail "$gone, owned by another package, went missing"
  echo "deb-install: note: dpkg removed the empty, unowned directory $gone along with the package"
done < <(comm -23 "$scratch/before.txt" "$scratch/after.txt")
step "removed without a trace: ok"
