"""How often the verdict rule is wrong, measured on a real alert log (the table in docs/method.md).

Pledges are drawn at random — a start day and one to three regions — where the log covers the windows and their
history; no pledge was made there, so the log's own activity is what "no effect" looks like. Four worlds are then
made from it, changing only the pledge regions' alerts in the after-window, each alert kept or removed at random
(binomial thinning): **no pledge** (nothing removed), **thinned to θ** (each alert kept with probability θ, so the
true effect is exactly the pledged one), **90% compliance** (kept with probability 0.1) and **perfect compliance**
(all removed). Every world is judged by the engine's own arithmetic (``calibrate.did_statistics``,
``calibrate.interval``, ``verdicts.decide``), with its placebo history recomputed on the changed series.

A sound rule calls no-pledge windows kept rarely (at most 5%), calls windows thinned to exactly θ broken rarely (at
most 5%), and calls perfect and 90% compliance kept almost always (at least 95%) where the pledge regions had enough
alerts before the pledge for any cut to show (``min_before``; with fewer the verdict is insufficient data by design).
The ceasefire template is studied the same way on random truce windows of its length and clock.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from saydo.check.binned import ActivityGrid, Binned
from saydo.check.calibrate import boundary_offsets, did_statistics, interval, log_ratio, shifts
from saydo.check.rules import ReduceRules, load_rules
from saydo.check.verdicts import Effect, decide

DAY = 86400
WORLDS = ("no pledge", "thinned to θ", "90% compliance", "perfect compliance")
KEEP = {"no pledge": 1.0, "90% compliance": 0.1, "perfect compliance": 0.0}  # "thinned to θ": θ itself


@dataclass
class Rates:
    template: str
    theta: float
    graded: bool
    drawn: int  # pledges drawn
    testable: int  # of them, with enough alerts before and enough history to calibrate
    shares: dict[str, dict[str, float]]  # world -> verdict -> share of the testable pledges

    def row(self) -> dict:
        return {"template": self.template, "theta": self.theta, "graded": self.graded, "drawn": self.drawn,
                "testable": self.testable,
                "no_pledge_kept": self.shares["no pledge"].get("kept", 0.0),
                "thinned_broken": self.shares["thinned to θ"].get("broken", 0.0),
                "compliance90_kept": self.shares["90% compliance"].get("kept", 0.0),
                "perfect_kept": self.shares["perfect compliance"].get("kept", 0.0)}


def reduce_rates(binned: Binned, comparable: list[str], *, rules: ReduceRules | None = None, theta: float = 0.8,
                 graded: bool = True, window_days: int = 14, draws: int = 300, seed: int = 7,
                 min_before: int | None = None) -> Rates:
    """Error rates of the reduce template (pledge regions against the rest, calibrated in time) on ``binned`` daily
    alert counts."""
    rules = rules or load_rules()
    cal, w = rules.calibration, window_days
    min_before = rules.min_before_alerts if min_before is None else min_before
    rng = np.random.default_rng(seed)
    values = binned.values["alerts"]
    rows = [i for i, r in enumerate(binned.regions) if r in comparable]
    placebo = shifts(w, cal.history_weeks, cal.step_days)
    offsets = boundary_offsets(w, placebo)
    reach = int(max(abs(offsets.min()), offsets.max()))
    starts = np.arange(reach, values.shape[1] - reach)
    effect = Effect(theta, "the pledge", graded=graded)
    tally = {world: {} for world in WORLDS}
    testable = 0
    for _ in range(draws):
        day = int(rng.choice(starts))
        chosen = rng.choice(rows, size=int(rng.integers(1, 4)), replace=False)
        control = [r for r in rows if r not in chosen]
        pledge_daily = values[chosen].copy()
        before = pledge_daily[:, day - w:day].sum()
        if before < min_before:
            continue
        testable += 1
        control_run = np.concatenate([[0.0], np.cumsum(values[control].sum(0))])
        for world in WORLDS:
            keep = theta if world == "thinned to θ" else KEEP[world]
            daily = pledge_daily.copy()
            if keep < 1:
                daily[:, day:day + w] = rng.binomial(daily[:, day:day + w].astype(int), keep)
            pledge_run = np.concatenate([[0.0], np.cumsum(daily.sum(0))])
            idx = day + offsets
            observed, null = did_statistics(pledge_run[idx][None], control_run[idx][None], offsets, w, placebo)
            est = interval(observed, null, np.ones_like(null, bool), level=cal.level, min_windows=cal.min_windows)
            verdict, _ = decide(effect, float(est["effect"][0]), float(est["lo"][0]), float(est["hi"][0]))
            tally[world][verdict] = tally[world].get(verdict, 0) + 1
    shares = {world: {v: n / testable for v, n in counts.items()} for world, counts in tally.items()}
    return Rates("reduce", theta, graded, draws, testable, shares)


def ceasefire_rates(grid: ActivityGrid, source: str, comparable: list[str], *, rules: ReduceRules | None = None,
                    hours: int = 36, draws: int = 300, seed: int = 11, min_before: int = 10) -> Rates:
    """Error rates of the ceasefire template (a truce window against the same hours of earlier weeks, all comparable
    regions, calibrated on other weeks) for truces of ``hours`` starting at random whole hours."""
    rules = rules or load_rules()
    cal, cease = rules.calibration, rules.ceasefire
    theta = rules.effects.stop
    effect = Effect(theta, "a kept ceasefire", graded=False)
    rng = np.random.default_rng(seed)
    size = int(np.gcd(DAY, (hours * 3600) % DAY or DAY))
    tally = {world: {} for world in WORLDS}
    testable = 0
    weeks, reach = cease.baseline_weeks, cal.history_weeks
    phases: dict[int, tuple] = {}
    for _ in range(draws):
        phase = int(rng.integers(0, DAY // size)) * size
        if phase not in phases:
            b = grid.binned(source, size, phase)
            rows = np.isin(b.regions, comparable)
            phases[phase] = (b, b.values["alerts"][rows].sum(0))
        b, series = phases[phase]
        length, week = hours * 3600 // size, 7 * DAY // size
        lo = (weeks + reach + 1) * week
        hi = len(series) - (reach + 1) * week - length
        if hi <= lo:
            continue
        i0 = int(rng.integers(lo, hi))
        window_bins = series[i0:i0 + length]
        baseline = np.array([series[i0 - k * week:i0 - k * week + length].sum() for k in range(1, weeks + 1)])
        if baseline.sum() < min_before:
            continue
        testable += 1
        for world in WORLDS:
            keep = theta if world == "thinned to θ" else KEEP[world]
            window = rng.binomial(window_bins.astype(int), keep).sum() if keep < 1 else window_bins.sum()
            observed = log_ratio(window, baseline.mean())
            null = []
            for k in range(-reach, reach + 1):
                if k == 0 or 1 <= k <= weeks:
                    continue  # the truce week, and weeks whose baseline holds it
                j = i0 + k * week
                w_k = series[j:j + length].sum()
                b_k = np.mean([series[j - m * week:j - m * week + length].sum() for m in range(1, weeks + 1)])
                null.append(log_ratio(w_k, b_k))
            null = np.array(null)
            est = interval(np.array([observed]), null[None], np.ones((1, len(null)), bool), level=cal.level,
                           min_windows=cal.min_windows)
            verdict, _ = decide(effect, float(est["effect"][0]), float(est["lo"][0]), float(est["hi"][0]))
            tally[world][verdict] = tally[world].get(verdict, 0) + 1
    shares = {world: {v: n / max(testable, 1) for v, n in counts.items()} for world, counts in tally.items()}
    return Rates(f"ceasefire ({hours} h)", theta, False, draws, testable, shares)


def alert_log_grid(store, source: str) -> ActivityGrid:
    """The daily-and-finer activity grid of one alert source, as the engine reads it."""
    from saydo.store.grid import activity_grid

    return ActivityGrid(activity_grid(store, {source: ("air_raid_alert",)}, 3600), 3600)


def study(store, source: str, *, draws: int = 600) -> list[Rates]:
    """Every row of the error-rate table for one alert source in the store."""
    from saydo.check.engine import NOT_COMPARABLE
    from saydo.resolve.regions import all_codes

    rules = load_rules()
    grid = alert_log_grid(store, source)
    daily = grid.binned(source, DAY, 0)
    comparable = sorted(set(daily.regions) & (all_codes() - NOT_COMPARABLE))
    e = rules.effects
    return [reduce_rates(daily, comparable, rules=rules, theta=e.reduce, graded=True, draws=draws),
            reduce_rates(daily, comparable, rules=rules, theta=e.radical, graded=True, draws=draws, seed=8),
            reduce_rates(daily, comparable, rules=rules, theta=e.stop, graded=False, draws=draws, seed=9),
            ceasefire_rates(grid, source, comparable, rules=rules, draws=draws)]
