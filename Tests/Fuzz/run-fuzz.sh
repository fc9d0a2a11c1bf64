#!/usr/bin/env bash
# Fuzz the parsing layer with libFuzzer.
#
#   Tests/Fuzz/run-fuzz.sh [SECONDS] [TARGET...]     (default: 60 seconds; all targets)
#
# Each target (csv, dates, numbers, figures) is Tests/Fuzz/Fuzz<Target>.swift compiled together with
# the RestockCore sources it needs, with -sanitize=fuzzer,address, then run for SECONDS on
# a working corpus seeded from Tests/Fuzz/corpus/<target>/ (the seeds are never modified;
# new inputs and crash reproducers go under .build/fuzz/). A crash stops the script with
# the reproducer's path; re-run one input with `.build/fuzz/fuzz-<target> FILE`.
set -euo pipefail

seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then targets=(csv dates numbers figures); fi

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
core="$root/Sources/RestockCore"
out="$root/.build/fuzz"
mkdir -p "$out"

for target in "${targets[@]}"; do
    case "$target" in
        csv)     harness=FuzzCSV.swift;     sources=("$core"/CSV/*.swift "$core/Numbers/DecimalText.swift" "$core/Model/Day.swift") ;;
        dates)   harness=FuzzDates.swift;   sources=("$core"/Dates/*.swift "$core/Model/Day.swift") ;;
        numbers) harness=FuzzNumbers.swift; sources=("$core"/Numbers/*.swift "$core"/CSV/*.swift "$core/Model/Day.swift") ;;
        figures) harness=FuzzFigures.swift; mapfile -t sources < <(find "$core" -name '*.swift' | sort) ;;
        *) echo "unknown target '$target' (csv, dates, numbers, figures)" >&2; exit 2 ;;
    esac
    binary="$out/fuzz-$target"
    rm -f "$binary"
    echo "== building $target" >&2
    swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name RestockCore \
        "$root/Tests/Fuzz/$harness" "${sources[@]}" -o "$binary" 2>&1 \
        | grep -v "ld.gold: warning: Cannot export local symbol" || true
    [ -x "$binary" ] || { echo "build of $target failed" >&2; exit 1; }
    work="$out/corpus-$target"
    mkdir -p "$work"
    echo "== fuzzing $target for $seconds s" >&2
    # The Swift runtime's own crash handler trips ASan while printing; libFuzzer reports instead.
    SWIFT_BACKTRACE=enable=no "$binary" "$work" "$root/Tests/Fuzz/corpus/$target" \
        -max_total_time="$seconds" -print_final_stats=1 -max_len=4096 -timeout=20 \
        -artifact_prefix="$out/$target-" 2>&1 | grep -E "stat::|Done|ERROR|SUMMARY|crash-|Test unit|==[0-9]+==" || true
    # Any one of the three kinds is a finding (`ls` of all three fails when one kind is absent).
    if compgen -G "$out/$target-crash-*" >/dev/null || compgen -G "$out/$target-leak-*" >/dev/null \
        || compgen -G "$out/$target-timeout-*" >/dev/null; then
        echo "== $target: findings in $out/$target-*" >&2
        exit 1
    fi
done
