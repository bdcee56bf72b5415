"""Province names as volunteers type them -> ISO 3166-2:UA.

Incident datasets spell the same oblast many ways: "Kharkiv Oblast", "Kharkivs'ka oblast", "Charkov Oblast",
"Oblast Charkov", "Luhansk Oblast, Ukraine", "Tsjernihiv Oblast", "Donetsk Obalst". Steps: drop the words that say
"province" in any order (and their typos) and a trailing country; try the exact names of ``saydo.resolve.regions``
and the Dutch and German transliterations below; then the closest known name by spelling (difflib ratio >= 0.8 —
typos and Russian forms); else None. Names that are no oblast — "Donbas" (two oblasts), "Black Sea", "Ukraine", a
village — stay None on purpose: callers fall back to coordinates and record which way each row was resolved.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache

from saydo.resolve.gazetteer import lookup
from saydo.resolve.regions import _EXTRA_NAMES, name_table, normalise, region_code

_NOISE = re.compile(r"\b(oblast|oblast'|obl|region|province|krai|rai|ukraine|the|of)\b")
# Dutch and German transliterations volunteers type, and a typo seen often -> the English form
_TRANSLITERATIONS = {
    "tsjernihiv": "chernihiv", "tsjerkasy": "cherkasy", "tsjernivtsi": "chernivtsi", "soemy": "sumy",
    "charkiw": "kharkiv", "saporischschja": "zaporizhzhia", "saporizja": "zaporizhzhia", "donezk": "donetsk",
    "loehansk": "luhansk", "cherson": "kherson", "kiew": "kyiv", "kiyv": "kyiv", "mykolajiw": "mykolaiv",
    "mykolajiv": "mykolaiv", "dnipropetrowsk": "dnipropetrovsk", "poltawa": "poltava", "schytomyr": "zhytomyr",
    "zjytomyr": "zhytomyr",
}


def _spelled(name: str) -> str:
    """The normal form with transliterations replaced and typos of "oblast" ("Obalst", "Olast") corrected."""
    words = []
    for word in normalise(name).split():
        if word != "oblast" and difflib.SequenceMatcher(None, word, "oblast").ratio() >= 0.8:
            word = "oblast"
        words.append(_TRANSLITERATIONS.get(word, word))
    return " ".join(words)


# Ukrainian adjective endings ("Kharkivs'ka", "Donets'ka") reduced to the centre's name
_ADJECTIVE = re.compile(r"(s?k[ay]|s[\s]?ka|ska|ska)$")


@lru_cache(maxsize=4096)
def province_code(name: str) -> tuple[str, str] | None:
    """(code, "name" | "spelling") for a province name, or None."""
    if not name or not name.strip():
        return None
    spelled = _spelled(name.split(",")[0])
    direct = region_code(name.split(",")[0]) or region_code(spelled)
    if direct:
        return direct, "name"
    core = re.sub(r"\s+", " ", _NOISE.sub(" ", spelled)).strip()
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
