"""Ukraine's air-raid alert logs.

Volunteer log (``region,started_at,finished_at,naive``): one row per oblast-level alert, times in UTC. ``naive=True``
means the source saw no end message and set ``finished_at = started_at + 30 min``; the row is kept and the flag stored
in ``level`` as ``oblast/naive`` so a check can leave such rows out.

Official log (``oblast,raion,hromada,level,started_at,finished_at,source``): alerts for a whole oblast, a raion or a
hromada. Every row keeps its level and the raion/hromada names in ``subregion`` and is mapped to its oblast's code.
Counting per oblast merges overlapping alerts (``saydo.store.alerts.oblast_alert_intervals``), so an oblast alert
with hromada alerts inside it counts once.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from saydo.ingest.observations.base import RowError, expect_header, register  # noqa: F401  (RowError: re-export)
from saydo.ingest.observations.bulk import Plan, sql_repr
from saydo.resolve.regions import region_code

EVENT_TYPE = "air_raid_alert"

# Alerts the logs leave out: one permanent alert each, running since these times (UTC). The check engine never uses
# these regions as alert-based controls.
PERMANENT_ALERTS = {
    "UA-09": datetime(2022, 4, 4, 16, 45, tzinfo=timezone.utc),   # Luhansk oblast
    "UA-43": datetime(2022, 12, 10, 22, 22, tzinfo=timezone.utc),  # Crimea
}


def _alert_checks(start: str, end: str) -> list[tuple[str, str]]:
    """Why a row's period can't be read, in SQL over the raw start and end fields."""
    return [
        ("started_at IS NULL", f"'started_at ' || {sql_repr(start)} || ' is not a date-time like "
                               f"2022-03-15 16:10:34+00:00'"),
        ("finished_at IS NULL", f"'finished_at ' || {sql_repr(end)} || ' is not a date-time like "
                                f"2022-03-15 16:50:07+00:00'"),
        ("finished_at < started_at", f"'finished_at ' || {end} || ' is before started_at ' || {start}"),
    ]


def _oblast(name: str) -> tuple[str, str] | None:
    code = region_code(name)
    return (code, "name") if code else None


class AlertLog:
    """What both logs share: the header check, the field count, the period, and the reason for a bad row.

    Times go through DuckDB's ``TRY_CAST(... AS TIMESTAMPTZ)`` with the session in UTC: ISO 8601 with or without an
    offset (one without is UTC, as the logs are)."""

    name = ""
    source = ""
    description = ""
    header: list[str] = []
    delimiter = ","
    has_header = True
    quoting = True

    def matches(self, header: list[str]) -> bool:
        return header == self.header

    def shape(self) -> str:
        n = len(self.header)
        return (f"CASE WHEN len(f) <> {n} THEN 'expected {n} fields ({','.join(self.header)}), found ' "
                f"|| len(f) END")

    def plan(self, path: Path, header: list[str] | None) -> Plan:
        expect_header(path, self.header, self.name, header)
        return self._plan()

    def _plan(self) -> Plan:
        raise NotImplementedError


class VolunteerAlerts(AlertLog):
    name = "alerts-volunteer"
    source = "alerts.volunteer"
    description = "Ukrainian air-raid alerts, volunteer log: region,started_at,finished_at,naive"
    header = ["region", "started_at", "finished_at", "naive"]

    def _plan(self) -> Plan:
        naive = "lower(trim(f[4]))"
        return Plan(
            columns={"event_type": f"'{EVENT_TYPE}'", "_start": "trim(f[2])", "_end": "trim(f[3])",
                     "started_at": "TRY_CAST(trim(f[2]) AS TIMESTAMPTZ)",
                     "finished_at": "TRY_CAST(trim(f[3]) AS TIMESTAMPTZ)",
                     "level": f"CASE WHEN {naive} = 'true' THEN 'oblast/naive' ELSE 'oblast' END"},
            name="f[1]", shape=self.shape(), resolve_name=_oblast, use_points=False,
            no_region=f"'unknown region ' || {sql_repr('_name')} || ': not an oblast name of ISO 3166-2:UA'",
            checks=_alert_checks("_start", "_end") + [
                (f"{naive} NOT IN ('true', 'false')", f"'naive is ' || {sql_repr('trim(f[4])')} || "
                                                      f"', expected True or False'")],
        )


class OfficialAlerts(AlertLog):
    name = "alerts-official"
    source = "alerts.official"
    description = "Ukrainian air-raid alerts, official log: oblast,raion,hromada,level,started_at,finished_at,source"
    header = ["oblast", "raion", "hromada", "level", "started_at", "finished_at", "source"]
    levels = ("oblast", "raion", "hromada")

    def _plan(self) -> Plan:
        # on a few rows the source swapped the oblast and raion columns ("Lubenskyi raion,Poltavska oblast,...")
        swapped = "(lower(trim(f[1])) LIKE '%raion' AND lower(trim(f[2])) LIKE '%oblast')"
        raion = f"CASE WHEN {swapped} THEN trim(f[1]) ELSE trim(f[2]) END"
        levels = ", ".join(f"'{v}'" for v in self.levels)
        return Plan(
            columns={"event_type": f"'{EVENT_TYPE}'", "_start": "trim(f[5])", "_end": "trim(f[6])",
                     "started_at": "TRY_CAST(trim(f[5]) AS TIMESTAMPTZ)",
                     "finished_at": "TRY_CAST(trim(f[6]) AS TIMESTAMPTZ)", "level": "trim(f[4])",
                     "subregion": f"nullif(concat_ws(' / ', nullif({raion}, ''), nullif(trim(f[3]), '')), '')"},
            name=f"CASE WHEN {swapped} THEN f[2] ELSE f[1] END", shape=self.shape(), resolve_name=_oblast,
            use_points=False,
            no_region=f"'unknown oblast ' || {sql_repr('_name')} || ': not an oblast name of ISO 3166-2:UA'",
            checks=[(f"level NOT IN ({levels})", f"'level is ' || {sql_repr('level')} || "
                                                 f"', expected one of oblast, raion, hromada'")]
            + _alert_checks("_start", "_end"),
        )


register(VolunteerAlerts())
register(OfficialAlerts())
