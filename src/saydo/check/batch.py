"""What every template's batch needs: one source's series, rules and cut-off, and the stored results to reuse.

A check's fingerprint is what it read: the pledge as extracted, the template, rules and window length, the engine
version, the source's binned values over every window it reads (before, after, placebo, baseline weeks) for every
region it compares, the territory figures beside a withdrawal by Russia, and where the source's data start or end
when that falls inside the range read (it decides `too_early` and `insufficient_data`). When a stored result of the
same statement, source and cut-off carries the same fingerprint, it stands and is not recomputed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from math import isnan

from saydo.check.binned import ActivityGrid
from saydo.check.hypotheses import Hypothesis
from saydo.check.rules import ReduceRules
from saydo.records import Check, Territory

ENGINE_VERSION = "2"  # bump when the statistics or the explanations change, so stored results are recomputed
COUNT_METRICS = ("alerts", "events", "fatalities")


@dataclass
class Batch:
    source: str
    rules: ReduceRules
    window_days: int
    as_of: datetime | None
    extent: tuple[datetime, datetime] | None
    grid: ActivityGrid
    comparable: frozenset[str]  # regions this source can compare (alert logs leave some out)
    previous: dict[str, tuple[str, str]] = field(default_factory=dict)  # statement id -> (fingerprint, result id)
    load: Callable[[str], dict] | None = None  # a stored result by id
    untestable_hint: str = ""
    territory: dict[str, tuple[Territory, ...]] = field(default_factory=dict)  # statement id -> figures (withdrawals)
    _settings: str | None = None

    def fingerprint(self, hypo: Hypothesis, first: datetime, last: datetime, data: bytes = b"") -> str:
        s = hypo.statement
        if self._settings is None:
            self._settings = repr((ENGINE_VERSION, self.window_days, self.rules, self.source))
        pledge = repr((s.id, s.text, s.places, s.window, s.published, hypo.template, hypo.regions)) + self._settings
        if s.id in self.territory:  # only withdrawals read it: other checks keep the fingerprints they had
            pledge += repr(self.territory[s.id])
        edges = (None if self.extent is None else (max(first, self.extent[0]).isoformat(),
                                                   min(last, self.extent[1]).isoformat()))
        digest = hashlib.blake2b(data, digest_size=10)
        digest.update(repr(edges).encode())
        return f"{digest.hexdigest()}:{hashlib.sha256(pledge.encode()).hexdigest()[:12]}"

    def reused(self, hypo: Hypothesis, fingerprint: str) -> Check | None:
        found = self.previous.get(hypo.statement.id)
        if found and found[0] == fingerprint and self.load is not None:
            return Check.from_json(self.load(found[1]), reused=True)
        return None


def value(total: float, metric: str) -> float:
    return int(round(total)) if metric in COUNT_METRICS else round(total, 4)


def ci_of(lo: float, hi: float) -> tuple[float, float] | None:
    return None if isnan(lo) or isnan(hi) else (float(lo), float(hi))


def ratio_of(r: float) -> float | None:
    return None if isnan(r) else float(r)


def day_aligned(start: datetime, base_seconds: int) -> datetime:
    """The start rounded down to the base grid (a no-op unless a window edge falls finer than the grid)."""
    extra = int(start.timestamp()) % base_seconds
    return start - timedelta(seconds=extra, microseconds=start.microsecond)
