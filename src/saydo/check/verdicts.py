"""The verdict rule: the calibrated interval of the activity ratio against the pledged effect θ.

With ``[L, U]`` the calibrated 95% interval of the ratio (activity with the pledge over what the source's history
says it would have been) and θ the pledged effect (``rules.toml`` ``[effects]``):

- **kept** when ``U <= θ``: the data show at least the pledged cut;
- **broken** when ``L > θ``: the data rule out the pledged cut. For a graded pledge (to reduce by some amount) only
  when no real reduction is shown either (``U >= 1``);
- **partly kept** when a real reduction is shown (``U < 1``) but not the pledged size;
- **insufficient data** otherwise: the interval holds both the pledged cut and no cut at all.

A pledge to shift effort *to* regions (``increase``) is judged on the inverse ratio with θ inverted. A significant
pre-trend (the placebo one window before the pledge, beyond chance) downgrades kept to partly kept and broken to
insufficient data. Gates decided before the outcome (data coverage, gaps, the source measuring the pledging actor,
enough history to calibrate) give too early or insufficient data with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Effect:
    """The pledged effect of one pledge: θ, the words it came from, and whether the pledge is graded."""

    theta: float
    label: str  # "a ceasefire", "a radical reduction", "a reduction", ...
    graded: bool  # a pledge to reduce by some amount (partly kept is possible) rather than to stop
    increase: bool = False

    def implied(self) -> str:
        if self.increase:
            return f"{self.label} implies a rise of at least {100 * (self.theta - 1):.0f}%"
        return f"{self.label} implies a cut of at least {100 * (1 - self.theta):.0f}%"

    def to_json(self) -> dict:
        return {"theta": self.theta, "label": self.label, "graded": self.graded, "increase": self.increase}


def data_gate(extent, source: str, first: datetime, last: datetime, last_name: str, first_name: str
              ) -> tuple[str, str] | None:
    """(verdict, reason) when the source's data (as known at the run's cut-off) can't cover [first, last)."""
    if extent is None:
        return "insufficient_data", f"{source} has no rows (before the cut-off)."
    data_start, data_end = extent
    if last > data_end:
        return "too_early", (f"{last_name} ends {last:%Y-%m-%d %H:%M} UTC but {source} reaches only "
                             f"{data_end:%Y-%m-%d %H:%M} UTC.")
    if first < data_start:
        return "insufficient_data", (f"{first_name} needs data from {first:%Y-%m-%d} but {source} starts "
                                     f"{data_start:%Y-%m-%d}.")
    return None


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def decide(effect: Effect, ratio: float, lo: float, hi: float, *, pretrend: bool = False,
           what: str = "activity") -> tuple[str, str]:
    """(verdict, reason in words) from the calibrated ratio and interval, printing the flip point."""
    if effect.increase:  # judged on the inverse: a rise of a quarter mirrors a cut of a fifth
        inverse = Effect(1 / effect.theta, effect.label, effect.graded)
        verdict, _ = decide(inverse, 1 / ratio, 1 / hi, 1 / lo, pretrend=pretrend, what=what)
        span = f"{lo:.2f}–{hi:.2f}"
        reason = {
            "kept": f"{what} rose by at least {_pct(lo - 1)} (calibrated 95% interval of the ratio {span}), and "
                    f"{effect.implied()}.",
            "broken": f"the data rule out a rise above {_pct(max(hi - 1, 0))} (interval {span}) and show no real rise; "
                      f"{effect.implied()}.",
            "partly_kept": f"a real rise (at least {_pct(lo - 1)}; interval {span}) but not shown to reach the "
                           f"pledged size: {effect.implied()}.",
            "insufficient_data": f"the interval {span} holds both the pledged rise and no rise: the data can't "
                                 "decide.",
        }[verdict]
        return _pretrend(verdict, reason, pretrend)
    span = f"{lo:.2f}–{hi:.2f}"
    if hi <= effect.theta:
        verdict, reason = "kept", (f"{what} fell by at least {_pct(1 - hi)} (ratio {ratio:.2f}, calibrated 95% "
                                   f"interval {span}), and {effect.implied()}.")
    elif lo > effect.theta and (not effect.graded or hi >= 1):
        verdict, reason = "broken", (f"the data rule out any cut larger than {_pct(max(1 - lo, 0))} (ratio "
                                     f"{ratio:.2f}, calibrated 95% interval {span}), and {effect.implied()}.")
    elif hi < 1:
        verdict, reason = "partly_kept", (f"{what} fell by at least {_pct(1 - hi)} (ratio {ratio:.2f}, calibrated "
                                          f"95% interval {span}), a real reduction, but not shown to reach the "
                                          f"pledged size: {effect.implied()}.")
    else:
        verdict, reason = "insufficient_data", (f"the calibrated 95% interval {span} of the ratio holds both the "
                                                f"pledged cut and no cut at all: the data can't decide "
                                                f"({effect.implied()}).")
    return _pretrend(verdict, reason, pretrend)


def _pretrend(verdict: str, reason: str, pretrend: bool) -> tuple[str, str]:
    if not pretrend or verdict not in ("kept", "broken"):
        return verdict, reason
    downgraded = "partly_kept" if verdict == "kept" else "insufficient_data"
    return downgraded, (reason.rstrip(".") + f"; but the comparison already moved beyond chance in the window before "
                        f"the pledge (a pre-trend), so it reads {downgraded.replace('_', ' ')} rather than "
                        f"{verdict}.")


def flip_point(effect: Effect, lo: float, hi: float) -> dict:
    """The figures a reader needs to see why the verdict is what it is: the smallest cut the data show and the
    largest they allow, against the pledged one."""
    return {"theta": effect.theta, "least_cut": max(0.0, 1 - hi), "most_cut": max(0.0, 1 - lo),
            "pledged_cut": max(0.0, 1 - effect.theta)}
