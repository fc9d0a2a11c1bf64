#!/usr/bin/env bash
# restock's benchmark (README, "Performance"): on one machine, in one script, N times over,
#   - the yardstick: `sqlite3 .import` of the same four files into tables with the same keys,
#   - restock's first full run on a fresh store (history up to the night before),
#   - restock's night (the last day's files added, the next as-of),
#   - the peer (pandas + statsforecast) on the same folder, when it is at hand,
# each with its seconds and peak memory, then min / median / max and the ratios of issue 16's
# targets, each ratio taken within one repetition (so a machine that slows down between
# repetitions slows both sides of it).
#
#   Tests/Benchmark/bench.sh [--skus N] [--days N] [--runs N] [--work DIR] [--bin PATH] [--peer PATH|--no-peer]
#   Tests/Benchmark/bench.sh --small        # 2,000 SKUs x 180 days, one repetition: a minute or two
#
# Defaults: 100,000 SKUs x 730 days (seed 7, ending 2026-11-26), 3 repetitions, work folder
# /tmp/restock-bench-SKUS-DAYS (its data is generated once and kept), the release build of
# this package. The peer is ../shared/bench/peer_pipeline.py beside the package, run when it
# is there and `python3 -c "import pandas, pyarrow, statsforecast"` works; else it is skipped,
# saying so. Needs the sqlite3 command-line shell, GNU time and python3:
#   apt-get install sqlite3 time python3      (.ci/run installs sqlite3 and python3)
#   pip install pandas pyarrow scipy statsforecast      (for the peer)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
skus=100000 days=730 runs=3 work="" bin="" peer="$root/../shared/bench/peer_pipeline.py" small=0
while [ $# -gt 0 ]; do
  case "$1" in
    --skus) skus="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --peer) peer="$2"; shift 2 ;;
    --no-peer) peer=""; shift ;;
    --small) small=1; skus=2000; days=180; runs=1; shift ;;
    -h|--help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done
case "$runs" in ''|*[!0-9]*|0) echo "bench.sh: --runs needs a whole number of 1 or more" >&2; exit 2 ;; esac
work="${work:-/tmp/restock-bench-$skus-$days}"
end="2026-11-26" prev="2026-11-25"

missing=()
command -v sqlite3 >/dev/null 2>&1 || missing+=(sqlite3)
[ -x /usr/bin/time ] || missing+=(time)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench.sh needs: ${missing[*]}; install with: apt-get install ${missing[*]}" >&2
  exit 2
fi
if [ -z "$bin" ]; then
  (cd "$root" && swift build -c release >/dev/null)
  bin="$root/.build/release/restock"
fi
mkdir -p "$work"

# --- the machine ---------------------------------------------------------------------------
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
mem="$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
os="$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME" || uname -sr)"
echo "machine: $cpu, $(nproc) cores, $mem, $os"
echo "sqlite3 $(sqlite3 --version | cut -d' ' -f1) (shell); $(swift --version 2>/dev/null | head -1 || echo 'swift: not on PATH')"
echo "restock: $bin ($("$bin" --version 2>/dev/null || echo '?'))"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- the data: generated once, split into history and the night's drop ----------------------
data="$work/data"
if [ ! -f "$data/orders.csv" ]; then
  echo "generating $skus SKUs x $days days into $data ..."
  "$bin" generate --out "$data" --skus "$skus" --days "$days" --seed 7 --end "$end" >/dev/null 2>&1
fi
if [ ! -f "$work/night/orders-$end.csv" ]; then
  rm -rf "$work/history" "$work/night"
  python3 "$root/Tests/Benchmark/split_night.py" "$data" "$end" "$work/history" "$work/night"
fi
echo "data: $(($(wc -l < "$work/history/orders.csv") - 1)) order lines of history, $(($(cat "$work"/night/*.csv | wc -l) - 4)) rows in the night's four files; $(du -shL "$work/history" | cut -f1) of CSV"

# The yardstick's tables: every column as text, each file's key as restock keys it.
bash "$root/Tests/Benchmark/yardstick-sql.sh" "$work/history" > "$work/import.sql"

if [ -n "$peer" ] && [ -f "$peer" ] && python3 -c "import pandas, pyarrow, statsforecast" 2>/dev/null; then
  have_peer=1
else
  have_peer=0
  if [ -z "$peer" ]; then echo "peer: skipped (--no-peer)"
  elif [ ! -f "$peer" ]; then echo "peer: skipped: $peer is not there (it lives beside the repository, not in it)"
  else echo "peer: skipped: python3 cannot import pandas, pyarrow and statsforecast (pip install pandas pyarrow scipy statsforecast)"
  fi
fi

# measure LABEL REP COMMAND...: one measurement after `sync` (the previous one's writes on
# disk, as after a quiet day); appends "label rep seconds peak-MB user-seconds" to results.
results="$work/results.txt"
: > "$results"
measure() {
  local label="$1" rep="$2"; shift 2
  sync; sleep 1
  if ! /usr/bin/time -f "%e %M %U" -o "$work/time.txt" "$@" >"$work/$label.out" 2>"$work/$label.err"; then
    echo "$label failed:"; tail -5 "$work/$label.err"; exit 1
  fi
  read -r secs kb user < "$work/time.txt"
  echo "$label $rep $secs $((kb / 1024)) $user" >> "$results"
  printf '  %-10s %8.2f s %7d MB peak %8.2f s user\n' "$label" "$secs" "$((kb / 1024))" "$user"
}

stages() { # the stage times of a restock --json summary
  python3 - "$1" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
print("    stages: " + ", ".join("%s %.2f s" % (x["name"], x["seconds"]) for x in s["stages"]))
PY
}

for rep in $(seq 1 "$runs"); do
  echo "repetition $rep of $runs"
  rm -f "$work/import.sqlite"*
  measure yardstick "$rep" sh -c "sqlite3 '$work/import.sqlite' < '$work/import.sql'"
  rm -f "$work/import.sqlite"*
  rm -rf "$work/run.sqlite"* "$work/Reports"
  rm -f "$work"/history/*-"$end".csv
  measure first "$rep" "$bin" run --data "$work/history" --db "$work/run.sqlite" --out "$work/Reports" --as-of "$prev" --quiet --json
  stages "$work/first.out"
  cp "$work"/night/*.csv "$work/history/"
  measure night "$rep" "$bin" run --data "$work/history" --db "$work/run.sqlite" --out "$work/Reports" --as-of "$end" --quiet --json
  stages "$work/night.out"
  if [ "$have_peer" = 1 ]; then
    rm -rf "$work/peer"
    measure peer "$rep" python3 "$peer" --data "$work/history" --as-of "$end" --out "$work/peer"
  fi
  rm -f "$work"/history/*-"$end".csv
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- summary: min / median / max per step, the ratios within each repetition, the targets ---
python3 - "$results" "$skus" "$runs" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
skus, runs = int(sys.argv[2]), int(sys.argv[3])
by = {}
for label, rep, secs, mb, user in rows:
    by.setdefault(label, {})[int(rep)] = (float(secs), int(mb), float(user))
def spread(values, fmt):
    v = sorted(values)
    return f"{fmt(v[0])} / {fmt(statistics.median(v))} / {fmt(v[-1])}"
names = {"yardstick": "sqlite3 .import of the four files", "first": "restock first full run",
         "night": "restock night", "peer": "peer (pandas + statsforecast)"}
print(f"\n{skus:,} SKUs, {runs} repetition(s): seconds min / median / max, peak memory max")
for label in ("yardstick", "first", "night", "peer"):
    if label not in by: continue
    m = by[label].values()
    print(f"  {names[label]:<34} {spread([x[0] for x in m], lambda s: f'{s:.1f}'):>22} s  {max(x[1] for x in m):>6,} MB")
for label in ("first", "night"):
    if label in by:
        print(f"  {names[label]} per SKU: {spread([x[0] / skus * 1e6 for x in by[label].values()], lambda s: f'{s:.0f}')} us")
def ratio(a, b):
    if a not in by or b not in by: return None
    return [by[a][r][0] / by[b][r][0] for r in by[a] if r in by[b]]
targets = [("first run / yardstick", ratio("first", "yardstick"), "<=", 1.0),
           ("peer / first run", ratio("peer", "first"), ">=", 1.5),
           ("peer / night", ratio("peer", "night"), ">=", 20.0)]
print("ratios within each repetition, min / median / max, and issue 16's targets (on the median):")
for name, values, op, target in targets:
    if not values:
        print(f"  {name:<22} (no peer)"); continue
    med = statistics.median(values)
    met = med <= target if op == "<=" else med >= target
    print(f"  {name:<22} {spread(values, lambda r: f'{r:.2f}'):>22}   target {op} {target:g}: {'met' if met else 'NOT met'}")
peak = max(x[1] for label in ("first", "night") if label in by for x in by[label].values())
print(f"  restock peak memory    {peak:,} MB   target < 1,024 MB: {'met' if peak < 1024 else 'NOT met'}")
PY
