"""Pledges about all of Ukraine, where no region is left to compare with: after against before, calibrated in time.

- ``national``: to reduce or stop hostilities across the country (no ceasefire window): alerts (or events) in every
  comparable region, the days after the pledge against the days before;
- ``massive``: "no (need for) massive strikes": days of massive strikes — days on which alerts started in at least
  ``rules.massive_share`` of the comparable regions — after against before.

With no control group the comparison is a ratio in time, so its calibration does the work a control group would: the
same ratio at placebo boundaries every week up to half a year either side shows how much activity moves between two
windows by itself (escalations and lulls included), and the verdict compares the calibrated interval with θ.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from saydo.check.batch import Batch
from saydo.check.calibrate import interval, log_ratio, shifts
from saydo.check.effects import pledged_effect
from saydo.check.explain import change_words, fmt_ratio
from saydo.check.hypotheses import Hypothesis
from saydo.check.verdicts import data_gate, decide
from saydo.records import Check, Did, Measure, Period

DAY = 86400


def check_nationwide_batch(batch: Batch, hypos: list[Hypothesis]) -> list[Check]:
    return [_one(batch, h) for h in hypos]  # nationwide pledges are few


def _series(batch: Batch, binned, template: str) -> tuple[np.ndarray, str]:
    metric = batch.rules.primary_metric
    rows = np.isin(binned.regions, sorted(batch.comparable))
    values = binned.values[metric][rows]
    if template == "massive":
        needed = max(1, int(np.ceil(batch.rules.massive_share * max(int(rows.sum()), 1))))
        return ((values > 0).sum(0) >= needed).astype(float), f"days with {metric} in at least {needed} regions"
    return values.sum(0), metric


def _one(batch: Batch, h: Hypothesis) -> Check:
    w, cal, source = batch.window_days, batch.rules.calibration, batch.source
    effect = pledged_effect(h, batch.rules)
    before, end = h.start - timedelta(days=w), h.start + timedelta(days=w)
    binned = batch.grid.binned(source, DAY, int(h.start.timestamp()) % DAY)
    series, counted = _series(batch, binned, h.template)
    run = np.concatenate([[0.0], np.cumsum(series)])
    base = binned.index(h.start)
    lo_day = -(-(int(batch.extent[0].timestamp()) - binned.origin) // DAY) if batch.extent else 0
    hi_day = (int(batch.extent[1].timestamp()) - binned.origin) // DAY if batch.extent else 0

    def window(first: int) -> float:
        a, b = np.clip([first, first + w], 0, len(run) - 1)
        return float(run[b] - run[a])

    def stat(shift: int) -> float | None:
        b = base + shift
        if b - w < lo_day or b + w > hi_day:
            return None
        return float(log_ratio(window(b), window(b - w)))

    placebo_shifts = shifts(w, cal.history_weeks, cal.step_days)
    pairs = [(int(s), stat(int(s))) for s in placebo_shifts]
    null = np.array([v for _, v in pairs if v is not None])
    data = series[max(base - w - cal.history_weeks * 7, 0):base + w + cal.history_weeks * 7].tobytes()
    fp = batch.fingerprint(h, before, end, data)
    reused = batch.reused(h, fp)
    if reused is not None:
        return reused
    label = "massive-strike days" if h.template == "massive" else (
        "air-raid alerts" if batch.rules.primary_metric == "alerts" else "recorded hostile events")
    b_val, a_val = window(base - w), window(base)
    measure = Measure(metric="massive_days" if h.template == "massive" else batch.rules.primary_metric,
                      regions=tuple(sorted(batch.comparable & set(binned.regions))), group="national",
                      before=Period(before, h.start, b_val), after=Period(h.start, end, a_val),
                      ratio=(a_val / b_val) if b_val else None, ci=None, method=f"{counted}, all of Ukraine")

    def finish(verdict: str, reason: str, calibrated: Did | None = None, pretrend: bool | None = None) -> Check:
        parts = [f"Verdict: {verdict.replace('_', ' ')} — {reason}"]
        if calibrated is not None and calibrated.ci is not None:
            parts.append(f"Deciding figure: {label}, {fmt_ratio(calibrated.ratio, calibrated.ci)} — "
                         f"{calibrated.method}.")
        parts.append(f"In the {w} days after the pledge, {label} in all of Ukraine {change_words(measure.ratio)} "
                     f"({b_val:.0f} → {a_val:.0f}). The pledge concerns the whole country, so there is no control "
                     f"region: the source's own history is the comparison.")
        if h.template == "massive":
            parts.append(f"A massive-strike day is a day on which {counted.split('in ')[-1]} saw alerts start "
                         f"(rules.toml [massive] share = {batch.rules.massive_share:g} of the compared regions).")
        parts.append(f"Source: {source} only (sources are never added together). Pledged effect: θ = "
                     f"{effect.theta:g} ({effect.implied()}). {cal.describe()}")
        return Check(statement=h.statement.id, verdict=verdict, explanation=" ".join(parts), source=source,
                     window_days=w, start=h.start, measures=(measure,), as_of=batch.as_of, template=h.template,
                     fingerprint=fp, calibrated=calibrated, effect=effect.to_json(), pretrend=pretrend)

    gate = data_gate(batch.extent, source, before, end, "the after-window", "the before-window")
    if gate:
        return finish(*gate)
    gap = batch.gap(before, end)
    if gap:
        return finish("insufficient_data", gap)
    observed = stat(0)
    est = interval(np.array([observed]), null[None, :], np.ones((1, len(null)), bool), level=cal.level,
                   min_windows=cal.min_windows)
    if np.isnan(est["effect"][0]):
        return finish("insufficient_data", f"only {len(null)} windows of the source's history to calibrate the "
                                           f"comparison on (at least {cal.min_windows} needed).")
    calibrated = Did(measure.metric, float(est["effect"][0]), (float(est["lo"][0]), float(est["hi"][0])),
                     f"after against before (continuity-corrected), calibrated on {len(null)} placebo boundaries of "
                     f"the source's history (spread {est['spread'][0]:.2f} on the log scale), Student-t "
                     f"{100 * cal.level:.0f}% prediction interval")
    prior = dict(pairs).get(-w)
    pretrend = None if prior is None else bool(abs(prior - est["shift"][0]) > est["half"][0])
    verdict, reason = decide(effect, calibrated.ratio, *calibrated.ci, pretrend=bool(pretrend),
                             what=f"{label} in all of Ukraine")
    return finish(verdict, reason, calibrated, pretrend)
