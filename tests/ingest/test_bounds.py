"""Dates and sizes nobody bounded (issue 14): a row dated outside 1990-01-01..a year from today is a reject with its
line, in every format; a reason quotes at most a few hundred characters of a bad value; a store that holds such rows
from before has them moved to the rejects by a migration."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.errors import NoRowsLoaded
from saydo.ingest.observations import load_observations
from saydo.store import Store
from tests.ingest.samples import CSV_FORMATS, bellingcat, bellingcat_events, sample

FAR = [date(1, 1, 1), date(9999, 12, 31), date(1989, 12, 31), date(2202, 6, 1)]


@pytest.mark.parametrize("fmt", CSV_FORMATS)
def test_bounds_far_dates_are_rejects_with_their_line(store, tmp_path, fmt):
    s = sample(fmt)
    if s is None:
        pytest.skip(f"no rows of {fmt} at hand (../shared absent)")
    for i, day in enumerate(FAR):
        s = s.with_day(i, day)
    path = s.write(tmp_path / f"far.{fmt}.csv")
    try:
        load_observations(store, path, **s.options())
    except NoRowsLoaded:  # a small fixture whose good rows were the ones made far
        pass
    first = 2 if s.header else 1
    lines = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects WHERE line IS NOT NULL")}
    for i in range(len(FAR) if fmt != "gdelt" else 3):  # the fixture's fourth GDELT row is out of scope
        assert first + i in lines, (fmt, first + i, lines)
        assert "outside the dates saydo accepts" in lines[first + i], lines[first + i]
    table = "territory" if fmt == "territory" else "observations"
    column = "day" if fmt == "territory" else "started_at"
    assert store.query(f"SELECT count(*) AS n FROM {table} WHERE {column} < DATE '1990-01-01' "
                       f"OR {column} > DATE '2100-01-01'")[0]["n"] == 0


def test_bounds_bellingcat_far_dates_are_rejects(store, tmp_path):
    events = bellingcat_events(6)
    if not events:
        pytest.skip("needs ../shared/data/events/bellingcat-civilian-harm")
    events[1]["date"], events[2]["date"] = "01/01/0001", "12/31/9999"
    report = load_observations(store, bellingcat(tmp_path, events=events))
    lines = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects")}
    assert {2, 3} <= set(lines) and all("outside the dates" in lines[n] for n in (2, 3))
    assert report.rejected >= 2


def test_bounds_year_20000_row_no_longer_breaks_check_and_summary(cli, tmp_path):
    path = tmp_path / "alerts.csv"
    path.write_text("region,started_at,finished_at,naive\n"
                    "Kyiv City,20000-01-01 00:00:00+00:00,20000-01-01 01:00:00+00:00,False\n"
                    "Kyiv City,2022-03-29 10:00:00+00:00,2022-03-29 11:00:00+00:00,False\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    code, _, err = cli("ingest", "observations", path, "--db", db)
    assert code == 2 and "line 2" in err and "outside the dates" in err, err
    for command in (["observations", "summary"], ["check"]):
        code, _, err = cli(*command, "--db", db)
        assert code == 0, (command, err)


def test_bounds_reasons_quote_a_bounded_excerpt_of_a_huge_value(store, tmp_path, cli):
    huge = "x" * 1_000_000
    path = tmp_path / "alerts.csv"
    path.write_text("region,started_at,finished_at,naive\n"
                    f"Kyiv City,{huge},2022-03-29 11:00:00+00:00,False\n"
                    f"\"{huge}\",2022-03-29 10:00:00+00:00,2022-03-29 11:00:00+00:00,False\n"
                    "Kyiv City,2022-03-29 10:00:00+00:00,2022-03-29 11:00:00+00:00,False\n", encoding="utf-8")
    report = load_observations(store, path)
    assert (report.loaded, report.rejected) == (1, 2)
    for row in store.query("SELECT reason, raw FROM rejects"):
        assert len(row["reason"]) < 500 and len(row["raw"] or "") <= 500, len(row["reason"])
        assert "1,000,000 characters" in row["reason"]


def test_bounds_migration_moves_stored_implausible_rows_to_rejects(tmp_path):
    from saydo.store.schema import MIGRATIONS

    db = tmp_path / "old.duckdb"
    path = tmp_path / "alerts.csv"
    path.write_text("region,started_at,finished_at,naive\n"
                    "Kyiv City,2022-03-29 10:00:00+00:00,2022-03-29 11:00:00+00:00,False\n", encoding="utf-8")
    with Store(db) as store:
        load_observations(store, path)
        # what an older saydo let in: a row in year 20000
        store.con.execute("INSERT INTO observations SELECT 'far', source, region, event_type, "
                          "TIMESTAMPTZ '20000-01-01 00:00:00+00', NULL, level, subregion, actor, file, file_sha256, "
                          "3, row_id, lat, lon, geo_method, fatalities, description, article_id, span_start, span_end "
                          "FROM observations")
        step = next(i for i, (title, _) in enumerate(MIGRATIONS) if "implausible" in title)
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(step)])
    with Store(db) as store:
        assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 1
        moved = store.query("SELECT line, reason FROM rejects")
        assert [r["line"] for r in moved] == [3] and "outside the dates" in moved[0]["reason"]
