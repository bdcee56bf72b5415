"""The gazetteer built from maintained data: oblasts, cities and their spellings, towns, macro-regions."""

from __future__ import annotations

import pytest

from saydo.resolve.gazetteer import GRAIN_DEAL, MACRO, gazetteer, known_codes, lookup


@pytest.mark.parametrize("name,codes", [
    ("Kharkiv", ("UA-63",)), ("Kharkov", ("UA-63",)), ("Odesa", ("UA-51",)), ("Odessa", ("UA-51",)),
    ("Mykolaiv", ("UA-48",)), ("Nikolaev", ("UA-48",)), ("Zaporizhzhia", ("UA-23",)), ("Kherson", ("UA-65",)),
    ("Chernihiv region", ("UA-74",)), ("Kiev oblast", ("UA-32",)), ("Donbass", ("UA-14", "UA-09")),
    ("Sevastopol", ("UA-40",)), ("Crimea", ("UA-43",)), ("eastern Ukraine", ("UA-14", "UA-09", "UA-63")),
    ("Black Sea Grain Initiative", ("UA-51",)), ("line of contact", ("UA",)),
])
def test_gazetteer_names_to_codes(name, codes):
    assert lookup(name).codes == codes


def test_gazetteer_built_from_geonames_beyond_the_supplement():
    table = gazetteer()
    cities = [p for p in table.values() if p.kind == "city"]
    assert len(cities) > 300  # GeoNames' Ukrainian cities and their transliterations, not a hand list
    assert lookup("Kremenchug").codes == ("UA-53",) or lookup("Kremenchuk").codes == ("UA-53",)


def test_gazetteer_every_code_is_iso_3166_2():
    valid = known_codes()
    for place in gazetteer().values():
        assert set(place.codes) <= valid, place


def test_gazetteer_macro_regions_are_documented():
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[2] / "docs" / "extraction.md").read_text(encoding="utf-8")
    for name in ("Donbas", "eastern Ukraine", "southern Ukraine", "front line", "grain deal"):
        assert name in doc, name
    assert set(MACRO) and set(GRAIN_DEAL)
