"""Exports from a database built by the bundled demo (no ../shared needed)."""

from __future__ import annotations

import csv
import json

import duckdb
import pytest


def test_tables_jsonl_csv_parquet_hold_every_statement(cli, demo_db, tmp_path):
    db, result = demo_db
    n = len(result["statements"])
    for fmt in ("jsonl", "csv", "parquet"):
        code, _, err = cli("export", "--format", fmt, "--db", db, "--out", tmp_path / f"x.{fmt}")
        assert code == 0, err
    lines = (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == n and json.loads(lines[0])["id"] == result["statements"][0]["id"]
    with (tmp_path / "x.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == n  # one check source, so one row per statement
    parquet = str(tmp_path / "x.parquet")
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchone()[0] == n
    kept = duckdb.sql(f"SELECT verdict, did_ratio FROM '{parquet}' WHERE verdict IS NOT NULL").fetchall()
    assert kept == [(result["checks"][0]["verdict"], pytest.approx(result["checks"][0]["did"]["ratio"]))]


def test_tables_claimreview_fields(cli, demo_db, tmp_path):
    db, result = demo_db
    code, out, _ = cli("export", "--format", "claimreview", "--db", db, "--out", tmp_path / "cr")
    assert code == 0 and "1 ClaimReview file(s)" in out
    review = json.loads(next((tmp_path / "cr").glob("*.claimreview.json")).read_text(encoding="utf-8"))
    pledge = next(s for s in result["statements"] if s["id"] == result["checks"][0]["statement"])
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == pledge["text"]
    assert review["itemReviewed"]["author"]["name"] == pledge["speaker"]
    assert review["itemReviewed"]["datePublished"] == pledge["published"]
    assert review["reviewRating"]["alternateName"].lower().replace(" ", "_") == result["checks"][0]["verdict"]
    evidence = json.loads((tmp_path / "cr" / review["url"]).read_text(encoding="utf-8"))
    assert evidence["checks"][0]["measures"] == result["checks"][0]["measures"]
    assert evidence["verdict"]["verdict"] == result["checks"][0]["verdict"]
    assert evidence["verdict"]["decided_by"] == result["checks"][0]["source"]


def test_tables_unknown_format_is_coded_error(cli, demo_db, tmp_path):
    code, _, err = cli("export", "--format", "xml", "--db", demo_db[0], "--out", tmp_path / "x")
    assert code == 2 and "[SD107]" in err
