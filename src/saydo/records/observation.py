"""Observed events (an air-raid alert, a strike) and the rows that could not become one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

# The dates an observation or an article may have: from the first year any source saydo reads could cover, to a year
# after today (a schedule published ahead). A date outside is a typo or a broken export, and one such row once made
# every later check allocate a day grid from year 1 to year 9999.
EARLIEST_DAY = date(1990, 1, 1)


def latest_day(today: date | None = None) -> date:
    """The last plausible day: a year (366 days) after today."""
    return (today or date.today()) + timedelta(days=366)


def plausible_day(day: date) -> bool:
    return EARLIEST_DAY <= day <= latest_day()


def date_range_text() -> str:
    return f"{EARLIEST_DAY.isoformat()} to {latest_day().isoformat()}"


@dataclass(frozen=True)
class Observation:
    """One observed event in one region, in UTC.

    ``source`` names the dataset (``alerts.volunteer``); figures from different sources are never added together.
    ``finished_at`` is None for point events. ``file`` and ``line`` lead back to the row it came from.
    """

    source: str
    region: str
    event_type: str
    started_at: datetime
    finished_at: datetime | None
    file: str
    line: int
    level: str | None = None
    actor: str | None = None
    subregion: str | None = None
    row_id: str | None = None  # the source's own id for the row, when it has one
    lat: float | None = None
    lon: float | None = None
    geo_method: str | None = None  # how the region was found: name, point, nearest, text
    fatalities: int | None = None
    description: str | None = None
    article_id: str | None = None  # for events reported in news text (source ``news``): article and span
    span_start: int | None = None
    span_end: int | None = None


@dataclass(frozen=True)
class Reject:
    """A record that could not be loaded, kept with the reason a person understands."""

    source: str
    file: str
    line: int | None
    reason: str
    raw: str | None = None
    out_of_scope: int = 0  # > 0: a summary standing for this many well-formed rows outside the dataset's scope
