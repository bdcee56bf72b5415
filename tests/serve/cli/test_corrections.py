"""`saydo correct`, `saydo merge` and `saydo note` on the founding example: audited, re-checked, kept on re-ingest."""

from __future__ import annotations

import json

import pytest

from tests.conftest import shared_path


@pytest.fixture(scope="module")
def founding(tmp_path_factory):
    """The founding example run once; each test copies the database."""
    from saydo.serve.cli import main

    article = shared_path("examples", "kyiv-2022-03-29.txt")
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    folder = tmp_path_factory.mktemp("founding")
    db = folder / "db.duckdb"
    try:
        main(["run", str(article), "--alerts", str(alerts), "--db", str(db), "--json"])
    except SystemExit as exc:
        assert not exc.code
    return article, db


@pytest.fixture
def db(founding, tmp_path):
    import shutil

    target = tmp_path / "db.duckdb"
    shutil.copy(founding[1], target)
    return target


def _pledges(cli, db):
    code, out, _ = cli("export", "--format", "jsonl", "--out", db.parent / "e.jsonl", "--db", db)
    assert code == 0
    return [json.loads(line) for line in (db.parent / "e.jsonl").read_text(encoding="utf-8").splitlines()]


def test_correct_places_reruns_the_check_and_exports_say_an_editor_changed_it(cli, db, founding):
    statements = _pledges(cli, db)
    fomin = next(s for s in statements if "Fomin" in s["speaker"] and s["kind"] == "pledge")
    code, out, err = cli("correct", fomin["id"][:10], "--places", "UA-74", "--why", "only Chernihiv oblast is meant",
                         "--editor", "Desk editor", "--db", db, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["edits"][0]["machine"] == fomin["places"] and result["edits"][0]["value"] == ["UA-74"]
    assert result["checks"] and all(c["verdict"] for c in result["checks"])
    after = next(s for s in _pledges(cli, db) if s["id"] == fomin["id"])
    assert after["places"] == ["UA-74"]
    assert after["corrected"]["by"] == "Desk editor" and after["corrected"]["machine"]["places"] == fomin["places"]
    pledge_measures = [m for c in after["checks"] for m in c["measures"] if m["group"] == "pledge"]
    assert pledge_measures and all(m["regions"] in (["UA-74"], "UA-74") for m in pledge_measures)
    # ingesting the article again does not undo the correction
    code, _, _ = cli("ingest", "articles", founding[0], "--db", db)
    assert code == 0
    assert next(s for s in _pledges(cli, db) if s["id"] == fomin["id"])["places"] == ["UA-74"]


def test_correct_not_a_statement_and_merge_take_it_out_of_exports(cli, db):
    statements = _pledges(cli, db)
    first, second, third = statements[0]["id"], statements[1]["id"], statements[2]["id"]
    assert cli("correct", first, "--not-a-statement", "--why", "a caption", "--db", db)[0] == 0
    assert cli("merge", third, second, "--db", db)[0] == 0
    remaining = {s["id"] for s in _pledges(cli, db)}
    assert first not in remaining and second not in remaining and third in remaining
    code, out, _ = cli("note", third, "Confirmed by a second outlet.", "--editor", "ed", "--db", db, "--json")
    assert code == 0 and json.loads(out)["statement_id"] == third


@pytest.mark.parametrize("args, needle", [
    (["--kind", "promise"], "[SD105]"),
    (["--places", "UA-99"], "[SD105]"),
    (["--window", "2023-01-06"], "[SD105]"),
    (["--window", "2023-01-08/2023-01-06"], "[SD105]"),
    ([], "[SD105]"),
])
def test_correct_bad_values_are_one_coded_line(cli, db, args, needle):
    some = _pledges(cli, db)[0]["id"]
    code, _, err = cli("correct", some, *args, "--why", "test", "--db", db)
    assert code == 2 and needle in err and "Traceback" not in err


def test_correct_unknown_statement_is_not_found(cli, db):
    code, _, err = cli("correct", "ffffffffffff", "--kind", "claim", "--why", "x", "--db", db)
    assert code == 2 and "[SD704]" in err


def test_correct_csv_and_claimreview_say_an_editor_changed_it(cli, db, tmp_path):
    import csv

    fomin = next(s for s in _pledges(cli, db) if "Fomin" in s["speaker"] and s["kind"] == "pledge")
    assert cli("correct", fomin["id"], "--speaker", "Alexander V. Fomin", "--why", "full name", "--editor",
               "Desk editor", "--db", db)[0] == 0
    out = tmp_path / "x.csv"
    assert cli("export", "--format", "csv", "--out", out, "--db", db)[0] == 0
    with out.open(encoding="utf-8") as fh:
        row = next(r for r in csv.DictReader(fh) if r["id"] == fomin["id"])
    assert row["speaker"] == "Alexander V. Fomin" and row["corrected_by"] == "Desk editor"
    assert row["corrected_fields"] == "speaker"
    folder = tmp_path / "cr"
    assert cli("export", "--format", "claimreview", "--out", folder, "--db", db)[0] == 0
    review = json.loads(next(folder.glob(f"{fomin['id']}*.claimreview.json")).read_text(encoding="utf-8"))
    assert review["itemReviewed"]["author"]["name"] == "Alexander V. Fomin"
    assert "An editor (Desk editor) corrected the extracted speaker" in review["reviewBody"]
