"""Centre for Information Resilience "Eyes on Russia" incidents: date, coordinates, province as typed, event group.

The province column has many spellings (``saydo.resolve.provinces``); when it is missing or unknown the coordinates
decide (nearest GeoNames place). Each row records which way it was resolved in ``geo_method``: ``name``,
``spelling`` (close spelling of a known name) or ``nearest``. Rows outside Ukraine (``country``) are rejected with
that reason: saydo's regions are Ukraine's.
"""

from __future__ import annotations

from saydo.ingest.observations.alerts import RowError
from saydo.ingest.observations.base import register
from saydo.ingest.observations.events import HeaderCsv, _float, day_span, parse_day
from saydo.records import Observation
from saydo.resolve.geo import nearest_region
from saydo.resolve.provinces import province_code

# event_group prefixes -> saydo taxonomy
GROUPS = (
    ("civilian infrastructure damage", "infrastructure_damage"),
    ("bombing or explosion", "bombing_explosion"),
    ("civilian casualty", "violence_against_civilians"),
    ("russian military presence", "military_presence"),
    ("russian military losses", "military_losses"),
    ("ground battle", "ground_clash"),
    ("munitions", "munitions"),
)
REQUIRED = ("entry", "date", "event_group", "lat", "lon", "country", "province")


def event_type(group: str) -> str:
    lowered = group.strip().lower()
    for prefix, kind in GROUPS:
        if lowered.startswith(prefix):
            return kind
    return "other"


class EyesOnRussia(HeaderCsv):
    name = "cir"
    source = "cir"
    description = "Centre for Information Resilience Eyes on Russia incidents CSV"

    def matches(self, header: list[str]) -> bool:
        return all(c in header for c in REQUIRED) and "brief description" in header

    def row(self, r: dict, **where) -> Observation:
        country = r["country"].strip()
        if country and country != "Ukraine":
            raise RowError(f"outside Ukraine (country {country!r})")
        if not r["date"].strip():
            raise RowError("no date")
        started, finished = day_span(parse_day(r["date"], "date"))
        lat, lon = _float(r["lat"]), _float(r["lon"])
        found = province_code(r["province"])
        if found:
            region, method = found
        else:
            near = nearest_region(lat, lon) if lat is not None and lon is not None else None
            if near is None:
                raise RowError(f"province {r['province']!r} is not a known Ukrainian region and the coordinates "
                               f"({r['lat'] or '?'}, {r['lon'] or '?'}) are not near a known place in Ukraine")
            region, method = near[0], "nearest"
        text = (r.get("brief description") or r.get("title") or "").strip()
        return Observation(region=region, event_type=event_type(r["event_group"]), started_at=started,
                           finished_at=finished, row_id=r["entry"].strip() or None, lat=lat, lon=lon,
                           geo_method=method, description=text[:300] or None, level="event", **where)


register(EyesOnRussia())
