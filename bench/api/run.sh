#!/usr/bin/env bash
# Drives Ordinal's Kubernetes API server (ordinal --headless --serve-api) with the real kubectl
# and curl, and prints wall times:
#   list  - `kubectl get pods` of LIST_TABLE pods as a Table (default 10,000) and of LIST_JSON
#           pods as a JSON list (default 100,000): kubectl -o json, and a plain HTTPS GET with
#           curl; the peer is the same JSON body served as a static file by python3 -m
#           http.server (no TLS) and fetched by the same curl, and kubectl -o json reading
#           that file (--filename, no server at all: kubectl's own decoding and printing).
#   watch - WATCHERS watch streams (default 20, curl, ?watch=1) on the pods while a Parallel
#           StatefulSet scales 0 -> WATCH_REPLICAS (default 10,000): events per watcher,
#           total events/s, wall time from the scale request to the last event.
#   sts   - `kubectl get sts` of N StatefulSets (replicas 0) through the console
#           (--headless --script) and through the API with kubectl, N in STS_COUNTS.
# Each list figure is the best of ROUNDS runs (default 3). ORDINAL=path runs another build of
# the server (e.g. an older commit's) with the same clients.
#   bench/api/run.sh [BUILD_DIR] [list|watch|sts|all]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
what=${2:-all}
ordinal=${ORDINAL:-$build/src/app/ordinal}
kubectl=${KUBECTL:-/usr/bin/kubectl}
LIST_TABLE=${LIST_TABLE:-10000}
LIST_JSON=${LIST_JSON:-100000}
WATCHERS=${WATCHERS:-20}
WATCH_REPLICAS=${WATCH_REPLICAS:-10000}
STS_COUNTS=${STS_COUNTS:-"1000 4000 16000 36000"}
ROUNDS=${ROUNDS:-3}
for tool in curl python3 "$kubectl"; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is not installed" >&2; exit 2; }
done
[ -x "$ordinal" ] || { echo "run.sh: build ordinal first ($ordinal)" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.2f", b - a}'; }

# A headless Service and a Parallel StatefulSet of $1 replicas.
statefulset() {
    cat <<EOF
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  clusterIP: None
  selector:
    app: nginx
  ports:
  - port: 80
    name: web
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  podManagementPolicy: Parallel
  replicas: $1
  selector:
    matchLabels:
      app: nginx
  template:
    metadata:
      labels:
        app: nginx
    spec:
      containers:
      - name: nginx
        image: nginx:1.9.1
EOF
}
# $1 worker nodes of 110 pods each (--nodes stops at 250; 100,000 pods need 1,000 nodes).
cluster() {
    echo "nodes:"
    echo "- name: control-plane"
    echo "  controlPlane: true"
    for i in $(seq "$1"); do echo "- name: node-$i"; done
}

# Starts ordinal serving the API with the given arguments; sets port, token, kubeconfig.
serve() {
    local name=$1; shift
    kubeconfig=$work/$name.kubeconfig
    "$ordinal" --headless --serve-api 127.0.0.1:0 --write-kubeconfig "$kubeconfig" "$@" \
        > "$work/$name.out" 2> "$work/$name.err" &
    server_pid=$!
    pids+=("$server_pid")
    for _ in $(seq 6000); do [ -s "$kubeconfig" ] && break; sleep 0.1; done
    [ -s "$kubeconfig" ] || { echo "run.sh: the server did not start" >&2; cat "$work/$name.err" >&2; exit 1; }
    url=$(awk '/server:/{print $2}' "$kubeconfig")
    token=$(awk '/token:/{print $2}' "$kubeconfig")
    awk '/certificate-authority-data:/{print $2}' "$kubeconfig" | base64 -d > "$work/$name.ca"
    ca=$work/$name.ca
}
stop() { kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; }
get() { curl -sS --cacert "$ca" -H "Authorization: Bearer $token" "$@"; }
rss() { awk '/VmHWM/{printf "%d MiB", $2/1024}' "/proc/$server_pid/status"; }

# Best of ROUNDS runs of a command, wall seconds.
best3() {
    local best=
    for _ in $(seq "$ROUNDS"); do
        local t0; t0=$(now); "$@" > /dev/null; local t; t=$(secs "$t0" "$(now)")
        best=$(awk -v a="$best" -v b="$t" 'BEGIN{print (a == "" || b < a) ? b : a}')
    done
    echo "$best"
}

run_list() {
    local n=$1 script=$work/wait.txt
    printf 'wait --timeout=1h\n' > "$script"
    statefulset "$n" > "$work/sts-$n.yaml"
    local nodes=$(( (n + 109) / 110 + 1 ))
    cluster "$nodes" > "$work/cluster-$n.yaml"
    local t0; t0=$(now)
    serve "list-$n" --cluster "$work/cluster-$n.yaml" --script "$script" "$work/sts-$n.yaml"
    echo "list $n: server up with $n pods Running after $(secs "$t0" "$(now)") s ($nodes nodes)"
    export KUBECONFIG=$kubeconfig
    local rows; rows=$("$kubectl" get pods --no-headers | wc -l)
    echo "list $n: kubectl get pods --no-headers: $rows rows, best of $ROUNDS: $(best3 "$kubectl" get pods --no-headers) s"
    echo "list $n: kubectl get pods -o json: best of $ROUNDS: $(best3 "$kubectl" get pods -o json) s"
    # kubectl's own request timing (-v=6: the response's headers arrived after N ms) against
    # its whole run: the rest is reading the body, decoding and printing in kubectl.
    for out in "--no-headers" "-o json"; do
        local t0 t1 ms
        t0=$(now); "$kubectl" get pods $out -v=6 2> "$work/v6.err" > /dev/null; t1=$(now)
        ms=$(grep 'verb="GET"' "$work/v6.err" | grep '/pods' | sed -n 's/.*milliseconds=\([0-9]*\).*/\1/p' | tail -1)
        echo "list $n: kubectl get pods $out -v=6: whole run $(secs "$t0" "$t1") s, request answered (headers) after ${ms:-?} ms"
    done
    echo "list $n: curl GET /api/v1/namespaces/default/pods (JSON, $(get "$url/api/v1/namespaces/default/pods" | wc -c) bytes): best of $ROUNDS: $(best3 get "$url/api/v1/namespaces/default/pods") s"
    echo "list $n: curl GET the same as a Table: best of $ROUNDS: $(best3 get -H 'Accept: application/json;as=Table;v=v1;g=meta.k8s.io' "$url/api/v1/namespaces/default/pods?includeObject=Object") s"
    # Peer: the same bytes from a static file server (no TLS, no work per request).
    get "$url/api/v1/namespaces/default/pods" > "$work/www/pods.json"
    echo "list $n: server peak RSS $(rss)"
    stop
    (cd "$work/www" && exec python3 -m http.server --bind 127.0.0.1 0 > "$work/http.out" 2>&1) &
    local http_pid=$!; pids+=("$http_pid")
    local port=
    for _ in $(seq 50); do port=$(sed -n 's/.*port \([0-9]*\).*/\1/p' "$work/http.out" | head -1); [ -n "$port" ] && break; sleep 0.1; done
    echo "list $n: peer python3 -m http.server, same JSON file: best of $ROUNDS: $(best3 curl -sS "http://127.0.0.1:$port/pods.json") s"
    kill "$http_pid" 2>/dev/null || true
    unset KUBECONFIG
}

run_watch() {
    local n=$WATCH_REPLICAS w=$WATCHERS
    statefulset 0 > "$work/sts-0.yaml"
    cluster 250 > "$work/cluster-watch.yaml"
    serve watch --cluster "$work/cluster-watch.yaml" --speed 1000 "$work/sts-0.yaml"
    export KUBECONFIG=$kubeconfig
    local rv
    rv=$(get "$url/api/v1/namespaces/default/pods" | python3 -c 'import json,sys; print(json.load(sys.stdin)["metadata"]["resourceVersion"])')
    for i in $(seq "$w"); do
        get -N "$url/api/v1/namespaces/default/pods?watch=1&resourceVersion=$rv" > "$work/watch-$i.jsonl" 2> /dev/null &
        pids+=($!)
    done
    sleep 1
    local t0; t0=$(now)
    "$kubectl" scale sts web --replicas="$n" > /dev/null
    # Ready when the set says so, then until no watcher has received anything for 2 s.
    for _ in $(seq 6000); do
        [ "$(get "$url/apis/apps/v1/namespaces/default/statefulsets/web" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"].get("readyReplicas", 0))')" = "$n" ] && break
        sleep 0.5
    done
    local ready; ready=$(secs "$t0" "$(now)")
    local total=0
    while :; do
        local t; t=$(cat "$work"/watch-*.jsonl | wc -l)
        [ "$t" = "$total" ] && break
        total=$t; sleep 2
    done
    local lastwrite; lastwrite=$(stat -c %.9Y "$work"/watch-*.jsonl | sort -n | tail -1)
    local wall; wall=$(secs "$t0" "$lastwrite")
    local min max
    min=$(wc -l "$work"/watch-*.jsonl | grep -v total | awk '{print $1}' | sort -n | head -1)
    max=$(wc -l "$work"/watch-*.jsonl | grep -v total | awk '{print $1}' | sort -n | tail -1)
    echo "watch: $w watchers, scale 0 -> $n (Parallel, 250 nodes, --speed 1000)"
    echo "watch: readyReplicas = $n seen after $ready s (polled every 0.5 s)"
    echo "watch: events per watcher $min..$max, total $total, last event $wall s after the scale request"
    awk -v t="$total" -v s="$wall" -v w="$w" 'BEGIN{printf "watch: %.0f events/s in total, %.0f per watcher\n", t/s, t/s/w}'
    echo "watch: server peak RSS $(rss)"
    stop
    unset KUBECONFIG
}

run_sts() {
    for n in $STS_COUNTS; do
        python3 - "$n" > "$work/sts-many.yaml" <<'EOF'
import sys
for i in range(int(sys.argv[1])):
    print(f"---\napiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: web-{i}\nspec:\n"
          f"  serviceName: nginx\n  replicas: 0\n  selector:\n    matchLabels:\n      app: web-{i}\n"
          f"  template:\n    metadata:\n      labels:\n        app: web-{i}\n    spec:\n"
          f"      containers:\n      - name: nginx\n        image: nginx:1.9.1")
EOF
        printf 'wait\n' > "$work/settle.txt"
        printf 'wait\nkubectl get sts\n' > "$work/get.txt"
        local t0 t1 t2
        t0=$(now); "$ordinal" --headless "$work/sts-many.yaml" --script "$work/settle.txt" > /dev/null
        t1=$(now); "$ordinal" --headless "$work/sts-many.yaml" --script "$work/get.txt" > "$work/get.out"
        t2=$(now)
        echo "sts $n: console: apply + settle $(secs "$t0" "$t1") s; apply + settle + kubectl get sts $(secs "$t1" "$t2") s ($(grep -c '^web-' "$work/get.out") rows)"
        local t3
        t3=$(now)
        serve "sts-$n" --script "$work/settle.txt" "$work/sts-many.yaml"
        echo "sts $n: server up (apply + settle) after $(secs "$t3" "$(now)") s"
        export KUBECONFIG=$kubeconfig
        echo "sts $n: kubectl get sts through the API ($("$kubectl" get sts --no-headers | wc -l) rows): best of $ROUNDS: $(best3 "$kubectl" get sts) s"
        stop
        unset KUBECONFIG
    done
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "kubectl: $("$kubectl" version --client 2>/dev/null | head -1)"
mkdir -p "$work/www"
case $what in
    list) run_list "$LIST_TABLE"; [ "$LIST_JSON" = "$LIST_TABLE" ] || run_list "$LIST_JSON" ;;
    watch) run_watch ;;
    sts) run_sts ;;
    all) run_sts; run_list "$LIST_TABLE"; run_list "$LIST_JSON"; run_watch ;;
    *) echo "run.sh: unknown case $what (list, watch, sts, all)" >&2; exit 2 ;;
esac
