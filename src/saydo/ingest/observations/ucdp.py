"""UCDP Georeferenced Event Dataset (GED) rows: one organised-violence event with at least one death.

Region from ``adm_1`` (``Kharkiv Oblast``, ``Kiev Special Republican city``), else from the coordinates; times are
whole days from ``date_start`` to ``date_end``; ``best`` is the fatality estimate; ``id`` the UCDP event id.
"""

from __future__ import annotations

from saydo.ingest.observations.base import register
from saydo.ingest.observations.bulk import Plan, day_end, day_start, sql_repr
from saydo.ingest.observations.events import Columns, HeaderCsv, coordinates, day_check, day_sql, no_region, region_name

TYPES = {"1": "state_based_violence", "2": "non_state_violence", "3": "violence_against_civilians"}
REQUIRED = ("id", "type_of_violence", "side_a", "date_start", "date_end", "adm_1", "latitude", "longitude", "best",
            "country")


class UcdpGed(HeaderCsv):
    name = "ucdp-ged"
    source = "ucdp"
    description = "UCDP Georeferenced Event Dataset (GED) CSV"

    def matches(self, header: list[str]) -> bool:
        return all(c in header for c in REQUIRED) and "priogrid_gid" in header

    def columns_plan(self, col: Columns) -> Plan:
        kind = col("type_of_violence")
        kinds = " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in TYPES.items())
        text = f"coalesce(nullif({col('source_headline')}, ''), {col('where_description')})"
        return Plan(
            columns={"_first": day_sql(col("date_start")), "_last": day_sql(col("date_end")),
                     "started_at": day_start("_first"), "finished_at": day_end("_last"),
                     "event_type": f"CASE {kind} {kinds} END", "row_id": col("id"),
                     **coordinates(col, "latitude", "longitude"),
                     "fatalities": f"TRY_CAST(TRY_CAST({col('best')} AS DOUBLE) AS INTEGER)",
                     "actor": f"nullif(left({col('side_a')}, 120), '')",
                     "description": f"nullif(left({text}, 300), '')", "level": "'event'"},
            name=col("adm_1"), resolve_name=region_name, shape=col.shape(),
            first=[(f"{col('country')} <> 'Ukraine'",
                    f"'country is ' || {sql_repr(col('country'))} || ', not Ukraine'"),
                   ("event_type IS NULL", f"'type_of_violence ' || {sql_repr(kind)} || ' is not 1, 2 or 3'"),
                   day_check("date_start", col("date_start"), "_first"),
                   day_check("date_end", col("date_end"), "_last"),
                   ("_last < _first", "'the end date ' || _last || ' is before the start date ' || _first")],
            no_region=no_region(col("latitude"), col("longitude")),
            checks=[("fatalities IS NULL", f"'best ' || {sql_repr(col('best'))} || ' is not a number of deaths'")],
        )


register(UcdpGed())
