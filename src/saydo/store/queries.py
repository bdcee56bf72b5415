"""Aggregations over observations, written once in Ibis so the same expressions run on DuckDB or Spark.

The check engine asks for daily series around a start time; day ``k`` is the half-open interval
``[start + k days, start + (k+1) days)`` for ``k`` in ``[-window_days, window_days)``, so the windows line up with the
pledge's start whatever its clock time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import ibis
import pandas as pd

from saydo.store.alerts import has_sub_oblast_levels, merge_intervals
from saydo.store.connection import Store


def day_bins(start: datetime, window_days: int) -> pd.DataFrame:
    days = list(range(-window_days, window_days))
    return pd.DataFrame({
        "day": days,
        "bin_start": [start + timedelta(days=d) for d in days],
        "bin_end": [start + timedelta(days=d + 1) for d in days],
    })


def daily_expr(observations: ibis.Table, bins: ibis.Table, *, source: str, event_type: str | tuple[str, ...],
               exclude_levels: tuple[str, ...] = (), merge: bool = False) -> ibis.Table:
    """Per region and day: events that started in the day, and hours of events overlapping it (clipped at its edges).

    With ``merge``, overlapping events of a region count once (for logs that mix oblast- and hromada-level alerts).
    Engine-neutral: filters, window functions, an interval-overlap join and a grouped sum.
    """
    obs = observations.filter(
        (observations.source == source) & observations.event_type.isin(
            [event_type] if isinstance(event_type, str) else list(event_type))
    )
    if exclude_levels:
        obs = obs.filter(~obs.level.isin(list(exclude_levels)))
    obs = obs.select("source", "region", "started_at", ended_at=obs.finished_at.coalesce(obs.started_at))
    if merge:
        obs = merge_intervals(obs)
    obs = obs.select("region", "started_at", "ended_at")
    joined = obs.join(
        bins,
        [obs.started_at < bins.bin_end, (obs.ended_at > bins.bin_start) | (obs.started_at >= bins.bin_start)],
    )
    started_inside = (joined.started_at >= joined.bin_start) & (joined.started_at < joined.bin_end)
    clip_start = ibis.greatest(joined.started_at, joined.bin_start)
    clip_end = ibis.least(joined.ended_at, joined.bin_end)
    seconds = (clip_end.epoch_seconds() - clip_start.epoch_seconds()).clip(lower=0)
    return joined.group_by(["region", "day"]).aggregate(
        alerts=started_inside.ifelse(1, 0).sum(),
        alert_hours=seconds.sum().cast("float64") / 3600,  # a float literal would be a decimal on Spark
    )


def daily_series(store: Store, *, source: str, start: datetime, window_days: int,
                 event_type: str | tuple[str, ...] = "air_raid_alert", regions: list[str] | None = None,
                 exclude_levels: tuple[str, ...] = ()) -> pd.DataFrame:
    """A full region x day grid (zeros where nothing happened) with columns region, day, alerts, alert_hours.

    For a source with raion or hromada rows, overlapping rows of an oblast are merged first, so one alert period is
    counted once however many hromadas it covered."""
    con = store.ibis
    bins = ibis.memtable(day_bins(start, window_days))
    merge = has_sub_oblast_levels(store, source)
    expr = daily_expr(con.table("observations"), bins, source=source, event_type=event_type,
                      exclude_levels=exclude_levels, merge=merge)
    found = con.execute(expr)
    if regions is None:
        regions = sorted(set(found["region"]))
    grid = pd.MultiIndex.from_product([regions, range(-window_days, window_days)], names=["region", "day"])
    frame = (found.set_index(["region", "day"]).reindex(grid, fill_value=0).reset_index()
             if len(found) else pd.DataFrame(index=grid, data={"alerts": 0, "alert_hours": 0.0}).reset_index())
    frame["alerts"] = frame["alerts"].astype("int64")
    frame["alert_hours"] = frame["alert_hours"].astype("float64")
    return frame
