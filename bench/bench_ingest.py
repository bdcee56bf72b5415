"""Observation ingestion throughput per format, against bare DuckDB reading the same file in the same run.

    python -m bench.bench_ingest            # every format, real files from ../shared plus generated ACLED/GDELT
    python -m bench.bench_ingest --large 3  # also stream a generated ~3 GB GDELT file and report peak memory

saydo parses, validates, maps regions, de-duplicates and keeps rejects; the baseline only reads the file into a DuckDB
table (``read_csv`` / ``read_json``, every column as text). The ratio is baseline time / saydo time (1.0 = as fast as
bare DuckDB), each side the best of ``--repeat`` loads into a fresh store.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
FIXTURES = ROOT / "tests" / "fixtures" / "observations"


def gdelt_rows(n: int, seed: int = 1):
    """GDELT 2.0 rows in the published 61-column layout with invented values; about a third in scope."""
    rng = random.Random(seed)
    template = FIXTURES.joinpath("gdelt-sample.tsv").read_text(encoding="utf-8").splitlines()[:5]
    parts = [line.split("\t") for line in template]
    for i in range(n):
        f = list(parts[i % len(parts)])
        f[0] = str(10_000_000 + i)
        f[1] = f"2022{rng.randint(3, 9):02d}{rng.randint(1, 28):02d}"
        f[54] = f"UP{rng.randint(1, 27):02d}" if f[53] == "UP" else f[54]
        yield "\t".join(f)


def acled_file(path: Path, n: int) -> None:
    lines = FIXTURES.joinpath("acled-sample.csv").read_text(encoding="utf-8").splitlines()
    header, rows = lines[0], lines[1:6]
    with path.open("w", encoding="utf-8") as fh:
        fh.write(header + "\n")
        for i in range(n):
            row = rows[i % len(rows)].split(",", 1)
            fh.write(f"UKRB{i},{row[1]}\n")


def baseline(path: Path, fmt: str) -> tuple[float, int]:
    import duckdb

    with tempfile.TemporaryDirectory() as tmp:
        con = duckdb.connect(str(Path(tmp) / "bare.duckdb"))
        start = time.perf_counter()
        if fmt == "bellingcat":
            con.execute(f"CREATE TABLE t AS SELECT * FROM read_json('{path}')")
        elif fmt == "gdelt":
            con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', delim='\\t', header=false, "
                        f"all_varchar=true, quote='')")
        elif fmt == "ucdp-ged":  # the export is Windows-1252; DuckDB reads it as Latin-1
            con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', all_varchar=true, encoding='latin-1')")
        else:
            con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}', all_varchar=true)")
        seconds = time.perf_counter() - start
        rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
        con.close()
    return seconds, rows


def saydo_load(path: Path, fmt: str) -> tuple[float, dict]:
    from saydo.ingest.observations import load_observations
    from saydo.store import Store

    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "saydo.duckdb") as store:
        start = time.perf_counter()
        report = load_observations(store, path, fmt=fmt)
        return time.perf_counter() - start, report.to_json()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--large", type=float, default=0, help="also stream a generated GDELT file of this many GB")
    parser.add_argument("--repeat", type=int, default=3, help="loads per format; the best time of each side counts "
                                                               "(the first also pays for imports and caches)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args(sys.argv[1:])
    if args.child:  # measure one load in a fresh process, so its peak memory is its own
        seconds, report = saydo_load(Path(args.child[0]), args.child[1])
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "report": report, "peak_mb": peak_mb}))
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        gdelt = tmp / "gdelt.tsv"
        gdelt.write_text("\n".join(gdelt_rows(300_000)) + "\n", encoding="utf-8")
        acled = tmp / "acled.csv"
        acled_file(acled, 200_000)
        files = [
            ("alerts-volunteer", SHARED / "air-raid-alerts" / "volunteer_data_en.csv"),
            ("alerts-official", SHARED / "air-raid-alerts" / "official_data_en.csv"),
            ("ucdp-ged", SHARED / "events" / "ucdp-ged-ukraine.csv"),
            ("cir", SHARED / "events" / "cir-eyes-on-russia.csv"),
            ("bellingcat", SHARED / "events" / "bellingcat-civilian-harm" / "export_events.json"),
            ("acled", acled),
            ("gdelt", gdelt),
        ]
        print(f"{'format':17} {'rows':>8} {'saydo s':>8} {'saydo rows/s':>13} {'duckdb s':>9} {'duckdb rows/s':>14} "
              f"{'ratio':>6}")
        for fmt, path in files:
            if not path.exists():
                print(f"{fmt:17} skipped: {path} is absent")
                continue
            runs = [saydo_load(path, fmt) for _ in range(max(1, args.repeat))]
            saydo_s, report = min(r[0] for r in runs), runs[0][1]
            try:
                bare = [baseline(path, fmt) for _ in range(max(1, args.repeat))]
                bare_s, rows = min(b[0] for b in bare), bare[0][1]
            except Exception as exc:  # noqa: BLE001 - the baseline reader may not handle the file at all
                rows = report["loaded"] + report["rejected"] + report["duplicate"]
                print(f"{fmt:17} {rows:8d} {saydo_s:8.2f} {rows / saydo_s:13,.0f}  bare DuckDB can't read it: "
                      f"{str(exc).splitlines()[0][:60]}", flush=True)
                continue
            print(f"{fmt:17} {rows:8d} {saydo_s:8.2f} {rows / saydo_s:13,.0f} {bare_s:9.3f} {rows / bare_s:14,.0f} "
                  f"{bare_s / saydo_s:6.3f}", flush=True)
            if report.get("geo_methods"):
                total = sum(report["geo_methods"].values())
                shares = ", ".join(f"{m} {100 * n / total:.1f}%" for m, n in sorted(report["geo_methods"].items()))
                print(f"{'':17} placed by {shares}", flush=True)
        if args.large:
            big = tmp / "gdelt-large.tsv"
            line_bytes = len(next(gdelt_rows(1))) + 1
            n = int(args.large * 1e9 / line_bytes)
            with big.open("w", encoding="utf-8") as fh:
                for start in range(0, n, 100_000):
                    fh.write("\n".join(gdelt_rows(min(100_000, n - start), seed=start)) + "\n")
            size_gb = big.stat().st_size / 1e9
            child = subprocess.run([sys.executable, "-m", "bench.bench_ingest", "--child", str(big), "gdelt"],
                                   capture_output=True, text=True, cwd=ROOT, check=True)
            result = json.loads(child.stdout.strip().splitlines()[-1])
            bare_s, rows = baseline(big, "gdelt")
            loaded = result["report"]["loaded"] + result["report"]["duplicate"]
            print(f"large GDELT file: {size_gb:.2f} GB, {rows:,} rows ({loaded:,} in scope); saydo "
                  f"{result['seconds']:.1f} s ({rows / result['seconds']:,.0f} rows/s), peak memory "
                  f"{result['peak_mb']:.0f} MB; bare DuckDB {bare_s:.1f} s; ratio {bare_s / result['seconds']:.3f}")


if __name__ == "__main__":
    main()
