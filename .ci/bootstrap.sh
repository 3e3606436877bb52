#!/usr/bin/env bash
# One entry point for a fresh Debian 12 machine (root, or a user with sudo):
#   .ci/bootstrap.sh run [ARGS...]   install what is missing, build, run Ordinal with the lesson
#   .ci/bootstrap.sh test            install what is missing, build, run every test (ctest)
# Both are incremental: packages already present are not reinstalled, the build is reused.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build="${ORDINAL_BUILD_DIR:-$here/build}"
packages=(cmake ninja-build g++ pkg-config qt6-base-dev qt6-tools-dev qt6-tools-dev-tools
          qt6-l10n-tools qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev libyaml-cpp-dev nlohmann-json3-dev libgl-dev xvfb xauth dnsutils dnsperf
          dnsmasq-base desktop-file-utils appstream fonts-noto-cjk file dpkg-dev
          qt6-translations-l10n binutils zlib1g-dev libssl-dev
          clang libclang-rt-dev)  # clang and libFuzzer for the fuzz targets (test)

# node and npm for tst_clientnode (@kubernetes/client-node), from Debian when none is installed.
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

sudo_() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
    local missing=()
    for p in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" \
            || missing+=("$p")
    done
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "Installing: ${missing[*]}"
        sudo_ apt-get update
        sudo_ env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
            "${missing[@]}"
    fi
}

# Debian's kubectl 1.20 (kubernetes-client; SPDY streaming) for tst_kubectl, unpacked into the
# build folder: its /usr/bin/kubectl would collide with a newer kubectl installed system-wide.
legacy_kubectl() {
    local dest="$build/kubectl-1.20"
    [ -x "$dest/usr/bin/kubectl" ] && return 0
    mkdir -p "$build" && local tmp
    tmp=$(mktemp -d)
    if (cd "$tmp" && apt-get download kubernetes-client >/dev/null 2>&1) \
        || { sudo_ apt-get update >/dev/null && (cd "$tmp" && apt-get download kubernetes-client >/dev/null); }; then
        dpkg -x "$tmp"/kubernetes-client_*.deb "$dest"
    else
        echo "kubernetes-client could not be downloaded: tst_kubectl will skip kubectl 1.20"
    fi
    rm -rf "$tmp"
}

# @kubernetes/client-node for tst_clientnode, at the versions tests/api/clientnode/package-lock.json
# pins, installed into the build folder with npm ci; again only when the lock file changes.
client_node() {
    local src="$here/tests/api/clientnode" dest="$build/node-client"
    if cmp -s "$src/package-lock.json" "$dest/package-lock.json" \
        && [ -f "$dest/node_modules/@kubernetes/client-node/package.json" ]; then
        return 0
    fi
    if ! command -v npm >/dev/null 2>&1; then
        echo "npm is not installed: tst_clientnode will skip"
        return 0
    fi
    mkdir -p "$dest"
    cp "$src/package.json" "$src/package-lock.json" "$dest/"
    if ! (cd "$dest" && timeout 300 npm ci --no-audit --no-fund --loglevel=error); then
        rm -rf "$dest/node_modules"
        echo "@kubernetes/client-node could not be installed (npm ci failed): tst_clientnode will skip"
    fi
}

build() {
    if [ ! -f "$build/CMakeCache.txt" ]; then
        cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release
    fi
    cmake --build "$build" --parallel "$(nproc)"
}

cmd="${1:-}"
shift || true
case "$cmd" in
run)
    install_missing
    build
    if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
        echo "No display found: printing the lesson's transcript headless."
        exec "$build/src/app/ordinal" --headless --lesson "$@"
    fi
    exec "$build/src/app/ordinal" --lesson "$@"
    ;;
test)
    install_missing
    legacy_kubectl
    client_node
    build
    cd "$build"
    ctest --output-on-failure --parallel "$(nproc)" "$@"
    "$here/.ci/packaging-check.sh" "$build"
    # A short run of each libFuzzer target (docs/reliability.md); ORDINAL_FUZZ_SECONDS=0 skips.
    if [ "${ORDINAL_FUZZ_SECONDS:-60}" != 0 ]; then
        FUZZ_SECONDS="${ORDINAL_FUZZ_SECONDS:-60}" "$here/tests/fuzz/run-fuzzers.sh" "$build"
    fi
    ;;
*)
    echo "usage: $0 run [ARGS...] | test [CTEST ARGS...]" >&2
    exit 2
    ;;
esac
