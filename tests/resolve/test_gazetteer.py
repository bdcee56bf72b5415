"""The gazetteer built from maintained data: oblasts, cities and their spellings, towns, macro-regions."""

from __future__ import annotations

import pytest

from saydo.resolve.gazetteer import GRAIN_DEAL, MACRO, gazetteer, known_codes, lookup, table_examples, villages


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


@pytest.mark.parametrize("name,codes", [
    ("Artemovsk", ("UA-14",)), ("Zaporozhye", ("UA-23",)), ("Khmelnitsky", ("UA-68",)), ("Dnepropetrovsk", ("UA-12",)),
    ("Zhitomir", ("UA-18",)), ("Rovno", ("UA-56",)), ("Lugansk", ("UA-09",)), ("Kremenchug", ("UA-53",)),
])
def test_gazetteer_spellings_come_from_the_romanisation_of_geonames_cyrillic_names(name, codes):
    assert lookup(name).codes == codes


def test_gazetteer_villages_shared_by_several_oblasts_have_candidates_not_codes():
    table = villages()
    assert len(table) > 5000  # GeoNames' places of 500+ people, not a hand list
    shared = next(p for p in table.values() if len(p.candidates) > 2)
    assert shared.codes == () and set(shared.candidates) <= known_codes()
    unique = next(p for p in table.values() if len(p.candidates) == 1)
    assert unique.codes == unique.candidates


def test_gazetteer_villages_never_shadow_a_town():
    assert not set(villages()) & set(gazetteer())


@pytest.mark.parametrize("name,codes,kind", [
    ("Azovstal", ("UA-14",), "site"), ("ZNPP", ("UA-23",), "site"), ("Kerch bridge", ("UA-43",), "site"),
    ("Chornobyl", ("UA-32",), "site"),  # the Ukrainian spelling of the site as well as the Russian one
    ("Ukrainian capital", ("UA-30",), "epithet"), ("Ukraine's second-largest city", ("UA-63",), "epithet"),
])
def test_gazetteer_sites_and_epithets_from_the_data_file(name, codes, kind):
    place = lookup(name)
    assert place.codes == codes and place.kind == kind


def test_gazetteer_data_tables_each_show_an_example_naming_an_entry():
    for kind, (about, example) in table_examples().items():
        assert about and any(p.name.lower() in example.lower() for p in gazetteer().values()
                             if p.kind == {"sites": "site", "epithets": "epithet", "macro_regions": "macro",
                                           "deals": "deal"}[kind]), kind


@pytest.mark.parametrize("word", ["Human", "Volodymyr", "Police", "Moldova"])
def test_gazetteer_names_that_are_words_or_first_names_are_not_places(word):
    assert lookup(word) is None and word.lower() not in villages()
