"""The check engine on a small alert log of our own: every figure against an independent SQL computation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from saydo.check import check_pledges
from saydo.ingest.observations import load_observations
from saydo.records import Statement
from tests.check.logs import write_log

START = datetime(2022, 3, 29, tzinfo=timezone.utc)


def _log(path, *, quiet_after: bool, extra_days: int = 210, scale: float = 1.0, seed: int = 1, **kw) -> None:
    """Half a year of Poisson alerts either side of the pledge (the calibration's history); the pledge regions quiet
    after (or not), the whole log ``scale`` times busier."""
    write_log(path, START, after=0.05 if quiet_after else 1.0, pledge_rate=6 * scale, control_rate=5 * scale,
              days_after=extra_days, seed=seed, **kw)


def _pledge(places=("UA-30", "UA-32", "UA-74"), published=date(2022, 3, 29)) -> Statement:
    return Statement(article="t.txt", article_id="t", published=published, speaker="A Minister", actor="RUS",
                     kind="pledge", quote="indirect", text="Moscow would radically reduce military activity there",
                     start=0, end=10, places=places)


def _sql(store, metric: str, regions, start, end) -> float:
    if metric == "alerts":
        sql = ("SELECT count(*) AS v FROM observations WHERE list_contains(?, region) "
               "AND started_at >= ? AND started_at < ?")
    else:
        sql = ("SELECT coalesce(sum(epoch(least(finished_at, ?::TIMESTAMPTZ)) - "
               "epoch(greatest(started_at, ?::TIMESTAMPTZ))), 0) / 3600.0 AS v FROM observations "
               "WHERE list_contains(?, region) AND started_at < ? AND finished_at > ?")
        return store.query(sql, [end, start, list(regions), end, start])[0]["v"]
    return store.query(sql, [list(regions), start, end])[0]["v"]


@pytest.fixture
def loaded(store, tmp_path):
    path = tmp_path / "alerts.csv"
    _log(path, quiet_after=True)
    load_observations(store, path)
    return store


def test_engine_every_measure_matches_sql(loaded):
    checks, untestable = check_pledges(loaded, [_pledge()])
    assert not untestable and len(checks) == 1
    check = checks[0]
    groups = {m.group for m in check.measures}
    assert groups == {"region", "pledge", "control"}
    for m in check.measures:
        for period in (m.before, m.after):
            expected = _sql(loaded, m.metric, m.regions, period.start, period.end)
            assert period.value == pytest.approx(expected, abs=1e-3), (m.metric, m.group, m.regions)


def test_engine_quiet_after_is_kept(loaded):
    check = check_pledges(loaded, [_pledge()])[0][0]
    assert check.verdict == "kept", check.explanation
    assert check.did.ratio < 1 and check.did.ci[1] < 1
    cal = check.calibrated
    assert cal.metric == "alerts" and cal.ci[1] <= 0.5 and "placebo boundaries" in cal.method
    assert check.effect["theta"] == 0.5 and "θ = 0.5" in check.explanation  # "radically reduce": at least halved


def test_engine_unchanged_activity_is_broken(store, tmp_path):
    path = tmp_path / "alerts.csv"
    _log(path, quiet_after=False, scale=4)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "broken", check.explanation
    assert check.calibrated.ci[0] > 0.5 and "rule out any cut larger than" in check.explanation


def test_engine_a_pledge_with_nothing_after_can_be_kept(store, tmp_path):
    """Zero alerts after is the best a pledge can do: the continuity-corrected ratio is finite, so it is kept."""
    path = tmp_path / "alerts.csv"
    write_log(path, START, after=0.0)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    pledge = next(m for m in check.measures if m.group == "pledge" and m.metric == "alerts")
    assert pledge.after.value == 0 and check.verdict == "kept", check.explanation


def test_engine_reduction_short_of_the_pledged_size_is_partly_kept(store, tmp_path):
    path = tmp_path / "alerts.csv"
    write_log(path, START, after=0.7, pledge_rate=30, control_rate=25, pledge=3)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]  # "radically": θ = 0.5, and alerts fell by about 30%
    assert check.verdict == "partly_kept", check.explanation
    assert check.calibrated.ci[1] < 1 and check.calibrated.ci[1] > 0.5


def test_engine_after_window_past_data_is_too_early(store, tmp_path):
    path = tmp_path / "alerts.csv"
    _log(path, quiet_after=True, extra_days=5)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "too_early" and not check.measures


def test_engine_as_of_makes_it_too_early(loaded):
    check = check_pledges(loaded, [_pledge()], as_of=START + timedelta(days=3))[0][0]
    assert check.verdict == "too_early"


def test_engine_small_unchanged_log_cannot_decide(store, tmp_path):
    path = tmp_path / "alerts.csv"
    write_log(path, START, after=0.6, pledge_rate=1.2, control_rate=1.2)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "insufficient_data" and "can't decide" in check.explanation


def test_engine_too_little_history_is_said(store, tmp_path):
    path = tmp_path / "alerts.csv"
    write_log(path, START, days_before=30, days_after=40)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "insufficient_data" and "to calibrate the comparison on" in check.explanation


def test_engine_a_gap_in_the_source_is_not_a_quiet_time(store, tmp_path):
    """Days with no row in any region inside the windows read as a gap in the source, not as a kept pledge."""
    path = tmp_path / "alerts.csv"
    write_log(path, START)
    lines = path.read_text(encoding="utf-8").splitlines()
    gap = [(START + timedelta(days=d)).date().isoformat() for d in range(2, 9)]
    kept = [line for line in lines if not any(f",{day} " in line for day in gap)]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "insufficient_data" and "a gap in the source" in check.explanation


def test_engine_sources_are_never_summed(loaded, tmp_path):
    other = tmp_path / "other.csv"
    _log(other, quiet_after=False, scale=4, seed=2)
    load_observations(loaded, other, source="alerts.other")
    checks = check_pledges(loaded, [_pledge()])[0]
    by_source = {c.source: c for c in checks}
    assert set(by_source) == {"alerts.volunteer", "alerts.other"}
    pledge = {s: next(m for m in c.measures if m.group == "pledge" and m.metric == "alerts")
              for s, c in by_source.items()}
    for source, m in pledge.items():
        expected = loaded.query(
            "SELECT count(*) AS v FROM observations WHERE source = ? AND list_contains(?, region) "
            "AND started_at >= ? AND started_at < ?", [source, list(m.regions), m.after.start, m.after.end])[0]["v"]
        assert m.after.value == expected
    assert by_source["alerts.volunteer"].verdict == "kept"
    assert by_source["alerts.other"].verdict == "broken"


@pytest.mark.parametrize("statement,reason", [
    (_pledge(places=()), "names no region"),
    (_pledge(published=None), "no date"),
    (replace(_pledge(), actor="UKR"), "air-raid alerts warn of Russian air attacks"),
])
def test_engine_untestable_reasons(loaded, statement, reason):
    checks, untestable = check_pledges(loaded, [statement])
    assert not checks and reason in untestable[0][1]


def test_engine_all_of_ukraine_is_compared_with_its_own_history(loaded):
    check = check_pledges(loaded, [_pledge(places=("UA",))])[0][0]
    assert check.template == "national" and check.calibrated is not None
    assert "no control region" in check.explanation


def test_engine_memory_is_bounded_by_the_windows_not_the_data(store, tmp_path):
    """One row dated centuries away must not make the engine lay a grid from it to the pledge."""
    path = tmp_path / "alerts.csv"
    write_log(path, START)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("Lvivska oblast,2522-01-01 10:00:00,2522-01-01 10:30:00,False\n")
    load_observations(store, path)
    from saydo.check.binned import ActivityGrid
    from saydo.check.engine import _reach
    from saydo.check.hypotheses import hypothesis_for
    from saydo.check.rules import load_rules
    from saydo.resolve.regions import all_codes
    from saydo.store.grid import activity_grid

    hypo = hypothesis_for(_pledge(), frozenset(all_codes()))
    grid = ActivityGrid(activity_grid(store, {"alerts.volunteer": ("air_raid_alert",)}, 86400,
                                      within=_reach([hypo], 14, load_rules())), 86400)
    days = grid.binned("alerts.volunteer", 86400, 0).values["alerts"].shape[1]
    assert days < 2 * 366, days  # about a year of days around the pledge, not five centuries
    assert check_pledges(store, [_pledge()])[0][0].verdict in ("kept", "partly_kept", "broken", "insufficient_data")


def test_engine_shift_of_effort_expects_an_increase(store, tmp_path):
    path = tmp_path / "alerts.csv"
    write_log(path, START, after=3.0, pledge=3)
    load_observations(store, path)
    shift = Statement(article="t.txt", article_id="t", published=date(2022, 3, 29), speaker="A General",
                      actor="RUS", kind="pledge", quote="indirect",
                      text="forces would shift their attention to the liberation of the north", start=0, end=10,
                      places=("UA-30", "UA-32", "UA-74"))
    check = check_pledges(store, [shift])[0][0]
    assert check.template == "increase" and check.verdict == "kept", check.explanation
    assert check.did.ratio > 1 and check.placebo is not None and check.to_json()["placebo"]["ratio"] is not None


def test_engine_event_datasets_are_checked_on_their_own(store, tmp_path):
    """An event dataset (here a mapped CSV) gets its own check on the 'events' metric, never summed with alerts."""
    import numpy as np

    rng = np.random.default_rng(3)
    rows = ["id,day,oblast,kind"]
    n = 0
    for day in range(-210, 210):
        when = (START + timedelta(days=day)).date().isoformat()
        for region, per_day in (("Kyivska oblast", 0.3 if 0 <= day < 14 else 4), ("Lvivska oblast", 3),
                                ("Odeska oblast", 3), ("Poltavska oblast", 2), ("Kharkivska oblast", 3)):
            for _ in range(rng.poisson(per_day)):
                n += 1
                rows.append(f"e{n},{when},{region},Artillery")
    (tmp_path / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "map.toml").write_text('source = "strikes"\n[columns]\ndate = "day"\nregion = "oblast"\n'
                                       'type = "kind"\nid = "id"\n[types]\n"Artillery" = "shelling"\n',
                                       encoding="utf-8")
    load_observations(store, tmp_path / "events.csv", mapping=tmp_path / "map.toml")
    _log(tmp_path / "alerts.csv", quiet_after=False, scale=4)
    load_observations(store, tmp_path / "alerts.csv")
    checks = {c.source: c for c in check_pledges(store, [_pledge(places=("UA-32",))])[0]}
    assert set(checks) == {"strikes", "alerts.volunteer"}
    events = checks["strikes"]
    assert {m.metric for m in events.measures} == {"events"} and events.did.metric == "events"
    assert events.verdict == "kept" and "recorded hostile events" in events.explanation
    pledge = next(m for m in events.measures if m.group == "pledge")
    expected = store.query("SELECT count(*) AS n FROM observations WHERE source = 'strikes' AND region = 'UA-32' "
                           "AND started_at >= ? AND started_at < ?", [pledge.before.start, pledge.before.end])
    assert pledge.before.value == expected[0]["n"] > 0


def test_engine_no_strike_pledge_cites_the_strikes(store, tmp_path):
    rows = ["id,day,oblast,kind,notes"]
    for day in range(-20, 20):
        when = (START + timedelta(days=day)).date().isoformat()
        rows.append(f"x{day},{when},Kharkivska oblast,Artillery,elsewhere")
    rows.append(f"p1,{(START + timedelta(days=3)).date().isoformat()},Odeska oblast,Missile,port dock hit")
    rows.append(f"p0,{(START - timedelta(days=3)).date().isoformat()},Odeska oblast,Missile,before the pledge")
    (tmp_path / "e.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "m.toml").write_text('source = "strikes"\n[columns]\ndate = "day"\nregion = "oblast"\ntype = "kind"\n'
                                     'id = "id"\ndescription = "notes"\n[types]\n"Artillery" = "shelling"\n'
                                     '"Missile" = "missile_strike"\n', encoding="utf-8")
    load_observations(store, tmp_path / "e.csv", mapping=tmp_path / "m.toml")
    pledge = Statement(article="t.txt", article_id="t", published=date(2022, 3, 29), speaker="A Minister",
                       actor="RUS", kind="pledge", quote="indirect", text="Russia agreed not to attack the ports",
                       start=0, end=10, places=("UA-51",))
    check = check_pledges(store, [pledge])[0][0]
    assert check.template == "no_strike" and check.verdict == "broken"
    assert "row p1" in check.explanation and "port dock hit" in check.explanation
    quiet = replace(pledge, places=("UA-32",))
    assert check_pledges(store, [quiet])[0][0].verdict == "insufficient_data"  # nothing there before either
