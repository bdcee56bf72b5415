"""Alert ingestion throughput against bare DuckDB ``read_csv`` of the same file in the same run.

    python -m bench.bench_ingest

Loads ../shared/data/air-raid-alerts/volunteer_data_en.csv into a fresh saydo store (parse, validate, map
regions, de-duplicate, keep rejects) and, as the baseline, into a bare DuckDB table with ``read_csv``; prints
rows/s and the ratio.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILES = {
    "alerts-volunteer": ROOT.parent / "shared" / "data" / "air-raid-alerts" / "volunteer_data_en.csv",
}


def main() -> None:
    import duckdb

    from saydo.ingest.observations import load_observations
    from saydo.store import Store

    print(f"{'format':18} {'rows':>8} {'saydo s':>8} {'saydo rows/s':>13} {'duckdb s':>9} {'duckdb rows/s':>14} "
          f"{'ratio':>6}")
    for fmt, path in FILES.items():
        if not path.exists():
            print(f"{fmt}: skipped, {path} is absent")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            con = duckdb.connect(str(Path(tmp) / "bare.duckdb"))
            start = time.perf_counter()
            con.execute(f"CREATE TABLE t AS SELECT * FROM read_csv('{path}')")
            bare_s = time.perf_counter() - start
            rows = con.execute("SELECT count(*) FROM t").fetchone()[0]
            con.close()
            with Store(Path(tmp) / "saydo.duckdb") as store:
                start = time.perf_counter()
                report = load_observations(store, path, fmt=fmt)
                saydo_s = time.perf_counter() - start
        print(f"{fmt:18} {rows:8d} {saydo_s:8.2f} {report.loaded / saydo_s:13.0f} {bare_s:9.3f} "
              f"{rows / bare_s:14.0f} {bare_s / saydo_s:6.3f}")


if __name__ == "__main__":
    main()
