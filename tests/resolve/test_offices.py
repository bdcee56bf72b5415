"""Who held a head of state's or government's office on a day."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.resolve.offices import holder, office_holder


@pytest.mark.parametrize("actor,day,name", [
    ("UKR", date(2019, 5, 19), "Petro Poroshenko"),
    ("UKR", date(2019, 5, 20), "Volodymyr Zelenskyy"),
    ("USA", date(2025, 1, 19), "Joe Biden"),
    ("USA", date(2025, 1, 20), "Donald Trump"),
    ("RUS", date(2022, 3, 29), "Vladimir Putin"),
    ("UKR", date(2010, 1, 1), None),  # a day the table does not cover
    ("NOR", date(2022, 3, 29), None),  # a state it does not cover
])
def test_offices_the_head_of_state_on_a_day(actor, day, name):
    assert holder(actor, day) == name


@pytest.mark.parametrize("words,actor,expected", [
    ("the President of Ukraine", None, ("Volodymyr Zelenskyy", "UKR")),
    ("the Russian President", None, ("Vladimir Putin", "RUS")),
    ("the Head of State", "UKR", ("Volodymyr Zelenskyy", "UKR")),  # the side known otherwise
    ("the Head of State", None, None),  # no side: nobody
    ("the Minister of Defence of Ukraine", None, None),  # not a head of state's office
    # the heads of international bodies, named by office alone
    ("the IAEA Director General", None, ("Rafael Grossi", "IAEA")),
    ("Director General of the IAEA", None, ("Rafael Grossi", "IAEA")),
    ("the UN Secretary-General", None, ("António Guterres", "UN")),
    ("NATO Secretary General", None, ("Jens Stoltenberg", "NATO")),
    ("the Director General", None, None),  # of no body named
])
def test_offices_an_office_named_without_a_name(words, actor, expected):
    assert office_holder(words, date(2023, 7, 8), actor) == expected


def test_offices_a_body_s_head_changes_on_the_handover_day():
    assert office_holder("the NATO Secretary General", date(2024, 9, 30)) == ("Jens Stoltenberg", "NATO")
    assert office_holder("the NATO Secretary General", date(2024, 10, 1)) == ("Mark Rutte", "NATO")


@pytest.mark.parametrize("words,actor,day,expected", [
    ("the Prime Minister", "GBR", date(2022, 10, 1), ("Liz Truss", "GBR")),
    ("the British Prime Minister", None, date(2024, 7, 5), ("Keir Starmer", "GBR")),
    ("the Prime Minister", None, date(2024, 7, 5), None),  # of no side
    ("the Prime Minister of Ruritania", None, date(2024, 7, 5), None),  # a state the table does not cover
])
def test_offices_a_head_of_government_named_by_office(words, actor, day, expected):
    assert office_holder(words, day, actor) == expected
