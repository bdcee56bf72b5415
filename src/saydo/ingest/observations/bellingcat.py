"""Bellingcat "Civilian Harm in Ukraine" exports: ``export_events.json`` joined with the ``export_associations.json``
(type of area affected, weapon system) and ``export_sources.json`` files beside it.

Each event becomes one observation: the region from its coordinates (the oblast polygon holding them, else the
nearest GeoNames place: ``saydo.resolve.geo``), the day from its date
(MM/DD/YYYY), the event type from its weapon system, and a description that keeps the area types, weapons and how many
sources document it. ``line`` is the event's position in the JSON array (1-based).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from saydo.errors import BadHeader, excerpt
from saydo.ingest.files import guess_encoding
from saydo.ingest.observations.base import RowError, register
from saydo.records import Observation, Reject
from saydo.records.observation import date_range_text, plausible_day
from saydo.resolve.geo import locate

WEAPONS = (  # in order of precedence when an event lists several
    ("Air strike", "airstrike"), ("Cruise missile", "missile_strike"), ("Ballistic missile", "missile_strike"),
    ("Anti-air missile", "missile_strike"), ("Loitering munition", "drone_strike"),
    ("HE rocket artillery", "shelling"), ("HE artillery inc mortars", "shelling"), ("Cluster munitions", "shelling"),
    ("Incendiary munitions", "shelling"), ("Thermobaric munition", "shelling"), ("Land mines", "explosion_remote"),
    ("Vehicle mounted weapon", "small_arms"), ("Small arms", "small_arms"),
)


class CivilianHarm:
    name = "bellingcat"
    source = "bellingcat"
    description = "Bellingcat Civilian Harm in Ukraine JSON export (export_events.json + associations + sources)"

    def matches(self, header: list[str]) -> bool:
        return False  # JSON: recognised by sniff()

    def sniff(self, path: Path) -> bool:
        with path.open(encoding="utf-8", errors="replace") as fh:
            head = fh.read(400)
        return head.lstrip().startswith("[") and '"associations"' in head and '"sources"' in head

    def read(self, path: Path, source: str) -> Iterator[Observation | Reject]:
        try:
            events = json.loads(path.read_text(encoding=guess_encoding(path), errors="replace"))
        except ValueError as exc:
            raise BadHeader(f"not valid JSON ({exc})", where=str(path),
                            hint="give Bellingcat's export_events.json") from None
        if not isinstance(events, list):
            raise BadHeader("expected a JSON array of events", where=str(path), hint="give export_events.json")
        associations = _load(path.with_name("export_associations.json"), list)
        by_id = {a["id"]: a.get("filter_paths") or [] for a in associations}
        sources = _load(path.with_name("export_sources.json"), dict)
        points = [(_float(e.get("latitude")), _float(e.get("longitude"))) if isinstance(e, dict) else (None, None)
                  for e in events]
        known = [i for i, (lat, lon) in enumerate(points) if lat is not None and lon is not None]
        placed = dict(zip(known, locate([points[i][0] for i in known], [points[i][1] for i in known])))
        for number, event in enumerate(events, 1):
            try:
                yield self.row(event, by_id, sources, placed.get(number - 1), file=str(path), source=source,
                               line=number)
            except (RowError, KeyError, TypeError, AttributeError) as exc:
                reason = str(exc) if isinstance(exc, RowError) else f"event is missing a field ({str(exc)[:200]})"
                yield Reject(source=source, file=str(path), line=number, reason=reason,
                             raw=json.dumps(event)[:500] if isinstance(event, dict) else str(event)[:500])

    def row(self, event: dict, associations: dict, sources: dict, place: tuple[str, str] | None,
            **where) -> Observation:
        started, finished = _day(event["date"])
        lat, lon = _float(event.get("latitude")), _float(event.get("longitude"))
        if place is None:
            raise RowError(f"coordinates ({excerpt(event.get('latitude'), 40)}, {excerpt(event.get('longitude'), 40)}) "
                           f"are not near a known place in Ukraine")
        paths = [associations.get(a, []) for a in event.get("associations") or []]
        areas = [p[-1] for p in paths if p and p[0] == "Type of area affected"]
        weapons = [p[-1] for p in paths if p and p[0] == "Weapon System"]
        kind = next((k for w, k in WEAPONS if w in weapons), "civilian_harm")
        listed = list(event.get("sources") or [])
        urls = [p for s in listed for p in (sources.get(s) or {}).get("paths", []) if str(p).startswith("http")]
        text = (f"[area: {', '.join(areas) or 'unknown'}; weapon: {', '.join(weapons) or 'unknown'}; "
                f"{len(listed)} source(s){'; first: ' + urls[0] if urls else ''}] "
                f"{str(event.get('description') or '').strip()}")
        return Observation(region=place[0], event_type=kind, started_at=started, finished_at=finished,
                           row_id=str(event["id"]), lat=lat, lon=lon, geo_method=place[1],
                           description=text[:300], level="event", **where)


_MDY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def _day(value: str) -> tuple[datetime, datetime]:
    """The whole UTC day of an MM/DD/YYYY date: [midnight, next midnight)."""
    found = _MDY.fullmatch(str(value).strip())  # what strptime("%m/%d/%Y") accepts, at a tenth of its cost
    try:
        day = date(int(found[3]), int(found[1]), int(found[2])) if found else None
    except ValueError:
        day = None
    if day is None:
        raise RowError(f"date {excerpt(value)} is not a date as MM/DD/YYYY")
    if not plausible_day(day):
        raise RowError(f"the date {day.isoformat()} is outside the dates saydo accepts ({date_range_text()})")
    start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def _float(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _load(path: Path, kind: type):
    if not path.exists():
        return kind()
    try:
        data = json.loads(path.read_text(encoding=guess_encoding(path), errors="replace"))
    except (ValueError, OSError):
        return kind()
    return data if isinstance(data, kind) else kind()


register(CivilianHarm())
