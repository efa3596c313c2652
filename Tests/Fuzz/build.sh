#!/usr/bin/env bash
# Builds the libFuzzer targets into .build-fuzz/bin: not part of the product, so not in
# Package.swift. Each Sources/ module a harness needs is compiled from its whole folder (a glob,
# so a file added to a module needs no edit here) into one instrumented object and a
# .swiftmodule, in dependency order; each harness, Tests/Fuzz/<Name>Fuzzer.swift, is then linked
# against them with libFuzzer and AddressSanitizer.
#
#   Tests/Fuzz/build.sh [OUT]      OUT defaults to .build-fuzz
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=${1:-.build-fuzz}
SWIFTC=${SWIFTC:-swiftc}
MODULES="$OUT/modules"
mkdir -p "$MODULES" "$OUT/bin"

# -O: libFuzzer's executions per second are the point; the sanitizers still see every access.
FLAGS=(-O -sanitize=fuzzer,address -swift-version 6 -package-name dana_sandbox -parse-as-library
       -I "$MODULES" -I Sources/CSQLite -I Sources/CLibCrypto -I Sources/CLibSSL -I Sources/CEpoll
       $(pkg-config --cflags-only-I sqlite3 libssl libcrypto | sed 's/-I/-Xcc -I/g'))

# module name: the modules it imports are built before it (the graph in Package.swift)
ORDER="SandboxJSON SandboxHTTP SandboxCrypto SandboxSupport SandboxStorage DanaSandboxAPIs"

# The modules are rebuilt together whenever a source under Sources/ or this script changes: a
# digest of them all decides, which is simpler than tracking the graph and never stale.
digest=$( (find Sources -name '*.swift' -o -name '*.h' -o -name '*.modulemap' | sort | xargs cat; cat "$0") | sha256sum | cut -c1-16)
if [ "$(cat "$MODULES/digest" 2>/dev/null)" != "$digest" ]; then
    rm -f "$MODULES"/*
    for module in $ORDER; do
        echo "fuzz build: module $module"
        # shellcheck disable=SC2046
        "$SWIFTC" "${FLAGS[@]}" -wmo -module-name "$module" -emit-module -emit-module-path "$MODULES/$module.swiftmodule" \
            -c -o "$MODULES/$module.o" $(find "Sources/$module" -name '*.swift' | sort)
    done
    echo "$digest" > "$MODULES/digest"
fi

OBJECTS=()
for module in $ORDER; do OBJECTS+=("$MODULES/$module.o"); done
LIBS=(-lsqlite3 -lssl -lcrypto)

for harness in Tests/Fuzz/*Fuzzer.swift; do
    name=$(basename "$harness" .swift)
    target=$(echo "${name%Fuzzer}" | sed 's/\([A-Z]\+\)\([A-Z][a-z]\)/\1-\2/g; s/\([a-z0-9]\)\([A-Z]\)/\1-\2/g' | tr '[:upper:]' '[:lower:]')
    binary="$OUT/bin/$target"
    if [ -f "$binary" ] && [ -z "$(find "$harness" Tests/Fuzz/Support "$MODULES/digest" -newer "$binary")" ]; then
        continue
    fi
    echo "fuzz build: target $target"
    "$SWIFTC" "${FLAGS[@]}" -module-name "${name}" "$harness" Tests/Fuzz/Support/*.swift "${OBJECTS[@]}" "${LIBS[@]}" -o "$binary"
done
