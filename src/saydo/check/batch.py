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

ENGINE_VERSION = "3"  # bump when the statistics or the explanations change, so stored results are recomputed
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
    _quiet: dict = field(default_factory=dict)

    def gap(self, first: datetime, last: datetime) -> str | None:
        """Why [first, last) can't be read as "nothing happened": a run of whole days with no row of this source in
        any region, longer than its usual quiet spells — the ``quiet_quantile`` of the lengths of its other runs of
        empty days (``rules.toml`` ``[coverage]``), never below ``min_gap_hours``; None when there is none."""
        import numpy as np

        if "days" not in self._quiet:
            self._quiet.update(_quiet_days(self))
        days, origin, runs = self._quiet["days"], self._quiet["origin"], self._quiet["runs"]
        cover = self.rules.coverage
        floor = cover.min_gap_hours / 24
        if days is None or not len(runs):
            return None
        a = (int(first.timestamp()) - origin) // DAY
        b = -(-(int(last.timestamp()) - origin) // DAY)
        inside = (runs[:, 0] < b) & (runs[:, 0] + runs[:, 1] > a)
        if not inside.any():
            return None
        longest = int(runs[inside, 1].max())
        if longest <= floor:
            return None
        others = runs[~inside, 1]
        usual = max(float(np.quantile(others, cover.quiet_quantile)) if len(others) else 0.0, floor)
        if longest <= usual:
            return None
        where = runs[inside][int(np.argmax(runs[inside, 1]))]
        end = datetime.fromtimestamp(origin + int(where[0] + where[1]) * DAY, tz=first.tzinfo)
        return (f"{self.source} has no row at all, in any region, for {longest} days in a row (to {end:%Y-%m-%d}), "
                f"longer than its usual quiet spells ({usual:g} days at most): a gap in the source, not a quiet "
                f"time.")

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


DAY = 86400


def _quiet_days(batch: Batch) -> dict:
    """The source's rows per UTC day (all regions) and its runs of days with no row at all, as (first day, length)
    in day indices, inside its data."""
    import numpy as np

    metric = "alerts" if "alerts" in batch.rules.metrics else "events"
    binned = batch.grid.binned(batch.source, DAY, 0)
    if not binned.values[metric].size or batch.extent is None:
        return {"days": None, "origin": 0, "runs": np.zeros((0, 2), int)}
    days = binned.values[metric].sum(0)
    lo = max(0, -(-(int(batch.extent[0].timestamp()) - binned.origin) // DAY))
    hi = min(len(days), (int(batch.extent[1].timestamp()) - binned.origin) // DAY)
    empty = np.concatenate([[False], days[lo:hi] == 0, [False]])
    edges = np.flatnonzero(np.diff(empty.astype(int)))
    starts, ends = edges[0::2], edges[1::2]
    runs = np.stack([starts + lo, ends - starts], axis=1) if len(starts) else np.zeros((0, 2), int)
    return {"days": days, "origin": binned.origin, "runs": runs}


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
