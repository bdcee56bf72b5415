"""Fatalities beside an event source's verdict: measured like events, recomputed here with plain SQL, never voting."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest

from saydo.check import check_pledges
from saydo.check.rules import load_rules
from saydo.ingest.observations import load_observations
from saydo.records import Statement
from tests.conftest import shared_path

START = datetime(2022, 9, 15, tzinfo=timezone.utc)  # the shared UCDP extract is dense in September 2022
REGIONS = ("UA-14", "UA-63")


def _pledge() -> Statement:
    return Statement(article="t.txt", article_id="t", published=date(2022, 9, 15), speaker="A Minister", actor="RUS",
                     kind="pledge", quote="indirect", text="Moscow would radically reduce military activity there",
                     start=0, end=10, places=REGIONS)


@pytest.fixture(scope="module")
def ucdp(tmp_path_factory):
    from saydo.store import Store

    path = shared_path("data", "events", "ucdp-ged-ukraine.csv")
    with Store(tmp_path_factory.mktemp("fatalities") / "f.duckdb") as store:
        report = load_observations(store, path)
        yield store, report.source


def test_fatalities_are_measured_and_shown_but_never_vote(ucdp):
    store, source = ucdp
    rules = load_rules()
    assert rules.event_reported == ("fatalities",)
    (check,), _ = check_pledges(store, [_pledge()], sources=[source], reuse=False)
    metrics = {d.metric for d in check.dids}
    assert metrics == {"events", "fatalities"} and check.did.metric == "events"
    pledge = next(m for m in check.measures if m.metric == "fatalities" and m.group == "pledge")
    types = list(rules.event_types)
    for period in (pledge.before, pledge.after):
        expected = store.con.execute(
            "SELECT coalesce(sum(fatalities), 0) FROM observations WHERE source = ? AND list_contains(?, region) "
            "AND list_contains(?, event_type) AND started_at >= ? AND started_at < ?",
            [source, list(REGIONS), types, period.start, period.end]).fetchone()[0]
        assert period.value == expected
    assert pledge.before.start == START - timedelta(days=14)
    assert pledge.before.value > 0 and pledge.after.value > 0  # a real comparison, not zeros
    fatal = next(d for d in check.dids if d.metric == "fatalities")
    assert fatal.ratio is not None and fatal.ci is not None and "dispersion" in fatal.method
    assert "fatalities" in check.explanation and "do not decide it" in check.explanation
    # the same check without the reported metric gives the same verdict and the same events figures
    quiet = replace(rules, event_reported=())
    (plain,), _ = check_pledges(store, [_pledge()], sources=[source], reuse=False, rules=quiet)
    assert plain.verdict == check.verdict and plain.did == check.did
    assert {d.metric for d in plain.dids} == {"events"}


def test_alert_sources_get_no_fatalities(store):
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    load_observations(store, alerts)
    (check,), _ = check_pledges(store, [replace(_pledge(), places=("UA-30", "UA-32"))], reuse=False)
    assert {d.metric for d in check.dids} == {"alerts", "alert_hours"}
