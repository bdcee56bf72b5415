"""Statement place codes: reference back to an earlier place, the whole country, the grain deal, names that are not
places here."""

from __future__ import annotations

from datetime import date

from saydo.extract import extract
from saydo.ingest.articles import parse_text


def _places(nlp, text: str, starts: str) -> tuple[str, ...]:
    found = extract(parse_text(text, name="p.txt", published=date(2022, 7, 22)), nlp=nlp)
    statement = next(s for s in found if s.text.startswith(starts))
    return statement.places


def test_place_codes_definite_description_refers_back(nlp):
    text = ("Shelling hit Kramatorsk again on Monday, the regional governor said. "
            "He said the city would keep its shelters open all week.")
    assert _places(nlp, text, "He said the city") == ("UA-14",)


def test_place_codes_unlocalised_ceasefire_pledge_is_whole_country(nlp):
    text = "Russia's defence minister said Moscow would observe a ceasefire for two days."
    assert _places(nlp, text, "Russia's defence minister") == ("UA",)


def test_place_codes_grain_deal_is_odesa_oblast(nlp):
    text = "Ukraine's infrastructure minister said the grain deal would be extended for four more months."
    assert _places(nlp, text, "Ukraine's infrastructure minister") == ("UA-51",)


def test_place_codes_first_name_is_not_a_town(nlp):
    text = "Ukrainian President Volodymyr Zelensky said the talks had achieved nothing so far."
    assert _places(nlp, text, "Ukrainian President") == ()


def test_place_codes_kyiv_as_government_and_dateline_are_no_places(nlp):
    text = "KYIV, Ukraine (AP) — Russia's foreign ministry said the Kyiv regime had rejected the proposals."
    found = extract(parse_text(text, name="p.txt", published=date(2022, 7, 22)), nlp=nlp)
    assert found and all(s.places == () for s in found)


def test_place_codes_strikes_on_ukraine_are_whole_country(nlp):
    text = "Ukraine's foreign minister said Russia kept launching missiles at Ukraine over the holiday."
    assert _places(nlp, text, "Ukraine's foreign minister") == ("UA",)



def _all_places(nlp, text: str) -> dict[str, tuple[str, ...]]:
    found = extract(parse_text(text, name="p.txt", published=date(2022, 3, 9)), nlp=nlp)
    return {s.text: s.places for s in found}


def test_place_codes_small_town_off_the_route_is_a_namesake(nlp):
    text = "The governor said the convoy would go from Okhtyrka via Rakivka and Trostianets to Sumy."
    assert _places(nlp, text, "The governor said") == ("UA-59",)


def test_place_codes_opinion_about_the_deal_has_no_place(nlp):
    text = "The UN chief said the Black Sea Grain Initiative was a welcome step against world hunger."
    assert _places(nlp, text, "The UN chief") == ()


def test_place_codes_kyiv_outside_a_military_context_is_the_government(nlp):
    text = "The Russian negotiator said he hoped the right decisions would be made in Kiev before the next round."
    assert _places(nlp, text, "The Russian negotiator") == ()


def test_place_codes_kyiv_as_an_actor_or_a_clock_is_no_place(nlp):
    text = ("Russia's president promised to order a ceasefire in Ukraine if Kyiv started pulling its troops back. "
            "The minister said the convoy from Sumy would leave at 09:00 (Kyiv time).")
    places = _all_places(nlp, text)
    assert places[next(t for t in places if t.startswith("Russia's president"))] == ("UA",)
    assert places[next(t for t in places if t.startswith("The minister"))] == ("UA-59",)


def test_place_codes_country_in_the_speakers_title_is_no_place(nlp):
    text = "The commander of Russian troops in Ukraine said the troops would hold the line on the river bank."
    assert _places(nlp, text, "The commander") == ()


def test_place_codes_all_of_its_territory_is_the_whole_country(nlp):
    text = "Ukraine's foreign minister said Russia must withdraw its troops from all of its territory."
    assert _places(nlp, text, "Ukraine's foreign minister") == ("UA",)


def test_place_codes_spelling_variant_of_a_town(nlp):
    text = ("Two nurses of the Kurakhiv hospital were wounded by Russian shelling, officials said. "
            "The governor said boats on the Dnieper River were shelled.")
    places = _all_places(nlp, text)
    assert places[next(t for t in places if t.startswith("Two nurses"))] == ("UA-14",)
    assert places[next(t for t in places if t.startswith("The governor"))] == ()
