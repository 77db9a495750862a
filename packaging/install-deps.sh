#!/usr/bin/env bash
# Installs what building and testing Hearth needs on Debian 12 / Ubuntu 23.04+ — only what is
# missing, so a second run costs a second. Uses sudo when not run as root.
set -euo pipefail

packages=(
    g++ cmake ninja-build git
    # qt6-charts-dev: the Analytics page's charts (QtCharts, which needs Qt OpenGL's headers).
    qt6-base-dev qt6-websockets-dev qt6-httpserver-dev qt6-charts-dev libqt6opengl6-dev
    qt6-svg-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools
    fonts-dejavu-core
    # The session token in the OS keychain (Secret Service / KWallet on Linux).
    qtkeychain-qt6-dev
    # hearth-server on PostgreSQL (QPSQL), and the server for the tests that run it there.
    libqt6sql6-psql postgresql
    # The new-order chime (QSoundEffect).
    qt6-multimedia-dev
    # The JSON decoder of the realtime hot path (simdjson on-demand).
    libsimdjson-dev
    # hearth-bench's Node.js peer (the `ws` client it is compared with); the bench skips it without.
    nodejs node-ws
    # The asan preset and the fuzzers (CI): clang, with libFuzzer and the sanitizer runtimes, and
    # lld, which links its instrumented executables four times faster than GNU ld.
    clang libclang-rt-dev lld
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: everything is installed"
    exit 0
fi

sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
