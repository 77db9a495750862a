#!/usr/bin/env bash
# Checks packaging/windows/hearth.wxs on Linux: builds an MSI with msitools' wixl around a
# stand-in payload shaped like windeployqt's output (hearth.exe, the Qt DLLs, plugin folders),
# then reads it back with msiinfo and msiextract and fails unless it holds what the source
# promises: per-machine, Program Files\Hearth, the Start-menu shortcut, the desktop shortcut and
# the Run entry in features of their own that are off by default, the fixed UpgradeCode with its
# major-upgrade rows, every payload file.
# The real MSI is built on Windows by the release workflow (WiX, with the windeployqt payload).
#
#   packaging/windows/build-msi.sh [OUT_DIR]     (default build/release/packaging/msi)
set -euo pipefail
cd "$(dirname "$0")/../.."
source packaging/lib/ensure-packages.sh
ensure_packages wixl msitools

out=${1:-build/release/packaging/msi}
version=$(sed -n 's/^project(Hearth VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
upgrade_code=$(sed -n 's/.*UpgradeCode="\([0-9A-F-]*\)".*/\1/p' packaging/windows/hearth.wxs)
rm -rf "$out"
mkdir -p "$out/payload/platforms" "$out/payload/sqldrivers" "$out/payload/tls" "$out/extract"
# wixl resolves File sources relative to the current folder only.
payload=$(realpath --relative-to=. "$out/payload")

# The stand-in: the files' names and places are those of a windeployqt deployment; their contents
# are placeholders (nothing here runs them).
for file in hearth.exe hearth-server.exe hearthctl.exe Qt6Core.dll Qt6Concurrent.dll Qt6Gui.dll Qt6Widgets.dll \
            Qt6Network.dll Qt6WebSockets.dll Qt6HttpServer.dll Qt6Sql.dll \
            Qt6Charts.dll Qt6OpenGL.dll Qt6OpenGLWidgets.dll \
            platforms/qwindows.dll sqldrivers/qsqlite.dll tls/qschannelbackend.dll; do
    echo "stand-in for $file" > "$payload/$file"
done

(cd "$payload" && find . -type f | sed 's|^\./||' | sort) |
    wixl-heat --prefix "" --var var.PayloadDir --directory-ref INSTALLFOLDER \
              --component-group HearthPayload --win64 > "$out/payload.wxs"
wixl --arch x64 -D Version="$version" -D PayloadDir="$payload" -D IconFile=resources/icons/hearth.ico -D Win64=yes \
     -o "$out/Hearth-$version-x64.msi" packaging/windows/hearth.wxs "$out/payload.wxs"
msi="$out/Hearth-$version-x64.msi"
echo "build-msi: $msi ($(du -h "$msi" | cut -f1))"

failures=0
expect() { # expect WHAT TABLE PATTERN
    local rows
    rows=$(msiinfo export "$msi" "$2" | tr -d '\r') # not piped into grep -q: pipefail would see SIGPIPE
    if grep -qE "$3" <<<"$rows"; then
        echo "build-msi: ok   $1"
    else
        echo "build-msi: FAIL $1 (table $2 has no line matching $3)" >&2
        failures=$((failures + 1))
    fi
}
expect "per-machine install (ALLUSERS=1)"        Property   $'^ALLUSERS\t1'
expect "UpgradeCode is the fixed one"           Property   $'^UpgradeCode\t\\{'"$upgrade_code"'\}'
expect "major upgrade removes older versions"   Upgrade    '^\{'"$upgrade_code"'\}'
expect "installs to Program Files\\Hearth"      Directory  $'^INSTALLFOLDER\tProgramFiles64Folder\tHearth'
expect "Start-menu shortcut to hearth.exe"      Shortcut   $'^StartMenuHearth\tProgramMenuFolder\tHearth\t'
expect "desktop shortcut"                       Shortcut   $'^DesktopHearth\tDesktopFolder\tHearth\t'
expect "desktop shortcut: a feature, off by default"  Feature  $'^DesktopShortcut\tHearth\tDesktop shortcut\t[^\t]*\t[0-9]+\t1000\t'
expect "desktop shortcut in its feature"        FeatureComponents $'^DesktopShortcut\tDesktopShortcut'
expect "start at login (HKLM Run)"              Registry   'Software\\Microsoft\\Windows\\CurrentVersion\\Run'
expect "start at login: a feature, off by default"  Feature  $'^StartAtLogin\tHearth\tStart at login\t[^\t]*\t[0-9]+\t1000\t'
expect "start at login in its feature"          FeatureComponents $'^StartAtLogin\tStartAtLogin'
expect "the main feature is installed by default" Feature   $'^Hearth\t\tHearth\t[^\t]*\t[0-9]+\t1\t'
expect "major upgrade keeps the chosen features" Upgrade   $'\t1\t\tWIX_UPGRADE_DETECTED'
expect "older version removed early (clean)"    InstallExecuteSequence $'^RemoveExistingProducts\t\t1401'
expect "icon in Add/Remove Programs"            Property   $'^ARPPRODUCTICON\thearth.ico'

if msiinfo suminfo "$msi" | grep -q '^Template: x64;1033'; then
    echo "build-msi: ok   64-bit package (Template x64;1033)"
else
    echo "build-msi: FAIL not a 64-bit package" >&2; failures=$((failures + 1))
fi

# Every payload file must come out of the MSI, in its folder.
msiextract --directory "$out/extract" "$msi" > "$out/extracted.txt"
missing=0
while read -r file; do
    [[ -f "$out/extract/Hearth/$file" ]] || { echo "build-msi: FAIL $file not in the MSI" >&2; missing=$((missing + 1)); }
done < <(cd "$payload" && find . -type f | sed 's|^\./||')
if ((missing == 0)); then
    echo "build-msi: ok   msiextract gives back all $(find "$payload" -type f | wc -l) payload files in their folders under Hearth/"
fi
failures=$((failures + missing))
echo "build-msi: tables: $(msiinfo tables "$msi" | sort | tr '\n' ' ')"
((failures == 0)) || { echo "build-msi: $failures check(s) failed" >&2; exit 1; }
echo "build-msi: passed"
