#!/usr/bin/env bash
# Runs an AppDir made by make-appdir.sh the way a user's machine without Qt would, and fails
# unless it works with the bundled Qt alone:
#   1. in a private mount namespace where the system's Qt libraries and plugins are hidden (each
#      libQt6* file covered by /dev/null, the plugin folder by an empty tmpfs), AppRun --version
#      and AppRun --demo --quit-after 5 --screenshot must succeed and the screenshot must exist;
#   2. the demo once more with LD_DEBUG=libs, which names every library loaded (dlopen'ed plugins
#      too): none may be a Qt library or plugin from outside the AppDir.
#
#   packaging/linux/test-appdir.sh APPDIR
set -euo pipefail
appdir=$(cd "${1:?usage: test-appdir.sh APPDIR}" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

system_qt_libs=$(dirname "$(readlink -f "$(ldconfig -p | awk '/libQt6Core.so.6 / { print $NF; exit }')")" 2>/dev/null || true)
system_qt_plugins=$( (qtpaths6 --query QT_INSTALL_PLUGINS || qtpaths --query QT_INSTALL_PLUGINS) 2>/dev/null || true)

# A clean environment: no display, no inherited library or plugin paths, a fresh home (the demo
# writes its database under the application-data folder).
run_env=(env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime"
         QT_QPA_PLATFORM=offscreen LANG=C.UTF-8 QT_LOGGING_RULES='hearth.*.info=false')
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"

hidden_run() {
    # Inside the namespace: cover the system's Qt, then run the command. Needs root or
    # unprivileged user namespaces (unshare -r).
    local unshare=(unshare --mount --propagation private)
    [[ $(id -u) -eq 0 ]] || unshare+=(--map-root-user)
    "${unshare[@]}" bash -c '
        set -e
        libs=$1 plugins=$2; shift 2
        if [[ -n "$libs" ]]; then
            for lib in "$libs"/libQt6*.so*; do
                [[ -f "$lib" && ! -L "$lib" ]] && mount --bind /dev/null "$lib"
            done
        fi
        [[ -n "$plugins" && -d "$plugins" ]] && mount -t tmpfs none "$plugins"
        # Proof that the cover holds: the system Qt Core cannot be read any more.
        if [[ -n "$libs" ]] && head -c4 "$libs"/libQt6Core.so.6 2>/dev/null | grep -q ELF; then
            echo "test-appdir: could not hide the system Qt" >&2; exit 1
        fi
        exec "$@"' hide "$system_qt_libs" "$system_qt_plugins" "$@"
}

# An unprivileged container cannot make the namespace. Then step 2 alone still proves that no
# Qt from outside the AppDir is loaded; HEARTH_REQUIRE_HIDDEN_QT=1 (the release workflow) makes
# step 1 mandatory.
if hidden_run true 2>/dev/null; then
    echo "test-appdir: system Qt hidden: ${system_qt_libs:-none}/libQt6*, ${system_qt_plugins:-none}"
    version=$(hidden_run "${run_env[@]}" "$appdir/AppRun" --version)
    echo "test-appdir: AppRun --version: $version"
    [[ "$version" == Hearth\ * ]] || { echo "test-appdir: unexpected --version output" >&2; exit 1; }

    hidden_run "${run_env[@]}" "$appdir/AppRun" --demo --quit-after 5 --screenshot "$work/demo.png"
    [[ -s "$work/demo.png" ]] || { echo "test-appdir: the demo wrote no screenshot" >&2; exit 1; }
    echo "test-appdir: AppRun --demo --quit-after 5 --screenshot: $(file -b "$work/demo.png")"
    [[ -z "${HEARTH_APPDIR_SCREENSHOT:-}" ]] || cp "$work/demo.png" "$HEARTH_APPDIR_SCREENSHOT"
elif [[ "${HEARTH_REQUIRE_HIDDEN_QT:-0}" == 1 ]]; then
    echo "test-appdir: cannot make a private mount namespace to hide the system's Qt: run as root," \
         "with unprivileged user namespaces, or in a privileged container" >&2
    exit 1
else
    echo "test-appdir: WARNING: no private mount namespace here (unprivileged container?): the" \
         "system's Qt stays visible; only the LD_DEBUG check below proves the AppDir's Qt is used" >&2
fi

"${run_env[@]}" LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/ld" \
    "$appdir/AppRun" --demo --quit-after 5 --screenshot "$work/demo2.png"
loaded=$(cat "$work"/ld.* | sed -n 's/.*calling init: //p' | sort -u)
foreign_qt=$(grep -E 'libQt6|/qt6?/plugins/' <<<"$loaded" | grep -v "^$appdir/" || true)
from_appdir=$(grep -c "^$appdir/" <<<"$loaded" || true)
from_system=$(grep -vc "^$appdir/" <<<"$loaded" || true)
echo "test-appdir: LD_DEBUG=libs: $from_appdir libraries and plugins loaded from the AppDir," \
     "$from_system from the system:"
grep -v "^$appdir/" <<<"$loaded" | xargs -n1 basename | sort | tr '\n' ' '
echo
if [[ -n "$foreign_qt" ]]; then
    echo "test-appdir: FAILED, Qt loaded from outside the AppDir:" >&2
    echo "$foreign_qt" >&2
    exit 1
fi
echo "test-appdir: passed"
