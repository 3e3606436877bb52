#!/bin/sh
# Builds the libFuzzer targets and runs each for a number of executions (default 1,000,000),
# fuzz_manifest seeded with the bad-input corpus, then prints libFuzzer's last status line
# (executions, exec/s, coverage). Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [RUNS]
set -eu
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
build_dir=$1
runs=${2:-1000000}
ninja -C "$build_dir" fuzz_dnsmessage fuzz_manifest
bin="$build_dir/tests/dns/fuzz/bin"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/manifest" "$work/dns"
for input in "$source_dir"/tests/badinput/cases/*/input.*; do
    [ -f "$input" ] && cp "$input" "$work/manifest/$(basename "$(dirname "$input")")"
done
for target in fuzz_manifest fuzz_dnsmessage; do
    corpus="$work/dns"
    [ "$target" = fuzz_manifest ] && corpus="$work/manifest"
    echo "== $target ($runs runs)"
    # -timeout: one input may take at most 10 s; -rss_limit_mb: and 2 GB.
    "$bin/$target" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
        -print_final_stats=1 "$corpus" 2>&1 | grep -E '^(#[0-9]+|stat::|Done|==)' | tail -8
done
