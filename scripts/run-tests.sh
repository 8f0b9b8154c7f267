#!/usr/bin/env bash
# Installs what is missing, builds Corrige with its tests once, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
# ccache keys on paths relative to the clone, so a fresh clone in another folder reuses the cache.
export CCACHE_BASEDIR="$PWD"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
step() { echo "== $1: $(( SECONDS - step_start )) s"; step_start=$SECONDS; }
step_start=$SECONDS
cmake --preset test
cmake --build --preset test
step "build (test preset)"
ctest --preset test
step "test suite"
./scripts/check-package.sh
step "package (release build, .deb, lintian, install and remove)"
