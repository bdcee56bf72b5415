"""UCDP Georeferenced Event Dataset (GED) rows: one organised-violence event with at least one death.

Region from ``adm_1`` (``Kharkiv Oblast``, ``Kiev Special Republican city``), else from the coordinates; times are
whole days from ``date_start`` to ``date_end``; ``best`` is the fatality estimate; ``id`` the UCDP event id.
"""

from __future__ import annotations

from saydo.ingest.observations.alerts import RowError
from saydo.ingest.observations.base import register
from saydo.ingest.observations.events import HeaderCsv, day_span, parse_day, region_of
from saydo.records import Observation

TYPES = {"1": "state_based_violence", "2": "non_state_violence", "3": "violence_against_civilians"}
REQUIRED = ("id", "type_of_violence", "side_a", "date_start", "date_end", "adm_1", "latitude", "longitude", "best",
            "country")


class UcdpGed(HeaderCsv):
    name = "ucdp-ged"
    source = "ucdp"
    description = "UCDP Georeferenced Event Dataset (GED) CSV"

    def matches(self, header: list[str]) -> bool:
        return all(c in header for c in REQUIRED) and "priogrid_gid" in header

    def row(self, r: dict, **where) -> Observation:
        if r["country"].strip() != "Ukraine":
            raise RowError(f"country is {r['country']!r}, not Ukraine")
        kind = TYPES.get(r["type_of_violence"].strip())
        if kind is None:
            raise RowError(f"type_of_violence {r['type_of_violence']!r} is not 1, 2 or 3")
        started, finished = day_span(parse_day(r["date_start"], "date_start"), parse_day(r["date_end"], "date_end"))
        region, method, lat, lon = region_of(r["adm_1"], r["latitude"], r["longitude"])
        try:
            deaths = int(float(r["best"]))
        except ValueError:
            raise RowError(f"best {r['best']!r} is not a number of deaths") from None
        text = (r.get("source_headline") or r.get("where_description") or "").strip()
        return Observation(region=region, event_type=kind, started_at=started, finished_at=finished,
                           row_id=r["id"].strip(), lat=lat, lon=lon, geo_method=method, fatalities=deaths,
                           actor=r["side_a"].strip()[:120] or None, description=text[:300] or None,
                           level="event", **where)


register(UcdpGed())
