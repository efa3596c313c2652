#!/usr/bin/env bash
# Start-up time to the ready line, and POST /sandbox/reset, each beside a baseline measured in the
# same run, so the ratios hold on a shared, noisy machine:
#   start-up  vs  the sqlite3 shell loading the same seed.sql into memory
#   reset     vs  GET /health (the cost of an HTTP exchange that does nothing)
set -euo pipefail
cd "$(dirname "$0")/../.."

RUNS=${RUNS:-21}
BINARY=.build/release/dana-sandbox
command -v wrk >/dev/null || { echo "needs wrk (sudo apt-get install wrk)" >&2; exit 1; }

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
now_ns() { date +%s%N; }

startup_once() {
    local fifo started line pid
    fifo=$(mktemp -u); mkfifo "$fifo"
    started=$(now_ns)
    "$BINARY" serve --port 0 2>/dev/null >"$fifo" &
    pid=$!
    read -r line <"$fifo"
    echo $(( ($(now_ns) - started) / 1000 ))
    kill "$pid"; wait "$pid" 2>/dev/null || true
    rm -f "$fifo"
}

version_once() {
    local started
    started=$(now_ns)
    "$BINARY" --version >/dev/null
    echo $(( ($(now_ns) - started) / 1000 ))
}

seed_once() {
    local started
    started=$(now_ns)
    sqlite3 :memory: <seed.sql >/dev/null
    echo $(( ($(now_ns) - started) / 1000 ))
}

startup=$(for _ in $(seq "$RUNS"); do startup_once; done | median)
baseline=$(for _ in $(seq "$RUNS"); do seed_once; done | median)
launch=$(for _ in $(seq "$RUNS"); do version_once; done | median)
awk -v s="$startup" -v b="$baseline" -v l="$launch" -v n="$RUNS" 'BEGIN {
    printf "start-up to ready line: median %.1f ms over %d runs\n", s / 1000, n
    printf "  baselines: sqlite3 loading seed.sql %.1f ms (ratio %.2f); dana-sandbox --version %.1f ms (ratio %.2f)\n", b / 1000, s / b, l / 1000, s / l }'

"$BINARY" serve --port 0 2>/dev/null >/tmp/dana-sandbox-bench.$$ &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f /tmp/dana-sandbox-bench.$$ /tmp/dana-sandbox-reset.$$.lua' EXIT
until grep -q listening /tmp/dana-sandbox-bench.$$ 2>/dev/null; do sleep 0.02; done
url=$(sed 's/.*listening on //' /tmp/dana-sandbox-bench.$$)
printf 'wrk.method = "POST"\n' >/tmp/dana-sandbox-reset.$$.lua
rate() { wrk -t1 -c1 -d3s "$@" | awk '/Requests\/sec/ {print $2}'; }
health=$(rate "$url/health")
reset=$(rate -s /tmp/dana-sandbox-reset.$$.lua "$url/sandbox/reset")
server_side=$(for _ in $(seq "$RUNS"); do curl -s -X POST "$url/sandbox/reset" | sed 's/.*"durationMs":\([0-9.]*\).*/\1/'; echo; done | median)
awk -v h="$health" -v r="$reset" -v s="$server_side" 'BEGIN {
    printf "reset: %.2f ms per request end to end (%.0f/s, one connection), %s ms inside the server (median); GET /health %.3f ms; ratio %.1f\n", 1000 / r, r, s, 1000 / h, h / r }'
