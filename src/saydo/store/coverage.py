"""What each observation source covers: rows, period, regions and the days with no rows at all (gaps)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import pandas as pd

from saydo.store.connection import Store


@dataclass
class Coverage:
    source: str
    rows: int
    first: date
    last: date
    regions: list[str]
    days_with_rows: int
    gaps: list[tuple[date, date]] = field(default_factory=list)  # inclusive ranges of days with no rows

    @property
    def gap_days(self) -> int:
        return sum((b - a).days + 1 for a, b in self.gaps)

    def to_json(self) -> dict:
        return {"source": self.source, "rows": self.rows, "first": self.first.isoformat(),
                "last": self.last.isoformat(), "regions": self.regions, "days_with_rows": self.days_with_rows,
                "gap_days": self.gap_days, "gaps": [[a.isoformat(), b.isoformat()] for a, b in self.gaps]}


def coverage(store: Store) -> list[Coverage]:
    """One entry per source (Ibis aggregations, so the same summary runs on another backend)."""
    t = store.ibis.table("observations")
    totals = store.ibis.execute(t.group_by("source").aggregate(
        rows=t.count(), first=t.started_at.min().date(), last=t.started_at.max().date()).order_by("source"))
    regions = store.ibis.execute(t.select("source", "region").distinct().order_by(["source", "region"]))
    days = store.ibis.execute(t.select(t.source, day=t.started_at.date()).distinct().order_by(["source", "day"]))
    result = []
    for row in totals.itertuples():
        seen = sorted(_as_date(d) for d in days.loc[days.source == row.source, "day"])
        result.append(Coverage(
            source=row.source, rows=int(row.rows), first=_as_date(row.first), last=_as_date(row.last),
            regions=list(regions.loc[regions.source == row.source, "region"]), days_with_rows=len(seen),
            gaps=_gaps(seen),
        ))
    return result


def _gaps(days: list[date]) -> list[tuple[date, date]]:
    gaps = []
    for before, after in zip(days, days[1:]):
        if (after - before).days > 1:
            gaps.append((before + timedelta(days=1), after - timedelta(days=1)))
    return gaps


def _as_date(value) -> date:
    return pd.Timestamp(value).date()
