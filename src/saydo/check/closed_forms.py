"""The statistics of ``saydo.check.statistics`` in closed form over arrays: one call for thousands of checks.

``rate_ratios`` and ``did_ratios`` give the same estimates and intervals as ``statistics.rate_ratio`` and
``statistics.did_ratio`` (the tests compare them with the statsmodels GLM), without a Python loop or an iterative fit:

- The 2-period quasi-Poisson rate ratio is the ratio of window means; its log has variance ``phi (1/a + 1/b)`` with
  ``phi`` the Pearson dispersion of the daily values around their window means (floored at 1).
- The DiD Poisson model with a level per region, a common after-effect and a pledge-region after-effect is, inside
  each group of regions, the independence model of a region x period table, whose maximum-likelihood fit is closed:
  fitted cell total = region total x period share of the group. Hence ``DiD = (Ta/Tb) / (Ca/Cb)`` and
  ``Var(log DiD) = phi (1/Ta + 1/Tb + 1/Ca + 1/Cb)`` (inverse Fisher information), and the Pearson statistic needs
  only each region-period's sum and sum of squares: ``X2 = sum(S2 / mu) - sum(S1)`` with ``mu`` the fitted daily mean.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

Z95 = float(stats.norm.ppf(0.975))


def _wald(ratio: np.ndarray, se: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    with np.errstate(divide="ignore", invalid="ignore"):
        log = np.log(ratio)
        return np.exp(log - Z95 * se), np.exp(log + Z95 * se)


def exact_zero_upper(n: np.ndarray, t_after: float, t_before: float) -> np.ndarray:
    """Upper Clopper-Pearson bound of the rate ratio when the after-window has 0 of ``n`` events (lower bound 0)."""
    n = np.asarray(n, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(n > 0, stats.beta.ppf(0.975, 1, np.maximum(n, 1)), np.nan)
        return p / (1 - p) * (t_before / t_after)


def rate_ratios(before: np.ndarray, after: np.ndarray, *, counts: bool) -> dict[str, np.ndarray]:
    """After/before ratio of daily means for each row of ``before`` (n, days_b) and ``after`` (n, days_a).

    Returns arrays ``ratio``, ``lo``, ``hi`` (NaN where undefined), ``phi`` and ``kind``: 0 undefined (nothing
    before), 1 quasi-Poisson Wald, 2 exact conditional interval (nothing after), 3 exact on dispersion-scaled amounts,
    4 nothing after and too little before for an interval."""
    before = np.asarray(before, dtype=float)
    after = np.asarray(after, dtype=float)
    nb, na = before.shape[1], after.shape[1]
    b, a = before.sum(1), after.sum(1)
    n = len(b)
    ratio = np.full(n, np.nan)
    lo = np.full(n, np.nan)
    hi = np.full(n, np.nan)
    phi = np.full(n, np.nan)
    kind = np.zeros(n, dtype=int)
    with np.errstate(divide="ignore", invalid="ignore"):
        mb, ma = b / nb, a / na
        both = (b > 0) & (a > 0)
        pearson = ((before - mb[:, None]) ** 2).sum(1) / mb + ((after - ma[:, None]) ** 2).sum(1) / ma
        phi_both = np.maximum(1.0, pearson / max(nb + na - 2, 1))
        r = ma / mb
        se = np.sqrt(phi_both * (1 / a + 1 / b))
        w_lo, w_hi = _wald(r, se)
    ratio[both], lo[both], hi[both], phi[both], kind[both] = r[both], w_lo[both], w_hi[both], phi_both[both], 1
    zero_after = (b > 0) & (a == 0)
    ratio[zero_after] = 0.0
    if counts:
        lo[zero_after] = 0.0
        hi[zero_after] = exact_zero_upper(b[zero_after], na, nb)
        kind[zero_after] = 2
    else:
        var = before.var(1, ddof=1) if nb > 1 else np.zeros(n)
        with np.errstate(divide="ignore", invalid="ignore"):
            phi_b = np.where((nb > 1) & (mb > 0), np.maximum(1.0, var / mb), 1.0)
        equivalent = np.floor(b / phi_b)
        ok = zero_after & (equivalent >= 1)
        lo[ok] = 0.0
        hi[ok] = exact_zero_upper(equivalent[ok], na, nb)
        phi[zero_after] = phi_b[zero_after]
        kind[ok] = 3
        kind[zero_after & ~ok] = 4
    return {"ratio": ratio, "lo": lo, "hi": hi, "phi": phi, "kind": kind}


RATE_METHODS = {
    0: "undefined: nothing in the before-window",
    1: "quasi-Poisson log-linear, dispersion {phi:.2f}, Wald 95% CI",
    2: "exact conditional Poisson (Clopper-Pearson) interval; no dispersion",
    3: "exact conditional Poisson interval on dispersion-scaled amounts (dispersion {phi:.2f})",
    4: "no interval: nothing in the after-window and too little before",
}


def did_ratios(s1: np.ndarray, s2: np.ndarray, treated: np.ndarray, member: np.ndarray, days: int
               ) -> dict[str, np.ndarray]:
    """Difference in differences for many checks at once.

    ``s1``/``s2``: (n, regions, 2) sums and sums of squares of the daily values per region and period (before, after);
    ``treated``: (n, regions) pledge regions; ``member``: (n, regions) regions in the comparison (pledge + control);
    ``days``: days per period. Regions with nothing in either period are left out, as in the GLM.
    Returns ``ratio``, ``lo``, ``hi``, ``phi`` (NaN where a group has nothing in a period)."""
    s1 = np.asarray(s1, dtype=float)
    s2 = np.asarray(s2, dtype=float)
    totals = s1.sum(2)
    used = member & (totals > 0)
    t = used & treated
    c = used & ~treated
    tb, ta = (s1[..., 0] * t).sum(1), (s1[..., 1] * t).sum(1)
    cb, ca = (s1[..., 0] * c).sum(1), (s1[..., 1] * c).sum(1)
    ok = (tb > 0) & (ta > 0) & (cb > 0) & (ca > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = (ta / tb) / (ca / cb)
        share_t = np.stack([tb, ta], 1) / (tb + ta)[:, None]  # (n, 2) period shares in the pledge group
        share_c = np.stack([cb, ca], 1) / (cb + ca)[:, None]
        share = np.where(treated[..., None], share_t[:, None, :], share_c[:, None, :])  # (n, regions, 2)
        mu = totals[..., None] * share / days  # fitted daily mean per region and period
        x2 = np.where(used[..., None] & (mu > 0), s2 / mu, 0.0).sum((1, 2)) - (s1 * used[..., None]).sum((1, 2))
        k = used.sum(1)
        df = np.maximum(k * 2 * days - (k + 2), 1)
        phi = np.maximum(1.0, x2 / df)
        se = np.sqrt(phi * (1 / ta + 1 / tb + 1 / ca + 1 / cb))
        lo, hi = _wald(ratio, se)
    nan = np.full(len(ratio), np.nan)
    return {"ratio": np.where(ok, ratio, nan), "lo": np.where(ok, lo, nan), "hi": np.where(ok, hi, nan),
            "phi": np.where(ok, phi, nan)}


DID_METHOD = "quasi-Poisson GLM, region and period effects (closed form), dispersion {phi:.2f}, Wald 95% CI"
DID_UNDEFINED = "undefined: a group has no events in a window"
