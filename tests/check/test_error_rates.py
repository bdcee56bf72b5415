"""The verdict rule's error rates on the real volunteer alert log, pinned: the table in docs/method.md.

No-pledge windows are rarely called kept, windows thinned to exactly the pledged effect rarely broken, and 90% and
perfect compliance almost always kept (``saydo.check.study`` draws the pledges with fixed seeds, so the figures are
the same on every run and a change to the method shows here)."""

from __future__ import annotations

import pytest

from tests.conftest import shared_path

pytestmark = [pytest.mark.shared, pytest.mark.slow]


@pytest.fixture(scope="module")
def rates(tmp_path_factory):
    from saydo.check.study import study
    from saydo.ingest.observations import load_observations
    from saydo.store import Store

    with Store(tmp_path_factory.mktemp("rates") / "r.duckdb") as store:
        load_observations(store, shared_path("data", "air-raid-alerts", "volunteer_data_en.csv"))
        return [r.row() for r in study(store, "alerts.volunteer", draws=600)]


def test_error_rates_every_template_within_its_aims(rates):
    assert [r["template"] for r in rates] == ["reduce", "reduce", "reduce", "ceasefire (36 h)"]
    for r in rates:
        assert r["testable"] >= 200, r  # most random pledges have enough alerts before to be judged
        assert r["no_pledge_kept"] <= 0.05, r
        assert r["thinned_broken"] <= 0.05, r
        assert r["compliance90_kept"] >= 0.95, r
        assert r["perfect_kept"] >= 0.95, r


def test_error_rates_are_the_ones_in_the_docs(rates):
    """docs/method.md quotes these figures; a change to the method or the rules must update them there."""
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "method.md").read_text(encoding="utf-8")
    for r in rates:
        row = (f"| {r['template']} | {r['theta']:g} | {'yes' if r['graded'] else 'no'} | {r['testable']} | "
               f"{100 * r['no_pledge_kept']:.1f}% | {100 * r['thinned_broken']:.1f}% | "
               f"{100 * r['compliance90_kept']:.1f}% | {100 * r['perfect_kept']:.1f}% |")
        assert row in doc, row
