#!/usr/bin/env bash
# Installs what is missing, builds Corrige (Release) and opens the bundled demo session.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake --preset release
cmake --build --preset release
exec ./build/release/bin/corrige --demo "$@"
