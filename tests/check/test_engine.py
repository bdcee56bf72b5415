"""The check engine on a small alert log of our own: every figure against an independent SQL computation."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from saydo.check import check_pledges
from saydo.ingest.observations import load_observations
from saydo.records import Statement

START = datetime(2022, 3, 29, tzinfo=timezone.utc)
REGIONS = ["Kyiv City", "Kyivska oblast", "Chernihivska oblast", "Lvivska oblast", "Odeska oblast",
           "Kharkivska oblast", "Poltavska oblast"]


def _log(path, *, quiet_after: bool, extra_days: int = 20, scale: int = 1) -> None:
    """A deterministic log: pledge regions busy before, quiet after (or not); controls steady. Some alerts cross
    window edges and midnight so clipping matters."""
    rows = ["region,started_at,finished_at,naive"]
    for day in range(-extra_days, extra_days):
        base = START + timedelta(days=day)
        for k, region in enumerate(REGIONS):
            pledge = k < 3
            count = 3 if pledge and (day < 0 or not quiet_after) else (1 if pledge else 2 + (day + k) % 2)
            for i in range(count * scale):
                begin = base + timedelta(hours=22 - (i * 5) % 24, minutes=13 * k + i)
                end = begin + timedelta(minutes=40 + 30 * (i % 3) + 7 * k)
                rows.append(f"{region},{begin.isoformat(sep=' ')},{end.isoformat(sep=' ')},False")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


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
    assert check.verdict == "kept"
    assert check.did.ratio < 1 and check.did.ci[1] < 1


def test_engine_unchanged_activity_is_broken(store, tmp_path):
    path = tmp_path / "alerts.csv"
    _log(path, quiet_after=False, scale=6)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "broken", check.explanation


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
    _log(path, quiet_after=False)
    load_observations(store, path)
    check = check_pledges(store, [_pledge()])[0][0]
    assert check.verdict == "insufficient_data" and "can't decide" in check.explanation


def test_engine_sources_are_never_summed(loaded, tmp_path):
    other = tmp_path / "other.csv"
    _log(other, quiet_after=False, scale=6)
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
    (_pledge(places=("UA",)), "all of Ukraine"),
    (_pledge(published=None), "no date"),
])
def test_engine_untestable_reasons(loaded, statement, reason):
    checks, untestable = check_pledges(loaded, [statement])
    assert not checks and reason in untestable[0][1]


def test_engine_shift_of_effort_expects_an_increase(store, tmp_path):
    path = tmp_path / "alerts.csv"
    _log(path, quiet_after=False, scale=4, extra_days=30)
    busier = tmp_path / "busier.csv"
    rows = ["region,started_at,finished_at,naive"]
    for day in range(0, 14):
        for i in range(12):
            begin = START + timedelta(days=day, hours=i * 2, minutes=3)
            rows.append(f"Chernihivska oblast,{begin.isoformat(sep=' ')},"
                        f"{(begin + timedelta(minutes=20)).isoformat(sep=' ')},False")
    busier.write_text("\n".join(rows) + "\n", encoding="utf-8")
    load_observations(store, path)
    load_observations(store, busier, source="alerts.volunteer")
    shift = Statement(article="t.txt", article_id="t", published=date(2022, 3, 29), speaker="A General",
                      actor="RUS", kind="pledge", quote="indirect",
                      text="forces would shift their attention to the liberation of the north", start=0, end=10,
                      places=("UA-74",))
    check = check_pledges(store, [shift])[0][0]
    assert check.template == "increase" and check.verdict == "kept", check.explanation
    assert check.did.ratio > 1 and check.placebo is not None and check.to_json()["placebo"]["ratio"] is not None


def test_engine_event_datasets_are_checked_on_their_own(store, tmp_path):
    """An event dataset (here a mapped CSV) gets its own check on the 'events' metric, never summed with alerts."""
    rows = ["id,day,oblast,kind"]
    n = 0
    for day in range(-20, 20):
        when = (START + timedelta(days=day)).date().isoformat()
        for region, per_day in (("Kyivska oblast", 4 if day < 0 else 1), ("Lvivska oblast", 3),
                                ("Odeska oblast", 3), ("Poltavska oblast", 2), ("Kharkivska oblast", 3)):
            for _ in range(per_day):
                n += 1
                rows.append(f"e{n},{when},{region},Artillery")
    (tmp_path / "events.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (tmp_path / "map.toml").write_text('source = "strikes"\n[columns]\ndate = "day"\nregion = "oblast"\n'
                                       'type = "kind"\nid = "id"\n[types]\n"Artillery" = "shelling"\n',
                                       encoding="utf-8")
    load_observations(store, tmp_path / "events.csv", mapping=tmp_path / "map.toml")
    _log(tmp_path / "alerts.csv", quiet_after=False, scale=6)
    load_observations(store, tmp_path / "alerts.csv")
    checks = {c.source: c for c in check_pledges(store, [_pledge(places=("UA-32",))])[0]}
    assert set(checks) == {"strikes", "alerts.volunteer"}
    events = checks["strikes"]
    assert {m.metric for m in events.measures} == {"events"} and events.did.metric == "events"
    assert events.verdict == "kept" and "recorded hostile events" in events.explanation
    pledge = next(m for m in events.measures if m.group == "pledge")
    expected = store.query("SELECT count(*) AS n FROM observations WHERE source = 'strikes' AND region = 'UA-32' "
                           "AND started_at >= ? AND started_at < ?", [pledge.before.start, pledge.before.end])
    assert pledge.before.value == expected[0]["n"] == 14 * 4


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
