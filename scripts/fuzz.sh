#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: clang, AddressSanitizer + UndefinedBehaviorSanitizer) in
# build/fuzz and runs each for SECONDS (default 60) on its corpus, seeded from tests/data. A crash, a leak, a hang
# or a broken promise (an error that is not one line naming the file) stops with its input saved under
# build/fuzz/findings/; turn it into a regression test.
# Usage: scripts/fuzz.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
export CCACHE_BASEDIR="$PWD"
export CCACHE_DIR="${CCACHE_DIR:-$HOME/.cache/ccache}"
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$PWD/tests/sanitizers/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target corrige_fuzzers

build="$PWD/build/fuzz"
data="$PWD/tests/data"
seeds() { # target → the seed files, one per line
    case "$1" in
    fuzz_rostercsv) ls "$data"/scans/*.csv resources/demo/roster.csv ;;
    fuzz_examjson) ls resources/demo/exam.json "$data"/api/examples/gemini_firebase_sdk_test_data/schema/*.json 2>/dev/null ;;
    fuzz_geminireply) ls "$data"/api/examples/gemini_errors/*.json "$data"/api/examples/gemini_firebase_sdk_test_data/googleai/*.json \
                         "$data"/api/examples/batch_recorded_ellmer/state-capitals-gemini.json 2>/dev/null | head -40 ;;
    fuzz_openaireply) ls "$data"/api/examples/openai/*.json "$data"/api/examples/openai_errors/*.json \
                         "$data"/api/examples/vllm/*.json 2>/dev/null ;;
    fuzz_retryhint) ls "$data"/api/examples/gemini_errors/429*.json "$data"/api/examples/openai_errors/429*.json ;;
    fuzz_session) ls "$data"/sessions/*.corrige ;;
    fuzz_pdfimport) ls "$data"/bad_pdfs/*.pdf ;;
    esac
}
status=0
for target in fuzz_rostercsv fuzz_examjson fuzz_geminireply fuzz_openaireply fuzz_retryhint fuzz_session fuzz_pdfimport; do
    corpus="$build/corpus/$target"
    findings="$build/findings/$target"
    mkdir -p "$corpus" "$findings"
    seeds "$target" | while read -r seed; do cp -n "$seed" "$corpus/" 2>/dev/null || true; done
    start=$SECONDS
    if "$build/tests/fuzz/$target" "$corpus" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 \
        -max_len=262144 -artifact_prefix="$findings/" -print_final_stats=1 >"$build/$target.log" 2>&1; then
        echo "== $target: $(grep -E '^stat::number_of_executed_units' "$build/$target.log" | awk '{print $2}') runs, no finding ($(( SECONDS - start )) s)"
    else
        echo "== $target: FINDING, input saved in $findings/ (log: $build/$target.log)"
        tail -n 40 "$build/$target.log"
        status=1
    fi
done
exit $status
