"""What the event-dataset readers share: dates in several layouts, regions from names or coordinates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from saydo.ingest.observations.alerts import RowError
from saydo.ingest.observations.base import csv_rows, read_header
from saydo.records import Observation, Reject
from saydo.resolve.geo import nearest_region
from saydo.resolve.regions import region_code


class HeaderCsv:
    """A CSV with a header whose rows are read by column name; ``row`` maps one row or raises ``RowError``."""

    delimiter = ","

    def check_header(self, path: Path, header: list[str]) -> None:
        """Refuse a header the reader can't use (the default accepts what ``matches`` accepted)."""

    def read(self, path: Path, source: str) -> Iterator[Observation | Reject]:
        header = read_header(path, self.delimiter)
        self.check_header(path, header)
        index = {name: i for i, name in enumerate(header)}
        for line, fields, raw in csv_rows(path, self.delimiter):
            try:
                if len(fields) != len(header):
                    raise RowError(f"expected {len(header)} fields, found {len(fields)}")
                yield self.row({c: fields[i] for c, i in index.items()}, file=str(path), source=source, line=line)
            except RowError as exc:
                yield Reject(source=source, file=str(path), line=line, reason=str(exc), raw=raw[:500])

    def row(self, r: dict, **where) -> Observation:
        raise NotImplementedError


_DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%d %B %Y", "%Y-%m-%d %H:%M:%S")


def parse_day(value: str, column: str) -> date:
    text = value.strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise RowError(f"{column} {value!r} is not a date (expected e.g. 2022-03-29 or 3/29/2022)")


def day_span(first: date, last: date | None = None) -> tuple[datetime, datetime]:
    """A whole-day event period in UTC: from the first day's midnight to the midnight after the last day."""
    last = last or first
    if last < first:
        raise RowError(f"the end date {last} is before the start date {first}")
    start = datetime(first.year, first.month, first.day, tzinfo=timezone.utc)
    end = datetime(last.year, last.month, last.day, tzinfo=timezone.utc) + timedelta(days=1)
    return start, end


def region_of(name: str, lat: str, lon: str) -> tuple[str, str, float | None, float | None]:
    """(code, how it was found, lat, lon): the province name when it is known, else the nearest place."""
    cleaned = name.replace("Special Republican city", "").replace("Special City", "").strip()
    latitude = _float(lat)
    longitude = _float(lon)
    code = region_code(cleaned) if cleaned else None
    if code:
        return code, "name", latitude, longitude
    if latitude is not None and longitude is not None:
        found = nearest_region(latitude, longitude)
        if found:
            return found[0], "nearest", latitude, longitude
    what = f"province {name!r} is not a Ukrainian region" if cleaned else "no province"
    raise RowError(f"{what}, and the coordinates ({lat or '?'}, {lon or '?'}) are not near a known place in Ukraine")


def _float(value: str) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
