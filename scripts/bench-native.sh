#!/usr/bin/env bash
# Native benchmark: Otklik (criterion) against polars (2 threads) on the very same
# generated CSV, in the same run. Prints a table of medians and ratios.
# Usage: scripts/bench-native.sh [RESPONSES]   (default 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
export OTKLIK_BENCH_RESPONSES="${1:-1000000}"

cargo bench --locked -p otklik-analytics --bench indicators -- --noplot >&2
python3 -c "import polars" 2>/dev/null || pip install --quiet polars >&2
peer=$(python3 bench/polars_peer.py target/bench/responses.csv 5)

python3 - "$peer" <<'PY'
import json, sys, pathlib
peer = json.loads(sys.argv[1])
def median(name):
    p = pathlib.Path("target/criterion/otklik") / name / "new/estimates.json"
    return json.loads(p.read_text())["median"]["point_estimate"] / 1e6
size = pathlib.Path("target/bench/responses.csv").stat().st_size / 1e6
rows = [
    ("CSV ingest", median("ingest_csv"), peer["ingest_ms"]),
    ("indicators: overall + by period + by period x dept", median("indicators_all_three"), peer["indicators_ms"]),
]
import os
ours = min(len(os.sched_getaffinity(0)), 8)
print(f"{size:.0f} MB CSV; polars {peer['polars_version']} on {peer['threads']} threads; Otklik on {ours} threads")
print(f"| task | Otklik (ms) | polars (ms) | Otklik / polars |")
print(f"|---|---:|---:|---:|")
for name, ours, theirs in rows:
    print(f"| {name} | {ours:.1f} | {theirs:.1f} | {ours / theirs:.2f} |")
print(f"| CSV ingest on one thread (as in the browser's worker) | {median('ingest_csv_one_thread'):.1f} | — | — |")
# The benchmark's long-row variant: each id 22 bytes longer, and "bench,1," in front.
rows_n = sum(1 for _ in open("target/bench/responses.csv", "rb")) - 1
long_mb = (pathlib.Path("target/bench/responses.csv").stat().st_size + 30 * rows_n + 15) / 1e6
print(f"| CSV ingest, the same responses with UUID ids and survey, version columns ({long_mb:.0f} MB) | {median('ingest_csv_long_rows'):.1f} | — | — |")
for g in ("indicators_overall", "indicators_by_period", "indicators_by_period_dept"):
    print(f"| Otklik {g.replace('indicators_', '')} alone | {median(g):.1f} | | |")
PY
