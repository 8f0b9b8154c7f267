#!/usr/bin/env bash
# Renders the PNG sizes and the Windows .ico of Corrige's icons from their SVG sources (resources/icons/*.svg).
# The results are committed; run this after changing an SVG. Needs rsvg-convert (librsvg2-bin) and ImageMagick.
set -euo pipefail
cd "$(dirname "$0")/../resources/icons"
mkdir -p png
for size in 16 22 24 32 48 64 128 256 512 1024; do
    rsvg-convert -w "$size" -h "$size" corrige.svg -o "png/corrige-$size.png"
done
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert -w "$size" -h "$size" application-x-corrige.svg -o "png/application-x-corrige-$size.png"
done
convert png/corrige-{16,24,32,48,64,128,256}.png corrige.ico
convert png/application-x-corrige-{16,24,32,48,64,128,256}.png application-x-corrige.ico
