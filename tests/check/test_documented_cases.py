"""Documented real outcomes judge the verdicts (docs/method.md, "Documented cases"), with every shared source loaded.

Each case is a pledge whose outcome is on the public record. It is checked twice: from the gold statement (speaker,
actor, places and window as annotated: the engine alone) and end to end (the article through extraction, as a user
gets it: the extracted pledge that overlaps the gold span). The expected verdict is the pledge's one verdict (the most
direct source that decided). A case the engine gets wrong is marked ``xfail`` with its reason, strictly, so that a
change that fixes it is noticed too; docs/method.md gives the figures behind each.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from saydo import pipeline
from saydo.ingest.articles import parse_text, read_article
from saydo.records import Statement, Window
from saydo.store.articles import save_article
from saydo.store.checks import pledge_verdict_of
from tests.conftest import shared_path

pytestmark = [pytest.mark.shared, pytest.mark.slow]

# Written for saydo from public facts (not a news text): on 22 July 2022 Russia committed, in the Black Sea Grain
# Initiative signed in Istanbul, not to attack the three ports; Odesa's port was struck on 23 July.
GRAIN_PORTS = ("date 2022-07-22\n\nRussia's defence ministry said on Friday that Russian forces would not attack the "
               "grain ports of Odesa, Chornomorsk and Pivdennyi while ships carry grain under the agreement signed "
               "in Istanbul.\n")

CASES = [
    # (name, corpus/file or None for GRAIN_PORTS, words of the gold pledge, documented verdicts)
    ("istanbul", "dev/01-istanbul-fomin-reduce-activity-atalayar.txt", "decided to reduce military activity",
     {"kept", "partly_kept"}),
    ("christmas-order", "dev/18-christmas-ceasefire-order-npr.txt", "instructed", {"broken"}),
    ("christmas-truce", "dev/19-christmas-truce-shelling-euromaidan.txt", "At 12:00 of 6 January", {"broken"}),
    ("grain-ports", None, "would not attack the grain ports", {"broken"}),
    ("kherson", "dev/14-kherson-withdrawal-order-novinite.txt", "Proceed with the withdrawal", {"kept"}),
    ("no-massive-strikes", "dev/13-putin-no-massive-strikes-thehindu.txt", "no need now for massive strikes",
     {"broken"}),
    ("kharkiv-regrouping", "dev/12-kharkiv-regrouping-censor.txt", "regroup", {"kept"}),
    ("kyiv-regrouping", "dev2/03-kyiv-chernihiv-regrouping-cnn-live.txt", "regrouping", {"kept"}),
]

# Cases the engine does not get right, with why (docs/method.md has the figures).
WRONG_FROM_GOLD = {
    "istanbul": "from 00:00 UTC of the publication day the calibrated interval of the DiD, 0.45–1.06, still holds "
                "no cut at all: insufficient data",
    "christmas-order": "the calibrated interval of the 36-hour window against the same hours of earlier weeks, "
                       "0.50–3.41, reaches θ = 0.5 by a hair: insufficient data",
    "christmas-truce": "the same pledge and window as christmas-order",
}
WRONG_END_TO_END = {
    "christmas-order": "as from gold: the interval reaches θ by a hair",
    "kyiv-regrouping": "extraction does not read the spokesman's announcement of the regrouping as a pledge",
}


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    """Every shared observation source in one store: both alert logs, CIR, Bellingcat, UCDP and the territory
    series."""
    from saydo.ingest.observations import load_observations
    from saydo.store import Store

    data = shared_path("data")
    with Store(tmp_path_factory.mktemp("documented") / "all.duckdb") as store:
        for path in ("air-raid-alerts/volunteer_data_en.csv", "air-raid-alerts/official_data_en.csv",
                     "events/cir-eyes-on-russia.csv", "events/bellingcat-civilian-harm/export_events.json",
                     "events/ucdp-ged-ukraine.csv"):
            load_observations(store, data / path)
        load_observations(store, data / "territory" / "liveuamap-russian-held-area.csv", fmt="territory")
        yield store


def _article(case: str | None):
    if case is None:
        return parse_text(GRAIN_PORTS, name="grain-ports.txt")
    return read_article(shared_path("corpus", *case.split("/")))


def _gold(case: str | None, article, words: str) -> Statement:
    if case is None:  # our own sentence: its "gold" is what it states
        start = article.text.index("Russia's defence")
        end = article.text.index("Istanbul.") + len("Istanbul.")
        return Statement(article.name, article.id, article.published, "Russia's defence ministry", "RUS", "pledge",
                         "indirect", article.text[start:end], start, end, ("UA-51",))
    corpus, name = case.split("/")
    entry = next(e for e in json.loads(Path(shared_path("corpus", corpus, "gold.json")).read_text(encoding="utf-8"))
                 if e["file"] == name)
    g = next(s for s in entry["statements"] if s["kind"] == "pledge" and words in s["text"])
    start = article.text.index(g["text"])
    window = g.get("window") or {}

    def when(value):
        return datetime.fromisoformat(value) if value and len(value) > 10 else None

    return Statement(article.name, article.id, article.published, g["speaker"], g["actor"], "pledge", g["quote"],
                     g["text"], start, start + len(g["text"]), tuple(g["places"]),
                     Window(when(window.get("start")), when(window.get("end"))))


def _verdict(store, statement: Statement) -> str | None:
    pipeline.check_statements(store, [statement])
    found = pledge_verdict_of(store, statement.id)
    return found["verdict"] if found else None


def _case_params(wrong: dict):
    for name, case, words, expected in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=wrong[name])] if name in wrong else []
        yield pytest.param(name, case, words, expected, marks=marks, id=name)


@pytest.mark.parametrize("name,case,words,expected", list(_case_params(WRONG_FROM_GOLD)))
def test_documented_case_from_gold(everything, name, case, words, expected):
    article = _article(case)
    save_article(everything, article)
    assert _verdict(everything, _gold(case, article, words)) in expected


@pytest.mark.parametrize("name,case,words,expected", list(_case_params(WRONG_END_TO_END)))
def test_documented_case_end_to_end(everything, name, case, words, expected):
    article = _article(case)
    save_article(everything, article)
    gold = _gold(case, article, words)
    extracted = [s for s in pipeline.extract_articles(everything, [article]) if s.kind == "pledge"]
    pledge = next((s for s in extracted if _overlap(s, gold) >= 0.5), None)
    assert pledge is not None, f"extraction does not find the pledge {gold.text[:60]!r} as a pledge"
    pipeline.check_statements(everything, extracted)
    found = pledge_verdict_of(everything, pledge.id)
    if found is None:  # not testable as extracted (no place, say): the same pledge told again in the article
        found = next((v for s in extracted if s.actor == pledge.actor
                      and (v := pledge_verdict_of(everything, s.id)) is not None), None)
    assert found is not None, "no extracted pledge of this actor could be checked"
    assert found["proposition_verdict"] in expected


def _overlap(a: Statement, b: Statement) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return inter / min(a.end - a.start, b.end - b.start) if inter > 0 else 0.0
