#!/usr/bin/env bash
# Builds the release preset and makes this system's package with CPack: a .deb on Linux, an NSIS installer on
# Windows, a .dmg on macOS (or the CPack generator given as argument). Prints the package's path last.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"

generator="${1:-}"
if [ -z "$generator" ]; then
    case "$(uname -s)" in
        Linux) generator=DEB ;;
        Darwin) generator=DragNDrop ;;
        MINGW* | MSYS* | CYGWIN*) generator=NSIS ;;
        *) echo "make-package: no package for $(uname -s); give a CPack generator" >&2; exit 2 ;;
    esac
fi
case "$generator" in
    DEB) pattern='corrige_*.deb' ;;
    NSIS | NSIS64) pattern='corrige-*.exe' ;;
    DragNDrop) pattern='corrige-*.dmg' ;;
    *) pattern='corrige*' ;;
esac

cmake --preset release >&2
cmake --build --preset release >&2
(cd build/release && rm -f $pattern && cpack -G "$generator" >&2)
ls -1 build/release/$pattern
