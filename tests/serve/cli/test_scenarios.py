"""Published verdicts stay published: --as-of and --window-days runs are scenarios beside them (issue 12's sequence)."""

from __future__ import annotations

import csv
import json

import pytest

from tests.conftest import shared_path


@pytest.fixture
def db(tmp_path, capsys):
    """The founding example and a second article dated a year later, with the real volunteer log."""
    from saydo.serve.cli import main

    later = tmp_path / "later.txt"
    later.write_text("date 2023-03-01\n\nThe Russian defence ministry said on Wednesday that its forces would "
                     "reduce their activity near Sumy and Chernihiv over the coming two weeks.\n", encoding="utf-8")
    target = tmp_path / "db.duckdb"
    try:
        main(["run", str(shared_path("examples", "kyiv-2022-03-29.txt")), str(later), "--alerts",
              str(shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")), "--db", str(target), "--json"])
    except SystemExit as exc:
        assert not exc.code
    capsys.readouterr()  # the run's own output is not the tests'
    return target


def _export(cli, db, *extra):
    out = db.parent / "out.csv"
    code, _, err = cli("export", "--format", "csv", "--out", out, "--db", db, *extra)
    assert code == 0, err
    with out.open(encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["verdict"]]


def test_scenarios_never_replace_the_published_verdicts(cli, db):
    assert cli("check", "--db", db)[0] == 0
    published = {(r["id"], r["source"]): r["verdict"] for r in _export(cli, db)}
    assert published and "too_early" not in published.values()
    code, out, _ = cli("check", "--db", db, "--as-of", "2022-04-05", "--json")
    assert code == 0
    early = json.loads(out)
    assert early["checks"] and all(c["verdict"] == "too_early" for c in early["checks"])
    assert cli("check", "--db", db, "--window-days", "7")[0] == 0
    assert cli("check", "--db", db)[0] == 0
    assert {(r["id"], r["source"]): r["verdict"] for r in _export(cli, db)} == published
    scenario = _export(cli, db, "--scenario", "as of 2022-04-05")
    assert scenario and {r["verdict"] for r in scenario} == {"too_early"}
    code, out, _ = cli("statements", "--db", db, "--json", "--kind", "pledge", "--limit", "100")
    badges = {v["verdict"] for s in json.loads(out)["statements"] for v in s["verdicts"]}
    assert "too_early" not in badges


def test_scenarios_as_of_checks_only_pledges_made_before_it(cli, db):
    code, out, _ = cli("check", "--db", db, "--as-of", "2022-06-01", "--json")
    checked = {c["statement"] for c in json.loads(out)["checks"]}
    code, out, _ = cli("statements", "--db", db, "--json", "--kind", "pledge", "--from", "2023-01-01")
    later = {s["id"] for s in json.loads(out)["statements"]}
    assert later and not later & checked


def test_scenarios_history_shows_published_and_scenarios_side_by_side(cli, db):
    cli("check", "--db", db, "--as-of", "2022-04-05", "--scenario", "first three weeks")
    code, out, _ = cli("statements", "--db", db, "--json", "--kind", "pledge", "--verdict", "kept")
    some = json.loads(out)["statements"][0]["id"]
    code, out, _ = cli("history", some, "--db", db, "--json")
    runs = {r["scenario"] for r in json.loads(out)}
    assert None in runs and "first three weeks" in runs


def test_scenarios_need_a_cutoff_or_other_windows(cli, db):
    code, _, err = cli("check", "--db", db, "--scenario", "just a name")
    assert code == 2 and "[SD105]" in err
    code, _, err = cli("export", "--db", db, "--scenario", "never run")
    assert code == 2 and "[SD704]" in err
