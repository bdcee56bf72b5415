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
