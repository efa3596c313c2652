#!/bin/sh
# Writes Sources/DanaSandboxCore/BuiltIn/defaults.archive from seed.sql, scenarios/ and keys/:
# each file as a line `file PATH BYTES` followed by its bytes. The target embeds the archive in
# code (Package.swift), so the binary serves from any directory with nothing beside it.
# `make embed` runs this; BuiltInFilesTests fails when the archive and the repository differ.
set -eu
cd "$(dirname "$0")/../.."
out=Sources/DanaSandboxCore/BuiltIn/defaults.archive
tmp="$out.tmp"
: >"$tmp"
for file in seed.sql $(find scenarios keys -type f | LC_ALL=C sort); do
    case "$file" in *" "*) echo "embed-defaults.sh: a path with a space: $file" >&2; rm -f "$tmp"; exit 1 ;; esac
    printf 'file %s %s\n' "$file" "$(wc -c <"$file" | tr -d ' ')" >>"$tmp"
    cat "$file" >>"$tmp"
done
mv "$tmp" "$out"
