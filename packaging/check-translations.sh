#!/usr/bin/env bash
# Fails if a translation is not complete: runs lupdate, exactly as the build's
# update_translations target does, on temporary copies of translations/*.ts, and rejects
# any entry that is unfinished (new or changed source string), obsolete or vanished (source
# string gone). The .ts files in the tree are left untouched.
#
#   packaging/check-translations.sh BUILD_DIR
#
# To fix a failure: cmake --build BUILD_DIR --target update_translations, translate the
# unfinished entries with `linguist translations/ordinal_zh_CN.ts`, and commit the .ts file.
set -euo pipefail

build="${1:?usage: $0 BUILD_DIR}"
env_file="$build/packaging/translations-check.env"
[ -f "$env_file" ] || { echo "check-translations: $env_file missing; configure $build first" >&2; exit 2; }
# shellcheck disable=SC1090
. "$env_file"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# lupdate's project file (sources, include paths) as the build generated it for `ordinal`.
cmake -DIN_FILE="$LUPDATE_PROJECT_CMAKE" -DOUT_FILE="$tmp/project.json" \
      -P "$LUPDATE_PROJECT_SCRIPT"

# Point the project at copies of the .ts files.
copies=()
for ts in $TS_FILES; do
    copy="$tmp/$(basename "$ts")"
    cp "$ts" "$copy"
    copies+=("$copy")
    sed -i "s|\"$ts\"|\"$copy\"|" "$tmp/project.json"
done

# Same options as update_translations, except -no-obsolete: here stale entries must show.
"$LUPDATE" -silent -locations relative -project "$tmp/project.json"

status=0
for copy in "${copies[@]}"; do
    name=$(basename "$copy")
    total=$(grep -c '<message' "$copy" || true)
    bad=$(grep -c -E 'type="(unfinished|obsolete|vanished)"' "$copy" || true)
    if [ "$bad" -gt 0 ]; then
        status=1
        echo "check-translations: translations/$name: $bad of $total entries need work:"
        # Print each offending entry's context and source text.
        awk '
            /<name>/      { ctx = $0; gsub(/.*<name>|<\/name>.*/, "", ctx) }
            /<source>/    { src = $0; gsub(/.*<source>|<\/source>.*/, "", src) }
            /type="(unfinished|obsolete|vanished)"/ {
                t = $0; sub(/.*type="/, "", t); sub(/".*/, "", t)
                printf "  %-10s %s: %s\n", t, ctx, src
            }' "$copy"
    else
        echo "check-translations: translations/$name: $total entries, all finished"
    fi
done
if [ "$status" -ne 0 ]; then
    echo "check-translations: run 'cmake --build $build --target update_translations'," \
         "then translate with linguist" >&2
fi
exit "$status"
