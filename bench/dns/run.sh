#!/usr/bin/env bash
# Serves the same 100 A records (web-N.nginx.default.svc.cluster.local) from Ordinal's DNS server
# and from dnsmasq (--host-record) on 127.0.0.1, runs dnsperf against each in the same run and
# prints both query rates and their ratio (target: Ordinal >= 1.5x dnsmasq).
#   bench/dns/run.sh [BUILD_DIR] [SECONDS]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-$here/../../build}
seconds=${2:-10}
server=$build/bench/dns/ordinal_dns_bench_server
for tool in dnsperf dnsmasq; do
    command -v "$tool" >/dev/null || { echo "run.sh: $tool is not installed" >&2; exit 2; }
done
[ -x "$server" ] || { echo "run.sh: build ordinal_dns_bench_server first ($server)" >&2; exit 2; }

work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

"$server" --print-queries > "$work/queries.txt"
mapfile -t records < <("$server" --print-dnsmasq)

# Ordinal: port 0, it prints the port it got.
# With two or more CPUs the servers share CPU 0 and dnsperf gets CPU 1, so neither server
# competes with the load generator for a core.
pin_server=(); pin_client=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
    pin_server=(taskset -c 0); pin_client=(taskset -c 1)
fi
"${pin_server[@]}" "$server" > "$work/ordinal.out" &
pids+=($!)
for _ in $(seq 50); do grep -q '^port ' "$work/ordinal.out" && break; sleep 0.1; done
ordinal_port=$(awk '/^port /{print $2}' "$work/ordinal.out")

# dnsmasq on a free port next to it; no upstream, no /etc/hosts, no logging.
dnsmasq_port=$((ordinal_port + 1))
"${pin_server[@]}" dnsmasq --keep-in-foreground --no-resolv --no-hosts --conf-file=/dev/null \
    --listen-address=127.0.0.1 --bind-interfaces --port="$dnsmasq_port" \
    --user="$(id -un)" --pid-file="$work/dnsmasq.pid" "${records[@]}" &
pids+=($!)
sleep 0.5
dig +short @127.0.0.1 -p "$dnsmasq_port" web-0.nginx.default.svc.cluster.local >/dev/null

run() { # port -> qps
    "${pin_client[@]}" dnsperf -s 127.0.0.1 -p "$1" -d "$work/queries.txt" -l "$seconds" -c 4 -q 200 2>&1 \
        | awk '/Queries per second/{print $4}'
}
# Alternate the two servers (three rounds each) and keep each one's best round, so a burst of
# load from elsewhere on the machine does not decide the comparison.
ordinal_qps=0; dnsmasq_qps=0
best() { awk -v a="$1" -v b="$2" 'BEGIN{print (a > b ? a : b)}'; }
for round in 1 2 3; do
    o=$(run "$ordinal_port"); d=$(run "$dnsmasq_port")
    echo "round $round: ordinal $o qps, dnsmasq $d qps"
    ordinal_qps=$(best "$ordinal_qps" "$o"); dnsmasq_qps=$(best "$dnsmasq_qps" "$d")
done
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name:[[:space:]]*//p'), $(date -u +%F)"
echo "ordinal qps: $ordinal_qps"
echo "dnsmasq qps: $dnsmasq_qps"
awk -v a="$ordinal_qps" -v b="$dnsmasq_qps" 'BEGIN{printf "ratio ordinal/dnsmasq: %.2f\n", a/b}'
