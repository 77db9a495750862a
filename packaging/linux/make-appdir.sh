#!/usr/bin/env bash
# Builds Hearth's AppDir — what appimagetool packs into Hearth-<version>-x86_64.AppImage — from a
# built tree: the installed programs, every Qt library and plugin they use with the libraries
# those need (except the base system's, see below), qt.conf, AppRun, the desktop file and icon.
#
#   packaging/linux/make-appdir.sh [BUILD_DIR] [APPDIR]
#       BUILD_DIR  a configured and built tree (default build/release)
#       APPDIR     the AppDir to (re)create (default BUILD_DIR/packaging/Hearth.AppDir)
#
# Qt is the one whose qtpaths6 (or qtpaths) comes first on PATH, or $QTPATHS. Needs patchelf.
# packaging/linux/test-appdir.sh runs the result with the system's Qt hidden.
set -euo pipefail
cd "$(dirname "$0")/../.."

build_dir=${1:-build/release}
appdir=${2:-$build_dir/packaging/Hearth.AppDir}
app_id=org.hearth.Hearth

qtpaths=${QTPATHS:-$(command -v qtpaths6 || command -v qtpaths || true)}
[[ -n "$qtpaths" ]] || { echo "make-appdir: qtpaths6 not found (set QTPATHS)" >&2; exit 1; }
qt_plugins=$("$qtpaths" --query QT_INSTALL_PLUGINS)
command -v patchelf >/dev/null || { echo "make-appdir: patchelf is missing" >&2; exit 1; }

rm -rf "$appdir"
mkdir -p "$appdir"
appdir=$(cd "$appdir" && pwd)

# The programs and their shared files, as a DEB would install them below /usr. The service files
# (/etc, /lib/systemd) make no sense in an AppImage.
DESTDIR="$appdir" cmake --install "$build_dir" --prefix /usr --strip >/dev/null
rm -rf "${appdir:?}/etc" "${appdir:?}/lib"

# The plugins Hearth loads: platforms (xcb for X11, wayland where Qt has it, offscreen and minimal
# for headless use), their GL and input-method helpers, image formats and icon engines, the
# SQLite driver, the TLS backends, network reachability and printing.
plugin_groups=(platforms xcbglintegrations platforminputcontexts imageformats iconengines
               sqldrivers tls networkinformation printsupport
               wayland-decoration-client wayland-graphics-integration-client wayland-shell-integration)
wanted_platforms='libqxcb.so libqoffscreen.so libqminimal.so libqwayland-generic.so libqwayland-egl.so'
mkdir -p "$appdir/usr/plugins"
for group in "${plugin_groups[@]}"; do
    [[ -d "$qt_plugins/$group" ]] || continue
    mkdir -p "$appdir/usr/plugins/$group"
    for plugin in "$qt_plugins/$group"/*.so; do
        name=$(basename "$plugin")
        if [[ "$group" == platforms && " $wanted_platforms " != *" $name "* ]]; then continue; fi
        if [[ "$group" == sqldrivers && "$name" != libqsqlite.so ]]; then continue; fi
        cp -L "$plugin" "$appdir/usr/plugins/$group/"
    done
done

# Libraries the base system provides and that must come from it: the C library family, the
# compiler runtime, the graphics drivers' libraries (they must match the machine's drivers), X11's
# and fontconfig's core. The same idea as AppImage's excludelist, kept short.
is_system_library() {
    case "$1" in
        ld-linux*|libc.so*|libm.so*|libdl.so*|libpthread.so*|librt.so*|libresolv.so*|libutil.so*) return 0 ;;
        libanl.so*|libnsl.so*|libnss_*|libmvec.so*|libthread_db.so*|libBrokenLocale.so*) return 0 ;;
        libgcc_s.so*|libstdc++.so*) return 0 ;;
        libGL.so*|libGLX.so*|libGLdispatch.so*|libOpenGL.so*|libEGL.so*|libGLESv2.so*|libglapi.so*) return 0 ;;
        libdrm.so*|libgbm.so*|libvulkan.so*|libwayland-client.so*|libwayland-cursor.so*|libwayland-egl.so*) return 0 ;;
        libX11.so*|libX11-xcb.so*|libxcb.so.1|libXau.so*|libXdmcp.so*|libICE.so*|libSM.so*) return 0 ;;
        libfontconfig.so*|libfreetype.so*|libharfbuzz.so*|libexpat.so*|libz.so*) return 0 ;;
        libasound.so*|libgpg-error.so*|libcom_err.so*|libuuid.so*|libudev.so*) return 0 ;;
        libdbus-1.so*|libsystemd.so*) return 0 ;;
    esac
    return 1
}

# Every library the programs and plugins load (ldd lists them transitively), copied once, except
# the base system's. Qt's own libraries always come along.
mkdir -p "$appdir/usr/lib"
elves=("$appdir"/usr/bin/* $(find "$appdir/usr/plugins" -name '*.so'))
declare -A copied=()
for elf in "${elves[@]}"; do
    while read -r name path; do
        [[ -n "$path" && -z "${copied[$name]:-}" ]] || continue
        copied[$name]=1
        is_system_library "$name" && continue
        cp -L "$path" "$appdir/usr/lib/$name"
    done < <(env -u LD_LIBRARY_PATH ldd "$elf" | awk '$2 == "=>" && $3 ~ /^\// { print $1, $3 }')
done

# Each binary finds the bundled libraries by itself (RUNPATH relative to its own folder), so the
# AppDir also works without AppRun's LD_LIBRARY_PATH; Qt finds the plugins through qt.conf.
for program in "$appdir"/usr/bin/*; do patchelf --set-rpath '$ORIGIN/../lib' "$program"; done
for lib in "$appdir"/usr/lib/*.so*; do patchelf --set-rpath '$ORIGIN' "$lib"; done
find "$appdir/usr/plugins" -name '*.so' -exec patchelf --set-rpath '$ORIGIN/../../lib' {} \;
strip --strip-unneeded "$appdir"/usr/lib/*.so* "$appdir"/usr/plugins/*/*.so 2>/dev/null || true

cat > "$appdir/usr/bin/qt.conf" <<'EOF'
# Qt's plugins and libraries are inside the AppDir, beside this folder (not where Qt was built).
[Paths]
Prefix = ..
Libraries = lib
Plugins = plugins
EOF

# The licence texts of Hearth and of the Qt it carries.
mkdir -p "$appdir/usr/share/licenses"
cp -r resources/licenses "$appdir/usr/share/licenses/hearth"

install -m 755 packaging/linux/AppRun "$appdir/AppRun"
cp "$appdir/usr/share/applications/$app_id.desktop" "$appdir/$app_id.desktop"
cp "$appdir/usr/share/icons/hicolor/256x256/apps/$app_id.png" "$appdir/$app_id.png"
ln -sf "$app_id.png" "$appdir/.DirIcon"
# appimagetool reads AppStream metadata under this older name.
ln -sf "$app_id.metainfo.xml" "$appdir/usr/share/metainfo/$app_id.appdata.xml"

echo "make-appdir: $appdir: $(ls "$appdir/usr/lib" | wc -l) libraries," \
     "$(find "$appdir/usr/plugins" -name '*.so' | wc -l) plugins, $(du -sh "$appdir" | cut -f1)"
