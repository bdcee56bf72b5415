"""Daily series from the Ibis queries: clipping at day edges and merging overlapping oblast/hromada alerts."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from saydo.ingest.observations import load_observations
from saydo.store.queries import daily_series
from tests.conftest import shared_path

HEADER = "oblast,raion,hromada,level,started_at,finished_at,source\n"
START = datetime(2022, 4, 1, tzinfo=timezone.utc)


def test_queries_overlapping_levels_count_once(store, tmp_path):
    path = tmp_path / "official.csv"
    path.write_text(HEADER + "\n".join([
        "Poltavska oblast,,,oblast,2022-04-01 10:00:00+00:00,2022-04-01 11:00:00+00:00,official",
        "Poltavska oblast,Lubenskyi raion,Lubenska hromada,hromada,2022-04-01 10:10:00+00:00,"
        "2022-04-01 10:30:00+00:00,official",
        "Poltavska oblast,Lubenskyi raion,Pyriatynska hromada,hromada,2022-04-01 10:50:00+00:00,"
        "2022-04-01 11:20:00+00:00,official",
        "Lubenskyi raion,Poltavska oblast,Hrebinkivska hromada,hromada,2022-04-01 12:00:00+00:00,"
        "2022-04-01 12:10:00+00:00,official",
        "Poltavska oblast,,,oblast,2022-04-01 23:30:00+00:00,2022-04-02 00:30:00+00:00,official",
    ]) + "\n", encoding="utf-8")
    report = load_observations(store, path)
    assert (report.format, report.loaded, report.rejected) == ("alerts-official", 5, 0)
    frame = daily_series(store, source="alerts.official", start=START, window_days=2, regions=["UA-53"])
    day0 = frame[frame.day == 0].iloc[0]
    day1 = frame[frame.day == 1].iloc[0]
    assert day0.alerts == 3  # 10:00–11:20 merged, 12:00–12:10, 23:30–00:30
    assert day0.alert_hours == pytest.approx(80 / 60 + 10 / 60 + 30 / 60)
    assert day1.alerts == 0 and day1.alert_hours == pytest.approx(0.5)  # the part after midnight


def test_queries_real_official_log_matches_sql_islands(store):
    path = shared_path("data", "air-raid-alerts", "official_data_en.csv")
    load_observations(store, path)
    start = datetime(2023, 6, 1, tzinfo=timezone.utc)
    frame = daily_series(store, source="alerts.official", start=start, window_days=14)
    got = frame[frame.day >= 0].groupby("region")["alerts"].sum().to_dict()
    expected = {r["region"]: r["n"] for r in store.query(
        """
        WITH o AS (
            SELECT region, started_at, finished_at,
                   max(finished_at) OVER (PARTITION BY region ORDER BY started_at, finished_at
                                          ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
            FROM observations WHERE source = 'alerts.official')
        SELECT region, count(*) AS n FROM o
        WHERE (prev_end IS NULL OR started_at > prev_end)
          AND started_at >= ? AND started_at < ? + INTERVAL 14 DAY
        GROUP BY region
        """, [start, start])}
    assert {k: v for k, v in got.items() if v} == expected
    raw = store.query("SELECT count(*) AS n FROM observations WHERE source = 'alerts.official' "
                      "AND started_at >= ? AND started_at < ? + INTERVAL 14 DAY", [start, start])[0]["n"]
    assert sum(expected.values()) < raw  # merging mattered in this window
