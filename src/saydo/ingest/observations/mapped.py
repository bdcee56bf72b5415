"""Any CSV of events, described by a small TOML mapping file that names its columns.

    source = "kharkiv-strikes"          # the source name rows are stored under (required)
    delimiter = ","                     # optional
    [columns]
    date = "event_date"                 # required: the day (or start) of each event
    date_format = "%d.%m.%Y"            # optional strptime format; ISO dates and M/D/Y are understood without it
    end_date = "last_day"               # optional: events spanning days
    region = "oblast"                   # a place name (oblast, city or ISO code) ...
    lat = "latitude"                    # ... and/or coordinates, used when the name is missing or unknown
    lon = "longitude"
    type = "category"                   # a column holding the event type, or use event_type below
    id = "uid"                          # optional: the dataset's own row id (makes re-exports duplicates)
    fatalities = "deaths"               # optional
    description = "notes"               # optional
    [types]                             # optional: values of the type column -> saydo's taxonomy
    "Artillery" = "shelling"
    event_type = "shelling"             # optional constant when the file has no type column
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from saydo.errors import BadHeader, ConfigError, MissingFile
from saydo.ingest.observations.bulk import Plan, day_end, day_start, sql_repr, sql_str
from saydo.ingest.observations.events import Columns, HeaderCsv, coordinates, day_sql, no_region, region_name


class MappedCsv(HeaderCsv):
    name = "csv"
    description = "any CSV described by a TOML mapping (--mapping FILE)"

    def __init__(self, mapping_path: str | Path) -> None:
        path = Path(mapping_path)
        if not path.exists():
            raise MissingFile("mapping file not found", where=str(path), hint="give the TOML file with --mapping")
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"mapping is not valid TOML ({exc})", where=str(path)) from None
        self.columns: dict[str, str] = data.get("columns", {})
        self.types: dict[str, str] = {str(k): str(v) for k, v in data.get("types", {}).items() if k != "event_type"}
        self.constant_type = data.get("types", {}).get("event_type") or data.get("event_type")
        self.source = data.get("source") or ""
        self.given_delimiter = data.get("delimiter")  # else sniffed from the header
        self.delimiter = self.given_delimiter or ","
        problems = []
        if not self.source:
            problems.append("'source' (the name rows are stored under)")
        if "date" not in self.columns:
            problems.append("columns.date")
        if "region" not in self.columns and not ("lat" in self.columns and "lon" in self.columns):
            problems.append("columns.region or columns.lat and columns.lon")
        if "type" not in self.columns and not self.constant_type:
            problems.append("columns.type or event_type")
        if problems:
            raise ConfigError(f"mapping lacks {', '.join(problems)}", where=str(path),
                              hint="see docs/observations.md for the mapping format")
        self.mapping_path = path

    def matches(self, header: list[str]) -> bool:
        return False

    def fits(self, header: list[str]) -> bool:
        """Every column the mapping names is in the header (how the delimiter is sniffed)."""
        return all(c in header for key, c in self.columns.items() if key != "date_format")

    def check_header(self, path: Path, header: list[str]) -> None:
        missing = [c for key, c in self.columns.items() if key != "date_format" and c not in header]
        if missing:
            raise BadHeader(f"columns {', '.join(map(repr, missing))} named in {self.mapping_path.name} are not in "
                            f"the header", where=str(path), hint="fix the mapping or the file")

    def columns_plan(self, col: Columns) -> Plan:
        c = self.columns
        fmt = [c["date_format"]] if c.get("date_format") else None
        expected = f" does not match the date format {fmt[0]!r}" if fmt else " is not a date"

        def bad(column: str, day: str) -> tuple[str, str]:
            return (f"{col(column)} <> '' AND {day} IS NULL" if column != c["date"] else f"{day} IS NULL",
                    f"{sql_str(column + ' ')} || {sql_repr(col(column))} || {sql_str(expected)}")

        first_checks = [bad(c["date"], "_first")]
        last = "_first"
        if c.get("end_date"):
            last = f"CASE WHEN coalesce({col(c['end_date'])}, '') = '' THEN _first ELSE _last_given END"
            first_checks.append(bad(c["end_date"], "_last_given"))
        first_checks.append(("_last < _first", "'the end date ' || _last || ' is before the start date ' || _first"))
        if "type" in c:
            raw = col(c["type"])
            known = " ".join(f"WHEN {sql_str(k)} THEN {sql_str(v)}" for k, v in self.types.items())
            fallback = (sql_str(self.constant_type) if self.constant_type
                        else f"nullif(replace(lower({raw}), ' ', '_'), '')")
            kind = f"CASE {raw} {known} ELSE {fallback} END" if known else fallback
            first_checks.append(("event_type IS NULL", f"'no event type in column {c['type']}'"))
        else:
            kind = sql_str(self.constant_type)
        deaths = col(c.get("fatalities"))
        return Plan(
            columns={"_first": day_sql(col(c["date"]), fmt),
                     "_last_given": day_sql(col(c.get("end_date")), fmt) if c.get("end_date") else "NULL::DATE",
                     "_last": last, "started_at": day_start("_first"), "finished_at": day_end("_last"),
                     "event_type": kind, "row_id": f"nullif({col(c.get('id'))}, '')",
                     **coordinates(col, c.get("lat"), c.get("lon")),
                     "fatalities": f"TRY_CAST(TRY_CAST(nullif({deaths}, '') AS DOUBLE) AS INTEGER)",
                     "description": f"nullif(left({col(c.get('description'))}, 300), '')", "level": "'event'"},
            name=col(c.get("region")), resolve_name=region_name, shape=col.shape(), first=first_checks,
            no_region=no_region(col(c.get("lat")), col(c.get("lon"))),
            checks=[(f"coalesce({deaths}, '') <> '' AND fatalities IS NULL",
                     f"'{c.get('fatalities')} ' || {sql_repr(deaths)} || ' is not a number'")],
        )
