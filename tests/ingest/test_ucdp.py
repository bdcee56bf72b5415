"""UCDP GED: the real export in ../shared, checked against counts DuckDB takes straight from the CSV."""

from __future__ import annotations

import csv

from saydo.ingest.observations import detect_format, load_observations
from tests.conftest import shared_path


def _utf8_copy(path, tmp_path):
    """The export is Windows-1252, which DuckDB's CSV reader can't decode without an extension: a UTF-8 copy."""
    copy = tmp_path / "ucdp-utf8.csv"
    copy.write_text(path.read_bytes().decode("cp1252"), encoding="utf-8")
    return copy


def _csv_sql(copy) -> str:
    return f"read_csv('{copy.as_posix()}', header = true, all_varchar = true)"


def test_ucdp_every_row_of_the_real_file_accounted_for(store, tmp_path):
    path = shared_path("data", "events", "ucdp-ged-ukraine.csv")
    assert detect_format(path) == "ucdp-ged"
    report = load_observations(store, path)
    raw = _csv_sql(_utf8_copy(path, tmp_path))
    total = store.query(f"SELECT count(*) AS n FROM {raw}")[0]["n"]
    assert total > 3000
    assert report.loaded + report.rejected + report.duplicate == total
    assert store.query("SELECT count(*) AS n FROM observations WHERE source = 'ucdp'")[0]["n"] == report.loaded
    assert store.query("SELECT count(*) AS n FROM rejects")[0]["n"] == report.rejected


def test_ucdp_region_and_type_counts_match_sql_over_the_csv(store, tmp_path):
    path = shared_path("data", "events", "ucdp-ged-ukraine.csv")
    load_observations(store, path)
    raw = _csv_sql(_utf8_copy(path, tmp_path))
    donetsk = store.query(f"SELECT count(*) AS n, sum(CAST(best AS INTEGER)) AS deaths FROM {raw} "
                          f"WHERE adm_1 = 'Donetsk oblast' AND country = 'Ukraine'")[0]
    stored = store.query("SELECT count(*) AS n, sum(fatalities) AS deaths FROM observations "
                         "WHERE region = 'UA-14' AND geo_method = 'name'")[0]
    assert donetsk["n"] > 0 and (stored["n"], stored["deaths"]) == (donetsk["n"], donetsk["deaths"])
    kinds = {"1": "state_based_violence", "2": "non_state_violence", "3": "violence_against_civilians"}
    expected = {kinds[r["t"]]: r["n"] for r in store.query(
        f"SELECT type_of_violence AS t, count(*) AS n FROM {raw} GROUP BY 1")}
    got = {r["event_type"]: r["n"] for r in store.query(
        "SELECT event_type, count(*) AS n FROM observations GROUP BY 1")}
    assert got == expected
    first = store.query(f"SELECT id, side_a FROM {raw} LIMIT 1")[0]
    row = store.query("SELECT actor, started_at, finished_at, line FROM observations WHERE row_id = ?",
                      [first["id"]])[0]
    assert row["actor"] == first["side_a"] and row["line"] == 2
    assert (row["finished_at"] - row["started_at"]).days >= 1  # whole days, end date included


def test_ucdp_rows_outside_ukraine_rejected_and_reload_adds_nothing(store, tmp_path):
    path = shared_path("data", "events", "ucdp-ged-ukraine.csv")
    with path.open(newline="", encoding="cp1252") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        rows = [next(reader) for _ in range(3)]
    rows[1][header.index("country")] = "Russia"
    small = tmp_path / "ucdp-small.csv"
    with small.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([header, *rows])
    report = load_observations(store, small, fmt="ucdp-ged")
    assert (report.loaded, report.rejected, report.duplicate) == (2, 1, 0)
    reason = store.query("SELECT reason FROM rejects")[0]["reason"]
    assert "Russia" in reason and "not Ukraine" in reason
    again = load_observations(store, small)
    assert again.already_loaded
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 2
