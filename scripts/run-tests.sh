#!/usr/bin/env bash
# Installs what is missing, builds Corrige with its tests once, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset test
cmake --build --preset test
ctest --preset test
