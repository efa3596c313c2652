#!/usr/bin/env bash
# Sessions: the cost of a session's first request (its store copied from the seed) and of a
# session reset, each beside the same request without a session, measured in one run; and the
# memory a session holds (its pages, and the process's RSS per session).
set -euo pipefail
cd "$(dirname "$0")/../.."

BINARY=.build/release/dana-sandbox
command -v wrk >/dev/null || { echo "needs wrk (sudo apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
"$BINARY" serve --port 0 --max-sessions 100000 --session-ttl 3600 2>/dev/null >"$work/ready" &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until grep -q listening "$work/ready" 2>/dev/null; do sleep 0.02; done
url=$(sed 's/.*listening on //' "$work/ready")
target="$url/sandbox/fixtures/users/62811742234"

# Every request in a session nobody used before.
cat >"$work/new-session.lua" <<'LUA'
counter = 0
request = function()
    counter = counter + 1
    return wrk.format("GET", nil, { ["X-Sandbox-Session"] = "bench-" .. counter .. "-" .. math.random(1e9) })
end
LUA
# A session's reset, then its next request: a new store each time.
cat >"$work/reset-session.lua" <<'LUA'
request = function()
    return wrk.format("POST", "/sandbox/reset", { ["X-Sandbox-Session"] = "bench-reset" })
end
LUA
# Memory first, on a fresh sandbox: 200 sessions, their pages as the sandbox counts them and
# the RSS they added.
rss() { awk '/VmRSS/ {print $2}' "/proc/$pid/status"; }
before=$(rss)
for i in $(seq 200); do curl -s -o /dev/null -H "X-Sandbox-Session: memory-$i" "$target"; done
after=$(rss)
summary=$(curl -s "$url/sandbox/sessions")
count=$(echo "$summary" | grep -o '"count":[0-9]*' | head -1 | cut -d: -f2)
bytes=$(echo "$summary" | grep -o '"memoryBytes":[0-9]*' | head -1 | cut -d: -f2)
pages="$count $bytes"
echo "$pages $before $after" | awk '{ printf "memory per session: %.0f KiB of database pages, %.0f KiB of RSS (%d sessions)\n", $2 / $1 / 1024, ($4 - $3) / $1, $1 }'

rate() { wrk -t1 -c1 -d3s "$@" | awk '/Requests\/sec/ {print $2}'; }
plain=$(rate "$target")
first=$(rate -s "$work/new-session.lua" "$target")
reset=$(rate -s "$work/reset-session.lua" "$url")
awk -v p="$plain" -v f="$first" -v r="$reset" 'BEGIN {
    printf "session first request: %.3f ms (a plain request %.3f ms, ratio %.1f)\n", 1000 / f, 1000 / p, p / f
    printf "session reset: %.3f ms end to end (ratio %.1f to a plain request)\n", 1000 / r, p / r }'

