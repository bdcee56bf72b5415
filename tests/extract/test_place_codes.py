"""Statement place codes: reference back to an earlier place, the whole country, the grain deal, names that are not
places here."""

from __future__ import annotations

from datetime import date

import pytest

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


def test_place_codes_a_ceasefire_only_talked_about_places_nothing(nlp):
    # a ceasefire pledged holds along the whole front (above); one a claim only mentions places nothing
    text = "The Turkish foreign minister said the two delegations had talked about a truce at length."
    assert _places(nlp, text, "The Turkish foreign minister") == ()


def _all_places(nlp, text: str) -> dict[str, tuple[str, ...]]:
    found = extract(parse_text(text, name="p.txt", published=date(2022, 3, 9)), nlp=nlp)
    return {s.text: s.places for s in found}


def test_place_codes_corridor_statement_takes_the_route_list_that_follows(nlp):
    text = ("The two sides have agreed to open four evacuation corridors on Friday, the deputy prime minister said.\n\n"
            "The corridors run in these directions:\n\n"
            "• Trostianets – Romny.\n\n"
            "• From Melitopol in the direction of Zaporizhzhia.\n\n"
            "• Lysychansk – Bakhmut.\n")
    places = _all_places(nlp, text)
    assert places[next(t for t in places if t.startswith("The two sides"))] == ("UA-09", "UA-14", "UA-23", "UA-59")


def test_place_codes_numbered_routes_add_the_routes_on_the_same_line(nlp):
    text = ("From Kherson, civilians will leave by two routes, the regional governor said. Route 1 runs via "
            "Snihurivka to Mykolaiv. Route 2 runs via Beryslav to Kryvyi Rih.")
    places = _all_places(nlp, text)
    assert places[next(t for t in places if t.startswith("From Kherson"))] == ("UA-12", "UA-48", "UA-65")


def test_place_codes_corridor_reference_takes_origin_and_destination(nlp):
    text = ("The governor said the corridor from Okhtyrka to Poltava would open at nine. "
            "He said the sides had confirmed the route in writing.")
    assert _places(nlp, text, "He said the sides") == ("UA-53", "UA-59")


def test_place_codes_other_routes_do_not_refer_back(nlp):
    text = ("The governor said the corridor from Okhtyrka to Poltava would open at nine. "
            "He said the sides had not agreed on any other routes.")
    assert _places(nlp, text, "He said the sides had not") == ()


def test_place_codes_corridor_in_a_relative_clause_is_background(nlp):
    text = ("The governor said the corridor from Okhtyrka to Poltava would open at nine. "
            "He said the Red Cross, which had helped plan the corridor, kept copies of the letters.")
    assert _places(nlp, text, "He said the Red Cross") == ()


def test_place_codes_small_town_off_the_route_is_a_namesake(nlp):
    text = "The governor said the convoy would go from Okhtyrka via Rakivka and Trostianets to Sumy."
    assert _places(nlp, text, "The governor said") == ("UA-59",)


def test_place_codes_reference_to_a_place_abroad_is_no_place(nlp):
    text = ("Shelling near Kharkiv went on all week, the governor said. "
            "The Russian governor said artillery fire continued in Belgorod overnight. "
            "He said the city had lost power.")
    assert _places(nlp, text, "He said the city") == ()


def test_place_codes_agreement_refers_to_the_deal_named_paragraphs_before(nlp):
    text = ("Turkey's defence minister said the Black Sea grain deal would run for four more months.\n\n"
            "Ships left port on Monday with wheat for Egypt.\n\n"
            "Prices of wheat fell on the news.\n\n"
            "Traders expect more ships next week.\n\n"
            "Moscow's envoy said Russia would quit the agreement if its own exports stayed blocked.")
    assert _places(nlp, text, "Moscow's envoy") == ("UA-51",)


def test_place_codes_opinion_about_the_deal_has_no_place(nlp):
    text = "The UN chief said the Black Sea Grain Initiative was a welcome step against world hunger."
    assert _places(nlp, text, "The UN chief") == ()


def test_place_codes_further_strike_report_keeps_the_speakers_places(nlp):
    text = ("The defence ministry said its missiles hit military depots near Mykolaiv and Kherson. "
            "It said it also destroyed two radar stations, the ministry added.")
    assert _places(nlp, text, "It said it also destroyed") == ("UA-48", "UA-65")


def test_place_codes_strikes_as_a_topic_do_not_carry_places_on(nlp):
    text = ("The president said he had visited soldiers near Bakhmut on Monday. "
            "He said he also told the visitors about the daily missile strikes.")
    assert _places(nlp, text, "He said he also told") == ()


def test_place_codes_kyiv_outside_a_military_context_is_the_government(nlp):
    text = "The Russian negotiator said he hoped the right decisions would be made in Kiev before the next round."
    assert _places(nlp, text, "The Russian negotiator") == ()


def test_place_codes_kyiv_as_an_actor_or_a_clock_is_no_place(nlp):
    text = ("Russia's president promised to order a ceasefire in Ukraine if Kyiv started pulling its troops back. "
            "The minister said the convoy from Sumy would leave at 09:00 (Kyiv time).")
    places = _all_places(nlp, text)
    assert places[next(t for t in places if t.startswith("Russia's president"))] == ("UA",)
    assert places[next(t for t in places if t.startswith("The minister"))] == ("UA-59",)


def test_place_codes_city_of_kyiv_in_a_route_line(nlp):
    text = ("The minister said three corridors would open today:\n\n"
            "• Irpin to the city of Kyiv.\n")
    assert _places(nlp, text, "The minister") == ("UA-30", "UA-32")


def test_place_codes_country_in_the_speakers_title_is_no_place(nlp):
    text = "The commander of Russian troops in Ukraine said the troops would hold the line on the river bank."
    assert _places(nlp, text, "The commander") == ()


def test_place_codes_ukraine_named_as_where_troops_act_gives_no_code(nlp):
    # the country named as the place of an action ("withdraw from all of its territory", "troops in Ukraine") was
    # coded "UA" by a rule that was right 6 times in 35 on never-read news (annotators code such statements by the
    # oblasts concerned or not at all), so it went (docs/extraction.md, eleventh session); a ceasefire or strikes
    # with no narrower place still make the whole country (the nationwide rule, tested above)
    text = "Ukraine's foreign minister said Russia must withdraw its troops from all of its territory."
    assert _places(nlp, text, "Ukraine's foreign minister") == ()


def test_place_codes_spelling_variant_of_a_town(nlp):
    text = ("Two nurses of the Kurakhiv hospital were wounded by Russian shelling, officials said. "
            "The governor said boats on the Dnieper River were shelled.")
    places = _all_places(nlp, text)
    assert places[next(t for t in places if t.startswith("Two nurses"))] == ("UA-14",)
    assert places[next(t for t in places if t.startswith("The governor"))] == ()


def test_place_codes_a_region_named_is_not_a_reference_back(nlp):
    # "the Kursk region" names a place (abroad), it does not refer back to the oblasts named before
    text = ("Russian forces will leave the Kharkiv region within a week, the Russian defence ministry said.\n\n"
            "Ukraine will not withdraw its troops from the Kursk region, the Ukrainian president said.")
    assert _places(nlp, text, "Ukraine will not withdraw") == ()


@pytest.mark.parametrize("text,opening", [
    ("The German minister said Berlin would keep up its weapons deliveries to Kyiv through the winter.",
     "The German minister"),
    ("The Kremlin said Russia would respond, condemning Kyiv for the attacks on its airfields.", "The Kremlin"),
    # the receiver of what is given, a passive subject of giving, an agent, the seat of power, a party's own acts
    ("The Norwegian minister said Oslo would approve more military aid for Kyiv before the winter.",
     "The Norwegian minister"),
    ("The Russian envoy said Moscow would respond if Kyiv is supplied with more tanks.", "The Russian envoy"),
    ("The Russian envoy said the drones had been launched by Kyiv from the border area.", "The Russian envoy"),
    ("The spokesman said the authorities in Kyiv had turned down every offer of talks.", "The spokesman"),
    ("The Kremlin said Kyiv's drone attacks on refineries would not go unanswered.", "The Kremlin"),
    # the receiver as the object of giving
    ("The Pentagon said Washington would provide Kyiv with more artillery shells in the spring.", "The Pentagon"),
    # a party pressed or addressed: a warning or a message to Kyiv, pressure on it
    ("The Russian ministry said its warning to Kyiv was clear: the shelling of the dam must stop.",
     "The Russian ministry"),
    ("The Russian envoy said partners should put more pressure on Kyiv to stop shelling the dam.",
     "The Russian envoy"),
])
def test_place_codes_kyiv_receiving_or_condemned_is_the_government(nlp, text, opening):
    assert _places(nlp, text, opening) == ()


@pytest.mark.parametrize("text", [
    "The ministry said Russian troops were leaving the towns surrounding Kyiv.",
    "The general said the brigade would hold its positions on the Kyiv and Zhytomyr directions.",
])
def test_place_codes_the_land_around_kyiv_is_the_oblast_too(nlp, text):
    assert set(_places(nlp, text, "The")) >= {"UA-30", "UA-32"}


def test_place_codes_a_convoy_to_kyiv_still_goes_to_the_city(nlp):
    text = "The Ukrainian governor said a humanitarian convoy would leave for Kyiv on Monday."
    assert _places(nlp, text, "The Ukrainian governor") == ("UA-30",)


@pytest.mark.parametrize("text,starts,places", [
    # where the words were spoken: on the speech verb after it, or on a participle of speaking
    ("Ukraine will not recognise the occupation of Crimea, the minister said during a visit to Lviv on Monday.",
     "Ukraine will not", ("UA-43",)),
    ("Speaking at a briefing in Odesa, the minister said the ports of Mykolaiv would reopen next week.", "Speaking",
     ("UA-48",)),
    # what a statement is about, or a fronted place that may be either, is kept
    ("The governor said in a statement on the situation in Kharkiv that the shelling had stopped.", "The governor",
     ("UA-63",)),
    ("In Kharkiv, the governor said shelling continued overnight.", "In Kharkiv", ("UA-63",)),
])
def test_place_codes_where_the_words_were_spoken_is_no_place_of_the_statement(nlp, text, starts, places):
    assert _places(nlp, "The day began.\n\n" + text, starts) == places
