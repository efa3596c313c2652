#!/usr/bin/env bash
# `make test-sanitize`: the whole test suite under ThreadSanitizer, then under AddressSanitizer,
# each in its own build folder. The sandbox binaries the server tests spawn
# are built with the same sanitizer and inherit its options, so their reports count too: every
# report goes to a file under .build-<tsan|asan>/reports, and any report, like any failing test,
# fails the run.
#
#   Tests/Sanitizers/run.sh [thread|address ...]      both by default
set -uo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
failed=0
summary=""
sanitizers=${*:-thread address}
for sanitizer in $sanitizers; do
    case "$sanitizer" in
        thread) dir=.build-tsan; export TSAN_OPTIONS="log_path=$ROOT/$dir/reports/report halt_on_error=0 suppressions=$ROOT/Tests/Sanitizers/tsan.supp" ;;
        # No LeakSanitizer here: Swift keeps the box of an indirect enum (JSONValue) behind a
        # pointer with tag bits, which LSan does not follow, so a value reachable from a global
        # is reported lost (a program that only stores one in a global shows it). Leaks are
        # watched instead by the fuzz targets (libFuzzer checks every input frees what it
        # allocates) and by the soak's RSS bound.
        address) dir=.build-asan; export ASAN_OPTIONS="log_path=$ROOT/$dir/reports/report detect_leaks=0" ;;
        *) echo "unknown sanitizer $sanitizer" >&2; exit 2 ;;
    esac
    echo "test-sanitize: building with --sanitize=$sanitizer into $dir"
    swift build --build-tests --sanitize="$sanitizer" --build-path "$dir" -Xswiftc -warnings-as-errors || exit 1
    rm -rf "$dir/reports" && mkdir -p "$dir/reports"
    started=$(date +%s)
    swift test --skip-build --sanitize="$sanitizer" --build-path "$dir" --disable-swift-testing 2>&1 | tee "$dir/test.log" | grep -E "^Test Suite 'All tests'|Executed [0-9]+ tests|error:|failed" | tail -5
    status=${PIPESTATUS[0]}
    elapsed=$(( $(date +%s) - started ))
    reports=$(ls "$dir/reports")
    tests=$(grep -Eo "Executed [0-9]+ tests, with [0-9]+ failures?" "$dir/test.log" | tail -1)
    result="clean"
    if [ -n "$reports" ]; then
        result="$(cat "$dir"/reports/* | grep -c "^WARNING: ThreadSanitizer\|^==[0-9]*==ERROR") reports"
        failed=1
        for report in "$dir"/reports/*; do echo "---- $report"; head -60 "$report"; done
    fi
    [ "$status" -eq 0 ] || { failed=1; [ "$result" = clean ] && result="tests failed (exit $status)"; }
    summary+=$(printf '%-8s %-45s %6ss  %s' "$sanitizer" "${tests:-no test summary}" "$elapsed" "$result")$'\n'
done
echo
printf '%s' "$summary"
exit $failed
