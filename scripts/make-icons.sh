#!/bin/sh
# Regenerates every icon file in resources/ from resources/icon.svg (run after editing the SVG,
# then commit the results). Needs Debian's librsvg2-bin, icnsutils and icoutils:
#   apt-get install -y librsvg2-bin icnsutils icoutils
set -eu
cd "$(dirname "$0")/../resources"
rm -rf icons && mkdir icons
for s in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$s" -h "$s" icon.svg -o "icons/${s}x${s}.png"
done
# Linux (AppImage, deb) reads icons/NxN.png; the window icon and the fallback use icon.png.
cp icons/1024x1024.png icon.png
# Windows (NSIS, the .exe and the .hervat file type): up to 256 px.
icotool -c -o icon.ico icons/16x16.png icons/24x24.png icons/32x32.png icons/48x48.png \
  icons/64x64.png icons/128x128.png -r icons/256x256.png
# macOS (app bundle, dmg): the sizes png2icns knows.
png2icns icon.icns icons/16x16.png icons/32x32.png icons/48x48.png icons/128x128.png \
  icons/256x256.png icons/512x512.png icons/1024x1024.png >/dev/null
