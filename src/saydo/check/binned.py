"""Dense per-region series of one source, built from the store's activity grid (``saydo.store.grid``).

The store returns, per (source, region, base bin), counts and offset sums of the rows that start in the bin (side 0)
and of the rows that end in it (side 1).
``ActivityGrid.binned(source, size, phase)`` turns them into arrays of bins ``size`` seconds long whose edges fall at
``phase`` seconds past midnight UTC (a pledge's clock time), with one value per region and bin for each metric:

- ``alerts`` / ``events``: rows that started in the bin;
- ``alert_hours``: hours of rows inside the bin, clipped at its edges (exact, from the offsets; see store.grid);
- ``fatalities``: fatalities of rows that started in the bin.

Windows are then whole bins, so every pledge's windows are array slices: no query per pledge.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

DAY = 86400


@dataclass
class Binned:
    regions: list[str]
    origin: int  # epoch seconds where bin 0 starts
    size: int
    values: dict[str, np.ndarray]  # metric -> (regions, bins)

    def index(self, when: datetime) -> int:
        return (int(when.timestamp()) - self.origin) // self.size

    def cumulative(self, metric: str) -> np.ndarray:
        """(regions, bins + 1): the running total of ``metric`` before each bin (cached)."""
        cache = self.__dict__.setdefault("_cum", {})
        if metric not in cache:
            values = self.values[metric]
            cache[metric] = np.concatenate([np.zeros((values.shape[0], 1)), np.cumsum(values, axis=1)], axis=1)
        return cache[metric]

    def sums_at(self, metric: str, weights: np.ndarray, bounds: np.ndarray) -> np.ndarray:
        """Running totals of ``metric`` over a weighted set of regions at bin boundaries, for many checks at once:
        ``weights`` (n, regions), ``bounds`` (n, m) bin indices; returns (n, m). A window's total is the difference of
        two of them; a boundary outside the data holds the total at the data's edge (callers keep windows inside)."""
        cum = self.cumulative(metric)
        idx = np.clip(np.asarray(bounds), 0, cum.shape[1] - 1)
        return np.einsum("rnm,nr->nm", cum[:, idx], np.asarray(weights, dtype=float), optimize=True)

    def take(self, metric: str, first: np.ndarray, length: int) -> np.ndarray:
        """Values of ``length`` bins from each ``first`` index: (len(first), regions, length); zero outside the data."""
        values = self.values[metric]
        n = values.shape[1]
        idx = np.asarray(first)[:, None] + np.arange(length)[None, :]
        inside = (idx >= 0) & (idx < n)
        got = values[:, np.clip(idx, 0, max(n - 1, 0))] if n else np.zeros((len(self.regions),) + idx.shape)
        return np.transpose(np.where(inside[None], got, 0.0), (1, 0, 2))


@dataclass
class ActivityGrid:
    """The base grid (``bin_seconds`` long bins from the epoch) of every source, and coarser views cached."""

    table: pa.Table  # saydo.store.grid.activity_grid
    bin_seconds: int
    _cache: dict = field(default_factory=dict)

    def binned(self, source: str, size: int, phase: int) -> Binned:
        key = (source, size, phase % size)
        if key not in self._cache:
            self._cache[key] = self._coarsen(self._base(source), size, phase % size)
        return self._cache[key]

    def _base(self, source: str) -> dict:
        """Dense base-bin arrays of one source: rows started / ended per bin, offset sums, fatalities."""
        key = (source, "base")
        if key in self._cache:
            return self._cache[key]
        rows = self.table.filter(pc.equal(self.table["source"], source))
        regions = sorted(pc.unique(rows["region"]).to_pylist())
        codes = pc.index_in(rows["region"], pa.array(regions, pa.string())).to_numpy(zero_copy_only=False)
        if rows.num_rows == 0:
            base = {"regions": regions, "b0": 0, "n": 0}
        else:
            bins = _numbers(rows, "bin").astype(np.int64)
            ended = _numbers(rows, "side").astype(bool)  # side 1: the rows that ended in the bin
            b0, b1 = int(bins.min()), int(bins.max())
            n = b1 - b0 + 1
            at = codes * n + (bins - b0)
            size = len(regions) * n

            def dense(side: np.ndarray, column: str) -> np.ndarray:
                weights = _numbers(rows, column).astype(float)[side]
                return np.bincount(at[side], weights, minlength=size).reshape(len(regions), n)

            started = ~ended
            base = {"regions": regions, "b0": b0, "n": n, "starts": dense(started, "rows"),
                    "ends": dense(ended, "rows"), "start_offset": dense(started, "offset"),
                    "end_offset": dense(ended, "offset"), "fatalities": dense(started, "fatalities")}
        self._cache[key] = base
        return base

    def _coarsen(self, base: dict, size: int, phase: int) -> Binned:
        q = self.bin_seconds
        if size % q or phase % q:
            raise ValueError(f"bins of {size} s at {phase} s are not made of {q} s base bins")
        regions = base["regions"]
        if not base["n"]:
            return Binned(regions, phase, size, {m: np.zeros((len(regions), 0)) for m in
                                                 ("alerts", "events", "alert_hours", "fatalities")})
        b0, k = base["b0"], size // q
        j0 = (b0 * q - phase) // size  # the coarse bin holding the first base bin
        lead = (b0 * q - phase - j0 * size) // q
        n_coarse = -(-(lead + base["n"]) // k)

        def blocks(name: str) -> np.ndarray:
            out = np.zeros((len(regions), n_coarse * k))
            out[:, lead:lead + base["n"]] = base[name]
            return out.reshape(len(regions), n_coarse, k)

        pos = (np.arange(k) * q)[None, None, :]
        starts, ends = blocks("starts"), blocks("ends")
        start_off = (blocks("start_offset") + pos * starts).sum(2)
        end_off = (blocks("end_offset") + pos * ends).sum(2)
        starts, ends = starts.sum(2), ends.sum(2)
        active = np.cumsum(starts - ends, axis=1)  # rows started before each bin's end and not yet ended
        seconds = size * active + end_off - start_off
        values = {"alerts": starts, "events": starts, "alert_hours": np.maximum(seconds, 0.0) / 3600.0,
                  "fatalities": blocks("fatalities").sum(2)}
        return Binned(regions, phase + j0 * size, size, values)


def _numbers(table: pa.Table, column: str) -> np.ndarray:
    return table[column].to_numpy()


def base_bin_seconds(offsets: list[int], floor: int = 900) -> int:
    """The longest base bin that every window edge falls on: the gcd of a day and the edges' offsets (seconds past
    midnight UTC, and window lengths). Never below ``floor``: finer edges are rounded down to it (docs/method.md)."""
    q = DAY
    for off in offsets:
        q = int(np.gcd(q, int(off) % DAY))
    return max(q, floor)
