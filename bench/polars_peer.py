"""The peer for scripts/bench-native.sh: polars on the same CSV and a comparable
indicator set (n, mean, SD and top-2 share per item, NPS, share waiting <= 15 min),
overall, by period and by period x department. Prints JSON with median times in ms."""
import json
import os
import statistics
import sys
import time

os.environ.setdefault("POLARS_MAX_THREADS", "2")
import polars as pl  # noqa: E402

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
items = [f"q{i:02d}" for i in range(20)]


def ingest():
    return pl.read_csv(path)


def indicators(df):
    exprs = []
    for q in items:
        c = pl.col(q)
        exprs += [c.count().alias(f"{q}_n"), c.mean().alias(f"{q}_mean"), c.std().alias(f"{q}_sd"),
                  (c >= 4).sum().alias(f"{q}_top")]
    rec = pl.col("rec")
    exprs += [rec.count().alias("rec_n"), (rec >= 9).sum().alias("rec_p"), (rec <= 6).sum().alias("rec_d"),
              pl.col("wait").count().alias("wait_n"), (pl.col("wait") <= 15).sum().alias("wait_ok")]
    out = [df.select(exprs), df.group_by("period").agg(exprs), df.group_by(["period", "dept"]).agg(exprs)]
    return sum(o.height for o in out)


def median_ms(f, *args):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f(*args)
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


df = ingest()
print(json.dumps({
    "polars_version": pl.__version__,
    "threads": pl.thread_pool_size(),
    "ingest_ms": median_ms(ingest),
    "indicators_ms": median_ms(indicators, df),
}))
