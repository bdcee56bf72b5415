"""The DiD templates for many pledges at once: reduce, increase (shift of effort), withdraw, and no-strike pledges
checked on alert logs.

The deciding figure is the difference in differences of the deciding metric (alerts counted by start): pledge regions
against control regions, after against before, with a continuity correction, calibrated on the source's own history
(``calibrate``): the same figure at placebo boundaries every week up to half a year either side gives its noise, and
the verdict compares the calibrated interval with the pledged effect θ (``verdicts.decide``). The window sums at all
those boundaries come from running totals gathered at once (``Binned.sums_at``): no per-pledge query or loop over
days.

Beside it, for every metric, the model-based figures a reader checks by hand: for every pledge the days
``[start - 2N, start + N)`` of every region are one slice of the source's daily series (``Binned.take``), the first N
days the placebo's before-window, the next N the before-window, the last N the after-window, with quasi-Poisson
intervals in closed form (``closed_forms``). Only the explanation is written pledge by pledge.
"""

from __future__ import annotations

from datetime import timedelta
from math import isnan

import numpy as np

from saydo.check.batch import COUNT_METRICS, Batch, ci_of, ratio_of
from saydo.check.calibrate import boundary_offsets, did_statistics, interval, shifts
from saydo.check.closed_forms import DID_METHOD, DID_UNDEFINED, RATE_METHODS, did_ratios, rate_ratios
from saydo.check.effects import pledged_effect
from saydo.check.explain import explain
from saydo.check.hypotheses import Hypothesis
from saydo.check.verdicts import data_gate, decide
from saydo.records import Check, Did, Measure, Period

DAY = 86400
CHUNK = 1024


def check_reduce_batch(batch: Batch, hypos: list[Hypothesis]) -> list[Check]:
    out: list[Check] = []
    by_phase: dict[int, list[Hypothesis]] = {}
    for h in hypos:
        by_phase.setdefault(int(h.start.timestamp()) % DAY, []).append(h)
    for phase, group in by_phase.items():
        for i in range(0, len(group), CHUNK):
            out.extend(_chunk(batch, group[i:i + CHUNK], phase))
    return out


def _early(batch: Batch, hypo: Hypothesis, verdict: str, reason: str, fingerprint: str) -> Check:
    rules = batch.rules
    territory = batch.territory.get(hypo.statement.id)
    text = explain(verdict=verdict, reason=reason, source=batch.source, regions=hypo.regions,
                   window_days=batch.window_days, measures=[], dids=[],
                   rules_text=rules.describe() + _territory_rule(rules, territory),
                   territory=territory)
    return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=batch.source,
                 window_days=batch.window_days, start=hypo.start, as_of=batch.as_of, template=hypo.template,
                 fingerprint=fingerprint, territory=territory)


def _chunk(batch: Batch, hypos: list[Hypothesis], phase: int) -> list[Check]:
    w = batch.window_days
    binned = batch.grid.binned(batch.source, DAY, phase)
    regions = binned.regions
    present = [r for r in regions if r in batch.comparable]
    member_row = np.isin(regions, present)
    results: dict[int, Check] = {}
    live: list[int] = []
    for k, h in enumerate(hypos):
        before_start, after_end = h.start - timedelta(days=w), h.start + timedelta(days=w)
        gate = data_gate(batch.extent, batch.source, before_start, after_end, "the after-window",
                         "the before-window")
        pledge_regions = [r for r in h.regions if r in present]
        if gate is None:
            gap = batch.gap(before_start, after_end)
            gate = ("insufficient_data", gap) if gap else None
        if gate is None and not pledge_regions:
            gate = ("insufficient_data", f"{batch.source} has no comparable rows for {', '.join(h.regions)}."
                    + batch.untestable_hint)
        if gate is not None:
            fp = batch.fingerprint(h, before_start, after_end)
            results[k] = batch.reused(h, fp) or _early(batch, h, *gate, fp)
        else:
            live.append(k)
    if live:
        _measure_live(batch, [hypos[k] for k in live], binned, member_row, results, live)
    return [results[k] for k in range(len(hypos))]


def _measure_live(batch: Batch, hypos: list[Hypothesis], binned, member_row, results: dict, keys: list[int]) -> None:
    w = batch.window_days
    rules = batch.rules
    metrics = rules.metrics + tuple(m for m in rules.reported if m not in rules.metrics)
    regions = np.array(binned.regions)
    first = np.array([binned.index(h.start) - 2 * w for h in hypos])
    treated = np.array([np.isin(regions, h.regions) for h in hypos]) & member_row[None, :]
    member = np.broadcast_to(member_row, treated.shape)
    control = member & ~treated
    series = {m: binned.take(m, first, 3 * w) for m in metrics}  # (n, regions, 3w)
    stats = {m: _stats(series[m], treated, control, member, w, counts=m in COUNT_METRICS) for m in metrics}
    primary = rules.primary_metric
    names = [str(r) for r in regions]
    pledge_rows = [np.flatnonzero(row).tolist() for row in treated]
    compared = repr(list(regions[member_row])).encode()
    control_names: dict[bytes, tuple[str, ...]] = {}  # most pledges share a control set: name each set once

    def named(idx: np.ndarray) -> tuple[str, ...]:
        key = idx.tobytes()
        if key not in control_names:
            control_names[key] = tuple(names[r] for r in idx.tolist())
        return control_names[key]

    decision = _calibrated(batch, hypos, binned, treated, control, member_row)
    for i, h in enumerate(hypos):
        before_start, after_end = h.start - timedelta(days=w), h.start + timedelta(days=w)
        placebo_ok = h.start - timedelta(days=2 * w) >= batch.extent[0]
        read_from = h.start - timedelta(days=2 * w) if placebo_ok else before_start
        data = b"".join(np.ascontiguousarray(series[m][i][member_row]).tobytes() for m in metrics)
        fp = batch.fingerprint(h, read_from, after_end, data + compared + decision["data"][i])
        reused = batch.reused(h, fp)
        if reused is not None:
            results[keys[i]] = reused
            continue
        windows = (Period(before_start, h.start, None), Period(h.start, after_end, None))
        measures, dids = [], []
        pledge_idx = pledge_rows[i]
        for m in metrics:
            st = stats[m]
            for r in pledge_idx:
                measures.append(_measure(m, (names[r],), "region", windows, st["region"], (i, r)))
            measures.append(_measure(m, tuple(names[r] for r in pledge_idx), "pledge", windows, st["pledge"], i))
            active = named(st["active"][i])
            measures.append(_measure(m, active, "control", windows, st["control"], i))
            d = st["did"]
            dids.append(Did(m, ratio_of(d["ratio"][i]), ci_of(d["lo"][i], d["hi"][i]),
                            DID_METHOD.format(phi=d["phi"][i]) if not isnan(d["ratio"][i]) else DID_UNDEFINED))
        placebo = None
        if placebo_ok:
            p = stats[primary]["placebo"]
            placebo = Did(primary, ratio_of(p["ratio"][i]), ci_of(p["lo"][i], p["hi"][i]),
                          f"placebo: the same model on the {w} days before vs the {w} days before those; "
                          + (DID_METHOD.format(phi=p["phi"][i]) if not isnan(p["ratio"][i]) else DID_UNDEFINED))
        effect = pledged_effect(h, rules)
        calibrated, pretrend = decision["figure"][i], decision["pretrend"][i]
        control_count = len(named(stats[primary]["active"][i]))
        what = "alerts" if primary == "alerts" else "recorded hostile events"
        pledged_before = next((m.before.value for m in measures if m.group == "pledge" and m.metric == primary), 0)
        if pledged_before < rules.min_before_alerts:
            verdict, reason = "insufficient_data", (
                f"only {pledged_before:.0f} {what} in the pledge regions before the pledge (at least "
                f"{rules.min_before_alerts} needed): too few for any cut to show, even none at all after.")
        elif control_count < rules.min_control_regions:
            verdict, reason = "insufficient_data", (f"only {control_count} control regions with {what} "
                                                    f"(at least {rules.min_control_regions} needed).")
        elif calibrated.ci is None:
            verdict, reason = "insufficient_data", (
                f"only {decision['windows'][i]} windows of the source's history to calibrate the comparison on "
                f"(at least {rules.calibration.min_windows} needed): the data can't say how much it moves by itself.")
        else:
            verdict, reason = decide(effect, calibrated.ratio, *calibrated.ci, pretrend=bool(pretrend),
                                     what=f"{what} in the pledge regions, relative to the rest of Ukraine,")
        territory = batch.territory.get(h.statement.id)
        text = explain(verdict=verdict, reason=reason, source=batch.source, regions=tuple(names[r] for r in pledge_idx),
                       window_days=w, measures=measures, dids=dids,
                       rules_text=_rules_text(rules, h.template, effect) + _territory_rule(rules, territory),
                       placebo=placebo, territory=territory, calibrated=calibrated)
        did = next(d for d in dids if d.metric == primary)
        results[keys[i]] = Check(
            statement=h.statement.id, verdict=verdict, explanation=text, source=batch.source, window_days=w,
            start=h.start, measures=tuple(measures), did=did, dids=tuple(dids), as_of=batch.as_of,
            template=h.template, placebo=placebo, fingerprint=fp, territory=territory, calibrated=calibrated,
            effect=effect.to_json(), pretrend=None if pretrend is None else bool(pretrend))


def _calibrated(batch: Batch, hypos: list[Hypothesis], binned, treated: np.ndarray, control: np.ndarray,
                member_row: np.ndarray) -> dict:
    """The deciding figure of every pledge of a chunk: the DiD of the deciding metric (continuity-corrected),
    calibrated on placebo boundaries of the source's history; and whether the boundary one window before the
    pledge was already beyond chance (a pre-trend)."""
    w, rules = batch.window_days, batch.rules
    cal, metric = rules.calibration, rules.primary_metric
    placebo_shifts = shifts(w, cal.history_weeks, cal.step_days)
    offsets = boundary_offsets(w, placebo_shifts)
    base = np.array([binned.index(h.start) for h in hypos])
    bounds = base[:, None] + offsets[None, :]
    observed, null = did_statistics(binned.sums_at(metric, treated, bounds), binned.sums_at(metric, control, bounds),
                                    offsets, w, placebo_shifts)
    lo_day, hi_day = _data_days(batch, binned)
    first_day = base[:, None] + placebo_shifts[None, :] - w
    valid = (first_day >= lo_day) & (first_day + 2 * w <= hi_day)
    est = interval(observed, null, valid, level=cal.level, min_windows=cal.min_windows)
    before = np.flatnonzero(placebo_shifts == -w)
    pre = [None] * len(hypos)
    if len(before):
        j = int(before[0])
        with np.errstate(invalid="ignore"):
            centred = null[:, j] - est["shift"]
            pre = [bool(abs(centred[i]) > est["half"][i]) if valid[i, j] and np.isfinite(est["half"][i]) else None
                   for i in range(len(hypos))]
    figures = []
    for i in range(len(hypos)):
        ok = not np.isnan(est["effect"][i])
        method = (f"difference in differences of {metric} (continuity-corrected), calibrated on "
                  f"{int(est['windows'][i])} placebo boundaries of the source's history (spread "
                  f"{est['spread'][i]:.2f} on the log scale), Student-t {100 * cal.level:.0f}% prediction interval"
                  if ok else f"not calibrated: {int(est['windows'][i])} placebo windows in the source's history")
        figures.append(Did(metric, float(est["effect"][i]) if ok else float(np.exp(observed[i])),
                           (float(est["lo"][i]), float(est["hi"][i])) if ok else None, method))
    data = [np.ascontiguousarray(np.concatenate([null[i][valid[i]], [observed[i]]])).tobytes()
            for i in range(len(hypos))]
    return {"figure": figures, "pretrend": pre, "windows": est["windows"].tolist(), "data": data}


def _data_days(batch: Batch, binned) -> tuple[int, int]:
    """The first and last bin index (exclusive end) the source's data cover, in ``binned``'s daily bins."""
    first, last = batch.extent
    lo = -(-(int(first.timestamp()) - binned.origin) // binned.size)  # the first whole bin inside the data
    hi = (int(last.timestamp()) - binned.origin) // binned.size  # bins before the data's end are whole
    return lo, hi


TEMPLATE_NOTES = {
    "increase": " For a shift of effort the rule applies to the inverse ratio: a rise counts where a fall would.",
    "no_strike": " This pledge promises no strikes; alerts alone are weaker evidence than strike records, so see the "
                 "checks of event datasets beside this one.",
    "withdraw": " A withdrawal is judged on declining activity in the regions left.",
}


def _rules_text(rules, template: str, effect=None) -> str:
    pledged = (f" Pledged effect: θ = {effect.theta:g} ({effect.implied()}; rules.toml [effects])."
               if effect is not None else "")
    return rules.describe() + pledged + TEMPLATE_NOTES.get(template, "")


def _territory_rule(rules, territory) -> str:
    """The territory rule, quoted where a territory figure is (a withdrawal by Russia)."""
    return "" if territory is None else " " + rules.territory.describe()


def _stats(y: np.ndarray, treated: np.ndarray, control: np.ndarray, member: np.ndarray, w: int, *, counts: bool
           ) -> dict:
    """Every estimate of one metric for a chunk: per pledge region, pledge group, control group, DiD, placebo."""
    periods = y.reshape(y.shape[0], y.shape[1], 3, w)  # (n, regions, placebo-before | before | after, days)
    s1, s2 = periods.sum(3), (periods ** 2).sum(3)
    did = did_ratios(s1[..., 1:], s2[..., 1:], treated, member, w)
    placebo = did_ratios(s1[..., :2], s2[..., :2], treated, member, w)
    pledge = (y * treated[..., None]).sum(1)
    ctrl = (y * control[..., None]).sum(1)
    rows = np.argwhere(treated)
    region_y = y[rows[:, 0], rows[:, 1]]
    out = {"did": did, "placebo": placebo}
    for name, series in (("region", region_y), ("pledge", pledge), ("control", ctrl)):
        before, after = series[:, w:2 * w], series[:, 2 * w:]
        est = rate_ratios(before, after, counts=counts)
        est["before"], est["after"] = _values(before.sum(1), counts), _values(after.sum(1), counts)
        est["where"] = None
        out[name] = est
    out["region"]["where"] = {(int(a), int(b)): k for k, (a, b) in enumerate(rows)}
    active = (y[..., w:].sum(2) > 0) & control  # control regions with something in either window
    out["active"] = [np.flatnonzero(row) for row in active]
    for est in out.values():  # plain Python numbers: the explanation loop below reads them one by one
        if isinstance(est, dict):
            for key, arr in est.items():
                if isinstance(arr, np.ndarray):
                    est[key] = arr.tolist()
    return out


def _values(totals: np.ndarray, counts: bool) -> np.ndarray:
    """Totals as stored: whole numbers for counts, hours to 4 decimals."""
    return np.rint(totals).astype(np.int64) if counts else np.round(totals, 4)


def _measure(metric: str, regions: tuple[str, ...], group: str, windows, est: dict, key) -> Measure:
    k = est["where"][key] if est["where"] is not None else key
    kind = est["kind"][k]
    method = RATE_METHODS[kind].format(phi=est["phi"][k]) if kind in (1, 3) else RATE_METHODS[kind]
    b_win, a_win = windows
    return Measure(metric=metric, regions=regions, group=group,
                   before=Period(b_win.start, b_win.end, est["before"][k]),
                   after=Period(a_win.start, a_win.end, est["after"][k]),
                   ratio=ratio_of(est["ratio"][k]), ci=ci_of(est["lo"][k], est["hi"][k]), method=method)
