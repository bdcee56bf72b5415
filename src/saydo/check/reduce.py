"""The DiD templates for many pledges at once: reduce, increase (shift of effort), withdraw, and no-strike pledges
checked on alert logs.

For every pledge the days ``[start - 2N, start + N)`` of every region are one slice of the source's daily series
(``Binned.take``): the first N days are the placebo's before-window, the next N the before-window, the last N the
after-window. Sums, sums of squares and group series come from array operations over all pledges of a chunk; the
estimates from the closed forms in ``closed_forms``. Only the explanation is written pledge by pledge.
"""

from __future__ import annotations

from datetime import timedelta
from math import isnan

import numpy as np

from saydo.check.batch import COUNT_METRICS, Batch, ci_of, ratio_of
from saydo.check.closed_forms import DID_METHOD, DID_UNDEFINED, RATE_METHODS, did_ratios, rate_ratios
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

    for i, h in enumerate(hypos):
        before_start, after_end = h.start - timedelta(days=w), h.start + timedelta(days=w)
        placebo_ok = h.start - timedelta(days=2 * w) >= batch.extent[0]
        read_from = h.start - timedelta(days=2 * w) if placebo_ok else before_start
        data = b"".join(np.ascontiguousarray(series[m][i][member_row]).tobytes() for m in metrics)
        fp = batch.fingerprint(h, read_from, after_end, data + compared)
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
        verdict, reason = decide(measures, dids, rules, increase=h.template == "increase")
        territory = batch.territory.get(h.statement.id)
        text = explain(verdict=verdict, reason=reason, source=batch.source, regions=tuple(names[r] for r in pledge_idx),
                       window_days=w, measures=measures, dids=dids,
                       rules_text=_rules_text(rules, h.template) + _territory_rule(rules, territory),
                       placebo=placebo, territory=territory)
        did = next(d for d in dids if d.metric == primary)
        results[keys[i]] = Check(
            statement=h.statement.id, verdict=verdict, explanation=text, source=batch.source, window_days=w,
            start=h.start, measures=tuple(measures), did=did, dids=tuple(dids), as_of=batch.as_of,
            template=h.template, placebo=placebo, fingerprint=fp, territory=territory)


TEMPLATE_NOTES = {
    "increase": " For a shift of effort the same rules apply to the inverse ratio: a rise counts where a fall would.",
    "no_strike": " This pledge promises no strikes; alerts alone are weaker evidence than strike records, so see the "
                 "checks of event datasets beside this one.",
    "withdraw": " A withdrawal is judged on declining activity in the regions left.",
}


def _rules_text(rules, template: str) -> str:
    return rules.describe() + TEMPLATE_NOTES.get(template, "")


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
