"""kill -9 during a large load, an article batch and a check (issue 14): the store is consistent right after the kill
(no half-visible file, no duplicate, no half-done article) and, once the command is run again, holds exactly what an
uninterrupted run holds; the killed load's scratch files are gone after the next load. One kill per case here;
``python -m bench reliability`` kills 20 times."""

from __future__ import annotations

import pytest

from tests.store import killing


@pytest.fixture(scope="module")
def work(tmp_path_factory):
    work = tmp_path_factory.mktemp("kill")
    return work, killing.scenarios(work, alert_rows=100_000, n_articles=2), work / "tmp"


@pytest.mark.parametrize("name, share", [("load", 0.75), ("articles", 0.8), ("check", 0.8)])
def test_kill_leaves_a_consistent_store_and_a_rerun_equals_an_uninterrupted_run(work, name, share):
    folder, scenarios, tmpdir = work
    tmpdir.mkdir(exist_ok=True)
    scenario = next((s for s in scenarios if s.name == name), None)
    if scenario is None:
        pytest.skip("needs ../shared (the founding article and the volunteer alert log)")
    seconds = killing.duration(scenario, folder, tmpdir)
    killed, findings, same = killing.kill_and_rerun(scenario, folder, seconds * share, tmpdir, 0)
    assert (findings.half_visible, findings.duplicates, findings.half_done_articles) == (0, 0, 0), findings
    assert findings.leftovers == []
    assert same, "the re-run store differs from an uninterrupted run's"
