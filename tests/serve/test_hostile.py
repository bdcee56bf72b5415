"""The hostile-request suite of `python -m bench hostile`, in its quick form, against a real `saydo serve` process:
every category must come back with no failure."""

from __future__ import annotations

import pytest


@pytest.mark.slow
def test_the_quick_hostile_suite_finds_nothing():
    from bench.bench_hostile import run

    outcomes = run(quick=True)
    assert {o.name for o in outcomes} >= {"sql", "traversal", "echo", "limits", "tokens", "early", "links", "formula",
                                          "slow", "reads during an upload"}
    assert all(o.requests > 0 or o.note.startswith("skipped") for o in outcomes)
    assert {o.name: o.failures for o in outcomes if o.failures} == {}
