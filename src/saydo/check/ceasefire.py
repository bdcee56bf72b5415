"""The ceasefire template for many truces at once: each window against the same clock window of earlier weeks.

Bins are as long as the longest length that divides both a day and the truce (36 hours -> 12-hour bins) and start at
the truce's clock time, so the window and its weekly repeats are whole bins of the source's series.
"""

from __future__ import annotations

from datetime import timedelta
from math import gcd

import numpy as np

from saydo.check.batch import COUNT_METRICS, Batch, ci_of, ratio_of, value
from saydo.check.calibrate import interval, log_ratio
from saydo.check.closed_forms import RATE_METHODS, rate_ratios
from saydo.check.effects import pledged_effect
from saydo.check.explain import explain_ceasefire
from saydo.check.hypotheses import Hypothesis
from saydo.check.verdicts import data_gate, decide
from saydo.records import Check, Did, Measure, Period

DAY = 86400


def bin_size(hypo: Hypothesis, base: int) -> int:
    length = int((hypo.end - hypo.start).total_seconds())
    return max(gcd(DAY, length % DAY or DAY), base) if length > 0 else DAY


def check_ceasefire_batch(batch: Batch, hypos: list[Hypothesis]) -> list[Check]:
    return [_one(batch, h) for h in hypos]  # truces are few; each is a handful of array slices


def _one(batch: Batch, hypo: Hypothesis) -> Check:
    cease, cal = batch.rules.ceasefire, batch.rules.calibration
    source, weeks = batch.source, cease.baseline_weeks
    start, end = hypo.start, hypo.end
    window_days = max(1, round((end - start).total_seconds() / DAY))
    effect = pledged_effect(hypo, batch.rules)

    def finish(verdict: str, reason: str, measures=(), fp=None, calibrated=None, pretrend=None, after=False
               ) -> Check:
        text = explain_ceasefire(verdict=verdict, reason=reason, source=source, regions=hypo.regions,
                                 measures=list(measures), weeks=weeks, after=after, calibrated=calibrated,
                                 rules_text=cease.describe() + f" Pledged effect: θ = {effect.theta:g} "
                                                               f"({effect.implied()}). " + cal.describe())
        return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=source,
                     window_days=window_days, start=start, end=end, measures=tuple(measures), as_of=batch.as_of,
                     template="ceasefire", fingerprint=fp, calibrated=calibrated, effect=effect.to_json(),
                     pretrend=pretrend)

    size = bin_size(hypo, batch.grid.bin_seconds)
    binned = batch.grid.binned(source, size, int(start.timestamp()) % size)
    regions = [r for r in hypo.regions if r in binned.regions and r in batch.comparable]
    rows = np.isin(binned.regions, regions).astype(float)[None, :]
    length = int((end - start).total_seconds()) // size
    week = 7 * DAY // size
    i0 = binned.index(start)
    reach = cal.history_weeks + weeks + 1
    ks = np.arange(-reach, reach + 1)  # week offsets from the truce
    lo_bin, hi_bin = _data_bins(batch, binned)
    inside = (i0 + ks * week >= lo_bin) & (i0 + ks * week + length <= hi_bin)  # that week's window is in the data
    totals = {}
    for m in cease.metrics:
        run = binned.sums_at(m, rows, np.concatenate([i0 + ks * week, i0 + ks * week + length])[None, :])[0]
        totals[m] = run[len(ks):] - run[:len(ks)]
    zero = int(np.flatnonzero(ks == 0)[0])
    before_ok = bool(inside[zero - weeks:zero].all())
    after = not before_ok and bool(inside[zero + 1:zero + 1 + weeks].all())
    base_weeks = weeks if (before_ok or after) else int(inside[zero - weeks:zero][::-1].cumprod().sum())
    data = b"".join(t.tobytes() for t in totals.values()) + repr((regions, base_weeks, after)).encode()
    first = start - timedelta(weeks=base_weeks) if not after else start
    last = end + timedelta(weeks=base_weeks) if after else end
    fp = batch.fingerprint(hypo, first, last, data)
    reused = batch.reused(hypo, fp)
    if reused is not None:
        return reused
    gate = data_gate(batch.extent, source, start, end, "the window", "the window")
    if gate:
        return finish(*gate, fp=fp)
    gap = batch.gap(start - timedelta(days=1), end + timedelta(days=1))
    if gap:
        return finish("insufficient_data", gap, fp=fp)
    if not regions:
        return finish("insufficient_data", f"{source} has no comparable rows for {', '.join(hypo.regions)}."
                      + batch.untestable_hint, fp=fp)
    if not (before_ok or after) and base_weeks < cease.min_baseline_weeks:
        return finish("insufficient_data", f"{source} covers only {base_weeks} of the {weeks} weeks before the "
                                           f"truce and not the {weeks} after (at least {cease.min_baseline_weeks} "
                                           f"weeks are needed).", fp=fp)
    sign = 1 if after else -1  # the baseline weeks: before the window, or after it when the data start too late

    def stat(k: int, metric: str):
        idx = [zero + k + sign * j for j in range(1, base_weeks + 1)]
        if min(idx) < 0 or max(idx) >= len(ks) or not inside[idx].all() or not inside[zero + k]:
            return None
        return totals[metric][zero + k], totals[metric][idx].mean()

    measures = []
    for m in cease.metrics:
        window, baseline = stat(0, m)
        idx = [zero + sign * j for j in range(1, base_weeks + 1)]
        est = rate_ratios(totals[m][idx][None, :], np.array([[window]]), counts=m in COUNT_METRICS)
        kind = int(est["kind"][0])
        method = RATE_METHODS[kind].format(phi=est["phi"][0]) if kind in (1, 3) else RATE_METHODS[kind]
        side = "later" if after else "earlier"
        measures.append(Measure(
            metric=m, regions=tuple(regions), group="pledge",
            before=Period(start + sign * timedelta(weeks=base_weeks), end + sign * timedelta(weeks=1),
                          round(float(baseline), 4)),  # a mean of weekly counts, not a count
            after=Period(start, end, value(window, m)),
            ratio=ratio_of(est["ratio"][0]), ci=ci_of(est["lo"][0], est["hi"][0]),
            method=f"window vs mean of {base_weeks} {side} weeks; {method}"))
    primary = cease.primary_metric
    window, baseline = stat(0, primary)
    observed = log_ratio(window, baseline)
    null, pre = [], None
    for k in range(-cal.history_weeks, cal.history_weeks + 1):
        if k == 0 or 1 <= -sign * k <= base_weeks:
            continue  # the truce itself, or a week whose baseline holds it
        got = stat(k, primary)
        if got is not None:
            null.append(log_ratio(*got))
            if k == -1:
                pre = len(null) - 1
    null_arr = np.array(null, dtype=float)
    est = interval(np.array([observed]), null_arr[None, :], np.ones((1, len(null_arr)), bool),
                   level=cal.level, min_windows=cal.min_windows)
    if np.isnan(est["effect"][0]):
        calibrated = Did(primary, float(np.exp(observed)), None,
                         f"not calibrated: {len(null_arr)} placebo weeks in the source's history")
        return finish("insufficient_data", f"only {len(null_arr)} weeks of the source's history to calibrate the "
                                           f"comparison on (at least {cal.min_windows} needed).", measures, fp,
                      calibrated, after=after)
    calibrated = Did(primary, float(est["effect"][0]), (float(est["lo"][0]), float(est["hi"][0])),
                     f"window against the mean of {base_weeks} {'later' if after else 'earlier'} weeks at the same "
                     f"hours (continuity-corrected), calibrated on {len(null_arr)} other weeks of the source's "
                     f"history (spread {est['spread'][0]:.2f} on the log scale), Student-t "
                     f"{100 * cal.level:.0f}% prediction interval")
    pretrend = None
    if pre is not None:
        pretrend = bool(abs(null_arr[pre] - est["shift"][0]) > est["half"][0])
    label = "alerts" if primary == "alerts" else "recorded hostile events"
    verdict, reason = decide(effect, calibrated.ratio, *calibrated.ci, pretrend=bool(pretrend),
                             what=f"{label} in the window, against the same hours of other weeks,")
    return finish(verdict, reason, measures, fp, calibrated, pretrend, after=after)


def _data_bins(batch: Batch, binned) -> tuple[int, int]:
    first, last = batch.extent
    lo = -(-(int(first.timestamp()) - binned.origin) // binned.size)
    hi = (int(last.timestamp()) - binned.origin) // binned.size
    return lo, hi
