"""Ukraine's first-level regions: ISO 3166-2:UA codes (from pycountry) and the names data files use for them.

Data files name oblasts in several ways: the transliterated adjective form pycountry gives ("Kyivska oblast"), the
English form ("Kyiv Oblast", "Kyiv region"), the bare centre name ("Kharkiv"), older spellings ("Kharkov"). This module
maps all of them to one code; it does not guess: an unknown name gives None.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import pycountry

COUNTRY = "UA"

# ISO code -> English short name of the region and further spellings seen in data files and news.
# The pycountry name (e.g. "Kyivska oblast") is added automatically.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "UA-05": ("Vinnytsia", "Vinnytsya", "Vinnitsa"),
    "UA-07": ("Volyn", "Volhynia", "Lutsk"),
    "UA-09": ("Luhansk", "Lugansk", "Luhanska"),
    "UA-12": ("Dnipropetrovsk", "Dnipro", "Dnepropetrovsk", "Dnipropetrovs'k"),
    "UA-14": ("Donetsk", "Donets'k"),
    "UA-18": ("Zhytomyr", "Zhitomir"),
    "UA-21": ("Zakarpattia", "Zakarpattya", "Transcarpathia", "Transcarpathian", "Uzhhorod"),
    "UA-23": ("Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Zaporizhzhya", "Zaporizhzhe"),
    "UA-26": ("Ivano-Frankivsk", "Ivano-Frankovsk"),
    "UA-30": ("Kyiv City", "Kyiv city", "Kiev City", "City of Kyiv", "m. Kyiv", "Kyiv (city)"),
    "UA-32": ("Kyiv Oblast", "Kyiv region", "Kiev Oblast", "Kiev region", "Kyivshchyna"),
    "UA-35": ("Kirovohrad", "Kirovograd", "Kropyvnytskyi", "Kropyvnytskyy"),
    "UA-40": ("Sevastopol", "Sevastopol City", "Sebastopol"),
    "UA-43": ("Crimea", "Autonomous Republic of Crimea", "Krym", "Respublika Krym", "Crimean Peninsula"),
    "UA-46": ("Lviv", "Lvov", "L'viv"),
    "UA-48": ("Mykolaiv", "Mykolayiv", "Nikolaev", "Nikolayev"),
    "UA-51": ("Odesa", "Odessa"),
    "UA-53": ("Poltava",),
    "UA-56": ("Rivne", "Rovno"),
    "UA-59": ("Sumy",),
    "UA-61": ("Ternopil", "Ternopol"),
    "UA-63": ("Kharkiv", "Kharkov"),
    "UA-65": ("Kherson",),
    "UA-68": ("Khmelnytskyi", "Khmelnytskyy", "Khmelnitsky", "Khmelnytsky"),
    "UA-71": ("Cherkasy", "Cherkassy"),
    "UA-74": ("Chernihiv", "Chernigov"),
    "UA-77": ("Chernivtsi", "Chernovtsy"),
}

_SUFFIXES = ("oblast", "region", "province", "obl", "oblast'")


def _norm(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = text.replace("'", "").replace("’", "")
    text = re.sub(r"[^a-z0-9]+", " ", text).strip()
    return text


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for sub in pycountry.subdivisions.get(country_code=COUNTRY):
        if sub.code == "UA-30":  # pycountry calls the city just "Kyiv", which also names the oblast's centre
            continue
        index[_norm(sub.name)] = sub.code
    for code, names in _EXTRA_NAMES.items():
        for name in names:
            index.setdefault(_norm(name), code)
    for key, code in list(index.items()):
        for suffix in _SUFFIXES:
            if code not in ("UA-30", "UA-40", "UA-43"):
                index.setdefault(f"{key} {_norm(suffix)}", code)
    # the bare name of Kyiv means the city in data files
    index[_norm("Kyiv")] = "UA-30"
    index[_norm("Kiev")] = "UA-30"
    return index


@lru_cache(maxsize=8192)
def region_code(name: str | None) -> str | None:
    """The ISO 3166-2:UA code for a region name, or None when the name is not a known Ukrainian region."""
    if not name:
        return None
    if name.strip().upper() in all_codes():
        return name.strip().upper()
    return _index().get(_norm(name))


@lru_cache(maxsize=1)
def all_codes() -> frozenset[str]:
    """Every first-level ISO 3166-2:UA code (27: 24 oblasts, Kyiv City, Sevastopol, Crimea)."""
    return frozenset(s.code for s in pycountry.subdivisions.get(country_code=COUNTRY))


def region_name(code: str) -> str:
    """A readable English name for a code (``UA-74`` -> ``Chernihiv oblast``)."""
    if code == COUNTRY:
        return "Ukraine"
    if code == "UA-30":
        return "Kyiv City"
    if code in ("UA-40", "UA-43"):
        return _EXTRA_NAMES[code][0]
    extra = _EXTRA_NAMES.get(code)
    if extra:
        base = re.sub(r"\s+(oblast|region)$", "", extra[0], flags=re.I)
        return f"{base} oblast"
    sub = pycountry.subdivisions.get(code=code)
    return sub.name if sub else code


def name_table() -> list[tuple[str, str]]:
    """(normalised name, code) pairs, for bulk joins in the store."""
    return sorted(_index().items())


def normalise(name: str) -> str:
    """The normal form names are matched in (lower case ASCII, single spaces)."""
    return _norm(name)
