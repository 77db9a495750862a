#!/usr/bin/env bash
# Renders resources/icons/hearth.svg into the renditions the platforms want: PNGs from 16 to 512
# pixels (Linux icon theme, window icon, AppDir), an ICO (Windows) and an ICNS (macOS). The
# renditions are committed, so neither a build nor a Windows/macOS runner needs these tools; run
# this after editing the SVG (Debian: librsvg2-bin, icoutils, icnsutils — installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
source packaging/lib/ensure-packages.sh
ensure_packages librsvg2-bin icoutils icnsutils

svg=resources/icons/hearth.svg
out=resources/icons
mkdir -p "$out/png"
for size in 16 24 32 48 64 128 256 512; do
    rsvg-convert --width "$size" --height "$size" "$svg" --output "$out/png/hearth-$size.png"
done
# Windows shows 16-48 in lists and the task bar, 256 in large icon views.
icotool --create --output "$out/hearth.ico" "$out"/png/hearth-{16,24,32,48,64,128}.png --raw="$out/png/hearth-256.png"
# png2icns picks the icon type from each PNG's size (16, 32, 48, 128, 256, 512).
png2icns "$out/hearth.icns" "$out"/png/hearth-{16,32,48,128,256,512}.png >/dev/null
echo "render-icons: $(ls "$out"/png | wc -l) PNGs, $out/hearth.ico, $out/hearth.icns"
