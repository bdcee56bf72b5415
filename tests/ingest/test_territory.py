"""The territory format: a daily national area series into its own table, bad rows to rejects with line and reason."""

from __future__ import annotations

import csv
from datetime import date, datetime

import pytest

from saydo.ingest.observations import detect_format, load_observations
from saydo.store.territory import territory_series
from tests.conftest import shared_path

ROWS = """date,area
2022-03-28 00:00:00,153436.478
2022-03-29,153436.478
2022-03-30 12:00:00,153433.458
yesterday,150000
2022-04-01 00:00:00,
2022-04-02 00:00:00,-5
2022-04-03 00:00:00,700000
2022-04-04 00:00:00,122993.189,extra

2022-04-05 00:00:00,122993.189
2022-04-05 00:00:00,1.0
"""


def test_territory_bad_rows_rejected_with_line_and_reason(store, tmp_path):
    path = tmp_path / "area.csv"
    path.write_text(ROWS, encoding="utf-8")
    assert detect_format(path) == "territory"
    report = load_observations(store, path)
    assert (report.format, report.source) == ("territory", "territory.liveuamap")
    assert (report.loaded, report.rejected, report.duplicate) == (3, 6, 1)
    reasons = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects ORDER BY line")}
    assert list(reasons) == [4, 5, 6, 7, 8, 9]
    assert "has a time of day" in reasons[4]
    assert reasons[5].startswith("date 'yesterday' is not a date")
    assert reasons[6] == "area '' is not a number (km²)"
    assert "'-5' is not an area" in reasons[7]
    assert "larger than Ukraine" in reasons[8]
    assert reasons[9] == "expected 2 fields (date,area), found 3"
    stored = territory_series(store)["territory.liveuamap"]
    # the repeated day keeps its first line's area; nothing goes to the observations table
    assert stored == {date(2022, 3, 28): 153436.478, date(2022, 3, 29): 153436.478, date(2022, 4, 5): 122993.189}
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 0
    assert store.query("SELECT line FROM territory WHERE day = '2022-04-05'")[0]["line"] == 11


def test_territory_loading_twice_adds_nothing(store, tmp_path):
    path = tmp_path / "area.csv"
    path.write_text(ROWS, encoding="utf-8")
    load_observations(store, path, fmt="territory")
    again = load_observations(store, path, fmt="territory")
    assert again.already_loaded and again.loaded == 3
    other = tmp_path / "more.csv"  # another file with the same days and one new one: only the new day loads
    other.write_text("date,area\n2022-03-29,1.5\n2022-04-06,123330.678\n", encoding="utf-8")
    report = load_observations(store, other)
    assert (report.loaded, report.duplicate, report.rejected) == (1, 1, 0)
    series = territory_series(store)["territory.liveuamap"]
    assert len(series) == 4 and series[date(2022, 3, 29)] == 153436.478
    assert store.query("SELECT count(*) AS n FROM rejects")[0]["n"] == 6


def test_territory_as_of_leaves_out_later_days(store, tmp_path):
    path = tmp_path / "area.csv"
    path.write_text(ROWS, encoding="utf-8")
    load_observations(store, path, source="mine")
    assert set(territory_series(store, as_of=datetime(2022, 3, 29, 6))["mine"]) == {date(2022, 3, 28),
                                                                                    date(2022, 3, 29)}


def test_territory_real_series_loads_every_row(store):
    path = shared_path("data", "territory", "liveuamap-russian-held-area.csv")
    with path.open(newline="", encoding="utf-8") as fh:
        expected = {datetime.fromisoformat(r["date"]).date(): float(r["area"]) for r in csv.DictReader(fh)}
    report = load_observations(store, path)
    assert report.detected and report.format == "territory"
    assert (report.loaded, report.rejected, report.duplicate) == (len(expected), 0, 0)
    series = territory_series(store)["territory.liveuamap"]
    assert series.keys() == expected.keys()
    assert all(series[d] == pytest.approx(expected[d]) for d in expected)
