"""Observed events (an air-raid alert, a strike) and the rows that could not become one."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


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


@dataclass(frozen=True)
class Reject:
    """A record that could not be loaded, kept with the reason a person understands."""

    source: str
    file: str
    line: int | None
    reason: str
    raw: str | None = None
