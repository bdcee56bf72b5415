"""Territory beside a withdrawal by Russia: the held area at the pledge's start against the window's ends, recomputed
here from the CSV with plain DuckDB; national, so supporting evidence that never changes the verdict."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import duckdb
import pytest

from saydo.check import check_pledges
from saydo.check.hypotheses import hypothesis_for
from saydo.ingest.observations import load_observations
from saydo.records import Check, Statement
from saydo.resolve.regions import all_codes
from saydo.store.checks import save_checks
from tests.conftest import shared_path

START = datetime(2022, 3, 29, tzinfo=timezone.utc)
KYIV_CHERNIHIV = ("UA-30", "UA-32", "UA-74")


def _withdrawal(actor: str = "RUS", text: str = "Russian forces will pull back from around Kyiv and Chernihiv",
                places=KYIV_CHERNIHIV) -> Statement:
    return Statement(article="t.txt", article_id="t", published=START.date(), speaker="Alexander Fomin", actor=actor,
                     kind="pledge", quote="indirect", text=text, start=0, end=10, places=places)


def _area(path, day: date) -> float | None:
    """The area on a day, read from the CSV with plain DuckDB (not through saydo)."""
    row = duckdb.sql(f"SELECT area FROM read_csv('{path}', header = true) WHERE CAST(date AS DATE) = DATE '{day}'"
                     ).fetchone()
    return row[0] if row else None


@pytest.fixture(scope="module")
def founding(tmp_path_factory):
    """The real volunteer alert log and the real territory series, loaded once."""
    from saydo.store import Store

    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    area = shared_path("data", "territory", "liveuamap-russian-held-area.csv")
    with Store(tmp_path_factory.mktemp("territory") / "t.duckdb") as store:
        load_observations(store, alerts)
        without = check_pledges(store, [_withdrawal()])[0][0]
        load_observations(store, area)
        yield store, area, without


def test_territory_kyiv_withdrawal_held_area_fell(founding):
    store, area, without = founding
    check = check_pledges(store, [_withdrawal()])[0][0]
    assert check.template == "withdraw"
    (t,) = check.territory
    assert (t.before_day, t.start_day, t.end_day) == (date(2022, 3, 15), date(2022, 3, 29), date(2022, 4, 12))
    expected = {day: _area(area, day) for day in (t.before_day, t.start_day, t.end_day)}
    assert (t.before_km2, t.start_km2, t.end_km2) == pytest.approx(
        (expected[t.before_day], expected[t.start_day], expected[t.end_day]))
    assert t.change_after_km2 == pytest.approx(expected[t.end_day] - expected[t.start_day])
    assert t.change_after_km2 < -t.min_change_km2 and t.finding == "fell"
    data = check.to_json()["territory"][0]
    assert data["scope"] == "national" and data["finding"] == "fell"
    assert data["change_before_km2"] == pytest.approx(expected[t.start_day] - expected[t.before_day], abs=1e-3)
    text = check.explanation
    assert "national total, not the area in Kyiv City" in text and "supporting evidence only" in text
    assert f"{-t.change_after_km2:,.0f} km²" in text and "fell by" in text
    # the territory never changes the verdict, and the stored JSON reads back to the same check
    assert check.verdict == without.verdict and check.did == without.did
    assert without.territory == () and "no territory series is loaded" in without.explanation
    assert Check.from_json(check.to_json()) == check


def test_territory_votes_on_a_withdrawal_by_russia(founding):
    """The territory series gets its own check of a withdrawal: the area's change over the window against the
    changes the series shows by itself, recomputed here from the CSV."""
    store, area, _ = founding
    checks = {c.source: c for c in check_pledges(store, [_withdrawal()])[0]}
    vote = checks["territory.liveuamap"]
    assert vote.template == "withdraw" and vote.verdict == "kept", vote.explanation
    (m,) = vote.measures
    assert m.before.value == pytest.approx(_area(area, date(2022, 3, 29)))
    assert m.after.value == pytest.approx(_area(area, date(2022, 4, 12)))
    fell = _area(area, date(2022, 4, 12)) - _area(area, date(2022, 3, 29))
    assert vote.calibrated.metric == "area_km2" and vote.calibrated.ci[1] <= -vote.effect["theta"] * -1
    assert f"fell by {-fell:,.0f} km²" in vote.explanation and "national total" in vote.explanation


def test_territory_not_covered_says_so(founding):
    store, area, _ = founding
    check = check_pledges(store, [_withdrawal()], as_of=START + timedelta(days=7))[0][0]
    (t,) = check.territory
    assert t.finding == "not_covered" and t.end_km2 is None and t.change_after_km2 is None
    assert t.start_km2 == pytest.approx(_area(area, date(2022, 3, 29)))
    assert "has no area for 2022-04-12" in check.explanation and "No territory figure" in check.explanation
    before_series = check_pledges(store, [replace(_withdrawal(), published=date(2022, 2, 25))])[0][0]
    (t,) = before_series.territory  # 14 days before 2022-02-25 precede the series: no change before is given
    assert t.before_km2 is None and t.change_before_km2 is None and t.change_after_km2 is not None
    assert "has no area for 2022-02-11" in before_series.explanation


@pytest.mark.parametrize("statement", [
    _withdrawal(actor="UKR"),  # a Ukrainian withdrawal: the held area says nothing of it
    _withdrawal(text="Moscow would radically reduce military activity there"),  # reduce, not withdraw
])
def test_territory_only_for_withdrawals_by_russia(founding, statement):
    store, _, _ = founding
    checks, _ = check_pledges(store, [statement])
    assert all(c.territory is None and c.to_json()["territory"] is None for c in checks)
    assert all("Territory" not in c.explanation and not c.source.startswith("territory") for c in checks)


@pytest.mark.parametrize("text,template", [
    ("Russian forces will pull back from around Kyiv and Chernihiv", "withdraw"),
    ("I'm pulling Wagner units out of Bakhmut", "withdraw"),
    ("the Russian armed forces withdrew a garrison stationed there", "withdraw"),
    ("We reserve the right to withdraw from these agreements", "reduce"),
    ("Russia will withdraw from the grain deal", "reduce"),
])
def test_territory_withdraw_template(text, template):
    hypo = hypothesis_for(_withdrawal(text=text), frozenset(all_codes()))
    assert hypo.template == template


def _alerts(path) -> None:
    rows = ["region,started_at,finished_at,naive"]
    for day in range(-30, 20):
        for k, region in enumerate(("Kyivska oblast", "Lvivska oblast", "Odeska oblast", "Poltavska oblast",
                                    "Kharkivska oblast")):
            for i in range(3 if k or day < 0 else 1):
                begin = START + timedelta(days=day, hours=3 + 6 * i, minutes=7 * k)
                rows.append(f"{region},{begin.isoformat(sep=' ')},{(begin + timedelta(minutes=40)).isoformat(sep=' ')}"
                            f",False")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_territory_gap_rise_and_recompute(store, tmp_path):
    """A gap is named, never filled; a rise is reported as not what a withdrawal predicts; new territory data
    recomputes withdrawals only."""
    _alerts(tmp_path / "alerts.csv")
    load_observations(store, tmp_path / "alerts.csv")
    withdraw = _withdrawal(places=("UA-32",))
    reduce = replace(_withdrawal(text="we will reduce activity", places=("UA-32",)), start=20, end=30)
    save_checks(store, check_pledges(store, [withdraw, reduce])[0])
    days = [START.date() + timedelta(days=d) for d in range(-20, 20) if d != -14]  # 2022-03-15 missing
    (tmp_path / "area.csv").write_text("date,area\n" + "".join(f"{d},{100_000 + 100 * i}\n" for i, d in
                                                                enumerate(days)), encoding="utf-8")
    load_observations(store, tmp_path / "area.csv", source="territory.test")
    found = check_pledges(store, [withdraw, reduce])[0]
    again = {c.template: c for c in found if not c.source.startswith("territory")}
    assert again["reduce"].reused and not again["withdraw"].reused
    vote = next(c for c in found if c.source == "territory.test")
    assert vote.template == "withdraw" and vote.verdict in ("insufficient_data", "broken")
    (t,) = again["withdraw"].territory
    assert t.source == "territory.test" and t.finding == "rose" and t.change_after_km2 == pytest.approx(1400)
    assert t.before_km2 is None and "(a gap in its series)" in t.note
    assert "has no area for 2022-03-15 (a gap in its series)" in again["withdraw"].explanation
    assert "Not what a withdrawal predicts" in again["withdraw"].explanation
