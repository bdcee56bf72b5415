"""Verdict rules: read from the packaged ``rules.toml`` (or a user's file) into one options object."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from saydo.errors import ConfigError


@dataclass(frozen=True)
class ReduceRules:
    metrics: tuple[str, ...]
    primary_metric: str
    meaningful_reduction: float
    min_before_alerts: int
    min_control_regions: int

    def describe(self) -> str:
        return (f"Rules: each metric's DiD interval wholly below 1 counts as reduced; wholly at or above "
                f"{self.meaningful_reduction:g} as not reduced; all metrics reduced = kept, some = partly kept, "
                f"{self.primary_metric} not reduced and none reduced = broken, otherwise the data can't decide; "
                f"at least {self.min_before_alerts} alerts before and {self.min_control_regions} control regions "
                f"are needed.")


def load_rules(path: str | Path | None = None) -> ReduceRules:
    try:
        if path:
            text = Path(path).read_text(encoding="utf-8")
        else:
            text = resources.files("saydo.check").joinpath("rules.toml").read_text(encoding="utf-8")
        data = tomllib.loads(text)["reduce"]
        return ReduceRules(
            metrics=tuple(data["metrics"]), primary_metric=data["primary_metric"],
            meaningful_reduction=float(data["meaningful_reduction"]),
            min_before_alerts=int(data["min_before_alerts"]), min_control_regions=int(data["min_control_regions"]),
        )
    except (OSError, KeyError, ValueError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"can't read verdict rules: {exc}", where=str(path or "rules.toml"),
                          hint="see docs/method.md for the keys") from None
