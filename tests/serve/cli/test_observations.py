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


def _partial(tmp_path, name="partial.csv", day=20):
    path = tmp_path / name
    path.write_text(HEADER + f"Kyiv City,2022-03-{day} 10:00:00+00:00,2022-03-{day} 11:00:00+00:00,False\n"
                    f"Kyiv City,{day}/03/2022,2022-03-{day} 11:00:00+00:00,False\n", encoding="utf-8")
    return path


def test_observations_rejected_rows_exit_2_every_time(cli, tmp_path):
    path, db = _partial(tmp_path), tmp_path / "db.duckdb"
    for _ in range(2):  # a reload adds nothing and gives the same answer
        code, out, err = cli("ingest", "observations", path, "--db", db, "--json")
        report = json.loads(out)[0]
        assert code == 2, err
        assert (report["loaded"], report["rejected"]) == (1, 1)
        assert "1 row(s) rejected, 1 loaded; first at line 3" in err


def test_observations_a_partial_file_beside_a_clean_one_exits_2(cli, tmp_path):
    db = tmp_path / "db.duckdb"
    code, out, err = cli("ingest", "observations", _alerts(tmp_path, [1]), _partial(tmp_path), "--db", db, "--json")
    assert code == 2 and [r["rejected"] for r in json.loads(out)] == [0, 1]
    code, out, err = cli("ingest", "observations", _partial(tmp_path, "p2.csv", day=21), tmp_path / "missing.csv",
                         "--db", db, "--json")
    assert code == 2 and "[SD101]" in err and json.loads(out)[0]["loaded"] == 1


def test_observations_no_row_loads_exit_2_every_time(cli, tmp_path):
    path, db = tmp_path / "bad.csv", tmp_path / "db.duckdb"
    path.write_text(HEADER + "Kyiv City,yesterday,2022-03-01 11:00:00+00:00,False\n", encoding="utf-8")
    for _ in range(2):
        code, _, err = cli("ingest", "observations", path, "--db", db)
        assert code == 2 and "[SD106]" in err, err
