#!/usr/bin/env bash
# Installs the DEB the way a restaurant would, on a fresh Debian 12 — a minimal debootstrap root
# with nothing else installed — with `apt-get install ./hearth_*.deb`, runs the three programs and
# the demo (offscreen, with a screenshot) there, then purges the package and checks it left
# nothing behind. Needs root and the Debian mirror; downloads about 300 MB, takes a few minutes,
# so build-packages.sh runs it only with HEARTH_FRESH_DEBIAN=1 (the release workflow does).
#
#   packaging/linux/test-deb-fresh.sh DEB [MIRROR]
set -euo pipefail
deb=$(realpath "${1:?usage: test-deb-fresh.sh DEB [MIRROR]}")
mirror=${2:-http://deb.debian.org/debian}
cd "$(dirname "$0")/../.."
source packaging/lib/ensure-packages.sh
ensure_packages debootstrap

root=$(mktemp -d /tmp/hearth-fresh-debian.XXXXXX)
chmod 755 "$root" # apt inside drops to the _apt user to download
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT

echo "test-deb-fresh: debootstrap --variant=minbase bookworm $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log"; exit 1; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

in_root sh -c "apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q /tmp/$(basename "$deb") >/tmp/apt.log 2>&1" \
    || { tail -30 "$root/tmp/apt.log"; exit 1; }
echo "test-deb-fresh: apt-get install ./$(basename "$deb"): $(grep -c '^Setting up' "$root/tmp/apt.log") packages set up"
for program in hearth hearth-server hearthctl; do
    echo "test-deb-fresh: $program --version: $(in_root "$program" --version)"
done
in_root sh -c 'mkdir -p /tmp/home /tmp/runtime && chmod 700 /tmp/runtime &&
    HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/runtime QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES="hearth.*.info=false" \
    hearth --demo --quit-after 6 --screenshot /tmp/demo.png'
[[ -s "$root/tmp/demo.png" ]] || { echo "test-deb-fresh: the demo wrote no screenshot" >&2; exit 1; }
echo "test-deb-fresh: hearth --demo on a fresh Debian 12: $(file -b "$root/tmp/demo.png")"
[[ -z "${HEARTH_FRESH_SCREENSHOT:-}" ]] || cp "$root/tmp/demo.png" "$HEARTH_FRESH_SCREENSHOT"

in_root sh -c 'DEBIAN_FRONTEND=noninteractive apt-get purge -y -q hearth >/dev/null 2>&1'
leftovers=$(cd "$root" && ls -d etc/hearth lib/systemd/system/hearth-server.service usr/bin/hearth* \
                usr/share/doc/hearth 2>/dev/null || true)
[[ -z "$leftovers" ]] || { echo "test-deb-fresh: left after purge: $leftovers" >&2; exit 1; }
echo "test-deb-fresh: apt-get purge hearth left nothing behind; passed"
