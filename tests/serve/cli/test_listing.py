"""`saydo statements`: filters, one statement whole, JSON and CSV, and lines that fit an 80-column terminal."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.conftest import shared_path


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    from saydo.serve.cli import main

    article = shared_path("examples", "kyiv-2022-03-29.txt")
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    target = tmp_path_factory.mktemp("listing") / "db.duckdb"
    try:
        main(["run", str(article), "--alerts", str(alerts), "--db", str(target), "--json"])
    except SystemExit as exc:
        assert not exc.code
    return target


def test_listing_filters_agree_with_the_full_list(cli, db):
    code, out, _ = cli("statements", "--db", db, "--json", "--limit", "1000")
    assert code == 0
    everything = json.loads(out)["statements"]
    code, out, _ = cli("statements", "--db", db, "--json", "--kind", "pledge", "--actor", "rus")
    pledges = json.loads(out)
    assert pledges["total"] == sum(1 for s in everything if s["kind"] == "pledge" and s["actor"] == "RUS") > 0
    code, out, _ = cli("statements", "--db", db, "--json", "--region", "UA-74", "--search", "chernihiv")
    found = json.loads(out)["statements"]
    assert found and all("UA-74" in s["places"] and "chernihiv" in s["text"].lower() for s in found)
    code, out, _ = cli("statements", "--db", db, "--json", "--verdict", "unchecked", "--kind", "pledge")
    assert all(not s["verdicts"] for s in json.loads(out)["statements"])


def test_listing_csv_has_a_row_per_statement(cli, db):
    code, out, _ = cli("statements", "--db", db, "--csv", "--limit", "3")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 3 and rows[0]["id"]


def test_listing_show_one_statement_with_its_checks(cli, db):
    code, out, _ = cli("statements", "--db", db, "--json", "--kind", "pledge", "--verdict", "kept")
    first = json.loads(out)["statements"][0]
    code, out, _ = cli("statements", first["id"][:8], "--db", db, "--json")
    shown = json.loads(out)
    assert code == 0 and shown["statement"]["id"] == first["id"] and shown["checks"]


def test_listing_fits_80_columns_without_breaking_words(cli, db, monkeypatch):
    from saydo.serve.cli import options

    total = json.loads(cli("statements", "--db", db, "--json")[1])["total"]
    monkeypatch.setattr(options.console, "width", 80)
    code, out, _ = cli("statements", "--db", db, "--limit", "1000")
    assert code == 0
    lines = out.splitlines()
    assert lines and all(len(line) <= 80 for line in lines)
    assert len(lines) == 1 + 2 * total  # a count line, then two lines per statement: nothing wraps


@pytest.mark.parametrize("args", [["--kind", "promise"], ["--verdict", "maybe"], ["--from", "March"],
                                  ["--sort", "loudest"]])
def test_listing_bad_filter_is_one_coded_line(cli, db, args):
    code, _, err = cli("statements", "--db", db, *args)
    assert code == 2 and "[SD105]" in err and "Traceback" not in err


def test_listing_checks_with_filters_and_one_whole(cli, db):
    code, out, _ = cli("checks", "--db", db, "--json")
    listed = json.loads(out)
    assert code == 0 and listed["total"] >= 1 and all(c["scenario"] is None for c in listed["checks"])
    first = listed["checks"][0]
    code, out, _ = cli("checks", "--db", db, "--json", "--verdict", first["verdict"], "--source", first["source"])
    assert all(c["verdict"] == first["verdict"] for c in json.loads(out)["checks"])
    code, out, _ = cli("checks", first["id"][:8], "--db", db, "--json")
    assert code == 0 and json.loads(out)["statement"] == first["statement_id"]
    code, out, _ = cli("checks", "--db", db, "--csv")
    assert code == 0 and out.splitlines()[0].startswith("id,statement_id,source,verdict")


def test_listing_exports_take_the_same_filters(cli, db, tmp_path):
    out = tmp_path / "x.jsonl"
    code, _, err = cli("export", "--format", "jsonl", "--out", out, "--db", db, "--kind", "pledge", "--actor", "RUS")
    assert code == 0, err
    exported = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    code, listed, _ = cli("statements", "--db", db, "--json", "--kind", "pledge", "--actor", "RUS", "--limit", "999")
    assert {s["id"] for s in exported} == {s["id"] for s in json.loads(listed)["statements"]} != set()
