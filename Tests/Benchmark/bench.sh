#!/usr/bin/env bash
# restock's benchmark: ingest against sqlite3 .import, the first full run, an incremental
# night, and the pandas + statsforecast peer, side by side on one machine.
#
#   Tests/Benchmark/bench.sh [WORKDIR] [SKUS] [DAYS]      (defaults: /tmp/restock-bench 100000 730)
#
# Needs: sqlite3 (apt-get install sqlite3), GNU time (/usr/bin/time), python3; for the
# peer: pip install pandas pyarrow scipy statsforecast, and ../shared/bench/peer_pipeline.py
# (skipped when absent). Prints one line per measurement: seconds and peak memory.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="${1:-/tmp/restock-bench}"
skus="${2:-100000}"
days="${3:-730}"
end="2026-11-26"
prev="2026-11-25"
mkdir -p "$work"
cd "$root"
swift build -c release >/dev/null
bin="$root/.build/release/restock"

measure() { # label, command...
  local label="$1"; shift
  # Start each measurement with the previous one's writes on disk (a night follows a quiet day).
  sync; sleep 1
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$work/$label.out" 2>"$work/$label.err" || { echo "$label failed:"; tail -5 "$work/$label.err"; exit 1; }
  read -r secs kb < "$work/time.txt"
  printf '%-34s %9.2f s %9.0f MB\n' "$label" "$secs" "$((kb / 1024))"
  echo "$secs" > "$work/$label.secs"
}

if [ ! -f "$work/data/orders.csv" ]; then
  measure generate "$bin" generate --out "$work/data" --skus "$skus" --days "$days" --seed 7 --end "$end"
fi
echo "data: $(wc -l < "$work/data/orders.csv") order lines, $(du -shL "$work/data" | cut -f1) of CSV; $(nproc) cores"

# 1. Ingest of the orders file alone: sqlite3 .import (unchecked, same primary key) vs restock.
rm -f "$work/import.sqlite"
cat > "$work/import.sql" <<SQL
PRAGMA journal_mode=WAL;
CREATE TABLE orders(order_id TEXT, line_id TEXT, ordered_at TEXT, sku TEXT, quantity TEXT, unit_price TEXT, status TEXT,
  PRIMARY KEY(order_id, line_id)) WITHOUT ROWID;
.import --csv --skip 1 $work/data/orders.csv orders
SQL
measure "sqlite3 .import orders.csv" sh -c "sqlite3 '$work/import.sqlite' < '$work/import.sql'"
mkdir -p "$work/orders-only"; ln -sf "$work/data/orders.csv" "$work/orders-only/orders.csv"
rm -f "$work/ingest.sqlite"*
measure "restock ingest orders.csv" "$bin" ingest "$work/orders-only" --db "$work/ingest.sqlite" --quiet
awk -v a="$(cat "$work/restock ingest orders.csv.secs")" -v b="$(cat "$work/sqlite3 .import orders.csv.secs")" \
  'BEGIN { printf "ingest / .import = %.2f (target <= 0.8)\n", a / b }'

# 2. First full run on a fresh store: history up to the night before.
rm -rf "$work/history" "$work/night"
python3 "$root/Tests/Benchmark/split_night.py" "$work/data" "$end" "$work/history" "$work/night"
rm -rf "$work/run.sqlite"* "$work/Reports"
measure "restock run (first, full)" "$bin" run --data "$work/history" --db "$work/run.sqlite" --out "$work/Reports" --as-of "$prev" --quiet --json
python3 - "$work/restock run (first, full).out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("  first-run stages: " + ", ".join(f"{x['name']} {x['seconds']:.2f}s" for x in s["stages"]), "| rows read", s["totals"]["rows_read"])
PY

# 3. The incremental night: the last day's files added, next as-of.
cp "$work"/night/*.csv "$work/history/"
measure "restock run (incremental night)" "$bin" run --data "$work/history" --db "$work/run.sqlite" --out "$work/Reports" --as-of "$end" --quiet --json
python3 - "$work/restock run (incremental night).out" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("  night stages: " + ", ".join(f"{x['name']} {x['seconds']:.2f}s" for x in s["stages"]), "| rows read", s["totals"]["rows_read"])
PY

# 4. Per-SKU stages on one core vs two.
for w in 1 2; do
  RESTOCK_WORKERS=$w "$bin" run --data "$work/history" --db "$work/run.sqlite" --out "$work/Reports-w$w" --as-of "$end" --quiet --json > "$work/w$w.json"
done
python3 - "$work/w1.json" "$work/w2.json" <<'PY'
import json, sys
t = [next(x["seconds"] for x in json.load(open(p))["stages"] if x["name"] == "compute") for p in sys.argv[1:3]]
print(f"per-SKU stage: 1 core {t[0]:.2f}s, 2 cores {t[1]:.2f}s, speed-up {t[0]/t[1]:.2f} (target >= 1.7)")
PY
ls -la "$work/Reports/$end/report.html" | awk '{ printf "report.html: %.2f MB\n", $5 / 1048576 }'

# 5. The peer on the same folder (history plus the night), when available.
peer="$root/../shared/bench/peer_pipeline.py"
if [ -f "$peer" ] && python3 -c "import pandas, pyarrow, statsforecast" 2>/dev/null; then
  measure "peer (pandas + statsforecast)" python3 "$peer" --data "$work/history" --as-of "$end" --out "$work/peer"
  awk -v p="$(cat "$work/peer (pandas + statsforecast).secs")" -v f="$(cat "$work/restock run (first, full).secs")" \
      -v n="$(cat "$work/restock run (incremental night).secs")" \
      'BEGIN { printf "peer / first run = %.2f (target >= 1); peer / night = %.1f (target >= 10)\n", p / f, p / n }'
else
  echo "peer skipped: needs ../shared/bench/peer_pipeline.py and pip install pandas pyarrow scipy statsforecast"
fi
