#!/bin/sh
# Big input, side by side in one run: the time and peak memory of `ordinal --headless FILE`
# (load + admission + apply), of loading alone (the same file with a last document that fails,
# so nothing is applied), and of PyYAML's C loader (libyaml: CSafeLoader building Python
# objects, and the bare libyaml event parse) on the same file.
# Usage: tests/badinput/bench-apply.sh BUILD_DIR [SERVICES] (default 9000, about 1.7 MB).
# ORDINAL=path runs another build of ordinal; BEFORE=path also runs that build in each round
# (before/after pairs under the same load); ROUNDS=N repeats the whole set (default 1).
set -eu
ordinal="${ORDINAL:-$1/src/app/ordinal}"
count=${2:-9000}
rounds=${ROUNDS:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work" "$count" <<'PY'
import sys
work, count = sys.argv[1], int(sys.argv[2])
svc = ("---\napiVersion: v1\nkind: Service\nmetadata:\n  name: api-%d\n"
       "  labels: {app: api, tier: backend}\nspec:\n  selector:\n    app: api\n"
       "  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n")
text = ''.join(svc % i for i in range(count))
open(work + '/services.yaml', 'w').write(text)
open(work + '/load-only.yaml', 'w').write(text + '---\nkind: Namespace\n')
PY

size=$(wc -c < "$work/services.yaml")
echo "file: $count ClusterIP Services, $size bytes"
run_ordinal() { # NAME BINARY
    /usr/bin/time -f "$1 load+admission+apply: %e s, peak RSS %M KB" \
        "$2" --headless "$work/services.yaml" > /dev/null
    /usr/bin/time -f "$1 load only:            %e s, peak RSS %M KB" \
        "$2" --headless "$work/load-only.yaml" > /dev/null || true
}
i=0
while [ "$i" -lt "$rounds" ]; do
    i=$((i + 1))
    echo "round $i"
    [ -n "${BEFORE:-}" ] && run_ordinal "before" "$BEFORE"
    run_ordinal "ordinal" "$ordinal"
    if python3 -c 'import yaml; assert yaml.__with_libyaml__' 2>/dev/null; then
        /usr/bin/time -f "PyYAML CSafeLoader load_all (libyaml): %e s, peak RSS %M KB" python3 -c "
import sys, yaml
list(yaml.load_all(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader))" "$work/services.yaml"
        /usr/bin/time -f "PyYAML CSafeLoader events only:       %e s, peak RSS %M KB" python3 -c "
import sys, yaml
for _ in yaml.parse(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader): pass" "$work/services.yaml"
    else
        echo "PyYAML with libyaml is not installed (python3-yaml): no comparison"
    fi
done
