#!/usr/bin/env bash
# Every Linux step of the release, runnable on a Debian 12 machine (the release workflow runs
# exactly this): builds the release preset, then
#   - checks the desktop file and AppStream metadata (desktop-file-validate, appstreamcli);
#   - makes the DEB with CPack, checks it with lintian (no errors, no warnings), shows its control
#     data and contents, and runs the programs from an unpacked copy;
#   - with HEARTH_FRESH_DEBIAN=1: installs the DEB with apt into a fresh debootstrap Debian 12,
#     runs the demo there and purges it (packaging/linux/test-deb-fresh.sh; ~300 MB download);
#   - makes the AppDir and runs it with the system's Qt hidden (packaging/linux/test-appdir.sh);
#   - builds the MSI from the WiX source with wixl around a stand-in payload and reads it back
#     (packaging/windows/build-msi.sh).
# The results are in build/release/packages/. Exit code 0 only when every check passed.
#
#   packaging/build-packages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/lib/ensure-packages.sh

step() { printf '\n== %s\n' "$*"; }

step "packaging tools"
ensure_packages help2man man-db lintian desktop-file-utils appstream dpkg-dev file patchelf wixl msitools
packaging/install-deps.sh

step "release build"
cmake --preset release
cmake --build --preset release
build=build/release
out=$build/packages
rm -rf "$out"
mkdir -p "$out"
version=$(sed -n 's/^project(Hearth VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)

step "desktop file and AppStream metadata"
desktop-file-validate packaging/linux/org.hearth.Hearth.desktop
echo "desktop-file-validate: no findings"
appstreamcli validate --no-net packaging/linux/org.hearth.Hearth.metainfo.xml
newest_release=$(sed -n 's/.*<release version="\([^"]*\)".*/\1/p' packaging/linux/org.hearth.Hearth.metainfo.xml | head -1)
if [[ "$newest_release" != "$version" ]]; then
    echo "build-packages: the metainfo's newest release is $newest_release, the project is $version:" \
         "add a <release> for $version" >&2
    exit 1
fi
changelog_version=$(sed -n '1s/^hearth (\([^)]*\)).*/\1/p' packaging/debian/changelog)
if [[ "$changelog_version" != "$version" ]]; then
    echo "build-packages: packaging/debian/changelog starts at $changelog_version, the project is $version" >&2
    exit 1
fi

step "DEB"
(cd "$build" && cpack -G DEB -B "$PWD/packages" >/dev/null)
rm -rf "$out/_CPack_Packages"
deb=$(ls "$out"/hearth_*.deb)
echo "built $deb"
dpkg-deb --info "$deb"
dpkg-deb --contents "$deb" | awk '{ print $1, $6 }' | sed 's|\./|/|'
# lintian as root warns about itself; its findings about the package are what counts here.
lintian_status=0
lintian --fail-on error,warning --display-info "$deb" >"$out/lintian.txt" 2>&1 || lintian_status=$?
grep -v 'running with root privileges is not recommended' "$out/lintian.txt" || true
if ((lintian_status != 0)); then
    echo "build-packages: lintian reported errors or warnings (above)" >&2; exit 1
fi
echo "lintian: $(grep -cE '^[EW]:' "$out/lintian.txt" || true) errors/warnings," \
     "$(grep -cE '^[IP]:' "$out/lintian.txt" || true) infos"

# The package's programs, run from an unpacked copy (this machine's Qt is what the DEB's
# Depends asks for).
unpacked=$out/unpacked
dpkg-deb -x "$deb" "$unpacked"
for program in hearth hearth-server hearthctl; do
    echo "$program --version: $(env -u DISPLAY -u QT_QPA_PLATFORM "$unpacked/usr/bin/$program" --version)"
done
demo_home=$(mktemp -d)
HOME=$demo_home XDG_RUNTIME_DIR=$demo_home QT_QPA_PLATFORM=offscreen QT_LOGGING_RULES='hearth.*.info=false' \
    "$unpacked/usr/bin/hearth" --demo --quit-after 5 --screenshot "$out/deb-demo.png"
rm -rf "$demo_home"
echo "hearth --demo from the DEB: $(file -b "$out/deb-demo.png")"
for page in "$unpacked"/usr/share/man/man1/*.1.gz; do
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null || true)
    [[ -z "$warnings" ]] || { echo "build-packages: $page: $warnings" >&2; exit 1; }
    echo "man page $(basename "$page"): $(zcat "$page" | grep -c '^\.TP') entries, renders without warnings"
done

if [[ "${HEARTH_FRESH_DEBIAN:-0}" == 1 ]]; then
    step "DEB on a fresh Debian 12 (debootstrap)"
    HEARTH_FRESH_SCREENSHOT="$out/fresh-debian-demo.png" packaging/linux/test-deb-fresh.sh "$deb"
fi

step "AppDir"
packaging/linux/make-appdir.sh "$build" "$out/Hearth.AppDir"
HEARTH_APPDIR_SCREENSHOT="$out/appdir-demo.png" packaging/linux/test-appdir.sh "$out/Hearth.AppDir"

step "MSI (wixl, stand-in payload)"
packaging/windows/build-msi.sh "$out/msi"

step "done"
echo "build-packages: all checks passed; in $out:"
ls -1 "$out"
