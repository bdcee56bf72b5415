"""Synthetic alert logs for the engine's tests: Poisson counts per region and day over half a year either side of a
pledge (the history the calibration needs), with the pledge regions' after-window changed as a test asks."""

from __future__ import annotations

from datetime import datetime, timedelta

import numpy as np

REGIONS = ["Kyiv City", "Kyivska oblast", "Chernihivska oblast", "Lvivska oblast", "Odeska oblast",
           "Kharkivska oblast", "Poltavska oblast"]


def write_log(path, start: datetime, *, after: float = 1.0, pledge_rate: float = 6.0, control_rate: float = 5.0,
              pledge: int = 3, days_before: int = 210, days_after: int = 210, seed: int = 1,
              after_days: int = 14) -> None:
    """A log of ``regions`` (the first ``pledge`` are the pledge regions) with alerts at random times of each day;
    in the ``after_days`` from ``start`` the pledge regions' rate is multiplied by ``after``."""
    rng = np.random.default_rng(seed)
    rows = ["region,started_at,finished_at,naive"]
    for day in range(-days_before, days_after):
        base = start + timedelta(days=day)
        for k, region in enumerate(REGIONS):
            rate = pledge_rate if k < pledge else control_rate
            if k < pledge and 0 <= day < after_days:
                rate *= after
            for _ in range(rng.poisson(rate)):
                begin = base + timedelta(minutes=int(rng.integers(0, 24 * 60)))
                end = begin + timedelta(minutes=int(rng.integers(15, 120)))
                rows.append(f"{region},{begin.isoformat(sep=' ')},{end.isoformat(sep=' ')},False")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
