#!/usr/bin/env bash
# Runs the official clients (dana-python, paylabs-sdk, pinned) against the debug build, from a venv
# kept under .build so it is made once per checkout. Part of `make test`.
set -euo pipefail
cd "$(dirname "$0")/../.."

venv=.build/clients-venv
binary=.build/debug/dana-sandbox
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import dana, paylabs' 2>/dev/null; then
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
        echo "the official-client check needs python3 with venv (Debian: sudo apt-get install python3-venv)" >&2
        exit 1
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check dana-python==2.2.2 paylabs-sdk==1.0.3
fi

out=$(mktemp)
"$binary" serve --port 0 >"$out" 2>/dev/null &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$out"' EXIT
for _ in $(seq 200); do grep -q listening "$out" && break; sleep 0.05; done
url=$(sed 's/^dana-sandbox listening on //' "$out")
"$venv/bin/python" Tests/Clients/official_clients.py "$url" "$PWD"
