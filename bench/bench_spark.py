"""The Spark engine against the DuckDB engine, and Spark on one core against two: the check grid and extraction.

    python -m bench spark
    python -m bench.bench_spark [--rows 10000000] [--pledges 10000] [--texts 2000] [--masters local[1] local[2]]
                                [--skip-check] [--skip-extract]

Check: the 10M generated alerts and 10,000 pledges of ``bench_check``, in a DuckDB file for the DuckDB engine and as
the warehouse's Parquet (partitioned by source and month) for Spark. ``check_pledges`` runs end to end on each; the
time is split into the activity grid query, the other store queries (event types, fatalities, merges, extents) and
the rest — the per-pledge statistics on the driver, which are the same code on both engines. The figure that says
whether Spark scales is the grid's ``local[1]`` / ``local[2]`` ratio (the statistics run on the driver and do not
scale with executors by design).

Extraction: 2,000 press texts (the press corpora in ../shared, cycled to reach the count) through
``saydo.extract.spark`` on each master, after one warm-up job so each executor process has loaded its spaCy pipeline
(the load is timed apart), against bare ``nlp.pipe`` of the same model in one process and saydo's own extraction in
one process (the DuckDB engine's path).

Ratios, not absolute times, are the result: they are measured in the same run, on a machine that others may share.
"""

from __future__ import annotations

import argparse
import csv
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from bench.bench_check import generate, pledges

ROOT = Path(__file__).resolve().parents[1]
PRESS = [ROOT.parent / "shared" / "corpus" / "press" / name
         for name in ("president-gov-ua-en.csv", "kremlin-ru-en-2021q4.csv")]
QUERIES = ("activity_grid", "source_extents", "source_event_types", "sources_with_fatalities")


@contextmanager
def timed_queries(spent: dict[str, float]):
    """Time the store queries the check engine calls, by name, while it runs."""
    import saydo.check.engine as engine

    saved = {name: getattr(engine, name) for name in QUERIES}

    def wrap(name, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - start
        return timed

    for name, fn in saved.items():
        setattr(engine, name, wrap(name, fn))
    try:
        yield spent
    finally:
        for name, fn in saved.items():
            setattr(engine, name, fn)


def run_check(store, statements, repeat: int) -> dict:
    """Best end-to-end time of ``check_pledges`` with its split into grid, other queries and statistics."""
    from saydo.check import check_pledges

    best = None
    for _ in range(repeat):
        spent: dict[str, float] = {}
        with timed_queries(spent):
            start = time.perf_counter()
            checks, _ = check_pledges(store, statements, reuse=False)
            total = time.perf_counter() - start
        if best is None or total < best["total"]:
            grid = spent.get("activity_grid", 0.0)
            queries = sum(spent.values()) - grid
            best = {"total": total, "grid": grid, "queries": queries, "statistics": total - grid - queries,
                    "checks": len(checks), "verdicts": _verdicts(checks)}
    return best


def _verdicts(checks) -> str:
    counts: dict[str, int] = {}
    for c in checks:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))


def bench_check(args, tmp: Path) -> None:
    from saydo.store import Store
    from saydo.store.engine import attach, choose

    statements = pledges(args.pledges)
    warehouse = tmp / "warehouse"
    rows = {}
    with Store(tmp / "duck.duckdb") as duck:
        start = time.perf_counter()
        generate(duck, args.rows)
        warehouse.mkdir()
        duck.con.execute(f"""COPY (SELECT *, strftime(started_at, '%Y-%m') AS month FROM observations)
                             TO '{warehouse / "observations"}' (FORMAT PARQUET, PARTITION_BY (source, month))""")
        print(f"generated {args.rows:,} observations (DuckDB file and Parquet warehouse) in "
              f"{time.perf_counter() - start:.1f} s; {len(statements):,} pledges", flush=True)
        rows["duckdb"] = run_check(duck, statements, args.repeat)
    for master in args.masters:
        with Store(tmp / f"spark-{master}.duckdb") as store:
            attach(store, choose("spark", master=master, warehouse=str(warehouse)))
            store.ibis.list_tables()  # the session starts and the view is made here, outside the timings
            rows[master] = run_check(store, statements, args.repeat)
    print(f"\n{'engine':10} {'total s':>8} {'grid s':>8} {'queries s':>9} {'stats s':>8} {'grid vs duckdb':>15}  "
          f"verdicts")
    for name, r in rows.items():
        print(f"{name:10} {r['total']:8.2f} {r['grid']:8.2f} {r['queries']:9.2f} {r['statistics']:8.2f} "
              f"{r['grid'] / rows['duckdb']['grid']:14.1f}x  {r['verdicts']}")
    same = len({r["verdicts"] for r in rows.values()}) == 1
    print(f"same verdicts on every engine: {'yes' if same else 'NO'}")
    one, two = "local[1]", "local[2]"
    if one in rows and two in rows:
        grid = rows[one]["grid"] / rows[two]["grid"]
        total = rows[one]["total"] / rows[two]["total"]
        print(f"scaling local[1] -> local[2]: grid {grid:.2f}x (target 1.6x: {'met' if grid >= 1.6 else 'NOT met'}), "
              f"whole check {total:.2f}x (the statistics run on the driver)")


def load_texts(count: int) -> list[str]:
    csv.field_size_limit(1 << 30)
    texts: list[str] = []
    for path in PRESS:
        with path.open(newline="", encoding="utf-8") as fh:
            texts += [r["body"] for r in csv.DictReader(fh) if (r.get("body") or "").strip()]
    return [texts[i % len(texts)] for i in range(count)]


def bench_extract(args) -> None:
    from saydo.extract import extract_many, load_nlp
    from saydo.extract.spark import extract_articles
    from saydo.ingest.articles import parse_text
    from saydo.store.spark import SparkEngine

    if not all(p.exists() for p in PRESS):
        print(f"extraction skipped: {PRESS[0].parent} is absent (needs ../shared beside the repository)")
        return
    texts = load_texts(args.texts)
    distinct = len(set(texts))
    words = sum(len(t.split()) for t in texts)
    articles = [parse_text(t, name=f"press-{i}.txt") for i, t in enumerate(texts)]
    print(f"\n{len(texts):,} press texts ({distinct:,} distinct, cycled), {words:,} words", flush=True)
    from bench.bench_extract import bare_model

    bare = bare_model()
    list(bare.pipe(texts[:5]))
    start = time.perf_counter()
    list(bare.pipe(texts, batch_size=16))
    results = {"bare nlp.pipe, 1 process": time.perf_counter() - start}
    nlp = load_nlp()
    list(extract_many(articles[:5], nlp=nlp))
    start = time.perf_counter()
    statements = sum(len(s) for s in extract_many(articles, nlp=nlp))
    results["saydo extract, 1 process"] = time.perf_counter() - start
    for master in args.masters:
        engine = SparkEngine(None, master=master, warehouse=str(Path(tempfile.gettempdir()) / "saydo-bench-wh"))
        start = time.perf_counter()
        extract_articles(engine, articles[:64])  # warm-up: each executor process loads its pipeline once
        warm_up = time.perf_counter() - start
        start = time.perf_counter()
        found = extract_articles(engine, articles)
        results[f"saydo on Spark {master}"] = time.perf_counter() - start
        assert sum(len(r.statements) for r in found) == statements, "Spark found other statements"
        print(f"{master}: warm-up job (starting the workers, loading the pipelines) {warm_up:.1f} s", flush=True)
    base = results["bare nlp.pipe, 1 process"]
    print(f"\n{'run':30} {'seconds':>8} {'texts/s':>8} {'time vs bare':>13}")
    for label, secs in results.items():
        print(f"{label:30} {secs:8.1f} {len(texts) / secs:8.1f} {secs / base:12.2f}x")
    one, two = "saydo on Spark local[1]", "saydo on Spark local[2]"
    if one in results and two in results:
        ratio = results[one] / results[two]
        print(f"scaling local[1] -> local[2]: extraction {ratio:.2f}x (target 1.6x: "
              f"{'met' if ratio >= 1.6 else 'NOT met'}); {statements:,} statements on every run")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--pledges", type=int, default=10_000)
    parser.add_argument("--texts", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--masters", nargs="+", default=["local[1]", "local[2]"])
    parser.add_argument("--skip-check", action="store_true")
    parser.add_argument("--skip-extract", action="store_true")
    args = parser.parse_args(sys.argv[1:])
    try:
        import pyspark  # noqa: F401
    except ImportError:
        print("skipped: pyspark is not installed (pip install 'saydo[spark]'; make bench installs it)")
        return
    import os

    print(f"machine: {os.cpu_count()} cores; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="saydo-bench-spark-") as tmp:
        if not args.skip_check:
            bench_check(args, Path(tmp))
        if not args.skip_extract:
            bench_extract(args)
    print(f"load average at the end {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
