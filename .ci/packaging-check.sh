#!/usr/bin/env bash
# Packaging and desktop-integration checks, run by `.ci/bootstrap.sh test` after ctest:
#   1. the desktop entry and the AppStream metainfo validate cleanly
#      (desktop-file-validate; appstreamcli validate --no-net);
#   2. `cpack -G DEB` builds ordinal_<version>_<arch>.deb in BUILD_DIR;
#   3. the package's metadata is complete and apt can resolve its Depends (simulated);
#   4. its files, extracted with dpkg -x into a scratch root, sit in the XDG locations;
#   5. the extracted binary starts: --version, and --headless --lesson (offscreen);
#   6. packaging/check-translations.sh: no unfinished, obsolete or vanished translation.
#
#   .ci/packaging-check.sh BUILD_DIR
#
# ORDINAL_TRANSLATIONS_CHECK=warn reports step 6 without failing (while strings are being
# translated); anything else, or unset, makes it fail the run.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: $0 BUILD_DIR}" && pwd)
env_file="$build/packaging/packaging.env"   # APP_ID, VERSION; written by packaging/CMakeLists.txt
[ -f "$env_file" ] || { echo "packaging-check: $env_file missing; configure $build first" >&2; exit 2; }
# shellcheck disable=SC1090
. "$env_file"
app_id="${APP_ID:?}"
version="${VERSION:?}"
arch=$(dpkg --print-architecture)

failures=0
step() { echo; echo "== packaging-check: $*"; }
fail() { echo "packaging-check: FAIL: $*" >&2; failures=$((failures + 1)); }

step "desktop entry"
desktop="$here/packaging/$app_id.desktop"
# Hints are advice (e.g. "more than one main category", which Education;Development; is on
# purpose); errors and warnings fail.
if out=$(desktop-file-validate "$desktop" 2>&1); then
    [ -n "$out" ] && echo "$out"
    if grep -qE ': (error|warning): ' <<<"$out"; then fail "desktop-file-validate"; fi
else
    echo "$out"; fail "desktop-file-validate"
fi

step "AppStream metainfo"
appstreamcli validate --no-net "$here/packaging/$app_id.metainfo.xml" \
    || fail "appstreamcli validate"
grep -q "<release version=\"$version\"" "$here/packaging/$app_id.metainfo.xml" \
    || fail "metainfo has no <release> for version $version"

step "cpack -G DEB"
rm -f "$build"/ordinal_*.deb
(cd "$build" && cpack -G DEB) || fail "cpack -G DEB"
deb="$build/ordinal_${version}_${arch}.deb"
if [ ! -f "$deb" ]; then
    fail "$deb was not built"
    exit 1
fi
dpkg-deb --info "$deb"

step "package metadata"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
# shlibdeps must have covered every library the binary links: map each DT_NEEDED entry to
# the Debian package that ships it and look for that package in Depends.
bin_tmp=$(mktemp -d)
dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$bin_tmp" ./usr/bin/ordinal
depends_pkgs=$(tr ',|' '\n' <<<"$depends" | awk '{ print $1 }')
libs=$(ldconfig -p)
for needed in $(objdump -p "$bin_tmp/usr/bin/ordinal" | awk '$1 == "NEEDED" { print $2 }'); do
    # (No early exits in these pipelines: under pipefail a SIGPIPE would end the script.)
    path=$(awk -v lib="$needed" '$1 == lib && !found { print $NF; found = 1 }' <<<"$libs")
    # dpkg knows a file by the path its package ships, /lib/... or /usr/lib/...: try both.
    pkg=$(dpkg -S "${path:-/nonexistent}" 2>/dev/null \
          || dpkg -S "$(readlink -f "${path:-/nonexistent}")" 2>/dev/null || true)
    pkg=${pkg%%:*}
    if [ -z "$pkg" ]; then
        fail "no Debian package ships $needed"
    elif grep -xF "$pkg" <<<"$depends_pkgs" >/dev/null; then
        echo "ok   $needed -> $pkg"
    else
        fail "$needed comes from $pkg, which Depends lacks"
    fi
done
rm -rf "$bin_tmp"
[ "$(dpkg-deb --field "$deb" Section)" = education ] || fail "Section is not education"
# apt resolves the dependencies without installing anything.
apt_out=$(apt-get install --simulate -o Debug::NoLocking=1 "$deb" 2>&1) \
    || { echo "$apt_out"; fail "apt-get install --simulate $deb"; }
grep -E '^(Inst|Conf) ' <<<"$apt_out" || true

step "files in the XDG locations (dpkg -x)"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
dpkg -x "$deb" "$root"
expected=(
    usr/bin/ordinal
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    usr/share/doc/ordinal/copyright
)
for size in 16 22 24 32 48 64 128 256; do
    expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png")
done
for f in "${expected[@]}"; do
    if [ -e "$root/$f" ]; then echo "ok   /$f"; else fail "missing /$f"; fi
done
echo "The package holds:"
(cd "$root" && find . -type f -o -type l | sed 's|^\.|  |' | sort)
for size in 16 22 24 32 48 64 128 256; do
    png="$root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    if [ -e "$png" ] && [[ "$(file -b "$png")" != "PNG image data, $size x $size,"* ]]; then
        fail "$png is not a ${size}x${size} PNG"
    fi
done
# The installed desktop entry must name the installed icon and binary.
grep -qx "Icon=$app_id" "$root/usr/share/applications/$app_id.desktop" || fail "Icon= is not $app_id"
grep -qx "Exec=ordinal %F" "$root/usr/share/applications/$app_id.desktop" || fail "Exec= is not 'ordinal %F'"

step "the packaged binary starts"
bin="$root/usr/bin/ordinal"
file -b "$bin"
# Only the exit codes are checked: the output belongs to the command line's own tests.
rc=0
out=$(QT_QPA_PLATFORM=offscreen timeout 60 "$bin" --version 2>&1) || rc=$?
if [ "$rc" -eq 0 ]; then
    echo "ordinal --version: ${out:-<no output>}"
else
    echo "$out"; fail "ordinal --version exited with $rc"
fi
if out=$(QT_QPA_PLATFORM=offscreen timeout 120 "$bin" --headless --lesson 2>&1); then
    echo "ordinal --headless --lesson: $(printf '%s' "$out" | grep -c '') lines of output"
else
    echo "$out" | tail -20; fail "ordinal --headless --lesson failed"
fi

step "translations"
if ! "$here/packaging/check-translations.sh" "$build"; then
    if [ "${ORDINAL_TRANSLATIONS_CHECK:-}" = warn ]; then
        echo "packaging-check: translations incomplete (ORDINAL_TRANSLATIONS_CHECK=warn)"
    else
        fail "translations incomplete"
    fi
fi

echo
if [ "$failures" -gt 0 ]; then
    echo "packaging-check: $failures check(s) failed" >&2
    exit 1
fi
echo "packaging-check: all checks passed ($deb)"
