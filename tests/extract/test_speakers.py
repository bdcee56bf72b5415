"""Who is who inside an article: names the small model mislabels, spelling variants, titles, local officials."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.extract import extract
from saydo.extract.speakers import Registry, similar_surnames
from saydo.ingest.articles import parse_text


@pytest.mark.parametrize("a,b,same", [
    ("medinsky", "medinski", True), ("vereshchuk", "vereschuk", True), ("shoigu", "shoygu", True),
    ("putin", "peskov", False), ("kuleba", "kulebyaka", False), ("orlov", "orlova", True), ("ivan", "iван", False),
])
def test_speakers_transliteration_variants(a, b, same):
    assert similar_surnames(a, b) is same


def test_speakers_registry_finds_names_inside_mislabelled_entities(nlp):
    doc = nlp("The Minister for Reintegration of the Temporarily Occupied Territories of Ukraine Halyna Kovalchuk "
              "spoke. Kovaltchuk said the route was open.")
    registry = Registry(doc)
    assert registry.find("Kovaltchuk") is not None
    assert registry.find("Kovaltchuk").name == "Halyna Kovalchuk"
    assert all("Territories" not in p.name for p in registry.people)


def _first(nlp, text):
    found = extract(parse_text(text, name="s.txt", published=date(2022, 3, 9)), nlp=nlp)
    assert found, text
    return found[0]


def test_speakers_local_official_speaks_for_ukraine(nlp):
    s = _first(nlp, "Mykolaiv's deputy mayor Oleh Bondar said the city had been shelled all night.")
    assert s.speaker == "Oleh Bondar" and s.actor == "UKR"


def test_speakers_unattached_title_before_a_name_decides_the_actor(nlp):
    s = _first(nlp, "Talks will continue next week, member of the Russian delegation Pavel Orlov said.")
    assert s.speaker == "Pavel Orlov" and s.actor == "RUS"


def test_speakers_side_named_beside_an_official(nlp):
    s = _first(nlp, "“We will cut operations near Sumy sharply,” Deputy Defence Minister Oleg Lebedev said for "
                    "the Russian side.")
    assert s.speaker == "Oleg Lebedev" and s.actor == "RUS" and s.kind == "pledge"


def test_speakers_private_citizen_with_age_is_civ(nlp):
    s = _first(nlp, "“Nobody here believes a word they say,” said Marta Dovzhenko, 47, a nurse.")
    assert s.actor == "CIV" and s.kind == "opinion"


def test_speakers_title_hung_on_a_place_and_role_nouns(nlp):
    text = ("Russia's defence minister, Pavel Gromov, spoke after a report by the commander of Russian forces in "
            "Ukraine, General Ilya Serov.\n\n"
            "“We will hold the line on the river,” said the new commander of Russian forces in Ukraine.\n\n"
            "The Russian Defence Minister announced the decision to pull the troops back.\n\n"
            "A senior Turkish official said, “The corridor will stay open for a month.”")
    found = extract(parse_text(text, name="r.txt", published=date(2022, 11, 9)), nlp=nlp)
    by_start = {s.text[:12]: s for s in found}
    assert by_start["“We will hol"].speaker == "Ilya Serov" and by_start["“We will hol"].actor == "RUS"
    assert by_start["The Russian "].speaker == "Pavel Gromov"
    turkish = by_start["A senior Tur"]
    assert turkish.actor == "TUR" and "Turkish official" in turkish.speaker
