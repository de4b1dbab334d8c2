#!/usr/bin/env bash
# Network overhead of luxconsole's network mode, as separate processes on loopback: a local render
# with 2 threads against a client with no local threads and 2 servers of 1 thread each, in
# alternating rounds so that load from other processes falls on both alike. Prints each round's
# "kS/s average" and the ratio network / local (goal: >= 0.97).
#
# Usage: client-bridge/bench/network-overhead.sh [SECONDS per render, default 30] [ROUNDS, default 3]
# Builds the shaded jar first (mvn package, tests skipped). Ports 10001 and 10002 must be free.
set -euo pipefail
cd "$(dirname "$0")/../.."
secs=${1:-30}
rounds=${2:-3}
mvn -q -DskipTests -pl luxconsole -am package
jar=luxconsole/target/luxconsole.jar
scene=examples/cornell-box.lxs
work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
for port in 10001 10002; do
  java -jar "$jar" -s -p "$port" -t 1 --cache-dir "$work/cache-$port" --stats-interval 60 > "$work/server-$port.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 50); do
  grep -q "on port 10002" "$work/server-10002.log" 2>/dev/null && grep -q "on port 10001" "$work/server-10001.log" && break
  sleep 0.2
done
rate() { sed -n 's/^Done .*, \([0-9.]*\) kS\/s average$/\1/p'; }
for r in $(seq "$rounds"); do
  local_rate=$(java -jar "$jar" -t 2 --halt-time "$secs" --halt-spp 0 -o "$work/local" "$scene" 2>/dev/null | rate)
  net_rate=$(java -jar "$jar" -t 0 -u 127.0.0.1:10001 -u 127.0.0.1:10002 -i 10 --halt-time "$secs" --halt-spp 0 \
    -o "$work/net" "$scene" 2>/dev/null | rate)
  awk -v r="$r" -v l="$local_rate" -v n="$net_rate" -v s="$secs" \
    'BEGIN { printf "round %d: local -t 2: %.1f kS/s; client -t 0 + 2 servers x 1 thread: %.1f kS/s; ratio %.3f (%s s each)\n", r, l, n, n / l, s }'
done
