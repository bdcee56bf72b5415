"""The ceasefire template: a truce window against the same clock window of earlier weeks."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from saydo.check import check_pledges
from saydo.ingest.observations import load_observations
from saydo.records import Statement, Window

MSK = timezone(timedelta(hours=3))
START = datetime(2023, 1, 6, 12, 0, tzinfo=MSK)
END = START + timedelta(hours=36)
REGIONS = ["Kyiv City", "Kharkivska oblast", "Donetska oblast", "Odeska oblast", "Sumska oblast"]


def _log(path, *, quiet_truce: bool, per_hour_every: int = 3) -> None:
    """Alerts every few hours in every region for 12 weeks; none during the truce when it is kept."""
    rows = ["region,started_at,finished_at,naive"]
    t = START - timedelta(weeks=10)
    stop = END + timedelta(days=3)
    while t < stop:
        in_truce = START <= t < END
        if not (quiet_truce and in_truce):
            for k, region in enumerate(REGIONS):
                begin = (t + timedelta(minutes=7 * k)).astimezone(timezone.utc)
                rows.append(f"{region},{begin:%Y-%m-%d %H:%M:%S}+00:00,"
                            f"{begin + timedelta(minutes=35):%Y-%m-%d %H:%M:%S}+00:00,False")
        t += timedelta(hours=per_hour_every)
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
    expected = store.query("SELECT count(*) AS n FROM observations WHERE started_at >= ? AND started_at < ?",
                           [START - timedelta(weeks=1), END - timedelta(weeks=1)])[0]["n"]
    assert alerts.before.value == expected  # a steady log: every baseline week holds the same count
    assert "weaker evidence" in check.explanation


def test_ceasefire_busy_window_is_broken(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=False, per_hour_every=1)  # 60 alerts in 36 hours can't rule out a 20% cut
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce()])[0][0]
    assert check.verdict == "broken", check.explanation


def test_ceasefire_named_regions_only(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce(places=("UA-63",))])[0][0]
    assert {m.regions for m in check.measures} == {("UA-63",)}


def test_ceasefire_before_data_ends_is_too_early(store, tmp_path):
    _log(tmp_path / "a.csv", quiet_truce=True)
    load_observations(store, tmp_path / "a.csv")
    check = check_pledges(store, [_truce()], as_of=START + timedelta(hours=5))[0][0]
    assert check.verdict == "too_early"
