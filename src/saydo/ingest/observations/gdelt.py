"""GDELT 2.0 event exports: tab-separated, no header, 61 columns, CAMEO event codes.

Only material conflict is in scope: QuadClass 4, or CAMEO root codes 18 (assault), 19 (fight) and 20 (mass
violence), located in Ukraine. The region comes from ``ActionGeo_ADM1Code`` — FIPS 10-4 codes ``UP01``..``UP27``,
mapped to ISO 3166-2:UA below — else from the action's coordinates. Other rows (cooperation, statements, events
elsewhere) are out of scope: they are counted, and stored as one summary line in ``rejects`` per file rather than
one row each (a day of GDELT holds hundreds of thousands of them).
"""

from __future__ import annotations

from pathlib import Path

from saydo.ingest.observations.base import register
from saydo.ingest.observations.bulk import Plan, day_end, day_start, sql_repr

COLUMNS = 61
ID, DAY, ACTOR1, ACTOR1_COUNTRY = 0, 1, 6, 7
EVENT_CODE, ROOT_CODE, QUAD_CLASS = 26, 28, 29
GEO_COUNTRY, GEO_ADM1, GEO_LAT, GEO_LON, GEO_NAME = 53, 54, 56, 57, 52
SOURCE_URL = 60

# FIPS 10-4 first-level codes of Ukraine, as GDELT writes them in ActionGeo_ADM1Code (country code UP + two digits),
# and the ISO 3166-2:UA code of the same unit. FIPS numbers the units in the alphabetical order of their Ukrainian
# names (as romanised in the 1990s); the same numbering is GeoNames' admin1 code for Ukraine, which a test checks.
FIPS_ADM1 = {
    "UP01": "UA-71",  # Cherkasy
    "UP02": "UA-74",  # Chernihiv
    "UP03": "UA-77",  # Chernivtsi
    "UP04": "UA-12",  # Dnipropetrovsk
    "UP05": "UA-14",  # Donetsk
    "UP06": "UA-26",  # Ivano-Frankivsk
    "UP07": "UA-63",  # Kharkiv
    "UP08": "UA-65",  # Kherson
    "UP09": "UA-68",  # Khmelnytskyi
    "UP10": "UA-35",  # Kirovohrad
    "UP11": "UA-43",  # Crimea (Krym)
    "UP12": "UA-30",  # Kyiv City
    "UP13": "UA-32",  # Kyiv oblast
    "UP14": "UA-09",  # Luhansk
    "UP15": "UA-46",  # Lviv
    "UP16": "UA-48",  # Mykolaiv
    "UP17": "UA-51",  # Odesa
    "UP18": "UA-53",  # Poltava
    "UP19": "UA-56",  # Rivne
    "UP20": "UA-40",  # Sevastopol
    "UP21": "UA-59",  # Sumy
    "UP22": "UA-61",  # Ternopil
    "UP23": "UA-05",  # Vinnytsia
    "UP24": "UA-07",  # Volyn
    "UP25": "UA-21",  # Zakarpattia
    "UP26": "UA-23",  # Zaporizhzhia
    "UP27": "UA-18",  # Zhytomyr
}

EVENT_CODES = {"194": "shelling", "195": "airstrike", "196": "ceasefire_violation", "193": "ground_clash",
               "190": "military_force", "191": "blockade", "192": "territory_change"}
ROOTS = {"18": "assault", "19": "military_force", "20": "mass_violence"}
SCOPE = "not material conflict (QuadClass 4 or CAMEO roots 18-20) in Ukraine"


def event_type(code: str, root: str) -> str:
    return EVENT_CODES.get(code[:3]) or ROOTS.get(root) or "material_conflict_other"


def _f(index: int) -> str:
    return f"trim(f[{index + 1}])"


def _fips(name: str) -> tuple[str, str] | None:
    code = FIPS_ADM1.get(name.strip().upper())
    return (code, "name") if code else None


class GdeltEvents:
    name = "gdelt"
    source = "gdelt"
    description = "GDELT 2.0 events export (tab-separated, 61 columns, CAMEO codes)"
    delimiter = "\t"
    has_header = False
    quoting = False  # GDELT never quotes: a quote character is data
    field_count = COLUMNS
    scope = SCOPE

    def matches(self, header: list[str]) -> bool:
        return False  # no header: recognised by sniff()

    def sniff(self, path: Path) -> bool:
        with path.open(encoding="utf-8", errors="replace") as fh:
            first = fh.readline(1 << 16).lstrip("\ufeff").rstrip("\r\n").split("\t")
        return len(first) == COLUMNS and first[0].isdigit() and len(first[1]) == 8 and first[1].isdigit()

    def plan(self, path: Path, header: list[str] | None) -> Plan:
        code, root, day = _f(EVENT_CODE), _f(ROOT_CODE), _f(DAY)
        types = " ".join(f"WHEN left({code}, 3) = '{k}' THEN '{v}'" for k, v in EVENT_CODES.items())
        types += " " + " ".join(f"WHEN {root} = '{k}' THEN '{v}'" for k, v in ROOTS.items())
        date = f"CASE WHEN regexp_full_match({day}, '[0-9]{{8}}') THEN try_strptime({day}, '%Y%m%d')::DATE END"
        roots = ", ".join(f"'{r}'" for r in ROOTS)
        return Plan(
            columns={
                "_day": date, "started_at": day_start("_day"), "finished_at": day_end("_day"),
                "event_type": f"CASE {types} ELSE 'material_conflict_other' END",
                "row_id": _f(ID), "lat": f"TRY_CAST({_f(GEO_LAT)} AS DOUBLE)",
                "lon": f"TRY_CAST({_f(GEO_LON)} AS DOUBLE)",
                "actor": f"coalesce(nullif({_f(ACTOR1)}, ''), nullif({_f(ACTOR1_COUNTRY)}, ''))",
                "description": f"nullif(left(trim({_f(GEO_NAME)} || ' ' || {_f(SOURCE_URL)}), 300), '')",
                "level": "'event'",
            },
            name=f"f[{GEO_ADM1 + 1}]", resolve_name=_fips,
            shape=f"CASE WHEN len(f) <> {COLUMNS} THEN 'expected {COLUMNS} tab-separated fields, found ' "
                  f"|| len(f) END",
            in_scope=f"({_f(QUAD_CLASS)} = '4' OR {root} IN ({roots})) AND {_f(GEO_COUNTRY)} = 'UP'",
            no_region=f"'ActionGeo_ADM1Code ' || {sql_repr('_name')} || ' is not a Ukrainian region and the "
                      f"coordinates are not near a known place in Ukraine'",
            checks=[("_day IS NULL", f"'Day ' || {sql_repr(day)} || ' is not a date as YYYYMMDD'")],
        )


register(GdeltEvents())
