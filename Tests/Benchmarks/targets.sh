#!/usr/bin/env bash
# The performance targets, each a ratio against a baseline measured in this run on this machine,
# printed as one table; exits 1 when a target is missed. Baselines it sets up itself: GET /health
# of the same sandbox, a WireMock 2.35.1 stub (PyPI's `wiremock` wheel bundles the jar; Java 17),
# and `openssl speed` for RSA-2048 signatures. A baseline that cannot be had is said and skipped.
#
#   Tests/Benchmarks/targets.sh                 # 5 s per rate
#   DURATION=10s Tests/Benchmarks/targets.sh
set -uo pipefail
cd "$(dirname "$0")/../.."

DURATION=${DURATION:-5s}
BINARY=.build/release/dana-sandbox
CORES=$(nproc)
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    rm -rf "$work"
}
trap cleanup EXIT

NEED_FOR="make bench"
. Tests/Tools/need.sh
need wrk:wrk openssl:openssl python3:python3

rows=()
failed=0
# row NAME FIGURE UNIT BASELINE_NAME BASELINE RATIO TARGET_TEXT VERDICT (met, missed, skipped or reference; missed fails the run)
row() {
    rows+=("$(printf '| %s | %s %s | %s %s | %s | %s | %s |' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8")")
    [ "$8" = "missed" ] && failed=1
    return 0
}
verdict() { awk -v v="$1" -v t="$2" -v dir="$3" 'BEGIN { if ((dir == ">=" && v >= t) || (dir == "<=" && v <= t)) print "met"; else print "missed" }'; }
rate() { wrk -t1 -c32 -d"$DURATION" "$@" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }

start_sandbox() {
    "$BINARY" serve --port 0 "$@" 2>/dev/null >"$work/ready" &
    sandbox_pid=$!
    pids+=("$sandbox_pid")
    for _ in $(seq 400); do grep -q listening "$work/ready" 2>/dev/null && break; sleep 0.025; done
    url=$(sed 's/.*listening on //' "$work/ready")
}

# ---------------------------------------------------------------------------------------------
# Requests signed once; X-EXTERNAL-ID varies per request (the signature does not cover it).
start_sandbox
inquiry_body='{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_CLEARING"}}'
lua_headers() {  # lua_headers HEADERS SCRIPT BODY: writes SCRIPT, a wrk script POSTing BODY with the `Name: value` lines of HEADERS
    local script=$2
    {
        echo 'counter = 0'
        echo "wrk.method = \"POST\""
        printf 'wrk.body = %s\n' "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$3")"
        while IFS= read -r line; do
            name=${line%%:*}; value=${line#*: }
            [ "$name" = "X-EXTERNAL-ID" ] && continue
            printf 'wrk.headers[%s] = %s\n' "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$name")" "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$value")"
        done <"$1"
        # Each wrk run draws its own prefix: a second run reusing the first run's ids would be refused.
        cat <<'LUA'
local urandom = io.open("/dev/urandom", "rb"); run = urandom:read(8):gsub(".", function(c) return string.format("%02x", c:byte()) end); urandom:close()
request = function() counter = counter + 1; wrk.headers["X-EXTERNAL-ID"] = "bench" .. run .. "x" .. counter; return wrk.format() end
LUA
    } >"$script"
}
"$BINARY" sign snap --path /v1.0/emoney/account-inquiry.htm --body "$inquiry_body" >"$work/rsa.headers"
lua_headers "$work/rsa.headers" "$work/rsa.lua" "$inquiry_body"
token=$("$BINARY" sign b2b | awk -F': ' '{printf "-H\n%s: %s\n", $1, $2}' | tr '\n' '\0' | xargs -0 curl -s "$url/v1.0/access-token/b2b.htm" -d '{"grantType":"client_credentials"}' | sed 's/.*"accessToken":"\([^"]*\)".*/\1/')
[ -n "$token" ] || echo "warning: no B2B token from $url" >&2
"$BINARY" sign snap --path /v1.0/emoney/account-inquiry.htm --body "$inquiry_body" --b2b-token "$token" >"$work/hmac.headers"
lua_headers "$work/hmac.headers" "$work/hmac.lua" "$inquiry_body"

profile_request=$("$BINARY" sign openapi --function dana.member.query.queryUserProfile --access-token demo-token-62811742234 --body '{"userResources":["BALANCE","FULLNAME"]}')
printf 'wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nwrk.body = %s\n' "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$profile_request")" >"$work/profile.lua"
subtrans_body='{"merchantId":"010001","requestId":"bench-request","paymentType":"StaticDanaSub","merchantSubId":"PY-1761114620.5313134"}'
"$BINARY" sign paylabs --path /dana/v1/sub/querysubtrans --body "$subtrans_body" >"$work/paylabs.headers"
lua_headers "$work/paylabs.headers" "$work/paylabs.lua" "$subtrans_body"

# Sanity: each prepared request is answered as intended before it is timed.
check_answer() {
    local answer
    answer=$(wrk -t1 -c1 -d1s -s "$1" "$2" 2>&1 | grep -c "Non-2xx" || true)
    # A rate of refusals measures nothing: the run fails.
    [ "$answer" = 0 ] || { echo "error: $(basename "$1" .lua) requests were refused; its figures are not valid" >&2; failed=1; }
}
check_answer "$work/rsa.lua" "$url/v1.0/emoney/account-inquiry.htm"
check_answer "$work/hmac.lua" "$url/v1.0/emoney/account-inquiry.htm"

health=$(rate "$url/health")
rsa=$(rate -s "$work/rsa.lua" "$url/v1.0/emoney/account-inquiry.htm")
peak_rss=$(awk '/VmHWM/ {print $2}' "/proc/$sandbox_pid/status")
hmac=$(rate -s "$work/hmac.lua" "$url/v1.0/emoney/account-inquiry.htm")
profile=$(rate -s "$work/profile.lua" "$url/dana/member/query/queryUserProfile.htm")
subtrans=$(rate -s "$work/paylabs.lua" "$url/dana/v1/sub/querysubtrans")
sign_rate=$(openssl speed -multi "$CORES" -seconds 3 rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ { print $6 }' | tail -1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "0" }'; }
r=$(ratio "$rsa" "$health"); row "account inquiry, RSA signature" "$rsa" "req/s" "GET /health" "$health req/s" "$r" "≥ 0.4" "$(verdict "$r" 0.4 ">=")"
r=$(ratio "$hmac" "$health"); row "account inquiry, B2B token (HMAC)" "$hmac" "req/s" "GET /health" "$health req/s" "$r" "≥ 0.5" "$(verdict "$r" 0.5 ">=")"
if [ -n "$sign_rate" ]; then
    r=$(ratio "$profile" "$sign_rate"); row "queryUserProfile (verify + sign)" "$profile" "req/s" "openssl RSA-2048 signs, $CORES cores" "$sign_rate /s" "$r" "≥ 0.7" "$(verdict "$r" 0.7 ">=")"
    r=$(ratio "$subtrans" "$sign_rate"); row "querysubtrans (verify + sign)" "$subtrans" "req/s" "openssl RSA-2048 signs, $CORES cores" "$sign_rate /s" "$r" "≥ 0.7" "$(verdict "$r" 0.7 ">=")"
else
    row "queryUserProfile, querysubtrans" "$profile, $subtrans" "req/s" "openssl speed" "not measured" "-" "≥ 0.7" "skipped"
fi
peak_mib=$(awk -v k="$peak_rss" 'BEGIN { printf "%.1f", k / 1024 }')
row "peak RSS under the account-inquiry load" "$peak_mib" "MiB" "-" "" "-" "≤ 20 MiB" "$(verdict "$peak_mib" 20 "<=")"

# ---------------------------------------------------------------------------------------------
# WireMock 2.35.1: a stub with a fixed body, same load; and its start-up to the first answer.
wiremock_jar=""
if command -v java >/dev/null; then
    [ -d .build/bench-venv ] || python3 -m venv .build/bench-venv >/dev/null 2>&1
    .build/bench-venv/bin/python -c 'import wiremock' 2>/dev/null || .build/bench-venv/bin/pip install -q --disable-pip-version-check wiremock >/dev/null 2>&1
    wiremock_jar=$(find .build/bench-venv -name 'wiremock-standalone-*.jar' 2>/dev/null | head -1)
fi
first_answer_ms() {  # first_answer_ms PORT PATH COMMAND...: milliseconds from launch to a 200 for PATH
    # Polled from bash itself (/dev/tcp, $EPOCHREALTIME): a curl or date process per attempt
    # would cost more than what is measured.
    local port=$1 path=$2; shift 2
    local started=$EPOCHREALTIME status=""
    "$@" >/dev/null 2>&1 &
    local pid=$!
    while [ -z "$status" ]; do
        if exec 3<>"/dev/tcp/127.0.0.1/$port"; then
            printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
            read -r _ status _ <&3
            exec 3<&-
            [ "$status" = 200 ] || status=""
        fi 2>/dev/null
    done
    local now=$EPOCHREALTIME
    kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    awk -v a="${started/./}" -v b="${now/./}" 'BEGIN { printf "%.2f\n", (b - a) / 1000 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
port=$((21000 + RANDOM % 20000))
startup=$(for _ in $(seq 21); do first_answer_ms "$port" /health "$BINARY" serve --port "$port"; done | median)
row "start-up to the first answer (median of 21)" "$startup" "ms" "-" "" "-" "≤ 5 ms" "$(verdict "$startup" 5 "<=")"
if [ -n "$wiremock_jar" ]; then
    mkdir -p "$work/wiremock/mappings"
    echo '{"request":{"method":"POST","url":"/v1.0/emoney/account-inquiry.htm"},"response":{"status":200,"body":"{\"responseCode\":\"2003700\"}"}}' >"$work/wiremock/mappings/inquiry.json"
    wm_port=$((21000 + RANDOM % 20000))
    java -jar "$wiremock_jar" --port "$wm_port" --root-dir "$work/wiremock" --disable-request-logging --no-request-journal >/dev/null 2>&1 &
    pids+=("$!")
    for _ in $(seq 600); do curl -fs -o /dev/null -X POST "http://127.0.0.1:$wm_port/v1.0/emoney/account-inquiry.htm" && break; sleep 0.1; done
    rate -s "$work/rsa.lua" "http://127.0.0.1:$wm_port/v1.0/emoney/account-inquiry.htm" >/dev/null  # the JIT's warm-up
    wiremock=$(rate -s "$work/rsa.lua" "http://127.0.0.1:$wm_port/v1.0/emoney/account-inquiry.htm")
    r=$(ratio "$rsa" "$wiremock"); row "account inquiry beside a WireMock stub" "$rsa" "req/s" "WireMock 2.35.1 fixed stub" "$wiremock req/s" "$r" "≥ 3" "$(verdict "$r" 3 ">=")"
    wm_port2=$((21000 + RANDOM % 20000))
    wm_start=$(first_answer_ms "$wm_port2" /__admin/mappings java -jar "$wiremock_jar" --port "$wm_port2" --root-dir "$work/wiremock")
    r=$(ratio "$wm_start" "$startup"); row "start-up beside WireMock's" "$startup" "ms" "WireMock start-up" "$wm_start ms" "$r×" "≥ 100× faster" "$(verdict "$r" 100 ">=")"
else
    row "account inquiry beside a WireMock stub" "$rsa" "req/s" "WireMock" "not available (java or PyPI wiremock)" "-" "≥ 3" "skipped"
fi

# ---------------------------------------------------------------------------------------------
# 10,000 idle keep-alive connections held while 32 active ones use GET /health.
python3 Tests/Benchmarks/idle_connections.py "$url" 10000 60 2>"$work/idle.err" &
pids+=("$!")
for _ in $(seq 600); do grep -q '^held\|^failed' "$work/idle.err" 2>/dev/null && break; sleep 0.1; done
held=$(grep -o '^held [0-9]*' "$work/idle.err" | tail -1 | cut -d' ' -f2)
latency=$(wrk -t1 -c32 -d"$DURATION" --latency "$url/health" 2>/dev/null | awk '/ 99%/ { print $2 }')
p99_ms=$(echo "$latency" | awk '/ms$/ { sub("ms", ""); print; next } /us$/ { sub("us", ""); print $1 / 1000; next } /s$/ { sub("s", ""); print $1 * 1000 }')
rss_idle=$(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$sandbox_pid/status")
row "p99 of 32 active connections beside ${held:-0} idle ones" "${p99_ms:-?}" "ms" "-" "" "-" "< 10 ms" "$(verdict "${p99_ms:-999}" 10 "<=")"
row "RSS holding ${held:-0} idle connections" "$rss_idle" "MiB" "-" "" "-" "< 100 MiB" "$(verdict "$rss_idle" 100 "<=")"

# ---------------------------------------------------------------------------------------------
# GET /health beside nginx serving a fixed body (health-vs-nginx.sh, one round): no target, the
# reference the other rates stand on.
nginx_ratio=$(ROUNDS=1 DURATION="$DURATION" Tests/Benchmarks/health-vs-nginx.sh 2>/dev/null | awk -F'= ' '/overall/ { print $2 }')
if [ -n "$nginx_ratio" ]; then
    row "GET /health beside nginx" "$health" "req/s" "nginx, same load" "" "$nginx_ratio" "-" "reference"
else
    row "GET /health beside nginx" "$health" "req/s" "nginx" "not available" "-" "-" "skipped"
fi

echo
echo "| figure | measured | baseline (same run) | ratio | target | verdict |"
echo "|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
exit "$failed"
