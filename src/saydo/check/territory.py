"""Territory beside a withdrawal by Russia: the Russian-held area of Ukraine at the pledge's start against the end of
the after-window, and the change over the same length before.

The series is daily and national (``saydo.store.territory``): one area per day, stamped 00:00 UTC, for the whole
country. The figure reads three days — the start's UTC date minus the window, the start's date, and the start's date
plus the window (the after-window's end) — and nothing in between, and never fills a missing day: a day the series
lacks makes the change it belongs to missing, and the note says which day. It is supporting evidence only: a national
total can fall because of fighting far from the pledge regions, or rise while forces leave them, so it never changes
the verdict (``rules.toml`` ``[territory]``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from saydo.check.hypotheses import Hypothesis
from saydo.check.rules import TerritoryRules
from saydo.records import Territory

RUSSIA = "RUS"


def applies(hypo: Hypothesis) -> bool:
    """A withdrawal of Russian forces: the only pledges the held area speaks to."""
    return hypo.template == "withdraw" and hypo.statement.actor == RUSSIA


def territory_figures(hypo: Hypothesis, series: dict[str, dict[date, float]], window_days: int,
                      rules: TerritoryRules, *, as_of: datetime | None = None) -> tuple[Territory, ...]:
    """One figure per territory source (none when no series is loaded), in source order."""
    return tuple(_figure(source, series[source], hypo.start, window_days, rules, as_of)
                 for source in sorted(series))


def _figure(source: str, days: dict[date, float], start: datetime, window_days: int, rules: TerritoryRules,
            as_of: datetime | None) -> Territory:
    start_day = start.date()
    before_day, end_day = start_day - timedelta(days=window_days), start_day + timedelta(days=window_days)
    before, at_start, end = days.get(before_day), days.get(start_day), days.get(end_day)
    span = (min(days), max(days)) if days else None
    missing = [d for d, v in ((before_day, before), (start_day, at_start), (end_day, end)) if v is None]
    note = _missing_note(source, missing, span, as_of) if missing else ""
    if at_start is None or end is None:
        finding = "not_covered"
    elif end - at_start <= -rules.min_change_km2:
        finding = "fell"
    elif end - at_start >= rules.min_change_km2:
        finding = "rose"
    else:
        finding = "steady"
    return Territory(source=source, before_day=before_day, start_day=start_day, end_day=end_day, before_km2=before,
                     start_km2=at_start, end_km2=end, finding=finding, min_change_km2=rules.min_change_km2,
                     series=span, note=note)


def _missing_note(source: str, missing: list[date], span: tuple[date, date] | None, as_of: datetime | None) -> str:
    days = ", ".join(d.isoformat() for d in missing)
    if span is None:
        return f"{source} has no days{' before the cut-off' if as_of else ''}."
    known = " as known at the cut-off" if as_of else ""
    outside = any(d < span[0] or d > span[1] for d in missing)
    where = f"its series{known} runs {span[0]} to {span[1]}" if outside else "a gap in its series"
    return f"{source} has no area for {days} ({where})."
