#!/bin/sh
# Builds the libFuzzer targets and runs each, fuzz_manifest seeded with the bad-input corpus,
# then prints libFuzzer's last status lines (executions, exec/s, coverage). Fails when a target
# finds a crash, a leak, a hang (-timeout) or an out-of-memory input (-rss_limit_mb).
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [RUNS]      RUNS executions each (default 10^6)
#        FUZZ_SECONDS=60 tests/fuzz/run-fuzzers.sh BUILD_DIR   60 s each instead (CI)
set -eu
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$1
runs=${2:-1000000}
cmake --build "$build_dir" --target fuzz_dnsmessage fuzz_manifest
bin="$(cd "$build_dir" && pwd)/tests/dns/fuzz/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -n "${FUZZ_SECONDS:-}" ]; then
    limit="-max_total_time=$FUZZ_SECONDS"
else
    limit="-runs=$runs"
fi
mkdir -p "$work/manifest" "$work/dns"
for input in "$source_dir"/tests/badinput/cases/*/input.*; do
    [ -f "$input" ] && cp "$input" "$work/manifest/$(basename "$(dirname "$input")")"
done
status=0
for target in fuzz_manifest fuzz_dnsmessage; do
    corpus="$work/dns"
    [ "$target" = fuzz_manifest ] && corpus="$work/manifest"
    echo "== $target ($limit)"
    # -timeout: one input may take at most 10 s; -rss_limit_mb: and 2 GB. Findings are written
    # to the work folder, which is removed: the log holds the input (base64) and the trace.
    if ! (cd "$work" && "$bin/$target" "$limit" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -print_final_stats=1 "$corpus" > "$work/$target.log" 2>&1); then
        echo "$target found a problem:"
        tail -60 "$work/$target.log"
        status=1
        continue
    fi
    grep -E '^(#[0-9]+|stat::|Done|==)' "$work/$target.log" | tail -8
done
exit $status
