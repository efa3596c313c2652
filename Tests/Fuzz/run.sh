#!/usr/bin/env bash
# `make fuzz`: builds the targets, then runs each for FUZZ_SECONDS (default 60) with its seed
# corpus and dictionary, leak detection on, and a per-input timeout. Prints executions and
# coverage per target as a table; on any crash, leak, timeout, out-of-memory or property
# violation prints the reproducer (path, base64 and a hexdump) and exits non-zero after the
# other targets have run.
#
#   Tests/Fuzz/run.sh [TARGET...]      all targets by default
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
SECONDS_EACH=${FUZZ_SECONDS:-60}
OUT=.build-fuzz

Tests/Fuzz/build.sh "$OUT" 2> >(grep -v "ld.gold: warning: Cannot export local symbol" >&2) || exit 1

dictionary() {
    case "$1" in
        http-request|chunked-body) echo "-dict=$ROOT/Tests/Fuzz/dict/http.dict" ;;
        json|open-api-span|scenario-file) echo "-dict=$ROOT/Tests/Fuzz/dict/json.dict" ;;
    esac
}

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    for binary in "$OUT"/bin/*; do
        # Only targets whose harness still exists: a renamed one leaves its old binary behind.
        harness=$(ls Tests/Fuzz/*Fuzzer.swift | while read -r file; do name=$(basename "$file" .swift); echo "${name%Fuzzer}" | sed 's/\([A-Z]\+\)\([A-Z][a-z]\)/\1-\2/g; s/\([a-z0-9]\)\([A-Z]\)/\1-\2/g' | tr '[:upper:]' '[:lower:]'; done | grep -x "$(basename "$binary")")
        [ -n "$harness" ] && targets+=("$(basename "$binary")")
    done
fi

failed=0
summary=$(printf '%-15s %12s %10s %8s %8s  %s' target executions exec/s cov ft result)
for target in "${targets[@]}"; do
    # The corpus a run grows lives under .build-fuzz; only the seeds are committed.
    work="$ROOT/$OUT/corpus/$target"; artifacts="$ROOT/$OUT/artifacts/$target"; scratch="$ROOT/$OUT/scratch/$target"
    mkdir -p "$work" "$artifacts" "$scratch"
    rm -f "$artifacts"/*
    log="$ROOT/$OUT/$target.log"
    echo "fuzz: $target for ${SECONDS_EACH}s"
    # The scratch folder as working directory: whatever an input makes a target write (a seed
    # script's ATTACH) lands there.
    # The Swift runtime's own crash handler would race ASan's report for the same signal.
    (cd "$scratch" && SWIFT_BACKTRACE=enable=no "$ROOT/$OUT/bin/$target" -max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048 \
        -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$artifacts/" $(dictionary "$target") \
        "$work" "$ROOT/Tests/Fuzz/corpus/$target") > "$log" 2>&1
    status=$?
    executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    coverage=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    features=$(grep -E '^#[0-9]+' "$log" | tail -1 | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    findings=$(ls "$artifacts" 2>/dev/null)
    result=ok
    if [ $status -ne 0 ] || [ -n "$findings" ]; then
        result="FAILED (exit $status)"
        failed=1
        echo "---- $target: FAILED; the end of $log:"
        grep -v '^#[0-9]' "$log" | tail -40
        for finding in $findings; do
            echo "---- reproducer $artifacts/$finding (replay: $OUT/bin/$target $artifacts/$finding)"
            echo "base64: $(base64 -w0 "$artifacts/$finding")"
            od -A d -t x1z -v "$artifacts/$finding" | head -40
        done
    fi
    summary+=$'\n'$(printf '%-15s %12s %10s %8s %8s  %s' "$target" "${executions:-?}" "${rate:-?}" "${coverage:-?}" "${features:-?}" "$result")
done
echo
echo "$summary"
exit $failed
