#!/usr/bin/env bash
# Builds the `tsan` preset (ThreadSanitizer) in build/tsan and runs the suites of the threaded parts: the grading
# orchestrator (through the CLI), the session store, and the LLM client. Not part of CI (it is slow); any data
# race fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export CCACHE_BASEDIR="$PWD"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PWD/tests/sanitizers/tsan.supp"
cmake --preset tsan
cmake --build --preset tsan --target tst_session tst_llmclient tst_grade corrige-cli
ctest --test-dir build/tsan --output-on-failure -R '^(tst_session|tst_llmclient|tst_grade)$'
