#!/usr/bin/env bash
# Builds the `asan` preset (AddressSanitizer + UndefinedBehaviorSanitizer, no recovery) in build/asan and runs
# the core, CLI and test-support suites under it, with the GUI suites of the widgets library. Any finding fails.
# Usage: scripts/run-asan.sh [--all]   (--all: every suite, the main window and dialogs included)
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
sanitizers="$PWD/tests/sanitizers"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cmake --preset asan >/dev/null
if [[ "${1:-}" == "--all" ]]; then
    cmake --build --preset asan
    ctest --preset asan
else
    # Only what those suites need is built. The widgets whose teardown once ran into destroyed members are
    # checked too.
    widgets=(tst_rubricdialog tst_gradepanel)
    mapfile -t suites < <(ctest --test-dir build/asan -N -L 'core|cli|support' | awk '/Test +#/ {print $3}')
    cmake --build --preset asan --target "${suites[@]}" "${widgets[@]}"
    ctest --preset asan -L 'core|cli|support'
    ctest --preset asan -R "^($(IFS='|'; echo "${widgets[*]}"))\$"
fi
