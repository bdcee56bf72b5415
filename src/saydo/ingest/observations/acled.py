"""ACLED CSV exports (the published column layout: event_id_cnty, event_date, event_type, sub_event_type, actor1,
admin1, latitude, longitude, fatalities, notes, ...). Event types are mapped to saydo's taxonomy from
``sub_event_type``; the region from ``admin1``, else the coordinates."""

from __future__ import annotations

import re

from saydo.ingest.observations.alerts import RowError
from saydo.ingest.observations.base import register
from saydo.ingest.observations.events import HeaderCsv, day_span, parse_day, region_of
from saydo.records import Observation

SUB_EVENT_TYPES = {
    "air/drone strike": "airstrike",
    "shelling/artillery/missile attack": "shelling",
    "remote explosive/landmine/ied": "explosion_remote",
    "armed clash": "ground_clash",
    "attack": "violence_against_civilians",
    "abduction/forced disappearance": "violence_against_civilians",
    "sexual violence": "violence_against_civilians",
    "government regains territory": "territory_change",
    "non-state actor overtakes territory": "territory_change",
    "grenade": "explosion_remote",
    "suicide bomb": "explosion_remote",
}
REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "admin1", "latitude", "longitude",
            "fatalities")


def event_type(event: str, sub_event: str) -> str:
    known = SUB_EVENT_TYPES.get(sub_event.strip().lower())
    if known:
        return known
    return "other_" + re.sub(r"[^a-z0-9]+", "_", event.strip().lower()).strip("_")


class Acled(HeaderCsv):
    name = "acled"
    source = "acled"
    description = "ACLED CSV export (event_id_cnty, event_date, event_type, sub_event_type, admin1, ...)"

    def matches(self, header: list[str]) -> bool:
        return all(c in header for c in REQUIRED)

    def row(self, r: dict, **where) -> Observation:
        if r.get("country", "Ukraine").strip() not in ("Ukraine", ""):
            raise RowError(f"country is {r['country']!r}, not Ukraine")
        started, finished = day_span(parse_day(r["event_date"], "event_date"))
        region, method, lat, lon = region_of(r["admin1"], r["latitude"], r["longitude"])
        try:
            deaths = int(r["fatalities"] or 0)
        except ValueError:
            raise RowError(f"fatalities {r['fatalities']!r} is not a whole number") from None
        return Observation(region=region, event_type=event_type(r["event_type"], r["sub_event_type"]),
                           started_at=started, finished_at=finished, row_id=r["event_id_cnty"].strip(), lat=lat,
                           lon=lon, geo_method=method, fatalities=deaths,
                           actor=(r.get("actor1") or "").strip()[:120] or None,
                           description=(r.get("notes") or "").strip()[:300] or None, level="event", **where)


register(Acled())
