"""Actors: states by ISO 3166-1 alpha-3, organisations by acronym, CIV for private persons."""

from __future__ import annotations

import pytest

from saydo.resolve.actors import (
    actor_in_phrase,
    actor_of_capital,
    actor_of_name,
    actor_of_person,
    looks_civilian,
    looks_official,
)


@pytest.mark.parametrize("name,actor", [
    ("the Kremlin", "RUS"), ("Moscow", "RUS"), ("Kyiv", "UKR"), ("NATO", "NATO"), ("the United Nations", "UN"),
    ("Turkey", "TUR"), ("France", "FRA"), ("the White House", "USA"), ("Belarus", "BLR"),
    ("the Holy See", "VAT"), ("the Vatican", "VAT"), ("the Pope", "VAT"),  # the Holy See speaks through the Pope
])
def test_actors_names(name, actor):
    assert actor_of_name(name) == actor


def test_actors_capitals_stand_for_their_states_apart_from_names():
    # a capital stands for its government only where the parse says it stands alone (saydo.extract.statements); as a
    # name it is no speaker ("Warsaw, Vilnius and Riga were proposed"); Brussels is the EU's seat as much as Belgium's
    assert actor_of_capital("Ottawa") == "CAN" and actor_of_capital("the Hague") == "NLD"
    assert actor_of_capital("New Delhi") == "IND" and actor_of_capital("Brussels") is None
    assert actor_of_name("Warsaw") is None


@pytest.mark.parametrize("phrase,actor", [
    ("Russia's deputy defence minister", "RUS"), ("Ukrainian presidential adviser", "UKR"),
    ("the head of the Turkish delegation", "TUR"), ("a senior British military official", "GBR"),
    ("the regional governor", None), ("the papal envoy", "VAT"),
])
def test_actors_in_descriptive_phrases(phrase, actor):
    assert actor_in_phrase(phrase) == actor


def test_actors_lowercase_us_is_not_the_united_states():
    assert actor_in_phrase("they told us nothing") is None
    assert actor_in_phrase("US officials") == "USA"


def test_actors_a_name_written_as_a_word_is_no_body():
    # "who" as a speaker (a relative pronoun) is not the WHO, nor "un" the UN: those names only in capitals
    assert actor_of_name("who") is None and actor_of_name("Who") is None and actor_of_name("un") is None
    assert actor_of_name("WHO") == "UN" and actor_of_name("the UN") == "UN"


def test_actors_public_figures_and_roles():
    assert actor_of_person("Dmitry Peskov") == "RUS" and actor_of_person("Dmytro Kuleba") == "UKR"
    assert actor_of_person("Olena Marchuk") is None
    assert actor_of_person("Narendra Modi") == "IND" and actor_of_person("Mark Carney") == "CAN"
    assert actor_in_phrase("the Irish premier") == "IRL"
    # a figure known by a name of several words, also one whose family name comes first ("Xi Jinping")
    assert actor_of_person("Xi Jinping") == "CHN" and actor_of_person("Ursula von der Leyen") == "EU"
    assert actor_of_person("Wang Yi’s") == "CHN" and actor_of_person("Yi") is None
    assert actor_of_person("Kamala Harris") == "USA" and actor_of_person("Harris") == "USA"
    assert looks_civilian("a retired teacher") and not looks_civilian("the defence minister")
    assert looks_official("the defence minister")


@pytest.mark.parametrize("phrase,actor", [
    ("the Albanian prime minister", "ALB"), ("Kenyan President", "KEN"), ("an Israeli official", "ISR"),
    ("Pakistani envoy", "PAK"), ("the Japanese embassy", "JPN"), ("Jordanian foreign minister", "JOR"),
])
def test_actors_regular_demonyms_of_country_names(phrase, actor):
    assert actor_in_phrase(phrase) == actor


def test_actors_a_demonym_two_names_make_names_neither():
    assert actor_in_phrase("the Nigerian minister") is None  # Nigeria or Niger: not guessed
    assert actor_in_phrase("a Russian envoy") == "RUS"  # the irregular table still decides its own
