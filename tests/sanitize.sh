#!/bin/sh
# Builds the whole tree with ASan + UBSan (-DORDINAL_SANITIZE=ON) in its own build folder and
# runs every ctest test there, the bad-input corpus included. Any sanitizer report fails the
# test that produced it. Usage: [GUI=OFF] tests/sanitize.sh [BUILD_DIR] (default
# build-sanitize); GUI=OFF leaves out the window and its tests (a much shorter build).
set -eu
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=${1:-"$source_dir/build-sanitize"}
jobs=${JOBS:-2}

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DORDINAL_SANITIZE=ON -DORDINAL_BUILD_GUI="${GUI:-ON}"
ninja -C "$build_dir" -j "$jobs"

# detect_leaks=0: Qt's plugin and font caches live until exit on purpose.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
cd "$build_dir"
ctest -j "$jobs" --output-on-failure
