"""The verdict rules of ``rules.toml`` applied to a check's figures: gates, classification, combination."""

from __future__ import annotations

from datetime import datetime

from saydo.check.rules import ReduceRules
from saydo.records import Did, Measure


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


def classify(did: Did, rules) -> str:
    if did.ratio is None or did.ci is None:
        return "undefined"
    if did.ci[1] < 1:
        return "reduced"
    if did.ci[0] >= rules.meaningful_reduction:
        return "not_reduced"
    return "unclear"


def combine(status: dict[str, str], primary: str, meaningful: float, kept_reason: str) -> tuple[str, str]:
    """Metrics into one verdict: all reduced = kept, some = partly kept, primary not reduced and none reduced =
    broken, an undefined metric or anything else = insufficient data."""
    if any(s == "undefined" for s in status.values()):
        missing = ", ".join(m for m, s in status.items() if s == "undefined")
        return "insufficient_data", f"the ratio is undefined for {missing}."
    reduced = [m for m, s in status.items() if s == "reduced"]
    if len(reduced) == len(status):
        return "kept", kept_reason + " on every metric."
    if reduced:
        return "partly_kept", f"a decrease beyond chance on {', '.join(reduced)} only."
    if status[primary] == "not_reduced":
        return "broken", (f"no decrease: the interval for {primary} rules out a reduction of "
                          f"{100 * (1 - meaningful):.0f}% or more.")
    return "insufficient_data", "the change is within what chance allows: the data can't decide."


def inverse(did: Did) -> Did:
    """An increase pledge is judged on 1/DiD with the same thresholds (a rise of 25% mirrors a cut of 20%)."""
    if did.ratio is None or did.ci is None or did.ratio == 0 or did.ci[0] == 0:
        return Did(did.metric, None, None, did.method)
    return Did(did.metric, 1 / did.ratio, (1 / did.ci[1], 1 / did.ci[0]), did.method)


def decide(measures: list[Measure], dids: list[Did], rules: ReduceRules, *, increase: bool = False
           ) -> tuple[str, str]:
    """Apply the verdict rules to the figures of a DiD check; returns (verdict, reason in words)."""
    primary = rules.primary_metric
    pledge_before = next((m.before.value for m in measures if m.group == "pledge" and m.metric == primary), 0) or 0
    control_regions = next((len(m.regions) for m in measures if m.group == "control" and m.metric == primary), 0)
    label = primary.replace("_", "-")
    if pledge_before < rules.min_before_alerts:
        return "insufficient_data", (f"only {pledge_before} {label} in the pledge regions before the pledge "
                                     f"(at least {rules.min_before_alerts} needed).")
    if control_regions < rules.min_control_regions:
        return "insufficient_data", (f"only {control_regions} control regions with {label} "
                                     f"(at least {rules.min_control_regions} needed).")
    what = "alerts" if primary != "events" else "recorded hostile events"
    if increase:
        status = {d.metric: classify(inverse(d), rules) for d in dids if d.metric in rules.metrics}
        verdict, reason = combine(status, primary, rules.meaningful_reduction,
                                  f"{what} rose in the regions effort was to shift to, relative to the rest of "
                                  "Ukraine")
        return verdict, reason.replace("decrease", "increase").replace("a reduction", "an increase")
    status = {d.metric: classify(d, rules) for d in dids if d.metric in rules.metrics}  # reported ones never vote
    verdict, reason = combine(status, primary, rules.meaningful_reduction,
                              f"{what} fell in the pledge regions relative to the rest of Ukraine")
    if verdict in ("partly_kept", "broken"):
        reason = reason.rstrip(".") + ", relative to the rest of Ukraine."
    return verdict, reason
