"""Alert periods per oblast with overlaps merged, so one alert is never counted twice.

The official log has rows for a whole oblast, for a raion and for a hromada: an oblast alert with hromada alerts
inside it, or two hromadas alerted at the same time, is one period of alert for the oblast. ``merge_intervals``
merges, per (source, oblast), every run of overlapping or touching rows into one interval from the first start to the
last end (gaps and islands over a running maximum of ends). It is the one implementation of the merge: the counts
here, the daily series (``queries``) and the check engine's grid (``grid``) all call it. Written in Ibis, so it runs
on any backend.

Rows of one source only: logs from different sources are never merged or summed together.
"""

from __future__ import annotations

import ibis

from saydo.store.connection import Store

ALERT = "air_raid_alert"
SUB_OBLAST_LEVELS = ("raion", "hromada")


def merge_intervals(rows: ibis.Table) -> ibis.Table:
    """Columns in: source, region, started_at, ended_at (others are ignored). Out: source, region, started_at,
    ended_at, rows (how many input rows each merged interval stands for). A row joins the interval before it when it
    starts at or before the latest end of the earlier rows of its (source, region)."""
    keys = [rows.source, rows.region]
    order = [rows.started_at, rows.ended_at]
    running = ibis.window(group_by=keys, order_by=order, preceding=None, following=0)
    ordered = ibis.window(group_by=keys, order_by=order)
    # the latest end among all earlier rows; a row starting after it opens a new island
    with_max = rows.mutate(run_end=rows.ended_at.max().over(running))
    flagged = with_max.mutate(before_end=with_max.run_end.lag().over(ordered))
    flagged = flagged.mutate(opens=(flagged.before_end.isnull() | (flagged.started_at > flagged.before_end))
                             .ifelse(1, 0))
    cumulative = ibis.window(group_by=[flagged.source, flagged.region],
                             order_by=[flagged.started_at, flagged.ended_at], preceding=None, following=0)
    numbered = flagged.mutate(island=flagged.opens.sum().over(cumulative))
    return (numbered.group_by(["source", "region", "island"])
            .aggregate(started_at=numbered.started_at.min(), ended_at=numbered.ended_at.max(), rows=numbered.count())
            .drop("island"))


def oblast_alert_intervals(store: Store, source: str, *, exclude_levels: tuple[str, ...] = ()) -> ibis.Table:
    """One row per merged alert period of each oblast of a source: region, started_at, ended_at, rows."""
    t = store.ibis.table("observations")
    rows = t.filter((t.source == source) & (t.event_type == ALERT))
    if exclude_levels:
        rows = rows.filter(~rows.level.isin(list(exclude_levels)))
    rows = rows.select("source", "region", "started_at", ended_at=rows.finished_at.coalesce(rows.started_at))
    return merge_intervals(rows).order_by(["region", "started_at"])


def oblast_alert_counts(store: Store, source: str) -> dict[str, int]:
    """Alerts per oblast once overlaps are merged (what a check should count)."""
    merged = oblast_alert_intervals(store, source)
    counts = store.ibis.execute(merged.group_by("region").aggregate(alerts=merged.count()))
    return {row.region: int(row.alerts) for row in counts.itertuples()}


def has_sub_oblast_levels(store: Store, source: str) -> bool:
    """Does the source mix oblast rows with raion/hromada rows (so overlapping rows must be merged to count)?"""
    expr = store.ibis.table("observations")
    expr = expr.filter((expr.source == source) & expr.level.isin(list(SUB_OBLAST_LEVELS))).limit(1).count()
    return bool(store.ibis.execute(expr))


def sources_to_merge(store: Store, sources: list[str]) -> frozenset[str]:
    """The sources among ``sources`` that have raion or hromada rows beside oblast rows."""
    if not sources:
        return frozenset()
    t = store.ibis.table("observations")
    expr = t.filter(t.source.isin(list(sources)) & t.level.isin(list(SUB_OBLAST_LEVELS))).select("source").distinct()
    return frozenset(store.ibis.execute(expr)["source"])
