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
from datetime import datetime
from pathlib import Path

from saydo.errors import BadHeader, ConfigError, MissingFile
from saydo.ingest.observations.alerts import RowError
from saydo.ingest.observations.events import HeaderCsv, day_span, parse_day, region_of
from saydo.records import Observation


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
        self.delimiter = data.get("delimiter", ",")
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

    def check_header(self, path: Path, header: list[str]) -> None:
        missing = [c for key, c in self.columns.items() if key != "date_format" and c not in header]
        if missing:
            raise BadHeader(f"columns {', '.join(map(repr, missing))} named in {self.mapping_path.name} are not in "
                            f"the header", where=str(path), hint="fix the mapping or the file")

    def _day(self, value: str, column: str):
        fmt = self.columns.get("date_format")
        if fmt:
            try:
                return datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                raise RowError(f"{column} {value!r} does not match the date format {fmt!r}") from None
        return parse_day(value, column)

    def row(self, r: dict, **where) -> Observation:
        col = self.columns
        first = self._day(r[col["date"]], col["date"])
        last = self._day(r[col["end_date"]], col["end_date"]) if col.get("end_date") and r[col["end_date"]] else None
        started, finished = day_span(first, last)
        region, method, lat, lon = region_of(r.get(col.get("region", ""), ""), r.get(col.get("lat", ""), ""),
                                             r.get(col.get("lon", ""), ""))
        if "type" in col:
            raw_type = r[col["type"]].strip()
            kind = self.types.get(raw_type) or self.constant_type or (raw_type.lower().replace(" ", "_") or None)
            if not kind:
                raise RowError(f"no event type in column {col['type']!r}")
        else:
            kind = self.constant_type
        deaths = None
        if col.get("fatalities") and r[col["fatalities"]].strip():
            try:
                deaths = int(float(r[col["fatalities"]]))
            except ValueError:
                raise RowError(f"{col['fatalities']} {r[col['fatalities']]!r} is not a number") from None
        return Observation(region=region, event_type=kind, started_at=started, finished_at=finished,
                           row_id=(r[col["id"]].strip() or None) if col.get("id") else None, lat=lat, lon=lon,
                           geo_method=method, fatalities=deaths,
                           description=(r[col["description"]].strip()[:300] or None) if col.get("description")
                           else None, level="event", **where)
