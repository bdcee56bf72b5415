"""Verdict rules: read from the packaged ``rules.toml`` (or a user's file) into one options object."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from saydo.errors import ConfigError


@dataclass(frozen=True)
class Effects:
    """θ per kind of pledge: the largest activity ratio that still counts as keeping it (``increase``: the smallest
    rise that does)."""

    stop: float = 0.5
    radical: float = 0.5
    reduce: float = 0.8
    massive: float = 0.5
    increase: float = 1.25


@dataclass(frozen=True)
class Calibration:
    history_weeks: int = 26
    step_days: int = 7
    min_windows: int = 10
    level: float = 0.95

    def describe(self) -> str:
        return (f"The {100 * self.level:.0f}% interval is calibrated on the source's own history: the same "
                f"comparison on windows of the same length and clock every {self.step_days} days up to "
                f"{self.history_weeks} weeks before and after the pledge, where no pledge is tested, shows how much it "
                f"moves by itself (at least {self.min_windows} such windows are needed).")


@dataclass(frozen=True)
class Coverage:
    quiet_quantile: float = 0.995
    min_gap_hours: float = 48.0


@dataclass(frozen=True)
class Actors:
    """Whose activity each kind of source measures."""

    air_raid_alert: tuple[str, ...] = ("RUS",)
    events: tuple[str, ...] = ("RUS",)
    both_sides: tuple[str, ...] = ("ucdp", "acled", "gdelt")

    def measured_by(self, source: str, alerts: bool) -> tuple[str, ...] | None:
        """The actors a source measures (None: any actor)."""
        if alerts:
            return self.air_raid_alert
        if source.split(".")[0] in self.both_sides:
            return None
        return self.events


@dataclass(frozen=True)
class CeasefireRules:
    baseline_weeks: int
    metrics: tuple[str, ...]
    primary_metric: str
    min_baseline_weeks: int = 4
    default_hours: int = 72

    def describe(self) -> str:
        return (f"Rules: the window is compared with the same clock window in each of the {self.baseline_weeks} "
                f"weeks before (at least {self.min_baseline_weeks}; the weeks after when the data start too late); "
                f"{self.primary_metric.replace('_', '-')} decide, the other metrics are shown beside them.")


# The packaged rules.toml's value, for a user's rules file written before it had a [territory] section.
DEFAULT_MIN_CHANGE_KM2 = 500.0


@dataclass(frozen=True)
class TerritoryRules:
    min_change_km2: float = DEFAULT_MIN_CHANGE_KM2

    def describe(self) -> str:
        return (f"Territory rule: a withdrawal is judged on the area Russian forces hold, against the changes the "
                f"series shows by itself over windows of the same length; a change of less than "
                f"{self.min_change_km2:,.0f} km² counts as no change (redrawn map lines move the total that much).")


@dataclass(frozen=True)
class ReduceRules:
    metrics: tuple[str, ...]
    primary_metric: str
    min_control_regions: int
    min_before_alerts: int = 10
    ceasefire: CeasefireRules | None = None
    event_types: tuple[str, ...] = ()
    # Metrics measured and shown beside the verdict but never deciding it (fatalities where a source records them).
    reported: tuple[str, ...] = ()
    # The [events] section's choice, applied by the engine to event sources whose rows carry fatalities.
    event_reported: tuple[str, ...] = ()
    effects: Effects = field(default_factory=Effects)
    calibration: Calibration = field(default_factory=Calibration)
    coverage: Coverage = field(default_factory=Coverage)
    actors: Actors = field(default_factory=Actors)
    massive_share: float = 0.5
    # Not in repr: every check's fingerprint holds repr(rules), and only withdrawal checks read this; their territory
    # figures carry the threshold themselves, so a change here recomputes those checks and no others.
    territory: TerritoryRules = field(default_factory=TerritoryRules, repr=False, compare=False)

    def describe(self) -> str:
        return (f"Rules: {self.primary_metric.replace('_', '-')} decide (pledge regions against at least "
                f"{self.min_control_regions} control regions, after against before; at least "
                f"{self.min_before_alerts} in the pledge regions before); "
                + ", ".join(m.replace("_", "-") for m in (*self.metrics, *self.reported)
                            if m != self.primary_metric)
                + " are shown beside them and do not decide it. " + self.calibration.describe())


def load_rules(path: str | Path | None = None) -> ReduceRules:
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("saydo.check").joinpath("rules.toml").read_text(encoding="utf-8")
        parsed = tomllib.loads(text)
        data, cease = parsed["reduce"], parsed["ceasefire"]
        effects, calib = parsed.get("effects", {}), parsed.get("calibration", {})
        cover, actors = parsed.get("coverage", {}), parsed.get("actors", {})
        return ReduceRules(
            metrics=tuple(data["metrics"]), primary_metric=data["primary_metric"],
            min_control_regions=int(data["min_control_regions"]),
            min_before_alerts=int(data.get("min_before_alerts", 10)),
            ceasefire=CeasefireRules(
                baseline_weeks=int(cease["baseline_weeks"]), metrics=tuple(cease["metrics"]),
                primary_metric=cease["primary_metric"],
                min_baseline_weeks=int(cease.get("min_baseline_weeks", 4)),
                default_hours=int(cease.get("default_hours", 72))),
            event_types=tuple(parsed.get("events", {}).get("types", ())),
            event_reported=tuple(parsed.get("events", {}).get("reported", ())),
            effects=Effects(**{k: float(v) for k, v in effects.items()}),
            calibration=Calibration(**{k: (float(v) if k == "level" else int(v)) for k, v in calib.items()}),
            coverage=Coverage(**{k: float(v) for k, v in cover.items()}),
            actors=Actors(**{k: tuple(v) for k, v in actors.items()}),
            massive_share=float(parsed.get("massive", {}).get("share", 0.5)),
            territory=TerritoryRules(float(parsed.get("territory", {}).get("min_change_km2",
                                                                            DEFAULT_MIN_CHANGE_KM2))),
        )
    except (OSError, KeyError, ValueError, TypeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"can't read verdict rules: {exc}", where=str(path or "rules.toml"),
                          hint="see docs/method.md for the keys") from None
