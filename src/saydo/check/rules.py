"""Verdict rules: read from the packaged ``rules.toml`` (or a user's file) into one options object."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from saydo.errors import ConfigError


@dataclass(frozen=True)
class CeasefireRules:
    baseline_weeks: int
    metrics: tuple[str, ...]
    primary_metric: str
    meaningful_reduction: float
    min_baseline_alerts: int

    def describe(self) -> str:
        return (f"Rules: the window is compared with the same clock window in each of the {self.baseline_weeks} "
                f"previous weeks; each metric's interval wholly below 1 counts as reduced, wholly at or above "
                f"{self.meaningful_reduction:g} as not reduced; all metrics reduced = kept, some = partly kept, "
                f"{self.primary_metric} not reduced and none reduced = broken, otherwise the data can't decide; at "
                f"least {self.min_baseline_alerts} {self.primary_metric.replace('_', '-')} across the baseline "
                f"windows are needed.")


# The packaged rules.toml's value, for a user's rules file written before it had a [territory] section.
DEFAULT_MIN_CHANGE_KM2 = 500.0


@dataclass(frozen=True)
class TerritoryRules:
    min_change_km2: float = DEFAULT_MIN_CHANGE_KM2

    def describe(self) -> str:
        return (f"Territory rule: the national held area is supporting evidence only and never changes the verdict; "
                f"a change of less than {self.min_change_km2:,.0f} km² over the after-window counts as no change.")


@dataclass(frozen=True)
class ReduceRules:
    metrics: tuple[str, ...]
    primary_metric: str
    meaningful_reduction: float
    min_before_alerts: int
    min_control_regions: int
    ceasefire: CeasefireRules | None = None
    event_types: tuple[str, ...] = ()
    # Metrics measured and shown beside the verdict but never deciding it (fatalities where a source records them).
    reported: tuple[str, ...] = ()
    # The [events] section's choice, applied by the engine to event sources whose rows carry fatalities.
    event_reported: tuple[str, ...] = ()
    # Not in repr: every check's fingerprint holds repr(rules), and only withdrawal checks read this; their territory
    # figures carry the threshold themselves, so a change here recomputes those checks and no others.
    territory: TerritoryRules = field(default_factory=TerritoryRules, repr=False, compare=False)

    def describe(self) -> str:
        return (f"Rules: each metric's DiD interval wholly below 1 counts as reduced; wholly at or above "
                f"{self.meaningful_reduction:g} as not reduced; all metrics reduced = kept, some = partly kept, "
                f"{self.primary_metric} not reduced and none reduced = broken, otherwise the data can't decide; "
                f"at least {self.min_before_alerts} {self.primary_metric.replace('_', '-')} before and "
                f"{self.min_control_regions} control regions are needed."
                + (f" {', '.join(m.replace('_', '-') for m in self.reported)} are shown beside the verdict but "
                   f"do not decide it." if self.reported else ""))


def load_rules(path: str | Path | None = None) -> ReduceRules:
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("saydo.check").joinpath("rules.toml").read_text(encoding="utf-8")
        parsed = tomllib.loads(text)
        data, cease = parsed["reduce"], parsed["ceasefire"]
        return ReduceRules(
            metrics=tuple(data["metrics"]), primary_metric=data["primary_metric"],
            meaningful_reduction=float(data["meaningful_reduction"]),
            min_before_alerts=int(data["min_before_alerts"]), min_control_regions=int(data["min_control_regions"]),
            ceasefire=CeasefireRules(
                baseline_weeks=int(cease["baseline_weeks"]), metrics=tuple(cease["metrics"]),
                primary_metric=cease["primary_metric"], meaningful_reduction=float(cease["meaningful_reduction"]),
                min_baseline_alerts=int(cease["min_baseline_alerts"])),
            event_types=tuple(parsed.get("events", {}).get("types", ())),
            event_reported=tuple(parsed.get("events", {}).get("reported", ())),
            territory=TerritoryRules(float(parsed.get("territory", {}).get("min_change_km2",
                                                                            DEFAULT_MIN_CHANGE_KM2))),
        )
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"can't read verdict rules: {exc}", where=str(path or "rules.toml"),
                          hint="see docs/method.md for the keys") from None
