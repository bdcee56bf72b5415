"""Ukraine's air-raid alert logs.

Volunteer log (``region,started_at,finished_at,naive``): one row per oblast-level alert, times in UTC. ``naive=True``
means the source saw no end message and set ``finished_at = started_at + 30 min``; the row is kept and the flag stored
in ``level`` as ``oblast/naive`` so a check can leave such rows out.

Official log (``oblast,raion,hromada,level,started_at,finished_at,source``): alerts for a whole oblast, a raion or a
hromada. Every row keeps its level and the raion/hromada names in ``subregion`` and is mapped to its oblast's code.
Counting per oblast merges overlapping alerts (``saydo.store.queries``), so an oblast alert with hromada alerts inside
it counts once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from saydo.ingest.observations.base import csv_rows, expect_header, register
from saydo.records import Observation, Reject
from saydo.resolve.regions import region_code

EVENT_TYPE = "air_raid_alert"

# Alerts the logs leave out: one permanent alert each, running since these times (UTC). The check engine never uses
# these regions as alert-based controls.
PERMANENT_ALERTS = {
    "UA-09": datetime(2022, 4, 4, 16, 45, tzinfo=timezone.utc),   # Luhansk oblast
    "UA-43": datetime(2022, 12, 10, 22, 22, tzinfo=timezone.utc),  # Crimea
}


class RowError(ValueError):
    """A row that can't become an observation; the message is the reason stored in ``rejects``."""


def parse_utc(value: str) -> datetime | None:
    """An ISO 8601 date-time; one without an offset is taken as UTC (the alert logs are in UTC)."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=timezone.utc)
    return parsed.astimezone(timezone.utc)


def parse_period(started_raw: str, finished_raw: str) -> tuple[datetime, datetime]:
    started = parse_utc(started_raw)
    if started is None:
        raise RowError(f"started_at {started_raw!r} is not a date-time like 2022-03-15 16:10:34+00:00")
    finished = parse_utc(finished_raw)
    if finished is None:
        raise RowError(f"finished_at {finished_raw!r} is not a date-time like 2022-03-15 16:50:07+00:00")
    if finished < started:
        raise RowError(f"finished_at {finished_raw} is before started_at {started_raw}")
    return started, finished


class AlertLog:
    """What both logs share: the header check, one row at a time, and a reject with the reason for a bad row."""

    name = ""
    source = ""
    description = ""
    header: list[str] = []

    def matches(self, header: list[str]) -> bool:
        return header == self.header

    def read(self, path: Path, source: str) -> Iterator[Observation | Reject]:
        expect_header(path, self.header, self.name)
        for line, fields, raw in csv_rows(path):
            try:
                if len(fields) != len(self.header):
                    raise RowError(f"expected {len(self.header)} fields ({','.join(self.header)}), "
                                   f"found {len(fields)}")
                yield self.row([f.strip() for f in fields], file=str(path), source=source, line=line)
            except RowError as exc:
                yield Reject(source=source, file=str(path), line=line, reason=str(exc), raw=raw)

    def row(self, fields: list[str], **where) -> Observation:
        raise NotImplementedError


class VolunteerAlerts(AlertLog):
    name = "alerts-volunteer"
    source = "alerts.volunteer"
    description = "Ukrainian air-raid alerts, volunteer log: region,started_at,finished_at,naive"
    header = ["region", "started_at", "finished_at", "naive"]

    def row(self, fields: list[str], **where) -> Observation:
        region_name, started_raw, finished_raw, naive_raw = fields
        region = region_code(region_name)
        if region is None:
            raise RowError(f"unknown region {region_name!r}: not an oblast name of ISO 3166-2:UA")
        started, finished = parse_period(started_raw, finished_raw)
        naive = naive_raw.lower()
        if naive not in ("true", "false"):
            raise RowError(f"naive is {naive_raw!r}, expected True or False")
        return Observation(region=region, event_type=EVENT_TYPE, started_at=started, finished_at=finished,
                           level="oblast/naive" if naive == "true" else "oblast", **where)


class OfficialAlerts(AlertLog):
    name = "alerts-official"
    source = "alerts.official"
    description = "Ukrainian air-raid alerts, official log: oblast,raion,hromada,level,started_at,finished_at,source"
    header = ["oblast", "raion", "hromada", "level", "started_at", "finished_at", "source"]
    levels = ("oblast", "raion", "hromada")

    def row(self, fields: list[str], **where) -> Observation:
        oblast, raion, hromada, level, started_raw, finished_raw, _ = fields
        region = region_code(oblast)
        if region is None and region_code(raion) is not None and oblast.lower().endswith("raion"):
            oblast, raion = raion, oblast  # the source swapped the two columns on a few rows
            region = region_code(oblast)
        if region is None:
            raise RowError(f"unknown oblast {oblast!r}: not an oblast name of ISO 3166-2:UA")
        if level not in self.levels:
            raise RowError(f"level is {level!r}, expected one of oblast, raion, hromada")
        started, finished = parse_period(started_raw, finished_raw)
        return Observation(region=region, event_type=EVENT_TYPE, started_at=started, finished_at=finished,
                           level=level, subregion=" / ".join(p for p in (raion, hromada) if p) or None, **where)


register(VolunteerAlerts())
register(OfficialAlerts())
