"""Territory series: one area per source and day (km² held, a national total), in their own table.

They are not observations: a row is a level on a day for the whole country, not an event in a region, so it has no
region, no event type and no period, and it must never be binned or counted with events. Keeping it in its own table
keeps it out of the activity grid, the coverage summary and the sources a check runs on.
"""

from __future__ import annotations

from datetime import date, datetime

import pyarrow as pa

from saydo.records.observation import EARLIEST_DAY, date_range_text, latest_day
from saydo.store.connection import Store
from saydo.store.observations import insert_staged_rejects

# Ukraine's area with Crimea (km²): a larger held area is a broken row, not a measurement.
UKRAINE_KM2 = 603_628
_DAY_FORMATS = "['%Y-%m-%d %H:%M:%S', '%Y-%m-%d']"


def load_days(store: Store, chunk: pa.Table, *, source: str, file: str, sha: str,
              delimiter: str = ",") -> tuple[int, int, int]:
    """Parse a chunk of ``date,area`` rows (an Arrow table ``(line, f)``), store the good days and reject the others
    with line and reason. Returns (loaded, rejected, duplicate); a day already stored for the source (from this file
    or an earlier one) is a duplicate and the stored area stands."""
    con = store.con
    q = "('''' || coalesce(trim({}), '') || '''')"
    date_raw, area_raw = q.format("f[1]"), q.format("f[2]")
    con.register("_chunk", chunk)
    try:
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _days AS
            SELECT line, CAST(_ts AS DATE) AS day, _area AS area, CASE
                WHEN len(f) <> 2 THEN 'expected 2 fields (date,area), found ' || len(f)
                WHEN _ts IS NULL THEN 'date ' || {date_raw} || ' is not a date (expected e.g. 2022-03-29 or '
                                      || '2022-03-29 00:00:00)'
                WHEN CAST(_ts AS TIME) <> TIME '00:00:00' THEN 'date ' || {date_raw} || ' has a time of day: the '
                                      || 'series is daily, one area per day at 00:00'
                WHEN _ts < DATE '{EARLIEST_DAY}' OR _ts > DATE '{latest_day()}' THEN 'date ' || {date_raw}
                                      || ' is outside the dates saydo accepts ({date_range_text()})'
                WHEN _area IS NULL THEN 'area ' || {area_raw} || ' is not a number (km²)'
                WHEN NOT isfinite(_area) OR _area < 0 THEN 'area ' || {area_raw} || ' is not an area in km²'
                WHEN _area > {UKRAINE_KM2} THEN 'area ' || {area_raw} || ' km² is larger than Ukraine '
                                      || '({UKRAINE_KM2:,} km²)'
            END AS reason, CASE WHEN reason IS NOT NULL THEN left(array_to_string(f, '{delimiter}'), 500) END AS raw
            FROM (SELECT line, f, try_strptime(trim(f[1]), {_DAY_FORMATS}) AS _ts,
                         TRY_CAST(replace(trim(f[2]), ',', '.') AS DOUBLE) AS _area FROM _chunk)
        """)
    finally:
        con.unregister("_chunk")
    good = con.execute("SELECT count(*) FROM _days WHERE reason IS NULL").fetchone()[0]
    loaded = con.execute("""
        INSERT OR IGNORE INTO territory
        SELECT ?, day, area, ?, ?, line FROM _days WHERE reason IS NULL
        QUALIFY row_number() OVER (PARTITION BY day ORDER BY line) = 1
    """, [source, file, sha]).fetchone()[0]
    rejected = insert_staged_rejects(
        store, "SELECT ?::VARCHAR AS source, ?::VARCHAR AS file, line, reason, raw FROM _days "
               "WHERE reason IS NOT NULL", [source, file], sha)
    con.execute("DROP TABLE IF EXISTS _days")
    return loaded, rejected, good - loaded


def territory_series(store: Store, *, as_of: datetime | None = None) -> dict[str, dict[date, float]]:
    """Every territory source's areas by day (only days up to the cut-off's date with ``as_of``)."""
    sql = "SELECT source, day, area_km2 FROM territory"
    params: list = []
    if as_of is not None:
        sql += " WHERE day <= ?"
        params.append(as_of.date())
    found: dict[str, dict[date, float]] = {}
    for source, day, area in store.con.execute(sql + " ORDER BY source, day", params).fetchall():
        found.setdefault(source, {})[day] = area
    return found
