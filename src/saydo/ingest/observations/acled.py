"""ACLED CSV exports (the published column layout: event_id_cnty, event_date, event_type, sub_event_type, actor1,
admin1, latitude, longitude, fatalities, notes, ...). Event types are mapped to saydo's taxonomy from
``sub_event_type``; the region from ``admin1``, else the coordinates."""

from __future__ import annotations

import re

from saydo.ingest.observations.base import register
from saydo.ingest.observations.bulk import Plan, day_end, day_start, sql_repr, sql_str
from saydo.ingest.observations.events import Columns, HeaderCsv, coordinates, day_check, day_sql, no_region, region_name

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
    """The taxonomy type of an ACLED event (the same mapping the loader runs in SQL)."""
    known = SUB_EVENT_TYPES.get(sub_event.strip().lower())
    if known:
        return known
    return "other_" + re.sub(r"[^a-z0-9]+", "_", event.strip().lower()).strip("_")


def event_type_sql(event: str, sub_event: str) -> str:
    cases = " ".join(f"WHEN {sql_str(k)} THEN {sql_str(v)}" for k, v in SUB_EVENT_TYPES.items())
    return (f"CASE lower({sub_event}) {cases} ELSE 'other_' || trim(regexp_replace(lower({event}), '[^a-z0-9]+', "
            f"'_', 'g'), '_') END")


class Acled(HeaderCsv):
    name = "acled"
    source = "acled"
    description = "ACLED CSV export (event_id_cnty, event_date, event_type, sub_event_type, admin1, ...)"

    def matches(self, header: list[str]) -> bool:
        return all(c in header for c in REQUIRED)

    def columns_plan(self, col: Columns) -> Plan:
        fatalities = f"coalesce(nullif({col('fatalities')}, ''), '0')"
        country = f"coalesce({col('country')}, '')"
        return Plan(
            columns={"_day": day_sql(col("event_date")), "started_at": day_start("_day"),
                     "finished_at": day_end("_day"),
                     "event_type": event_type_sql(col("event_type"), col("sub_event_type")),
                     "row_id": col("event_id_cnty"), **coordinates(col, "latitude", "longitude"),
                     "fatalities": f"TRY_CAST({fatalities} AS INTEGER)",
                     "actor": f"nullif(left({col('actor1')}, 120), '')",
                     "description": f"nullif(left({col('notes')}, 300), '')", "level": "'event'"},
            name=col("admin1"), resolve_name=region_name, shape=col.shape(),
            first=[(f"{country} NOT IN ('Ukraine', '')", f"'country is ' || {sql_repr(country)} || ', not Ukraine'"),
                   day_check("event_date", col("event_date"), "_day")],
            no_region=no_region(col("latitude"), col("longitude")),
            checks=[("fatalities IS NULL", f"'fatalities ' || {sql_repr(col('fatalities'))} || "
                                           f"' is not a whole number'")],
        )


register(Acled())
