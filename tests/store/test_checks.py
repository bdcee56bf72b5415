"""Stored checks: every distinct result is kept, so a pledge has a verdict history; re-running adds nothing."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from importlib import resources

from saydo.check import check_pledges
from saydo.ingest.observations import load_observations
from saydo.records import Statement
from saydo.store.checks import history, latest_checks, save_check

PLEDGE = Statement(article="a.txt", article_id="a", published=date(2022, 3, 29), speaker="A Minister", actor="RUS",
                   kind="pledge", quote="indirect", text="Moscow would radically reduce activity near Kyiv",
                   start=0, end=10, places=("UA-30", "UA-32", "UA-74"))


def test_checks_history_from_as_of_runs(store, cli, tmp_path):
    with resources.as_file(resources.files("saydo.data.demo").joinpath("alerts-volunteer-2022.csv")) as alerts:
        load_observations(store, alerts)
    start = datetime(2022, 3, 29, tzinfo=timezone.utc)
    for as_of in (start + timedelta(days=5), None):
        for check in check_pledges(store, [PLEDGE], as_of=as_of)[0]:
            save_check(store, check)
    for check in check_pledges(store, [PLEDGE])[0]:  # the same result again
        save_check(store, check)
    verdicts = [r["verdict"] for r in history(store, PLEDGE.id)]
    assert len(verdicts) == 2 and verdicts[0] == "too_early" and verdicts[1] != "too_early"
    assert latest_checks(store)[0]["verdict"] == verdicts[1]


def test_checks_history_cli(cli, tmp_path):
    out = tmp_path / "demo"
    cli("demo", "--out", out)
    check = json.loads((out / "result.json").read_text(encoding="utf-8"))["checks"][0]
    code, stdout, _ = cli("history", check["statement"], "--db", out / "saydo.duckdb", "--json")
    assert code == 0 and [r["verdict"] for r in json.loads(stdout)] == [check["verdict"]]
    code, _, err = cli("history", "nope", "--db", out / "saydo.duckdb")
    assert code == 2 and "[SD704]" in err


def test_checks_recompute_only_what_new_rows_can_affect(store, tmp_path):
    with resources.as_file(resources.files("saydo.data.demo").joinpath("alerts-volunteer-2022.csv")) as alerts:
        load_observations(store, alerts)
    first = check_pledges(store, [PLEDGE])[0]
    for check in first:
        save_check(store, check)
    again = check_pledges(store, [PLEDGE])[0]
    assert [c.reused for c in again] == [True] and again[0].to_json() == first[0].to_json()
    far = tmp_path / "far.csv"  # a year later: outside every window this check reads
    far.write_text("region,started_at,finished_at,naive\n"
                   "Kyiv City,2023-03-30 10:00:00+00:00,2023-03-30 11:00:00+00:00,False\n", encoding="utf-8")
    load_observations(store, far)
    assert check_pledges(store, [PLEDGE])[0][0].reused
    near = tmp_path / "near.csv"  # inside the after-window: the figures change, so the check is recomputed
    near.write_text("region,started_at,finished_at,naive\n"
                    "Kyiv City,2022-04-02 10:07:00+00:00,2022-04-02 11:00:00+00:00,False\n", encoding="utf-8")
    load_observations(store, near)
    fresh = check_pledges(store, [PLEDGE])[0][0]
    assert not fresh.reused
    pledge_after = next(m.after.value for m in fresh.measures if m.group == "pledge" and m.metric == "alerts")
    old_after = next(m.after.value for m in first[0].measures if m.group == "pledge" and m.metric == "alerts")
    assert pledge_after == old_after + 1
