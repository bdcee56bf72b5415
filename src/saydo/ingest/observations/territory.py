"""Territory series (``date,area``): the area held by Russian forces in Ukraine, in km², one row per day.

The liveuamap series (conflict-investigations/liveuamap-analysis, "use freely, give credit") is a national total, not
per region, and a level, not an event. So its rows go to their own ``territory`` table (``saydo.store.territory``)
rather than to ``observations``: an observation is an event in one region with a period, which the check engine bins
and counts, and a daily national level fits none of that. The check engine reads it only beside withdrawal pledges
(``saydo.check.territory``). Loading goes through ``saydo ingest observations`` like every other observed dataset: the
same file registry, rejects with line and reason, and a second load of the same file adds nothing.

``date`` is a day (``2022-03-29`` or ``2022-03-29 00:00:00``; any other time of day is refused: the series is daily);
``area`` a number of km² between 0 and Ukraine's area. A day already stored for the source is a duplicate and the
stored area stands.
"""

from __future__ import annotations

from pathlib import Path

from saydo.ingest.observations.base import LoadReport, expect_header, read_header, register
from saydo.ingest.observations.bulk import chunks

HEADER = ["date", "area"]


class TerritoryArea:
    name = "territory"
    source = "territory.liveuamap"
    description = "Daily area held by Russian forces in Ukraine (date,area in km², a national total)"

    def matches(self, header: list[str]) -> bool:
        return header == HEADER

    def load(self, store, path: Path, source: str, sha: str, report: LoadReport, progress, *, file: str | None = None,
             delimiter: str = ",") -> None:
        """Write the days of ``path`` (UTF-8: ``saydo.ingest.decode``) to the territory table (not to observations)
        and count them in ``report``; rows cite ``file``."""
        from saydo.store.territory import load_days

        expect_header(path, HEADER, self.name, read_header(path, delimiter))
        seen = 0
        for chunk in chunks(path, delimiter=delimiter, encoding="utf-8", header=True, quoting=True):
            loaded, rejected, duplicate = load_days(store, chunk, source=source, file=file or str(path), sha=sha,
                                                    delimiter=delimiter)
            report.loaded += loaded
            report.rejected += rejected
            report.duplicate += duplicate
            seen += len(chunk)
            if progress:
                progress(seen)


register(TerritoryArea())
