"""The ceasefire template: a truce window against the same clock window of earlier weeks."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from saydo.check import check_pledges
from saydo.ingest.observations import load_observations
from saydo.records import Statement, Window

MSK = timezone(timedelta(hours=3))
START = datetime(2023, 1, 6, 12, 0, tzinfo=MSK)
END = START + timedelta(hours=36)
REGIONS = ["Kyiv City", "Kharkivska oblast", "Donetska oblast", "Odeska oblast", "Sumska oblast"]


def _log(path, *, quiet_truce: bool, per_hour: float = 0.3, weeks: int = 30, seed: int = 5) -> None:
    """Poisson alerts in every region for half a year either side (the calibration's history of other weeks); none
    during the truce when it is kept."""
    import numpy as np

    rng = np.random.default_rng(seed)
    rows = ["region,started_at,finished_at,naive"]
    t = START - timedelta(weeks=weeks)
    stop = END + timedelta(weeks=weeks)
    while t < stop:
        in_truce = START <= t < END
        if not (quiet_truce and in_truce):
            for region in REGIONS:
                for _ in range(rng.poisson(per_hour)):
                    begin = (t + timedelta(minutes=int(rng.integers(0, 60)))).astimezone(timezone.utc)
                    rows.append(f"{region},{begin:%Y-%m-%d %H:%M:%S}+00:00,"
                                f"{begin + timedelta(minutes=35):%Y-%m-%d %H:%M:%S}+00:00,False")
        t += timedelta(hours=1)
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def _truce(places=("UA",)) -> Statement:
    return Statement(article="t.txt", article_id="t", published=date(2023, 1, 5), speaker="Vladimir Putin",
                     actor="RUS", kind="pledge", quote="indirect",
                     text="Putin ordered a ceasefire along the entire line of contact", start=0, end=10,
                     places=places, window=Window(START, END))


def test_ceasefire_quiet_window_is_kept(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce()])[0][0]
    assert check.template == "ceasefire" and check.verdict == "kept", check.explanation
    alerts = next(m for m in check.measures if m.metric == "alerts")
    assert alerts.after.value == 0
    expected = [store.query("SELECT count(*) AS n FROM observations WHERE started_at >= ? AND started_at < ?",
                            [START - timedelta(weeks=k), END - timedelta(weeks=k)])[0]["n"] for k in range(1, 9)]
    assert alerts.before.value == pytest.approx(sum(expected) / 8, abs=0.05)  # the mean of the 8 weeks before
    assert check.calibrated.ci[1] <= 0.5 and "other weeks of the source's history" in check.calibrated.method
    assert "weaker evidence" in check.explanation


def test_ceasefire_busy_window_is_broken(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=False, per_hour=1.0)  # a truce window as busy as any other
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce()])[0][0]
    assert check.verdict == "broken", check.explanation


def test_ceasefire_named_regions_only(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce(places=("UA-63",))])[0][0]
    assert {m.regions for m in check.measures} == {("UA-63",)}


def test_ceasefire_without_an_end_lasts_the_default_hours(store, tmp_path):
    from dataclasses import replace

    from saydo.records import Window

    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    open_ended = replace(_truce(), window=Window(START, None))
    check = check_pledges(store, [open_ended])[0][0]
    assert check.template == "ceasefire" and check.end == START + timedelta(hours=72)


def test_ceasefire_history_after_when_the_data_start_too_late(store, tmp_path):
    """When the data do not reach eight weeks before the truce, the weeks after it are the baseline."""
    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    store.con.execute("DELETE FROM observations WHERE started_at < ?", [START - timedelta(weeks=3)])
    check = check_pledges(store, [_truce()], reuse=False)[0][0]
    assert "weeks after" in check.explanation and check.verdict == "kept", check.explanation


def test_ceasefire_before_data_ends_is_too_early(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce()], as_of=START + timedelta(hours=5))[0][0]
    assert check.verdict == "too_early"
