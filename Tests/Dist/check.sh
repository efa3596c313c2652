#!/bin/sh
# make dist's tarball unpacked in an empty folder, and make install's binary, each run from an
# empty folder with an environment that has no Swift in it (PATH=/usr/bin:/bin, nothing else):
# what a plain CI image sees. Prints one line per check and 'N passed, N failed'.
set -eu
tarball="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
repository="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
passed=0
failed=0
check() {  # check NAME COMMAND...: runs COMMAND, counts and reports it
    name=$1; shift
    if "$@" >"$work/check.out" 2>&1; then passed=$((passed + 1)); echo "PASS $name"
    else failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/    /' "$work/check.out"; fi
}
bare() { env -i PATH=/usr/bin:/bin HOME="$work" "$@"; }

cd "$work"
tar -xzf "$tarball"
folder=$(basename "$tarball" .tar.gz)
binary="$work/$folder/dana-sandbox"

check "the tarball holds the binary, README, licence and changelog" \
    test -x "$binary" -a -f "$folder/README.md" -a -f "$folder/LICENSE" -a -f "$folder/CHANGELOG.md"
no_swift_libraries() { ! ldd "$binary" | grep -i swift; }
check "the binary links no Swift library" no_swift_libraries
# Ubuntu 22.04, a common CI image, has glibc 2.35: no symbol may need a newer one.
glibc_at_most_2_35() {
    needed=$(readelf --dyn-syms --wide "$binary" | grep -o 'GLIBC_[0-9.]*' | sort -uV | tail -1)
    echo "newest glibc symbol version needed: $needed"
    [ "$(printf '%s\nGLIBC_2.35\n' "$needed" | sort -V | tail -1)" = GLIBC_2.35 ]
}
check "the binary needs no glibc newer than 2.35" glibc_at_most_2_35
mkdir empty
cd empty
version_matches() { bare "$binary" --version | grep -qx "dana-sandbox $(echo "$folder" | cut -d- -f3)"; }
check "--version names the tarball's version" version_matches

serves_from_an_empty_folder() {
    bare "$binary" serve --port 0 >serve.out 2>serve.err &
    pid=$!
    tries=0
    until grep -q 'listening on' serve.out; do
        kill -0 "$pid" 2>/dev/null || { cat serve.err; return 1; }
        tries=$((tries + 1)); [ "$tries" -le 200 ] || return 1
        sleep 0.05
    done
    url=$(sed 's/^dana-sandbox listening on //' serve.out)
    curl -fsS "$url/health" | grep -q '"status":"ok"'
    body='{"customerNumber":"62811742234","amount":{"value":"1.00","currency":"IDR"},"additionalInfo":{"fundType":"AGENT_TOPUP_FOR_USER_SETTLE"}}'
    bare "$binary" sign snap --path /v1.0/emoney/account-inquiry.htm --body "$body" >headers.txt
    curl -sS "$url/v1.0/emoney/account-inquiry.htm" -H @headers.txt --data-binary "$body" | grep -q '"responseCode":"2003700"'
    kill "$pid"
    wait "$pid"
    pid=""
}
check "serve answers from an empty folder with the built-in seed, scenarios and keys" serves_from_an_empty_folder

init_writes_editable_copies() {
    bare "$binary" init copies
    test -f copies/seed.sql -a -f copies/keys/demo-partner-private.pem -a -f copies/scenarios/account-inquiry/do-not-honor.json
    cmp copies/seed.sql "$repository/seed.sql"
    bare "$binary" scenarios check copies/scenarios | grep -q 'are valid'
    ! bare "$binary" init copies 2>/dev/null
}
check "init writes editable copies, and refuses to overwrite them" init_writes_editable_copies

installed() {
    cd "$repository"
    make -s install PREFIX="$work/prefix" >/dev/null
    cd "$work/empty"
    bare "$work/prefix/bin/dana-sandbox" scenarios check | grep -q 'in the built-in library are valid'
}
check "make install puts a binary in PREFIX/bin that runs without Swift" installed

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
