"""What the event-dataset readers share: a CSV with a header read by column name, dates in several layouts, regions
from names or coordinates — all as SQL for the set-based loader (``bulk``)."""

from __future__ import annotations

from pathlib import Path

from saydo.ingest.observations.bulk import Plan, day_sql, sql_repr
from saydo.resolve.regions import region_code

_CITY_WORDS = ("Special Republican city", "Special City")


class Columns:
    """SQL for a named column of a header (``NULL`` when the file has no such column)."""

    def __init__(self, header: list[str]) -> None:
        self.index = {name: i + 1 for i, name in enumerate(header)}
        self.count = len(header)

    def __call__(self, name: str | None) -> str:
        i = self.index.get(name or "")
        return f"trim(f[{i}])" if i else "NULL::VARCHAR"

    def shape(self) -> str:
        return f"CASE WHEN len(f) <> {self.count} THEN 'expected {self.count} fields, found ' || len(f) END"


class HeaderCsv:
    """A CSV with a header whose rows are read by column name; ``columns_plan`` says how in SQL."""

    delimiter = ","
    has_header = True
    quoting = True

    def check_header(self, path: Path, header: list[str]) -> None:
        """Refuse a header the reader can't use (the default accepts what ``matches`` accepted)."""

    def plan(self, path: Path, header: list[str] | None) -> Plan:
        header = header or []
        self.check_header(path, header)
        return self.columns_plan(Columns(header))

    def columns_plan(self, col: Columns) -> Plan:
        raise NotImplementedError


def region_name(name: str) -> tuple[str, str] | None:
    """A province name as event datasets write it ("Kiev Special Republican city") -> (code, "name")."""
    cleaned = name
    for words in _CITY_WORDS:
        cleaned = cleaned.replace(words, "")
    code = region_code(cleaned.strip()) if cleaned.strip() else None
    return (code, "name") if code else None


def no_region(lat_raw: str, lon_raw: str) -> str:
    """SQL for the reason a row has no region: its name is unknown (or missing) and its coordinates place nothing."""
    name = f"CASE WHEN coalesce(_name, '') = '' THEN 'no province' ELSE 'province ' || {sql_repr('_name')} " \
           f"|| ' is not a known Ukrainian region' END"
    lat, lon = f"coalesce(nullif({lat_raw}, ''), '?')", f"coalesce(nullif({lon_raw}, ''), '?')"
    return f"{name} || ', and the coordinates (' || {lat} || ', ' || {lon} || ') are not near a known place in Ukraine'"


def day_check(column: str, raw: str, day: str) -> tuple[str, str]:
    return (f"{day} IS NULL", f"'{column} ' || {sql_repr(raw)} || ' is not a date (expected e.g. 2022-03-29 or "
                              f"3/29/2022)'")


def coordinates(col: Columns, lat: str | None, lon: str | None) -> dict[str, str]:
    """Latitude and longitude; a decimal comma (what `;`-separated European exports write) reads as a point."""
    return {"lat": f"TRY_CAST(replace({col(lat)}, ',', '.') AS DOUBLE)",
            "lon": f"TRY_CAST(replace({col(lon)}, ',', '.') AS DOUBLE)"}


__all__ = ["Columns", "HeaderCsv", "day_check", "day_sql", "no_region", "region_name", "coordinates"]
