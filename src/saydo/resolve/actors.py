"""Who a speaker speaks for: ISO 3166-1 alpha-3 for states, acronyms for organisations, CIV for private persons.

The lexicon maps countries, their capitals used as metonyms ("Moscow said"), demonyms ("Russian", "Ukrainian") and
institutions ("the Kremlin", "the Pentagon") to an actor code.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

# Capitals, institutions and other names that stand for a state in reporting.
_STATE_NAMES: dict[str, str] = {
    "moscow": "RUS", "kremlin": "RUS", "russia": "RUS", "russian federation": "RUS", "wagner": "RUS",
    "rosaviatsia": "RUS", "tass": "RUS", "ria novosti": "RUS", "interfax": "RUS", "dpr": "RUS", "lpr": "RUS",
    "donetsk people's republic": "RUS", "luhansk people's republic": "RUS", "russian orthodox church": "RUS",
    "kyiv": "UKR", "kiev": "UKR", "ukraine": "UKR", "zelensky": "UKR", "zelenskyy": "UKR", "zelenskiy": "UKR",
    "ukrinform": "UKR", "verkhovna rada": "UKR", "naftogaz": "UKR", "ukrenergo": "UKR", "energoatom": "UKR",
    "washington": "USA", "white house": "USA", "pentagon": "USA", "state department": "USA",
    "ankara": "TUR", "turkey": "TUR", "türkiye": "TUR", "minsk": "BLR", "paris": "FRA", "elysee": "FRA",
    "élysée": "FRA", "elysium": "FRA", "london": "GBR", "downing street": "GBR", "berlin": "DEU", "beijing": "CHN",
    "kremlin spokesman": "RUS",
    # the Holy See speaks through the Pope and his envoys ("the Vatican said", "the pontiff offered")
    "holy see": "VAT", "vatican": "VAT", "pope": "VAT", "pontiff": "VAT",
    # common names of states that differ from their ISO names
    "britain": "GBR", "great britain": "GBR", "uk": "GBR", "u.k.": "GBR", "u.s.": "USA",
    "america": "USA", "united states": "USA", "south korea": "KOR", "north korea": "PRK", "uae": "ARE",
    "u.a.e.": "ARE", "emirates": "ARE",
}
# Other capitals of states in the war's diplomacy. Reporting uses them for their governments ("Ottawa will send"),
# but they also open treaty names ("the Budapest Memorandum"), lists of cities and first names ("Sofia"), so they
# stand for a state only as a subject of their own (``actor_of_capital``), never as a speaker's name. Brussels is
# left out: the EU's seat as much as Belgium's.
CAPITALS: dict[str, str] = {
    "ottawa": "CAN", "tokyo": "JPN", "rome": "ITA", "warsaw": "POL", "budapest": "HUN", "madrid": "ESP",
    "tallinn": "EST", "riga": "LVA", "vilnius": "LTU", "helsinki": "FIN", "stockholm": "SWE", "oslo": "NOR",
    "copenhagen": "DNK", "hague": "NLD", "prague": "CZE", "bratislava": "SVK", "bucharest": "ROU",
    "chisinau": "MDA", "tbilisi": "GEO", "new delhi": "IND", "delhi": "IND", "tehran": "IRN", "pyongyang": "PRK",
    "seoul": "KOR", "canberra": "AUS", "pretoria": "ZAF", "brasilia": "BRA", "brasília": "BRA", "riyadh": "SAU",
    "doha": "QAT", "abu dhabi": "ARE", "vienna": "AUT", "athens": "GRC", "belgrade": "SRB",
    "baku": "AZE", "yerevan": "ARM", "astana": "KAZ", "bern": "CHE", "dublin": "IRL", "lisbon": "PRT",
}


def actor_of_capital(name: str) -> str | None:
    """The state whose capital ``name`` is ("Ottawa" -> CAN), else None."""
    return CAPITALS.get(re.sub(r"^the\s+", "", name.strip().lower()))


_ORGS: dict[str, str] = {
    "united nations": "UN", "un": "UN", "u.n.": "UN", "unicef": "UN", "ohchr": "UN", "unhcr": "UN", "who": "UN",
    "nato": "NATO", "european union": "EU", "eu": "EU", "european commission": "EU", "iaea": "IAEA",
    "international committee of the red cross": "ICRC", "red cross": "ICRC", "icrc": "ICRC", "osce": "OSCE",
    "amnesty international": "CIV", "human rights watch": "CIV",
}
# the international bodies' codes (not "CIV" for the NGOs also named above)
ORGANISATIONS = frozenset(code for code in _ORGS.values() if code != "CIV")
_DEMONYMS: dict[str, str] = {
    "russian": "RUS", "russians": "RUS", "ukrainian": "UKR", "ukrainians": "UKR", "american": "USA", "u.s.": "USA",
    "us": "USA", "turkish": "TUR", "belarusian": "BLR", "belarussian": "BLR", "french": "FRA", "british": "GBR",
    "german": "DEU", "chinese": "CHN", "polish": "POL", "israeli": "ISR", "iranian": "IRN", "indian": "IND",
    "emirati": "ARE", "saudi": "SAU", "qatari": "QAT", "hungarian": "HUN", "italian": "ITA",
    # other states often in the war's news, by the adjective English uses for them
    "greek": "GRC", "dutch": "NLD", "norwegian": "NOR", "swedish": "SWE", "finnish": "FIN", "danish": "DNK",
    "estonian": "EST", "latvian": "LVA", "lithuanian": "LTU", "romanian": "ROU", "moldovan": "MDA",
    "georgian": "GEO", "armenian": "ARM", "azerbaijani": "AZE", "kazakh": "KAZ", "japanese": "JPN",
    "spanish": "ESP", "austrian": "AUT", "swiss": "CHE", "belgian": "BEL", "czech": "CZE", "slovak": "SVK",
    "bulgarian": "BGR", "serbian": "SRB", "croatian": "HRV", "canadian": "CAN", "brazilian": "BRA",
    "irish": "IRL", "egyptian": "EGY", "syrian": "SYR", "north korean": "PRK", "south korean": "KOR",
    "south african": "ZAF",
    "papal": "VAT", "vatican": "VAT",
    "soviet": "RUS", "kremlin": "RUS", "pro-russian": "RUS", "pro-kremlin": "RUS", "occupation": "RUS",
    "occupying": "RUS", "occupiers": "RUS", "occupier": "RUS", "separatist": "RUS", "separatists": "RUS",
}

# Surnames of heads of state and government, ministers and spokespeople who speak for a side throughout the war:
# reporting often names them without a role.
PUBLIC_FIGURES: dict[str, str] = {
    "putin": "RUS", "peskov": "RUS", "lavrov": "RUS", "shoigu": "RUS", "zakharova": "RUS", "medvedev": "RUS",
    "gerasimov": "RUS", "konashenkov": "RUS", "prigozhin": "RUS", "kadyrov": "RUS", "nebenzia": "RUS",
    "zelensky": "UKR", "zelenskyy": "UKR", "zelenskiy": "UKR", "kuleba": "UKR", "podolyak": "UKR", "podolyak's": "UKR",
    "yermak": "UKR", "reznikov": "UKR", "vereshchuk": "UKR", "arestovych": "UKR", "zaluzhnyi": "UKR", "budanov": "UKR",
    "shmyhal": "UKR", "klitschko": "UKR", "arakhamia": "UKR", "syrskyi": "UKR", "umerov": "UKR",
    "biden": "USA", "blinken": "USA", "austin": "USA", "kirby": "USA", "sullivan": "USA", "psaki": "USA",
    "erdogan": "TUR", "erdoğan": "TUR", "cavusoglu": "TUR", "çavuşoğlu": "TUR", "akar": "TUR", "macron": "FRA",
    "scholz": "DEU", "johnson": "GBR", "sunak": "GBR", "lukashenko": "BLR", "guterres": "UN", "grossi": "IAEA",
    "stoltenberg": "NATO", "borrell": "EU", "von der leyen": "EU", "xi": "CHN",
    # officials and negotiators of later years, spelled as English-language wires spell them
    "medinsky": "RUS", "ushakov": "RUS", "belousov": "RUS", "mishustin": "RUS", "ryabkov": "RUS", "rudskoy": "RUS",
    "rudskoi": "RUS", "mizintsev": "RUS", "surovikin": "RUS", "patrushev": "RUS", "naryshkin": "RUS",
    "moskalkova": "RUS", "likhachev": "RUS", "polyanskiy": "RUS", "polyansky": "RUS", "pushilin": "RUS",
    "saldo": "RUS", "balitsky": "RUS", "gladkov": "RUS", "sobyanin": "RUS", "galuzin": "RUS", "volodin": "RUS",
    "sybiha": "UKR", "lubinets": "UKR", "podoliak": "UKR", "zelenska": "UKR", "stefanchuk": "UKR",
    "svyrydenko": "UKR", "kubrakov": "UKR", "danilov": "UKR", "kyslytsya": "UKR", "ihnat": "UKR", "pletenchuk": "UKR",
    "yusov": "UKR", "syniehubov": "UKR", "prokudin": "UKR", "lysak": "UKR", "vilkul": "UKR", "tykhyi": "UKR",
    "nikiforov": "UKR", "nykyforov": "UKR", "haluschenko": "UKR", "halushchenko": "UKR", "zhovkva": "UKR",
    "fedorov": "UKR",
    "trump": "USA", "vance": "USA", "rubio": "USA", "witkoff": "USA", "waltz": "USA", "kellogg": "USA",
    "hegseth": "USA", "leavitt": "USA", "starmer": "GBR", "lammy": "GBR", "healey": "GBR", "fidan": "TUR",
    "orban": "HUN", "orbán": "HUN", "szijjarto": "HUN", "szijjártó": "HUN", "duda": "POL", "tusk": "POL",
    "sikorski": "POL", "merz": "DEU", "meloni": "ITA", "stubb": "FIN", "rutte": "NATO", "kallas": "EU",
    # heads of state and government and foreign ministers of other states in the war's diplomacy
    "modi": "IND", "jaishankar": "IND", "truss": "GBR", "cleverly": "GBR", "shapps": "GBR", "trudeau": "CAN",
    "carney": "CAN", "joly": "CAN", "kishida": "JPN", "ishiba": "JPN", "lula": "BRA", "ramaphosa": "ZAF",
    "mitsotakis": "GRC", "fico": "SVK", "vucic": "SRB", "vučić": "SRB", "aliyev": "AZE", "pashinyan": "ARM",
    "tokayev": "KAZ", "nauseda": "LTU", "nausėda": "LTU", "rinkevics": "LVA", "rinkēvičs": "LVA", "tsahkna": "EST",
    "sandu": "MDA", "baerbock": "DEU", "pistorius": "DEU", "wadephul": "DEU", "barrot": "FRA", "pezeshkian": "IRN",
    "raisi": "IRN", "araghchi": "IRN", "amirabdollahian": "IRN", "netanyahu": "ISR", "frederiksen": "DNK",
    "kristersson": "SWE", "niinisto": "FIN", "niinistö": "FIN", "dujarric": "UN",
    # family name first: the whole name
    "xi jinping": "CHN", "wang yi": "CHN", "wang wenbin": "CHN", "mao ning": "CHN", "li qiang": "CHN", "li hui": "CHN",
    "kim jong un": "PRK", "kim jong-un": "PRK",
    "harris": "USA",  # Kamala Harris, whose first name the small model often leaves out of the name
}

# Words describing a private person: residents, witnesses, families.
CIVILIAN_WORDS = re.compile(
    r"\b(resident|residents|civilian|civilians|local|locals|woman|man|mother|father|wife|husband|pensioner|"
    r"student|teacher|volunteer|shopkeeper|refugee|refugees|evacuee|neighbou?r|witness|farmer|driver|doctor|nurse|"
    r"blogger|journalist|partner|citizen|citizens|businessman|worker|employee|owner|grandmother|grandfather)\b",
    re.I,
)
# Roles that make a person speak for a state or organisation.
OFFICIAL_WORDS = re.compile(
    r"\b(minister|ministry|president|presidential|presidency|premier|prime|spokes\w*|adviser|advisor|official|"
    r"officials|"
    r"governor|mayor|general|commander|chief|head|army|forces|military|troops|defen[cs]e|foreign|ambassador|envoy|"
    r"negotiator|delegation|delegate|deputy|deputies|secretary|parliament|lawmakers?|legislators?|mps?|senators?|"
    r"kremlin|government|"
    r"administration|authorities|staff|command|council|service|agency|office|prosecutor|ombuds\w*|"
    r"representative|press|navy|air force|guard|directorate|intelligence|diplomat|leader|chancellor|"
    r"patriarch|church|company|operator|colonel|lieutenant|admiral|brigadier|major general|captain|sergeant|"
    r"marshal|aides?|coordinator|commissioner|chair(?:man|woman|person)?|director|mediator|inspector|consul|"
    r"emissary|rapporteur|dictator|strongman|autocrat|despot|pope|pontiff)\b"
    r"|\b(?:col|gen|lt|maj|adm|brig)\.",  # military ranks, written out or cut short ("Col. Gen.")
    re.I,
)


@lru_cache(maxsize=1)
def _countries() -> dict[str, str]:
    table: dict[str, str] = {}
    for country in pycountry.countries:
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                table.setdefault(name.lower(), country.alpha_3)
    return table


def actor_of_name(text: str) -> str | None:
    """The actor a name or phrase stands for on its own ("the Kremlin" -> RUS, "NATO" -> NATO), else None."""
    key = re.sub(r"['’]s$", "", re.sub(r"^(the)\s+", "", text.strip().lower()).strip(" .,")).strip(" .,'’")
    if key in _UPPER_ONLY and key.upper() not in text:
        return None  # "who", "us": words, not the WHO or the United States, unless written in capitals
    if key in _ORGS:
        return _ORGS[key]
    if key in _STATE_NAMES:
        return _STATE_NAMES[key]
    return _countries().get(key)


def actor_of_person(name: str) -> str | None:
    """The side a well-known public figure speaks for, from the last words of the name (the surname, or a name of
    several words)."""
    parts = name.lower().replace("’", "'").removesuffix("'s").split()
    # a name of several words first ("von der leyen"; "xi jinping", whose family name comes first), then the surname
    for size in (3, 2, 1):
        if len(parts) >= size and (side := PUBLIC_FIGURES.get(" ".join(parts[-size:]))):
            return side
    return None


_UPPER_ONLY = {"un", "us", "eu", "who"}


def _regular_demonyms() -> dict[str, str]:
    """The adjectives English makes regularly of one-word country names: -a to -an ("Albania" -> "Albanian"), and
    -i, -ian or -ese after a consonant ("Israeli", "Iranian", "Japanese"). Forms that are no words ("Chinan") match
    nothing; a form two names make ("Nigerian": Nigeria, Niger) is left out; the irregular ones are in _DEMONYMS."""
    made: dict[str, set[str]] = {}
    for name, code in _countries().items():
        if not name.isalpha() or len(name) < 4:
            continue
        forms = [name + "n"] if name.endswith("a") else \
            [name + "i", name + "ian", name + "ese"] if name[-1] not in "aeiouy" else []
        for form in forms:
            made.setdefault(form, set()).add(code)
    return {form: codes.pop() for form, codes in made.items() if len(codes) == 1}


@lru_cache(maxsize=1)
def _phrase_index() -> tuple[re.Pattern, dict[str, str]]:
    """One compiled alternation over every name the lexicon knows, longest first, and the name -> actor map."""
    table: dict[str, str] = {}
    for name, code in _countries().items():
        if len(name) >= 4:
            table.setdefault(name, code)
    for form, code in _regular_demonyms().items():
        table.setdefault(form, code)  # never over a country's own name
    for source in (_DEMONYMS, _STATE_NAMES, _ORGS):
        table.update(source)
    names = sorted(table, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return pattern, table


def actor_in_phrase(text: str) -> str | None:
    """The first actor named inside a descriptive phrase ("Russia's deputy defence minister" -> RUS)."""
    pattern, table = _phrase_index()
    lowered = text.lower()
    for m in pattern.finditer(lowered):
        name = m.group(1)
        if name in _UPPER_ONLY and text[m.start():m.end()] != name.upper():
            continue
        return table[name]
    return None


def looks_official(text: str) -> bool:
    return bool(OFFICIAL_WORDS.search(text))


def looks_civilian(text: str) -> bool:
    return bool(CIVILIAN_WORDS.search(text))
