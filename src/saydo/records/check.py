"""The result of checking one pledge against observations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

VERDICTS = ("kept", "partly_kept", "broken", "too_early", "insufficient_data")
METRICS = ("alerts", "alert_hours")
GROUPS = ("region", "pledge", "control")


@dataclass(frozen=True, slots=True)  # thousands per run: slots make them cheap to build
class Period:
    """A half-open window [start, end) and the value measured in it."""

    start: datetime
    end: datetime
    value: float | None

    def to_json(self) -> dict:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(), "value": self.value}


@dataclass(frozen=True, slots=True)  # thousands per run: slots make them cheap to build
class Measure:
    """One metric for one group of regions, before and after, with the after/before ratio and its 95% interval."""

    metric: str
    regions: tuple[str, ...]
    group: str
    before: Period
    after: Period
    ratio: float | None
    ci: tuple[float, float] | None
    method: str = ""

    def to_json(self) -> dict:
        return {
            "metric": self.metric,
            "regions": list(self.regions),
            "group": self.group,
            "before": self.before.to_json(),
            "after": self.after.to_json(),
            "ratio": self.ratio,
            "ci": list(self.ci) if self.ci else None,
            "method": self.method,
        }


@dataclass(frozen=True, slots=True)  # thousands per run: slots make them cheap to build
class Did:
    """Difference in differences: (pledge after/before) / (control after/before)."""

    metric: str
    ratio: float | None
    ci: tuple[float, float] | None
    method: str = ""

    def to_json(self) -> dict:
        return {"metric": self.metric, "ratio": self.ratio, "ci": list(self.ci) if self.ci else None,
                "method": self.method}


@dataclass(frozen=True)
class Territory:
    """The area held by Russian forces in all of Ukraine (km², a national total from one territory series) on three
    days: ``before_day`` (the pledge start minus the window), ``start_day`` (the start's UTC date) and ``end_day``
    (the after-window's end). An area is None when the series has no row for that day; ``finding`` says what the
    after-window's change was (``fell``, ``rose``, ``steady`` within ``min_change_km2``, or ``not_covered``) and
    ``note`` why a figure is missing."""

    source: str
    before_day: date
    start_day: date
    end_day: date
    before_km2: float | None
    start_km2: float | None
    end_km2: float | None
    finding: str
    min_change_km2: float
    series: tuple[date, date] | None = None  # the first and last day the series has (as known at the cut-off)
    note: str = ""

    @property
    def change_before_km2(self) -> float | None:
        return None if self.before_km2 is None or self.start_km2 is None else self.start_km2 - self.before_km2

    @property
    def change_after_km2(self) -> float | None:
        return None if self.start_km2 is None or self.end_km2 is None else self.end_km2 - self.start_km2

    def to_json(self) -> dict:
        def point(day: date, area: float | None) -> dict:
            return {"day": day.isoformat(), "area_km2": area}

        def rounded(value: float | None) -> float | None:
            return None if value is None else round(value, 3)

        return {
            "source": self.source,
            "scope": "national",
            "before": point(self.before_day, self.before_km2),
            "start": point(self.start_day, self.start_km2),
            "end": point(self.end_day, self.end_km2),
            "change_before_km2": rounded(self.change_before_km2),
            "change_after_km2": rounded(self.change_after_km2),
            "finding": self.finding,
            "min_change_km2": self.min_change_km2,
            "series": [d.isoformat() for d in self.series] if self.series else None,
            "note": self.note,
        }

    @classmethod
    def from_json(cls, data: dict) -> Territory:
        day = date.fromisoformat
        return cls(source=data["source"], before_day=day(data["before"]["day"]), start_day=day(data["start"]["day"]),
                   end_day=day(data["end"]["day"]), before_km2=data["before"]["area_km2"],
                   start_km2=data["start"]["area_km2"], end_km2=data["end"]["area_km2"], finding=data["finding"],
                   min_change_km2=data["min_change_km2"],
                   series=tuple(day(d) for d in data["series"]) if data.get("series") else None,
                   note=data.get("note", ""))


@dataclass(frozen=True)
class Check:
    """A verdict on one pledge from one observation source, with every figure that led to it."""

    statement: str
    verdict: str
    explanation: str
    source: str
    window_days: int
    start: datetime
    measures: tuple[Measure, ...] = ()
    did: Did | None = None
    dids: tuple[Did, ...] = field(default=())
    as_of: datetime | None = None
    template: str = "reduce"
    end: datetime | None = None
    placebo: Did | None = None
    fingerprint: str | None = None  # what the check read: when it is unchanged, the stored result stands
    # a withdrawal by Russia: the held area from each territory series (empty when none is loaded); None otherwise
    territory: tuple[Territory, ...] | None = None
    reused: bool = False  # taken from the store, not recomputed (not part of the JSON)
    # The deciding figure: the metric that decides, its ratio (with the pledge against the source's own history) and
    # the calibrated 95% interval, with how many placebo windows calibrated it; None for checks decided otherwise.
    calibrated: Did | None = None
    # The pledged effect the verdict was decided against: {"theta", "label", "graded", "increase"}.
    effect: dict | None = None
    # The comparison already moved beyond chance in the window before the pledge (None: not measured).
    pretrend: bool | None = None

    @classmethod
    def from_json(cls, data: dict, *, reused: bool = False) -> Check:
        def period(p: dict) -> Period:
            return Period(datetime.fromisoformat(p["start"]), datetime.fromisoformat(p["end"]), p["value"])

        def did(d: dict | None) -> Did | None:
            return Did(d["metric"], d["ratio"], tuple(d["ci"]) if d.get("ci") else None, d.get("method", "")) \
                if d else None

        return cls(
            statement=data["statement"], verdict=data["verdict"], explanation=data["explanation"],
            source=data["source"], window_days=data["window_days"], start=datetime.fromisoformat(data["start"]),
            measures=tuple(Measure(m["metric"], tuple(m["regions"]), m["group"], period(m["before"]),
                                   period(m["after"]), m["ratio"], tuple(m["ci"]) if m.get("ci") else None,
                                   m.get("method", "")) for m in data.get("measures", [])),
            did=did(data.get("did")), dids=tuple(did(d) for d in data.get("dids", [])),
            as_of=datetime.fromisoformat(data["as_of"]) if data.get("as_of") else None,
            template=data.get("template", "reduce"),
            end=datetime.fromisoformat(data["end"]) if data.get("end") else None,
            placebo=did(data.get("placebo")), fingerprint=data.get("fingerprint"), reused=reused,
            territory=(tuple(Territory.from_json(t) for t in data["territory"])
                       if data.get("territory") is not None else None),
            calibrated=did(data.get("calibrated")), effect=data.get("effect"), pretrend=data.get("pretrend"),
        )

    def to_json(self) -> dict:
        return {
            "statement": self.statement,
            "verdict": self.verdict,
            "explanation": self.explanation,
            "source": self.source,
            "window_days": self.window_days,
            "start": self.start.isoformat(),
            "end": self.end.isoformat() if self.end else None,
            "template": self.template,
            "measures": [m.to_json() for m in self.measures],
            "did": self.did.to_json() if self.did else None,
            "dids": [d.to_json() for d in self.dids],
            "placebo": self.placebo.to_json() if self.placebo else None,
            "as_of": self.as_of.isoformat() if self.as_of else None,
            "fingerprint": self.fingerprint,
            "territory": [t.to_json() for t in self.territory] if self.territory is not None else None,
            "calibrated": self.calibrated.to_json() if self.calibrated else None,
            "effect": self.effect,
            "pretrend": self.pretrend,
        }
