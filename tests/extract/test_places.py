"""The gazetteer component: names to ISO 3166-2 codes, overriding the small model's labels."""

from __future__ import annotations

import pytest

from saydo.resolve.gazetteer import lookup


@pytest.mark.parametrize("name,codes", [
    ("Kyiv", ("UA-30",)), ("Kiev", ("UA-30",)), ("Kyiv region", ("UA-32",)), ("Chernihiv", ("UA-74",)),
    ("Chernigov", ("UA-74",)), ("Mykolaiv", ("UA-48",)), ("Mykolayiv", ("UA-48",)), ("Irpin", ("UA-32",)),
    ("Bucha", ("UA-32",)), ("Volnovakha", ("UA-14",)), ("Kharkov", ("UA-63",)), ("Odessa", ("UA-51",)),
    ("Donbas", ("UA-14", "UA-09")), ("front line", ("UA",)),
])
def test_places_gazetteer_spellings(name, codes):
    assert lookup(name).codes == codes


def test_places_override_person_labels(nlp):
    doc = nlp("Residents of Kyiv and Chernihiv said the shelling went on near Irpin.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Kyiv") == "GPE" and labels.get("Chernihiv") == "GPE"
    assert {s.text: s._.codes for s in doc.spans["places"]}["Irpin"] == ("UA-32",)


def test_places_lowercase_words_are_not_places(nlp):
    doc = nlp("The sumy of the parts was odessa-like in no way.")
    assert not [s.text for s in doc.spans["places"]]


@pytest.mark.parametrize("name,key", [
    ("Kurakhiv", "kurakhove"), ("Mykolaiiv", "mykolaiv"), ("Zaporozhzhia", "zaporizhzhia"),
    ("Belgorod", None), ("Dnieper", None), ("Peskov", None), ("Kharkiv", None),
])
def test_places_spelling_variants(name, key):
    from saydo.extract.places import spelling_variant

    assert spelling_variant(name) == key


def test_places_small_towns_carry_their_population():
    assert 0 < lookup("Rakivka").population < 30_000 and lookup("Kharkiv").kind == "city"
