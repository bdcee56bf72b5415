"""`saydo run` / `saydo extract` / `saydo ingest articles` as a user meets them: bad input gives one coded line and
exit 2, so do rejected rows (after the good ones load), a bug exits 3 (docs/cli.md, "Exit codes")."""

from __future__ import annotations

import json

import pytest

ARTICLE = "date 2022-03-29\n\nThe minister said the army would reduce activity near Kyiv.\n"
HEADER = "region,started_at,finished_at,naive\n"


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def _one_line_error(code: int, err: str, needle: str) -> None:
    assert code == 2
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1, err
    assert needle in lines[0]
    assert "Traceback" not in err


def test_run_missing_article_file(cli, tmp_path):
    code, _, err = cli("run", tmp_path / "nope.txt", "--db", tmp_path / "db.duckdb")
    _one_line_error(code, err, "[SD101]")
    assert "nope.txt" in err


def test_run_empty_article_file(cli, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, _, err = cli("run", empty, "--db", tmp_path / "db.duckdb")
    _one_line_error(code, err, "[SD102]")


def test_run_binary_article_file(cli, tmp_path):
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    code, _, err = cli("run", binary, "--db", tmp_path / "db.duckdb")
    _one_line_error(code, err, "[SD103]")


def test_run_alerts_with_wrong_header(cli, tmp_path, article):
    alerts = tmp_path / "alerts.csv"
    alerts.write_text("oblast,start,end\nKyiv City,2022-03-01,2022-03-01\n", encoding="utf-8")
    code, _, err = cli("run", article, "--alerts", alerts, "--db", tmp_path / "db.duckdb")
    _one_line_error(code, err, "header")
    assert "alerts.csv" in err


def test_run_alerts_all_rows_unparseable(cli, tmp_path, article):
    alerts = tmp_path / "alerts.csv"
    alerts.write_text(HEADER + "Kyiv City,yesterday,2022-03-01 10:00:00+00:00,False\n", encoding="utf-8")
    code, _, err = cli("run", article, "--alerts", alerts, "--db", tmp_path / "db.duckdb")
    _one_line_error(code, err, "no row could be loaded")
    assert "first at line 2: started_at 'yesterday' is not a date-time" in err


def test_run_bad_date_option(cli, tmp_path, article):
    code, _, err = cli("run", article, "--date", "29/03/2022", "--db", tmp_path / "db.duckdb")
    _one_line_error(code, err, "[SD105]")


def test_extract_missing_file(cli, tmp_path):
    code, _, err = cli("extract", tmp_path / "missing.txt", "--json")
    _one_line_error(code, err, "[SD101]")


def test_run_partial_alert_file_loads_good_rows_then_exits_2(cli, tmp_path, article):
    alerts = tmp_path / "alerts.csv"
    alerts.write_text(HEADER + "Kyiv City,2022-03-15 10:00:00+00:00,2022-03-15 11:00:00+00:00,False\n"
                      "Kyiv City,15/03/2022,2022-03-15 11:00:00+00:00,False\n", encoding="utf-8")
    db = tmp_path / "db.duckdb"
    code, _, err = cli("run", article, "--alerts", alerts, "--db", db)
    assert code == 2, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and "1 row(s) rejected, 1 loaded" in lines[0] and "line 3" in lines[0], err
    code, out, _ = cli("rejects", "--db", db, "--json")
    assert code == 0 and "15/03/2022" in out
    code, _, err = cli("run", article, "--alerts", alerts, "--db", db)  # the same files again: the same answer
    assert code == 2 and "1 row(s) rejected" in err


def test_run_clean_alert_file_exits_0(cli, tmp_path, article):
    alerts = tmp_path / "alerts.csv"
    alerts.write_text(HEADER + "Kyiv City,2022-03-15 10:00:00+00:00,2022-03-15 11:00:00+00:00,False\n",
                      encoding="utf-8")
    code, _, err = cli("run", article, "--alerts", alerts, "--db", tmp_path / "db.duckdb")
    assert code == 0 and not err.strip(), err


def test_run_rejected_rows_and_unreadable_article_exits_2(cli, tmp_path, article):
    alerts = tmp_path / "alerts.csv"
    alerts.write_text(HEADER + "Kyiv City,2022-03-15 10:00:00+00:00,2022-03-15 11:00:00+00:00,False\n"
                      "Kyiv City,15/03/2022,2022-03-15 11:00:00+00:00,False\n", encoding="utf-8")
    code, _, err = cli("run", article, tmp_path / "nope.txt", "--alerts", alerts, "--db", tmp_path / "db.duckdb")
    assert code == 2 and "[SD101]" in err and "1 row(s) rejected" in err


def test_ingest_articles_unreadable_file_exits_2_and_stores_the_rest(cli, tmp_path, article):
    db = tmp_path / "db.duckdb"
    code, out, err = cli("ingest", "articles", article, tmp_path / "nope.txt", "--db", db, "--json")
    assert code == 2 and "[SD101]" in err
    assert json.loads(out)["articles"] == ["article.txt"]
    code, _, err = cli("ingest", "articles", article, "--db", db)
    assert code == 0, err


def test_run_internal_error_exits_3_with_traceback(cli, tmp_path, article, monkeypatch):
    from saydo import pipeline

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "run", broken)
    code, _, err = cli("run", article, "--db", tmp_path / "db.duckdb")
    assert code == 3 and "Traceback" in err and "RuntimeError: boom" in err and "internal error" in err


def test_extract_learned_kinds_is_asked_for_and_runs_on_spark_too(cli, tmp_path, spark_master):
    path = tmp_path / "declared.txt"
    # a sentence the rules read as a claim only by default and the shipped classifier as a pledge (tests/extract/
    # test_learned.py holds the same; change both when a retrained model reads it otherwise)
    path.write_text('date 2022-03-08\n\nThe talks went on.\n\n"The ceasefire regime along the corridor is declared '
                    'from 10:00 Moscow time," the Russian defence ministry said.\n', encoding="utf-8")
    code, out, err = cli("extract", path, "--json")
    assert code == 0, err
    assert [json.loads(line)["kind"] for line in out.splitlines()] == ["claim"]
    code, out, err = cli("extract", path, "--json", "--learned-kinds")
    assert code == 0, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["kind"], "kind:pledge-learned" in r["rules"]) for r in rows] == [("pledge", True)]
    code, spark, err = cli("extract", path, "--json", "--learned-kinds", "--engine", "spark", "--spark-master",
                           spark_master, "--warehouse", tmp_path / "warehouse")
    assert code == 0, err
    assert [json.loads(line) for line in spark.splitlines()] == rows  # the same statements, ids and rules


def test_extract_in_two_processes_prints_the_same_statements(cli):
    # more files than one batch, so forked workers parse and build them (saydo's own written articles)
    from pathlib import Path

    from saydo.extract.statements import BATCH

    folder = Path(__file__).resolve().parents[3] / "corpus" / "written"
    files = sorted(folder.glob("*.txt"))[:BATCH + 4]
    code, one, err = cli("extract", *files, "--json")
    assert code == 0, err
    code, two, err = cli("extract", *files, "--json", "--processes", "2")
    assert code == 0, err
    assert two == one and len(one.splitlines()) > len(files)


def test_extract_processes_is_for_the_duckdb_engine(cli, tmp_path, article):
    code, _, err = cli("extract", article, "--processes", "2", "--engine", "spark", "--warehouse", tmp_path / "w")
    _one_line_error(code, err, "--processes is for the duckdb engine")
