"""The ceasefire template for many truces at once: each window against the same clock window of earlier weeks.

Bins are as long as the longest length that divides both a day and the truce (36 hours -> 12-hour bins) and start at
the truce's clock time, so the window and its weekly repeats are whole bins of the source's series.
"""

from __future__ import annotations

from datetime import timedelta
from math import gcd

import numpy as np

from saydo.check.batch import COUNT_METRICS, Batch, ci_of, ratio_of, value
from saydo.check.closed_forms import RATE_METHODS, rate_ratios
from saydo.check.explain import explain_ceasefire
from saydo.check.hypotheses import Hypothesis
from saydo.check.verdicts import classify, combine, data_gate
from saydo.records import Check, Did, Measure, Period

DAY = 86400


def bin_size(hypo: Hypothesis, base: int) -> int:
    length = int((hypo.end - hypo.start).total_seconds())
    return max(gcd(DAY, length % DAY or DAY), base) if length > 0 else DAY


def check_ceasefire_batch(batch: Batch, hypos: list[Hypothesis]) -> list[Check]:
    return [_one(batch, h) for h in hypos]  # truces are few; each is a handful of array slices


def _one(batch: Batch, hypo: Hypothesis) -> Check:
    cease = batch.rules.ceasefire
    source, weeks = batch.source, cease.baseline_weeks
    start, end = hypo.start, hypo.end
    window_days = max(1, round((end - start).total_seconds() / DAY))
    first = start - timedelta(weeks=weeks)

    def finish(verdict: str, reason: str, measures=(), fp=None) -> Check:
        text = explain_ceasefire(verdict=verdict, reason=reason, source=source, regions=hypo.regions,
                                 measures=list(measures), weeks=weeks, rules_text=cease.describe())
        return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=source,
                     window_days=window_days, start=start, end=end, measures=tuple(measures), as_of=batch.as_of,
                     template="ceasefire", fingerprint=fp)

    size = bin_size(hypo, batch.grid.bin_seconds)
    binned = batch.grid.binned(source, size, int(start.timestamp()) % size)
    regions = [r for r in hypo.regions if r in binned.regions and r in batch.comparable]
    rows = np.isin(binned.regions, regions)
    length = int((end - start).total_seconds()) // size
    week = 7 * DAY // size
    i0 = binned.index(start)
    totals = {}
    for m in cease.metrics:
        got = [binned.take(m, np.array([i0 - k * week]), length)[0][rows].sum() for k in range(weeks + 1)]
        totals[m] = np.array(got, dtype=float)
    data = b"".join(t.tobytes() for t in totals.values()) + repr(regions).encode()
    fp = batch.fingerprint(hypo, first, end, data)
    reused = batch.reused(hypo, fp)
    if reused is not None:
        return reused
    gate = data_gate(batch.extent, source, first, end, "the window", "the baseline")
    if gate:
        return finish(*gate, fp=fp)
    if not regions:
        return finish("insufficient_data", f"{source} has no comparable rows for {', '.join(hypo.regions)}."
                      + batch.untestable_hint, fp=fp)
    measures = []
    for m, t in totals.items():
        est = rate_ratios(t[None, 1:], t[None, :1], counts=m in COUNT_METRICS)
        kind = int(est["kind"][0])
        method = RATE_METHODS[kind].format(phi=est["phi"][0]) if kind in (1, 3) else RATE_METHODS[kind]
        measures.append(Measure(
            metric=m, regions=tuple(regions), group="pledge",
            before=Period(first, end - timedelta(weeks=1), value(t[1:].mean(), m)),
            after=Period(start, end, value(t[0], m)),
            ratio=ratio_of(est["ratio"][0]), ci=ci_of(est["lo"][0], est["hi"][0]),
            method=f"window vs mean of {weeks} earlier weeks; {method}"))
    baseline = totals[cease.primary_metric][1:].sum()
    if baseline < cease.min_baseline_alerts:
        return finish("insufficient_data", f"only {baseline:.0f} {cease.primary_metric.replace('_', '-')} across the "
                                           f"baseline windows (at least {cease.min_baseline_alerts} needed).",
                      measures, fp)
    status = {m.metric: classify(Did(m.metric, m.ratio, m.ci), cease) for m in measures}
    verdict, reason = combine(status, cease.primary_metric, cease.meaningful_reduction,
                              "fewer alerts in the window than in the same hours of earlier weeks")
    return finish(verdict, reason, measures, fp)
