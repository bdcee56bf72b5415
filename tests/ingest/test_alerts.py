"""The volunteer alert log: good rows load, bad rows are kept with file, line and reason."""

from __future__ import annotations

from saydo.ingest.observations import detect_format, load_observations
from tests.conftest import shared_path

HEADER = "region,started_at,finished_at,naive\n"
ROWS = [
    "Kyiv City,2022-03-15 10:00:00+00:00,2022-03-15 11:00:00+00:00,False",   # line 2: good
    "Atlantis oblast,2022-03-15 10:00:00+00:00,2022-03-15 11:00:00+00:00,False",  # 3: unknown region
    "Kyivska oblast,15/03/2022 10:00,2022-03-15 11:00:00+00:00,False",       # 4: unparseable date
    "Chernihivska oblast,2022-03-15 12:00:00+00:00,2022-03-15 11:00:00+00:00,False",  # 5: ends before start
    "Kyivska oblast,2022-03-15 10:00:00+00:00",                               # 6: missing fields
    "Chernihivska oblast,2022-03-15 10:00:00,2022-03-15 10:30:00,True",      # 7: good, naive times are UTC
    "Kyiv City,2022-03-15 10:00:00+00:00,2022-03-15 11:00:00+00:00,False",   # 8: duplicate of line 2
]


def _write(tmp_path, rows):
    path = tmp_path / "alerts.csv"
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_alerts_partial_file_loads_good_rows_and_keeps_reasons(store, tmp_path):
    path = _write(tmp_path, ROWS)
    report = load_observations(store, path)
    assert (report.loaded, report.rejected, report.duplicate) == (2, 4, 1)
    rejects = {r["line"]: r["reason"] for r in store.query("SELECT line, reason FROM rejects")}
    assert set(rejects) == {3, 4, 5, 6}
    assert "unknown region 'Atlantis oblast'" in rejects[3]
    assert "started_at '15/03/2022 10:00'" in rejects[4]
    assert "before started_at" in rejects[5]
    assert "expected 4 fields" in rejects[6]
    rows = store.query("SELECT region, line, level, started_at FROM observations ORDER BY line")
    assert [(r["region"], r["line"]) for r in rows] == [("UA-30", 2), ("UA-74", 7)]
    assert rows[1]["level"] == "oblast/naive"
    assert rows[1]["started_at"].utcoffset().total_seconds() == 0


def test_alerts_same_file_twice_adds_nothing(store, tmp_path):
    path = _write(tmp_path, ROWS)
    load_observations(store, path)
    again = load_observations(store, path)
    assert again.already_loaded
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 2
    assert store.query("SELECT count(*) AS n FROM rejects")[0]["n"] == 4


def test_alerts_header_detection(tmp_path):
    assert detect_format(_write(tmp_path, ROWS[:1])) == "alerts-volunteer"


def test_alerts_cli_reports_rejects_with_exit_2(cli, tmp_path):
    path = _write(tmp_path, ROWS)
    article = tmp_path / "a.txt"
    article.write_text("date 2022-03-29\n\nNothing was said here today.\n", encoding="utf-8")
    code, out, err = cli("run", article, "--alerts", path, "--db", tmp_path / "db.duckdb")
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "4 row(s) rejected, 2 loaded" in lines[0] and "line 3" in lines[0]
    code, out, _ = cli("rejects", "--db", tmp_path / "db.duckdb", "--json")
    assert code == 0 and "Atlantis" in out


def test_alerts_real_volunteer_log_counts_match_sql(store):
    path = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    report = load_observations(store, path)
    expected = store.query(f"SELECT count(*) AS n FROM read_csv('{path}')")[0]["n"]
    assert report.loaded + report.rejected + report.duplicate == expected
    assert report.rejected == 0
    per_region = store.query(
        f"SELECT count(*) AS n FROM read_csv('{path}') WHERE region = 'Chernihivska oblast'")[0]["n"]
    stored = store.query("SELECT count(*) AS n FROM observations WHERE region = 'UA-74'")[0]["n"]
    assert stored == per_region
