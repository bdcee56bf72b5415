"""The alert logs: good rows load, bad rows are kept with file, exact line and reason; bad files fail in one line."""

from __future__ import annotations

from pathlib import Path

import pytest

from saydo.ingest.observations import detect_format, load_observations
from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "observations"


def _reasons(store) -> dict[int, str]:
    return {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects WHERE line IS NOT NULL")}


def test_alerts_partial_file_loads_good_rows_and_keeps_reasons(store):
    report = load_observations(store, FIXTURES / "alerts-volunteer-bad-rows.csv")
    assert (report.format, report.loaded, report.rejected, report.duplicate) == ("alerts-volunteer", 2, 5, 1)
    reasons = _reasons(store)
    assert set(reasons) == {3, 5, 6, 7, 11}  # blank lines 4 and 8 are skipped, not counted, and not renumbered
    assert "unknown region 'Atlantis oblast'" in reasons[3]
    assert "started_at '15/03/2022 10:00'" in reasons[5]
    assert "before started_at" in reasons[6]
    assert "expected 4 fields" in reasons[7] and "found 2" in reasons[7]
    assert "found 5" in reasons[11]
    rows = store.query("SELECT region, line, level, started_at FROM observations ORDER BY line")
    assert [(r["region"], r["line"]) for r in rows] == [("UA-30", 2), ("UA-74", 9)]
    assert rows[1]["level"] == "oblast/naive"
    assert rows[1]["started_at"].utcoffset().total_seconds() == 0  # a time without an offset is UTC
    raw = store.query("SELECT raw FROM rejects WHERE line = 3")[0]["raw"]
    assert raw.startswith("Atlantis oblast,2022-03-15")


def test_alerts_quoted_fields_and_multiline_records_keep_their_first_line(store):
    report = load_observations(store, FIXTURES / "alerts-volunteer-quoted.csv", fmt="alerts-volunteer")
    assert (report.loaded, report.rejected) == (3, 1)
    lines = [(r["line"], r["region"]) for r in store.query("SELECT line, region FROM observations ORDER BY line")]
    assert lines == [(2, "UA-30"), (4, "UA-32"), (5, "UA-30")]  # the record on lines 5-6 starts on line 5
    assert "naive is 'maybe'" in _reasons(store)[7]


def test_alerts_same_file_twice_adds_nothing(store):
    path = FIXTURES / "alerts-volunteer-bad-rows.csv"
    load_observations(store, path)
    again = load_observations(store, path)
    assert again.already_loaded and (again.loaded, again.rejected) == (2, 5)
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 2
    assert store.query("SELECT count(*) AS n FROM rejects")[0]["n"] == 5


def test_alerts_header_detection():
    assert detect_format(FIXTURES / "alerts-volunteer-bad-rows.csv") == "alerts-volunteer"
    assert detect_format(FIXTURES / "alerts-official-overlap.csv") == "alerts-official"


@pytest.mark.parametrize("name, code, words", [
    ("missing.csv", "[SD101]", "file not found"),
    ("empty.csv", "[SD102]", "file is empty"),
    ("binary.csv", "[SD103]", "not text"),
    ("alerts-wrong-header.csv", "[SD104]", "expected 'region,started_at,finished_at,naive'"),
    ("alerts-only-bad-date.csv", "[SD106]",
     "no row could be loaded (1 rejected); first at line 2: started_at 'yesterday' is not a date-time"),
])
def test_alerts_bad_files_give_one_line_and_exit_2(cli, tmp_path, name, code, words):
    args = ["ingest", "observations", FIXTURES / name, "--db", tmp_path / "db.duckdb"]
    if name == "alerts-wrong-header.csv":
        args += ["--format", "alerts-volunteer"]
    status, out, err = cli(*args)
    lines = [line for line in err.splitlines() if line.strip()]
    assert status == 2 and len(lines) == 1 and code in lines[0] and words in lines[0], err
    assert "Traceback" not in err


def test_alerts_cli_partial_file_prints_counts(cli, tmp_path):
    db = tmp_path / "db.duckdb"
    status, out, err = cli("ingest", "observations", FIXTURES / "alerts-volunteer-bad-rows.csv", "--db", db, "--json")
    assert '"loaded": 2' in out and '"rejected": 5' in out and '"duplicate": 1' in out
    assert status == 2 and "5 row(s) rejected, 2 loaded" in err and "line 3" in err  # partial: exit 2
    status, out, _ = cli("rejects", "--db", db, "--json")
    assert status == 0 and "Atlantis" in out


def test_alerts_real_volunteer_log_counts_match_sql(store):
    path = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    report = load_observations(store, path)
    total = store.query(f"SELECT count(*) AS n FROM read_csv('{path}')")[0]["n"]
    assert report.loaded + report.rejected + report.duplicate == total
    assert report.rejected == 0
    per_region = store.query(
        f"SELECT count(*) AS n FROM read_csv('{path}') WHERE region = 'Chernihivska oblast'")[0]["n"]
    assert store.query("SELECT count(*) AS n FROM observations WHERE region = 'UA-74'")[0]["n"] == per_region
    naive = store.query(f"SELECT count(*) AS n FROM read_csv('{path}', all_varchar=true) WHERE naive = 'True'")
    stored = store.query("SELECT count(*) AS n FROM observations WHERE level = 'oblast/naive'")
    assert stored[0]["n"] == naive[0]["n"]
    # line numbers are the file's: the row on line 1001 of the file is the 1000th data row
    row = store.query(f"SELECT started_at FROM read_csv('{path}', all_varchar=true) LIMIT 1 OFFSET 999")[0]
    stored_row = store.query("SELECT CAST(started_at AS VARCHAR) AS s FROM observations WHERE line = 1001")[0]
    assert stored_row["s"][:19] == row["started_at"][:19]


def test_alerts_real_official_log_keeps_levels_and_maps_every_row(store):
    path = shared_path("data", "air-raid-alerts", "official_data_en.csv")
    report = load_observations(store, path)
    levels = {r["level"]: r["n"] for r in store.query(
        f"SELECT level, count(*) AS n FROM read_csv('{path}', all_varchar=true) GROUP BY level")}
    stored = {r["level"]: r["n"] for r in store.query(
        "SELECT level, count(*) AS n FROM observations WHERE source = 'alerts.official' GROUP BY level")}
    assert report.rejected == 0 and report.loaded + report.duplicate == sum(levels.values())
    assert stored == {k: v for k, v in levels.items()} or report.duplicate > 0
    hromadas = store.query(
        f"SELECT count(*) AS n FROM read_csv('{path}', all_varchar=true) WHERE level = 'hromada' AND "
        f"oblast = 'Kharkivska oblast'")[0]["n"]
    assert store.query("SELECT count(*) AS n FROM observations WHERE level = 'hromada' AND region = 'UA-63' "
                       "AND subregion IS NOT NULL")[0]["n"] == hromadas
    swapped = store.query(f"SELECT count(*) AS n FROM read_csv('{path}', all_varchar=true) "
                          f"WHERE oblast LIKE '%raion'")[0]["n"]
    assert swapped > 0  # the source swapped oblast and raion on some rows; they load under the oblast
    assert store.query("SELECT count(*) AS n FROM observations WHERE subregion LIKE 'Lubenskyi raion%' "
                       "AND region = 'UA-53'")[0]["n"] >= swapped


def test_alerts_sources_are_kept_apart(store):
    load_observations(store, shared_path("data", "air-raid-alerts", "volunteer_data_en.csv"))
    load_observations(store, FIXTURES / "alerts-official-overlap.csv")
    from saydo.store.observations import sources

    assert sources(store, event_type="air_raid_alert") == ["alerts.official", "alerts.volunteer"]
