"""Pure statistics on daily series: rate ratios and difference in differences with 95% intervals.

Both use a log-linear Poisson model whose variance is inflated by the Pearson dispersion (quasi-Poisson) and never
deflated below Poisson (dispersion floored at 1), because alert counts on consecutive days cluster. Intervals are Wald
intervals on the log scale. When a window has no events at all the log-linear model has no finite estimate; for event
counts we then fall back to the exact conditional (Clopper-Pearson) interval for a Poisson rate ratio, which assumes
no overdispersion, and say so in ``method``.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

Z95 = stats.norm.ppf(0.975)


@dataclass(frozen=True)
class Estimate:
    ratio: float | None
    ci: tuple[float, float] | None
    method: str
    dispersion: float | None = None


def rate_ratio(before: np.ndarray, after: np.ndarray, *, counts: bool) -> Estimate:
    """After/before ratio of the daily mean, from daily values of equally long windows."""
    before = np.asarray(before, dtype=float)
    after = np.asarray(after, dtype=float)
    b, a = before.sum(), after.sum()
    if b == 0:
        return Estimate(None, None, "undefined: nothing in the before-window")
    if a == 0:
        if counts:
            lo, hi = _exact_poisson_ratio(0, int(b), len(after), len(before))
            return Estimate(0.0, (lo, hi), "exact conditional Poisson (Clopper-Pearson) interval; no dispersion")
        # a continuous amount (hours): scale by the before-window's dispersion to an equivalent count
        phi = max(1.0, float(before.var(ddof=1) / before.mean())) if len(before) > 1 and before.mean() > 0 else 1.0
        equivalent = int(b / phi)
        if equivalent < 1:
            return Estimate(0.0, None, "no interval: nothing in the after-window and too little before")
        lo, hi = _exact_poisson_ratio(0, equivalent, len(after), len(before))
        return Estimate(0.0, (lo, hi), f"exact conditional Poisson interval on dispersion-scaled amounts "
                                       f"(dispersion {phi:.2f})", phi)
    y = np.concatenate([before, after])
    x = np.concatenate([np.zeros(len(before)), np.ones(len(after))])
    phi = _dispersion_two_groups(y, x)
    ratio = (a / len(after)) / (b / len(before))
    se = math.sqrt(phi * (1.0 / a + 1.0 / b))
    return Estimate(ratio, _wald(ratio, se), f"quasi-Poisson log-linear, dispersion {phi:.2f}, Wald 95% CI", phi)


def did_ratio(frame: pd.DataFrame, value: str, *, counts: bool) -> Estimate:
    """Difference in differences as a count regression.

    ``frame`` has one row per region and day with columns ``region``, ``treated`` (pledge region), ``after`` and the
    metric. Model: log E[y] = region effect + after + treated*after; ``exp(treated*after)`` is the ratio of the
    pledge regions' after/before change to the control regions' change. Regions with no events in either window carry
    no information about change and are left out (their region effect would be minus infinity).
    """
    import statsmodels.api as sm

    totals = frame.groupby("region")[value].sum()
    frame = frame[frame["region"].isin(totals[totals > 0].index)]
    cells = frame.groupby(["treated", "after"])[value].sum()
    if len(cells) < 4 or (cells <= 0).any():
        return Estimate(None, None, "undefined: a group has no events in a window")
    regions = sorted(frame["region"].unique())
    design = pd.get_dummies(frame["region"]).reindex(columns=regions).astype(float)
    design["after"] = frame["after"].astype(float)
    design["treated_after"] = (frame["treated"] & frame["after"]).astype(float)
    y = frame[value].to_numpy(dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit = sm.GLM(y, design.to_numpy(), family=sm.families.Poisson()).fit()
    df_resid = max(len(y) - design.shape[1], 1)
    phi = max(1.0, float(np.sum(fit.resid_pearson ** 2)) / df_resid)
    beta = float(fit.params[-1])
    se = float(fit.bse[-1]) * math.sqrt(phi)
    ratio = math.exp(beta)
    return Estimate(ratio, _wald(ratio, se),
                    f"quasi-Poisson GLM, region and period effects, dispersion {phi:.2f}, Wald 95% CI", phi)


def _dispersion_two_groups(y: np.ndarray, x: np.ndarray) -> float:
    fitted = np.where(x == 1, y[x == 1].mean(), y[x == 0].mean())
    mask = fitted > 0
    df = max(len(y) - 2, 1)
    pearson = float(np.sum((y[mask] - fitted[mask]) ** 2 / fitted[mask]))
    return max(1.0, pearson / df)


def _wald(ratio: float, se: float) -> tuple[float, float]:
    log = math.log(ratio)
    return (math.exp(log - Z95 * se), math.exp(log + Z95 * se))


def _exact_poisson_ratio(a: int, b: int, t_a: float, t_b: float) -> tuple[float, float]:
    """Exact interval for the ratio of two Poisson rates given a+b events (conditional binomial)."""
    n = a + b
    ci = stats.binomtest(a, n).proportion_ci(confidence_level=0.95, method="exact")
    scale = t_b / t_a

    def to_ratio(p: float) -> float:
        return math.inf if p >= 1 else p / (1 - p) * scale

    return (to_ratio(ci.low), to_ratio(ci.high))
