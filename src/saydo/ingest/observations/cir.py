"""Centre for Information Resilience "Eyes on Russia" incidents: date, coordinates, province as typed, event group.

The province column has many spellings (``saydo.resolve.provinces``); when it is missing or unknown the coordinates
decide (the oblast polygon holding them, else the nearest GeoNames place). Each row records which way it was resolved
in ``geo_method``: ``name``, ``spelling`` (close spelling of a known name), ``point`` or ``nearest``. Rows outside
Ukraine (``country``) are rejected with that reason: saydo's regions are Ukraine's.
"""

from __future__ import annotations

from saydo.ingest.observations.base import register
from saydo.ingest.observations.bulk import Plan, day_end, day_start, sql_repr, sql_str
from saydo.ingest.observations.events import Columns, HeaderCsv, coordinates, day_check, day_sql, no_region
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
    """The taxonomy type of an event group (the same mapping the loader runs in SQL)."""
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

    def columns_plan(self, col: Columns) -> Plan:
        group = f"lower({col('event_group')})"
        kinds = " ".join(f"WHEN starts_with({group}, {sql_str(p)}) THEN {sql_str(k)}" for p, k in GROUPS)
        country = col("country")
        text = f"coalesce(nullif({col('brief description')}, ''), {col('title')})"
        return Plan(
            columns={"_day": day_sql(col("date")), "started_at": day_start("_day"), "finished_at": day_end("_day"),
                     "event_type": f"CASE {kinds} ELSE 'other' END", "row_id": f"nullif({col('entry')}, '')",
                     **coordinates(col, "lat", "lon"), "description": f"nullif(left({text}, 300), '')",
                     "level": "'event'"},
            name=col("province"), resolve_name=province_code, shape=col.shape(),
            first=[(f"{country} NOT IN ('', 'Ukraine')", f"'outside Ukraine (country ' || {sql_repr(country)} || ')'"),
                   (f"{col('date')} = ''", "'no date'"), day_check("date", col("date"), "_day")],
            no_region=no_region(col("lat"), col("lon")),
        )


register(EyesOnRussia())
