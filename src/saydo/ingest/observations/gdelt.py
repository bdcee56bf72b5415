"""GDELT 2.0 event exports: tab-separated, no header, 61 columns, CAMEO event codes.

Only material conflict is in scope: QuadClass 4, or CAMEO root codes 18 (assault), 19 (fight) and 20 (mass
violence), located in Ukraine. The region comes from ``ActionGeo_ADM1Code`` — FIPS 10-4 codes ``UP01``..``UP27``,
mapped to ISO 3166-2:UA below — else from the action's coordinates. Other rows (cooperation, statements, events
elsewhere) are out of scope: they are counted, and stored as one summary line in ``rejects`` per file rather than
one row each (a day of GDELT holds hundreds of thousands of them).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from saydo.ingest.observations.alerts import RowError
from saydo.ingest.observations.base import csv_rows, register
from saydo.ingest.observations.events import _float, day_span, parse_day
from saydo.records import Observation, Reject
from saydo.resolve.gazetteer import GEONAMES_ADMIN1
from saydo.resolve.geo import nearest_region

COLUMNS = 61
ID, DAY, ACTOR1, ACTOR1_COUNTRY = 0, 1, 6, 7
EVENT_CODE, ROOT_CODE, QUAD_CLASS = 26, 28, 29
GEO_COUNTRY, GEO_ADM1, GEO_LAT, GEO_LON, GEO_NAME = 53, 54, 56, 57, 52
SOURCE_URL = 60

# FIPS 10-4 first-level codes of Ukraine (UPnn) use the same numbering as GeoNames' admin1 codes.
FIPS_ADM1 = {f"UP{n}": code for n, code in GEONAMES_ADMIN1.items()}

EVENT_CODES = {"194": "shelling", "195": "airstrike", "196": "ceasefire_violation", "193": "ground_clash",
               "190": "military_force", "191": "blockade", "192": "territory_change"}
ROOTS = {"18": "assault", "19": "military_force", "20": "mass_violence"}


def event_type(code: str, root: str) -> str:
    return EVENT_CODES.get(code[:3]) or ROOTS.get(root) or "material_conflict_other"


class OutOfScope(Exception):
    """A well-formed row that is not material conflict in Ukraine."""


class GdeltEvents:
    name = "gdelt"
    source = "gdelt"
    description = "GDELT 2.0 events export (tab-separated, 61 columns, CAMEO codes)"
    delimiter = "\t"

    def matches(self, header: list[str]) -> bool:
        return False  # no header: recognised by sniff()

    def sniff(self, path: Path) -> bool:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline().rstrip("\n").split("\t")
        return len(first) == COLUMNS and first[0].isdigit() and len(first[1]) == 8 and first[1].isdigit()

    def read(self, path: Path, source: str) -> Iterator[Observation | Reject]:
        skipped = 0
        for line, fields, raw in csv_rows(path, delimiter="\t", header=False):
            try:
                if len(fields) != COLUMNS:
                    raise RowError(f"expected {COLUMNS} tab-separated fields, found {len(fields)}")
                yield self.row(fields, file=str(path), source=source, line=line)
            except OutOfScope:
                skipped += 1
            except RowError as exc:
                yield Reject(source=source, file=str(path), line=line, reason=str(exc), raw=raw[:500])
        if skipped:
            yield Reject(source=source, file=str(path), line=None, raw=None, out_of_scope=skipped,
                         reason=f"{skipped} row(s) out of scope: not material conflict (QuadClass 4 or CAMEO roots "
                                f"18-20) in Ukraine")

    def row(self, f: list[str], **where) -> Observation:
        root, quad = f[ROOT_CODE].strip(), f[QUAD_CLASS].strip()
        if quad != "4" and root not in ROOTS:
            raise OutOfScope
        if f[GEO_COUNTRY].strip() != "UP":
            raise OutOfScope
        day = f[DAY].strip()
        if not (len(day) == 8 and day.isdigit()):
            raise RowError(f"Day {f[DAY]!r} is not a date as YYYYMMDD")
        started, finished = day_span(parse_day(f"{day[:4]}-{day[4:6]}-{day[6:8]}", "Day"))
        lat, lon = _float(f[GEO_LAT]), _float(f[GEO_LON])
        region, method = FIPS_ADM1.get(f[GEO_ADM1].strip()), "name"
        if region is None:
            near = nearest_region(lat, lon) if lat is not None and lon is not None else None
            if near is None:
                raise RowError(f"ActionGeo_ADM1Code {f[GEO_ADM1]!r} is not a Ukrainian region and the coordinates "
                               f"are not near a known place in Ukraine")
            region, method = near[0], "nearest"
        return Observation(region=region, event_type=event_type(f[EVENT_CODE].strip(), root), started_at=started,
                           finished_at=finished, row_id=f[ID].strip(), lat=lat, lon=lon, geo_method=method,
                           actor=(f[ACTOR1].strip() or f[ACTOR1_COUNTRY].strip() or None),
                           description=f"{f[GEO_NAME].strip()} {f[SOURCE_URL].strip()}".strip()[:300] or None,
                           level="event", **where)


register(GdeltEvents())
