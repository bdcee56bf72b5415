"""Check engine throughput: 10,000 pledges against 10,000,000 generated alerts, beside one bare DuckDB GROUP BY.

    python -m bench.bench_check                       # 10k pledges, 10M observations
    python -m bench.bench_check --pledges 1000 --rows 1000000

The observations are generated inside DuckDB (``range()`` and ``random()``): one alert source, 24 comparable
oblasts, alerts of 5 minutes to 6 hours spread over two years. Pledges name one to three oblasts and a publication
date (so the windows start at 00:00 UTC), a tenth of them with a window starting at a whole hour instead.

saydo: ``check_pledges`` end to end (the grid query, array statistics, verdicts and explanations for every pledge).
Baseline: one hand-written DuckDB query over the same table that counts alerts and alert-hours per region and UTC
day (no clipping at window edges, no merging, no statistics): the least work any check needs. The ratio is saydo's
time over the baseline's.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from saydo.check import check_pledges
from saydo.records import Statement, Window
from saydo.store import Store

REGIONS = ["UA-05", "UA-07", "UA-12", "UA-14", "UA-18", "UA-21", "UA-23", "UA-26", "UA-30", "UA-32", "UA-35",
           "UA-46", "UA-48", "UA-51", "UA-53", "UA-56", "UA-59", "UA-61", "UA-63", "UA-65", "UA-68", "UA-71",
           "UA-74", "UA-77"]
FIRST = datetime(2022, 3, 1, tzinfo=timezone.utc)
DAYS = 730


def generate(store: Store, rows: int, seed: float = 0.42) -> None:
    regions = "[" + ", ".join(f"'{r}'" for r in REGIONS) + "]"
    store.con.execute(f"SELECT setseed({seed})")
    store.con.execute(
        f"""
        INSERT INTO observations
        SELECT 'b' || i AS id, 'alerts.bench' AS source, {regions}[1 + (i % {len(REGIONS)})] AS region,
               'air_raid_alert' AS event_type, s AS started_at,
               s + to_seconds(300 + CAST(floor(random() * random() * 21300) AS BIGINT)) AS finished_at,
               'oblast' AS level, NULL, NULL, 'generated.csv' AS file, 'bench' AS file_sha256, i AS line,
               NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
        FROM (SELECT i, TIMESTAMPTZ '{FIRST.isoformat()}' + to_seconds(CAST(floor(random() * {DAYS * 86400})
                                                                             AS BIGINT)) AS s
              FROM range({rows}) t(i))
        """)


def pledges(n: int, seed: int = 7) -> list[Statement]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        day = date(2022, 4, 1) + timedelta(days=rng.randrange(DAYS - 60))
        window = Window()
        if i % 10 == 0:
            start = datetime.combine(day, datetime.min.time(), tzinfo=timezone.utc) + timedelta(hours=rng.randrange(24))
            window = Window(start=start)
        out.append(Statement(article=f"a{i}.txt", article_id=f"a{i}", published=day, speaker="A Minister",
                             actor="RUS", kind="pledge", quote="indirect",
                             text="Moscow would radically reduce military activity there", start=0, end=10,
                             places=tuple(rng.sample(REGIONS, rng.randint(1, 3))), window=window))
    return out


BASELINE = """
SELECT region, date_trunc('day', started_at) AS day, count(*) AS alerts,
       sum(epoch(finished_at) - epoch(started_at)) / 3600 AS alert_hours
FROM observations WHERE source = 'alerts.bench' AND event_type = 'air_raid_alert'
GROUP BY ALL
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pledges", type=int, default=10_000)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "bench.duckdb") as store:
        t0 = time.perf_counter()
        generate(store, args.rows)
        print(f"generated {args.rows:,} observations in {time.perf_counter() - t0:.1f} s", flush=True)
        statements = pledges(args.pledges)
        saydo_times, base_times = [], []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            store.con.execute(BASELINE).to_arrow_table()
            base_times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            checks, untestable = check_pledges(store, statements, reuse=False)
            saydo_times.append(time.perf_counter() - t0)
        verdicts: dict[str, int] = {}
        for c in checks:
            verdicts[c.verdict] = verdicts.get(c.verdict, 0) + 1
        saydo, base = min(saydo_times), min(base_times)
        print(f"checks: {len(checks):,} ({', '.join(f'{k} {v}' for k, v in sorted(verdicts.items()))}); "
              f"untestable {len(untestable)}")
        print(f"saydo check_pledges, {args.pledges:,} pledges x {args.rows:,} rows: best {saydo:.2f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in saydo_times)})")
        print(f"baseline DuckDB GROUP BY region, day:                best {base:.2f} s "
              f"(runs {', '.join(f'{t:.2f}' for t in base_times)})")
        print(f"ratio saydo / baseline: {saydo / base:.1f}x; target under 5 s: {'met' if saydo < 5 else 'NOT met'}")
        from saydo.store.checks import save_checks

        t0 = time.perf_counter()
        save_checks(store, checks)
        print(f"storing {len(checks):,} results (one batch insert): {time.perf_counter() - t0:.2f} s")


if __name__ == "__main__":
    main()
