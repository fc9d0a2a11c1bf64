#!/usr/bin/env bash
# Instructions executed, counted by valgrind (Sources/PERFORMANCE.md, "Counting instructions
# where the clock is too noisy"): a measure that does not move with the machine's load, for
# comparing two builds of restock on one small data set. Prints, in millions of instructions:
#   - restock's first load (`restock ingest` of the history into an empty store),
#   - restock's night (`restock run` of the night's files on a copy of the store after a
#     first run, the next as-of),
#   - `sqlite3 .import` of the same four history files into bench.sh's keyed tables, for scale.
# Two runs of one binary agree to about 0.01%; the wall clock is not measured here.
#
#   Tests/Benchmark/instructions.sh [--skus N] [--work DIR] [--bin PATH]
#
# Defaults: 2,000 SKUs x 730 days (seed 7, ending 2026-11-26; about 5 minutes in all), work
# folder /tmp/restock-instructions-SKUS, the release build of this package. Needs valgrind,
# sqlite3 and python3: apt-get install valgrind sqlite3 python3
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
skus=2000 work="" bin=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "instructions.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
for tool in valgrind sqlite3 python3; do
  command -v "$tool" >/dev/null 2>&1 || { echo "instructions.sh needs $tool: apt-get install $tool" >&2; exit 2; }
done
work="${work:-/tmp/restock-instructions-$skus}"
end="2026-11-26" prev="2026-11-25"
if [ -z "$bin" ]; then
  (cd "$root" && swift build -c release >/dev/null)
  bin="$root/.build/release/restock"
fi
mkdir -p "$work"
if [ ! -f "$work/night/orders-$end.csv" ]; then
  rm -rf "$work/data" "$work/history" "$work/night"
  "$bin" generate --out "$work/data" --skus "$skus" --days 730 --seed 7 --end "$end" >/dev/null 2>&1
  python3 "$root/Tests/Benchmark/split_night.py" "$work/data" "$end" "$work/history" "$work/night"
fi
echo "restock: $bin ($("$bin" --version 2>/dev/null || echo '?')); $skus SKUs, $(($(wc -l < "$work/history/orders.csv") - 1)) order lines of history"

# count LABEL COMMAND...: the instructions valgrind counts for COMMAND, in millions.
count() {
  local label="$1"; shift
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null "$@" >/dev/null 2>"$work/$label.valgrind"
  local refs
  refs="$(sed -n 's/.*I *refs: *\([0-9,]*\).*/\1/p' "$work/$label.valgrind" | tr -d ,)"
  [ -n "$refs" ] || { echo "instructions.sh: no count for $label (see $work/$label.valgrind)" >&2; exit 1; }
  printf '  %-34s %10.1f million instructions\n' "$label" "$(echo "$refs / 1000000" | bc -l)"
}

rm -rf "$work/store.sqlite"* "$work/Reports"
count "restock first load (ingest)" "$bin" ingest "$work/history" --db "$work/store.sqlite" --quiet
"$bin" run --data "$work/history" --db "$work/store.sqlite" --out "$work/Reports" --as-of "$prev" --quiet >/dev/null
# The night's files beside the history, as bench.sh does (the history files then unchanged).
cp "$work"/night/*.csv "$work/history/"
count "restock night (run)" "$bin" run --data "$work/history" --db "$work/store.sqlite" --out "$work/Reports" --as-of "$end" --quiet
rm -f "$work"/history/*-"$end".csv "$work/import.sqlite"*
bash "$root/Tests/Benchmark/yardstick-sql.sh" "$work/history" > "$work/import.sql"
count "sqlite3 .import of the four files" sqlite3 "$work/import.sqlite" < "$work/import.sql"
rm -f "$work/import.sqlite"*
