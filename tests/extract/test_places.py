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


def _codes(nlp, text: str) -> dict[str, tuple[str, ...]]:
    doc = nlp(text)
    return {s.text: s._.codes for s in doc.spans["places"]}


def test_places_village_placed_by_the_region_named_with_it(nlp):
    # Olenivka is a village name in several oblasts: the region named beside it says which
    found = _codes(nlp, "The prison near Olenivka in the Donbas region was hit on Friday, the ministry said.")
    assert found["Olenivka"] == ("UA-14",)


def test_places_village_placed_by_an_oblast_named_earlier_in_the_article(nlp):
    text = ("Shelling went on across Donetsk oblast overnight.\n\n"
            "Two houses burned in Yelenovka, the local council said.")
    assert _codes(nlp, text)["Yelenovka"] == ("UA-14",)


def test_places_village_the_text_does_not_place_is_left_out(nlp):
    assert "Olenivka" not in _codes(nlp, "A convoy reached Olenivka before dawn, the council said.")


def test_places_village_name_inside_a_personal_name_is_no_place(nlp):
    assert _codes(nlp, "The minister met Serhii Bezimenne and Anna Bilmak in the capital.") == {}


def test_places_lowercase_town_after_a_preposition(nlp):
    assert _codes(nlp, "Officials in kyiv said the sirens had stopped.") == {"kyiv": ("UA-30",)}


@pytest.mark.parametrize("text,name,codes", [
    ("Evacuees left Azovstal on buses, the council said.", "Azovstal", ("UA-14",)),
    ("Drones flew over the Ukrainian capital at night, officials said.", "Ukrainian capital", ("UA-30",)),
    ("Artillery hit Artemovsk and Nikolaev, the army said.", "Artemovsk", ("UA-14",)),
    ("Artillery hit Artemovsk and Nikolaev, the army said.", "Nikolaev", ("UA-48",)),
])
def test_places_sites_epithets_and_other_transliterations(nlp, text, name, codes):
    assert _codes(nlp, text)[name] == codes


def test_places_a_town_named_for_its_river_is_the_river(nlp):
    doc = nlp("The brigade crossed the Dnipro at night and reached the Irpin River by dawn, far from Dnipro city.")
    assert [s.text for s in doc.spans["places"]] == ["Dnipro"]
    assert doc.spans["places"][0].start > 12  # the town, not the river
    regions = nlp("The Kherson and Zaporizhzhia regions and the Dnipro region were shelled.")
    assert [s.text for s in regions.spans["places"]][:2] == ["Kherson", "Zaporizhzhia"]


def test_places_a_dateline_is_a_sentence_of_its_own(nlp):
    doc = nlp("ODESA, May 2 (Wire) - The port will reopen on Friday, the ministry said.")
    starts = [s.text for s in doc.sents]
    assert starts[-1].startswith("The port will reopen")
    plain = nlp("NATO is ready to help - the ministry said so on Friday.")
    assert len(list(plain.sents)) == 1  # an acronym opening a sentence is no dateline


def test_places_a_name_cut_at_its_particle_runs_on(nlp):
    doc = nlp("The commissioner, Greta van der Berg, said the fund would open in May.")
    assert "Greta van der Berg" in [e.text for e in doc.ents if e.label_ == "PERSON"]


def test_places_a_city_naming_an_outlet_or_a_place_abroad_is_no_place(nlp):
    from datetime import date

    from saydo.extract import extract
    from saydo.ingest.articles import parse_text

    # "the Kyiv Independent", "the Odesa Journal": the city names the outlet; "Novgorod" (in Russia) is no other
    # spelling of Novhorod in Chernihiv oblast
    for text in ("A Polish diplomat said to the Kyiv Independent on Friday that the army had few such missiles.",
                 "Lavrov said drones had been launched at an estate near Novgorod overnight."):
        found = extract(parse_text(text, name="o.txt", published=date(2025, 1, 2)), nlp=nlp)
        assert found and all(s.places == () for s in found), text
    found = extract(parse_text("The governor said shelling hit Odesa overnight.", name="o.txt",
                               published=date(2025, 1, 2)), nlp=nlp)
    assert found[0].places == ("UA-51",)
