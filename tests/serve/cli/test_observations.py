"""`saydo ingest observations` and `saydo observations summary` as a user runs them."""

from __future__ import annotations

import json

HEADER = "region,started_at,finished_at,naive\n"


def _alerts(tmp_path, days):
    path = tmp_path / "alerts.csv"
    rows = [f"Kyiv City,2022-03-{d:02d} 10:00:00+00:00,2022-03-{d:02d} 11:00:00+00:00,False" for d in days]
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_observations_ingest_twice_adds_nothing(cli, tmp_path):
    path = _alerts(tmp_path, [1, 2, 3])
    db = tmp_path / "db.duckdb"
    code, out, _ = cli("ingest", "observations", path, "--db", db, "--json")
    assert code == 0 and json.loads(out)[0]["loaded"] == 3 and json.loads(out)[0]["detected"]
    code, out, _ = cli("ingest", "observations", path, "--db", db, "--json")
    assert code == 0 and json.loads(out)[0]["already_loaded"]
    code, out, _ = cli("observations", "summary", "--db", db, "--json")
    assert json.loads(out)[0]["rows"] == 3


def test_observations_summary_reports_gaps(cli, tmp_path):
    db = tmp_path / "db.duckdb"
    cli("ingest", "observations", _alerts(tmp_path, [1, 2, 6, 9]), "--db", db)
    code, out, _ = cli("observations", "summary", "--db", db, "--json")
    summary = json.loads(out)[0]
    assert summary["gaps"] == [["2022-03-03", "2022-03-05"], ["2022-03-07", "2022-03-08"]]
    assert summary["gap_days"] == 5 and summary["days_with_rows"] == 4 and summary["regions"] == ["UA-30"]
    code, out, _ = cli("observations", "summary", "--db", db)
    assert code == 0 and "5 day(s)" in out


def test_observations_unknown_format_and_bad_header(cli, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    code, _, err = cli("ingest", "observations", path, "--db", tmp_path / "db.duckdb")
    assert code == 2 and "[SD107]" in err and "header matches no known observation format" in err
    code, _, err = cli("ingest", "observations", path, "--format", "nope", "--db", tmp_path / "db.duckdb")
    assert code == 2 and "unknown format 'nope'" in err
    code, _, err = cli("ingest", "observations", path, "--format", "alerts-official", "--db", tmp_path / "db.duckdb")
    assert code == 2 and "[SD104]" in err and len(err.strip().splitlines()) == 1
