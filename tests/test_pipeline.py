"""The whole path on real data: the founding article and the real alert log in, a checked pledge out."""

from __future__ import annotations

import json

import pytest

from saydo import pipeline
from tests.conftest import shared_path


@pytest.fixture(scope="module")
def founding(tmp_path_factory):
    from saydo.store import Store

    article = shared_path("examples", "kyiv-2022-03-29.txt")
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    db = tmp_path_factory.mktemp("founding") / "saydo.duckdb"
    with Store(db) as store:
        result = pipeline.run(store, [article], alert_paths=[alerts])
        yield store, result


def _fomin_pledge(result):
    pledges = [s for s in result.statements if s.kind == "pledge" and "Fomin" in s.speaker]
    assert pledges, [(s.speaker, s.kind, s.text[:60]) for s in result.statements]
    return pledges[0]


def test_pipeline_finds_fomin_pledge(founding):
    _, result = founding
    pledge = _fomin_pledge(result)
    assert pledge.actor == "RUS"
    assert "UA-74" in pledge.places
    assert {"UA-30", "UA-32"} & set(pledge.places)


def test_pipeline_finds_residents_distrust(founding):
    _, result = founding
    distrust = [s for s in result.statements if "Valdinova" in s.speaker and s.kind == "opinion"]
    assert distrust, [(s.speaker, s.kind) for s in result.statements]
    assert distrust[0].actor == "CIV"


def test_pipeline_checks_the_pledge_with_sql_counts(founding):
    store, result = founding
    pledge = _fomin_pledge(result)
    check = next(c for c in result.checks if c.statement == pledge.id)
    assert check.source == "alerts.volunteer"
    assert check.verdict in {"kept", "partly_kept", "broken", "insufficient_data"}
    for measure in check.measures:
        if measure.metric != "alerts":
            continue
        for period in (measure.before, measure.after):
            expected = store.query(
                "SELECT count(*) AS n FROM observations WHERE source = 'alerts.volunteer' "
                "AND list_contains(?, region) AND started_at >= ? AND started_at < ?",
                [list(measure.regions), period.start, period.end],
            )[0]["n"]
            assert period.value == expected, (measure.group, measure.regions)


def test_pipeline_json_contract(founding):
    _, result = founding
    data = json.loads(json.dumps(result.to_json(), default=str))
    statement = data["statements"][0]
    assert {"id", "article", "published", "speaker", "actor", "kind", "quote", "text", "start", "end", "places",
            "window"} <= set(statement)
    assert set(statement["window"]) == {"start", "end"}
    check = data["checks"][0]
    assert {"statement", "verdict", "explanation", "source", "window_days", "measures", "did"} <= set(check)
    measure = check["measures"][0]
    assert {"metric", "regions", "group", "before", "after", "ratio", "ci"} <= set(measure)
    assert {"start", "end", "value"} <= set(measure["before"])
    assert {"metric", "ratio", "ci"} <= set(check["did"])


def test_pipeline_rerun_changes_nothing(founding):
    store, _ = founding
    before = {t: store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"]
              for t in ("articles", "statements", "observations", "rejects", "checks")}
    pipeline.run(store, [shared_path("examples", "kyiv-2022-03-29.txt")],
                 alert_paths=[shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")])
    after = {t: store.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in before}
    assert after == before
