#!/usr/bin/env bash
# GET /health on a release build beside nginx serving the same bytes as a static file, measured in
# one run and interleaved (A B A B), so the ratio holds on a shared, noisy machine.
#
#   Tests/Benchmarks/health-vs-nginx.sh            # 5 s per round, 32 connections
#   DURATION=10s CONNECTIONS=256 Tests/Benchmarks/health-vs-nginx.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-5s}
CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-2}
BINARY=.build/release/dana-sandbox

NEED_FOR="make bench"
. Tests/Tools/need.sh
need wrk:wrk nginx:nginx-light

work=$(mktemp -d)
cleanup() {
    [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
    [ -n "${sandbox_pid:-}" ] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

"$BINARY" serve --port 0 2>/dev/null >"$work/ready" &
sandbox_pid=$!
for _ in $(seq 100); do grep -q listening "$work/ready" 2>/dev/null && break; sleep 0.05; done
sandbox_url="$(sed 's/.*listening on //' "$work/ready")/health"

printf '{"status":"ok","version":"x.y.z"}' >"$work/health"
nginx_port=$((20000 + RANDOM % 20000))
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
    access_log off;
    server { listen 127.0.0.1:$nginx_port; location / { root $work; default_type application/json; } }
}
CONF
nginx -c "$work/nginx.conf"
nginx_url="http://127.0.0.1:$nginx_port/health"

rate() { wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "$1" | awk '/Requests\/sec/ {print $2}'; }

echo "wrk -t1 -c$CONNECTIONS -d$DURATION, $ROUNDS interleaved rounds"
results=""
for round in $(seq "$ROUNDS"); do
    s=$(rate "$sandbox_url"); n=$(rate "$nginx_url")
    awk -v r="$round" -v s="$s" -v n="$n" 'BEGIN { printf "round %d: dana-sandbox %10.0f req/s   nginx %10.0f req/s   ratio %.2f\n", r, s, n, s / n }'
    results="$results $s $n"
done
echo "$results" | awk '{ for (i = 1; i <= NF; i += 2) { s += $i; n += $(i + 1) } printf "overall: dana-sandbox/nginx = %.2f\n", s / n }'

