"""Observations: coverage per source and region, a region's daily series and gaps, the rows, the source files."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import Query

from saydo.errors import NotFound
from saydo.resolve.regions import region_name
from saydo.serve.params import EVENT_TYPE, REGION, SOURCE, FileSha, Limit, Offset, RegionFilter, SourceFilter
from saydo.serve.views import page, view
from saydo.store import views as sv

Source = Annotated[str, Query(pattern=SOURCE, description="Observation source, e.g. alerts.volunteer.")]
Region = Annotated[str, Query(pattern=REGION, description="ISO 3166-2 code, e.g. UA-30.")]


@view("/observations", api="/api/observations", template="observations.html", title="Observations",
      table="coverage")
def observations(store) -> dict:
    """Per source: the days with no row in any region (gaps in the source); per region: rows, first and last, days
    with rows and days without one (for an alert log, quiet days: no alert there)."""
    from saydo.store.coverage import coverage

    rows = sv.observation_coverage(store)
    for r in rows:
        r["name"] = region_name(r["region"])
    sources = {c.source: c.to_json() for c in coverage(store)}
    return {"coverage": rows, "sources": sorted({r["source"] for r in rows}), "source_gaps": sources}


@view("/observations/series", api="/api/observations/series", template="series.html", title="Daily series",
      table="days")
def series(store, source: Source, region: Region) -> dict:
    """One source and region: rows and hours per UTC day (zero days filled in) and the gaps."""
    found = sv.daily_rows(store, source=source, region=region)
    if not found:
        raise NotFound(f"no {source} rows for {region}", hint="see /observations for what each source covers")
    by_day = {r["day"]: r for r in found}
    first, last = found[0]["day"], found[-1]["day"]
    days = []
    for n in range((last - first).days + 1):
        day = first.fromordinal(first.toordinal() + n)
        days.append(by_day.get(day, {"day": day, "rows": 0, "hours": 0.0}))
    return {"source": source, "region": region, "name": region_name(region), "days": days,
            "gaps": sv.observation_gaps(store, source=source, region=region)}


@view("/observations/rows", api="/api/observations/rows", template="rows.html", title="Observation rows",
      table="rows")
def rows(store, source: SourceFilter = None, region: RegionFilter = None,
         start: Annotated[datetime | None, Query(description="Rows started at or after (ISO 8601).")] = None,
         end: Annotated[datetime | None, Query(description="Rows started before (ISO 8601).")] = None,
         event_type: Annotated[str | None, Query(pattern=EVENT_TYPE)] = None,
         file: Annotated[str | None, Query(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file.")] = None,
         limit: Limit = 50, offset: Offset = 0) -> dict:
    """The stored observation rows, oldest first: the evidence a check counted, each with its file and line."""
    found, total = sv.observation_rows(store, source=source, region=region, start=start, end=end,
                                       event_type=event_type, file_sha256=file, limit=limit, offset=offset)
    return {"rows": found, **page(found, total, limit, offset),
            "filters": {"source": source, "region": region, "start": start, "end": end, "event_type": event_type,
                        "file": file}}


@view("/files", api="/api/files", template="table.html", title="Source files", table="files")
def files(store) -> dict:
    """Every file loaded into the store, with rows loaded, rejected and duplicate."""
    return {"files": sv.list_files(store)}


@view("/files/{sha256}", api="/api/files/{sha256}", template="file.html", title="Source file", table="rejects")
def file(store, sha256: FileSha, site=None) -> dict:
    """One loaded file: where it was read from, what it gave, its rejected lines, and whether it can be downloaded
    (only files inside the server's data folder can)."""
    found = sv.file(store, sha256)
    if found is None:
        raise NotFound(f"no file {sha256}", hint="see /files")
    rejects, total = sv.list_rejects(store, file_sha256=sha256, limit=100)
    served = site.servable(found["path"]) is not None if site else False
    return {"file": found, "downloadable": served, "rejects": rejects, "rejects_total": total}


@view("/rejects", api="/api/rejects", template="table.html", title="Rejected rows", table="rejects")
def rejects(store, source: SourceFilter = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    """Rows and files that could not be loaded, with the reason."""
    found, total = sv.list_rejects(store, source=source, limit=limit, offset=offset)
    return {"rejects": found, **page(found, total, limit, offset), "filters": {"source": source}}
