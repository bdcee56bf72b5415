"""Province names as volunteers type them -> ISO 3166-2:UA.

Incident datasets spell the same oblast many ways: "Kharkiv Oblast", "Kharkivs'ka oblast", "Charkov Oblast",
"Oblast Charkov", "Luhansk Oblast, Ukraine", "Tsjernihiv Oblast". Steps: drop the words that say "province" in any
order and a trailing country; try the exact names of ``saydo.resolve.regions``; then the closest known name by
spelling (difflib ratio >= 0.8 — typos and Dutch/German/Russian transliterations); else None. Callers fall back to
coordinates and record which way each row was resolved.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from saydo.resolve.gazetteer import lookup
from saydo.resolve.regions import _EXTRA_NAMES, name_table, normalise, region_code

_NOISE = re.compile(r"\b(oblast|oblast'|obl|region|province|krai|rai|ukraine|the|of)\b")
# Ukrainian adjective endings ("Kharkivs'ka", "Donets'ka") reduced to the centre's name
_ADJECTIVE = re.compile(r"(s?k[ay]|s[\s]?ka|ska|ska)$")


@lru_cache(maxsize=4096)
def province_code(name: str) -> tuple[str, str] | None:
    """(code, "name" | "spelling") for a province name, or None."""
    if not name or not name.strip():
        return None
    direct = region_code(name.split(",")[0])
    if direct:
        return direct, "name"
    core = _NOISE.sub(" ", normalise(name.split(",")[0])).strip()
    core = re.sub(r"\s+", " ", core)
    if not core:
        return None
    direct = region_code(core)
    if direct:
        return direct, "name"
    place = lookup(name.split(",")[0].strip())  # a town or site named in place of its oblast ("Snake Island")
    if place is not None and len(place.codes) == 1 and place.codes[0] != "UA":
        return place.codes[0], "name"
    candidates = _candidates()
    for key in (core, _ADJECTIVE.sub("", core).strip()):
        match = difflib.get_close_matches(key, list(candidates), n=1, cutoff=0.8)
        if match:
            return candidates[match[0]], "spelling"
    return None


@lru_cache(maxsize=1)
def _candidates() -> dict[str, str]:
    table = {key: code for key, code in name_table() if code not in ("UA-40",)}
    for code, names in _EXTRA_NAMES.items():
        for name in names:
            table.setdefault(normalise(name), code)
    return {_NOISE.sub(" ", k).strip(): v for k, v in table.items() if _NOISE.sub(" ", k).strip()}
