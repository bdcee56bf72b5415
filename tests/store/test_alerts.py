"""Alert periods per oblast with overlaps merged: an oblast alert with hromada alerts inside it counts once."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from saydo.ingest.observations import load_observations
from saydo.store.alerts import oblast_alert_counts, oblast_alert_intervals
from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "observations"


def _t(hh_mm: str) -> datetime:
    return datetime.fromisoformat(f"2023-01-10 {hh_mm}:00").replace(tzinfo=timezone.utc)


def _sweep(rows: list[tuple[str, datetime, datetime]]) -> dict[str, list[tuple[datetime, datetime]]]:
    """An independent merge: sort by start, extend the current period while the next one starts inside it."""
    merged: dict[str, list[tuple[datetime, datetime]]] = {}
    for region, start, end in sorted(rows):
        periods = merged.setdefault(region, [])
        if periods and start <= periods[-1][1]:
            periods[-1] = (periods[-1][0], max(periods[-1][1], end))
        else:
            periods.append((start, end))
    return merged


def test_alerts_overlapping_levels_merge_into_one_period(store):
    load_observations(store, FIXTURES / "alerts-official-overlap.csv")
    frame = store.ibis.execute(oblast_alert_intervals(store, "alerts.official"))
    got = {(r.region, r.started_at.to_pydatetime(), r.ended_at.to_pydatetime(), int(r.rows))
           for r in frame.itertuples()}
    assert got == {
        # oblast 10:00-11:00 with a hromada inside, one running past its end, and a raion alert starting as it ends
        ("UA-63", _t("10:00"), _t("11:40"), 4),
        ("UA-63", _t("12:00"), _t("12:10"), 1),
        ("UA-59", _t("10:05"), _t("10:45"), 2),  # two hromadas alerted at once: one period for the oblast
        ("UA-18", _t("09:00"), _t("09:30"), 1),
        ("UA-18", _t("09:45"), _t("10:00"), 1),
    }
    assert oblast_alert_counts(store, "alerts.official") == {"UA-63": 2, "UA-59": 1, "UA-18": 2}
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 9  # every row is still stored


def test_alerts_sources_never_merge_together(store, tmp_path):
    load_observations(store, FIXTURES / "alerts-official-overlap.csv")
    copy = tmp_path / "copy.csv"  # another file (one more blank line) with the same alerts, under another source
    copy.write_text((FIXTURES / "alerts-official-overlap.csv").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_observations(store, copy, source="other")
    assert oblast_alert_counts(store, "alerts.official") == oblast_alert_counts(store, "other")
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 18


def test_alerts_real_official_log_matches_an_independent_merge(store):
    load_observations(store, shared_path("data", "air-raid-alerts", "official_data_en.csv"))
    rows = [(r["region"], r["started_at"], r["finished_at"]) for r in store.query(
        "SELECT region, started_at, finished_at FROM observations WHERE source = 'alerts.official'")]
    expected = _sweep(rows)
    counts = oblast_alert_counts(store, "alerts.official")
    assert counts == {region: len(periods) for region, periods in expected.items()}
    assert sum(counts.values()) < len(rows)  # hromada rows inside oblast alerts are not counted again


ISLANDS_SQL = """
    WITH ordered AS (
        SELECT region, started_at, coalesce(finished_at, started_at) AS ended_at,
               max(coalesce(finished_at, started_at)) OVER (
                   PARTITION BY region ORDER BY started_at, coalesce(finished_at, started_at)
                   ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS latest_end_before
        FROM observations WHERE source = 'alerts.official' AND event_type = 'air_raid_alert'),
    numbered AS (
        SELECT *, sum(CASE WHEN latest_end_before IS NULL OR started_at > latest_end_before THEN 1 ELSE 0 END)
                  OVER (PARTITION BY region ORDER BY started_at, ended_at
                        ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS island
        FROM ordered)
    SELECT region, min(started_at) AS started_at, max(ended_at) AS ended_at, count(*) AS n
    FROM numbered GROUP BY region, island
"""


def test_alerts_real_official_log_every_merge_matches_hand_written_sql(store):
    """The one Ibis merge, through each of its users (counts, merged periods, the check engine's grid), against
    gaps and islands written by hand in DuckDB SQL over the whole official log."""
    from saydo.store.grid import activity_grid

    load_observations(store, shared_path("data", "air-raid-alerts", "official_data_en.csv"))
    expected = store.query(ISLANDS_SQL)
    periods = {(r["region"], r["started_at"], r["ended_at"], r["n"]) for r in expected}
    counts: dict[str, int] = {}
    for r in expected:
        counts[r["region"]] = counts.get(r["region"], 0) + 1

    frame = store.ibis.execute(oblast_alert_intervals(store, "alerts.official"))
    assert {(r.region, r.started_at.to_pydatetime(), r.ended_at.to_pydatetime(), int(r.rows))
            for r in frame.itertuples()} == periods
    assert oblast_alert_counts(store, "alerts.official") == counts
    grid = activity_grid(store, {"alerts.official": ("air_raid_alert",)}, 86_400).to_pandas()
    assert grid[grid["side"] == 0].groupby("region")["rows"].sum().to_dict() == counts
    assert grid[grid["side"] == 1].groupby("region")["rows"].sum().to_dict() == counts  # every period ends once
    raw = store.query("SELECT count(*) AS n FROM observations WHERE source = 'alerts.official'")[0]["n"]
    assert sum(counts.values()) < raw  # merging mattered
