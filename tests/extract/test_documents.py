"""Documents that are one author's words throughout: addresses, speeches, a ministry's statement."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from saydo.extract import extract
from saydo.extract.documents import author_words, heading
from saydo.ingest.articles import parse_text


@pytest.mark.parametrize("title,words", [
    ("Address by President Volodymyr Zelenskyy to the students of the ferry academy", "President Volodymyr Zelenskyy"),
    ("We will keep the ports open - address by the President of Ukraine", "the President of Ukraine"),
    ("Speech by Minister of Transport Anna Kovalenko at the ferry forum", "Minister of Transport Anna Kovalenko"),
    ("Statement of the Ministry of Foreign Affairs on the vote in the occupied districts",
     "the Ministry of Foreign Affairs"),
    ("Video address by President Anna Kovalenko following her trip to the coast", "President Anna Kovalenko"),
    ("Press conference by Minister of Transport Anna Kovalenko on the ferries", "Minister of Transport Anna Kovalenko"),
    ("Briefing by Deputy Minister Anna Kovalenko on the ferries", "Deputy Minister Anna Kovalenko"),
    # several authors, no one named, a document only talked about, no document at all
    ("Joint statement by the presidents of Ruritania and Freedonia", None),
    ("Ports will reopen - address by the President, the Speaker and the Prime Minister", None),
    ("Statement of intent on ferry safety", None),
    ("Comment on the statement by the Ministry of Foreign Affairs", None),
    ("Kovalenko says the ports will reopen", None),
])
def test_documents_a_title_that_names_one_author(title, words):
    assert author_words(title) == words


def test_documents_a_heading_is_a_first_line_without_a_full_stop():
    first = "Statement of the Ministry on the ferries"
    assert heading(first + "\n\nThe ferries run.") == first
    assert heading("The ferries run on Sunday.\n\nThey stop on Monday.") is None
    # a page that sets the kind of document apart from its author: one heading
    assert heading("Press conference\n\nby Minister Anna Kovalenko on the ferries\n\nGood afternoon.") == \
        "Press conference by Minister Anna Kovalenko on the ferries"


def _statements(nlp, text: str, title: str | None = None):
    article = parse_text(text, name="d.txt", published=date(2023, 5, 4))
    return extract(replace(article, title=title) if title else article, nlp=nlp)


def test_documents_an_address_is_its_author_s_throughout(nlp):
    body = ("Good evening, fellow citizens!\n\n"
            "Next week we will open two more ports for grain ships. The first convoy is already being loaded.\n\n"
            "According to the national bank, prices rose by two percent in April.")
    found = _statements(nlp, body, title="The ports will stay open - address by President Volodymyr Zelenskyy")
    by_text = {s.text: s for s in found}
    opening = by_text["Next week we will open two more ports for grain ships."]
    assert (opening.speaker, opening.actor, opening.kind) == ("Volodymyr Zelenskyy", "UKR", "pledge")
    assert "speaker:document" in opening.rules
    bank = next(s for s in found if "national bank" in s.text)
    assert bank.speaker == "national bank"  # a sentence that gives its words to someone else keeps them
    assert not any("Good evening" in s.text for s in found)  # a greeting says nothing


def test_documents_a_ministry_statement_named_in_its_first_line(nlp):
    text = ("Statement of the Ministry of Foreign Affairs on the vote in the occupied districts\n\n"
            "Ministry of Foreign Affairs of Ukraine, published 4 May 2023\n\n"
            "The so-called vote has no legal force. Ukraine will never recognise its results.")
    found = _statements(nlp, text)
    assert [(s.speaker, s.actor) for s in found] == [("Ministry of Foreign Affairs of Ukraine", "UKR")] * 2
    assert found[-1].kind == "pledge"
    assert not any("published" in s.text or "Statement of" in s.text for s in found)  # no byline, no heading


def test_documents_news_about_an_address_is_not_the_address(nlp):
    body = ("Zelenskyy said in his evening address that two more ports would open next week.\n\n"
            "The address lasted twelve minutes and was broadcast on all channels.")
    found = _statements(nlp, body, title="Address by President Volodymyr Zelenskyy: ports will open")
    assert not any("twelve minutes" in s.text for s in found)


def test_documents_an_office_without_a_name_is_its_holder_on_the_day(nlp):
    body = "Good evening!\n\nNext week we will open two more ports for grain ships."
    found = _statements(nlp, body, title="Ports will stay open - address by the President of Ukraine")
    assert [(s.speaker, s.actor) for s in found] == [("Volodymyr Zelenskyy", "UKR")]


ADDRESS = ("Good evening, fellow citizens!\n\n"
           "Today I met the families of our sailors. We will bring every one of them home.\n\n"
           "Next week we will open two more ports for grain ships. Our partners have promised more air defence.\n\n"
           "Glory to our defenders!")


def test_documents_a_first_person_text_on_a_head_of_states_site_is_an_address(nlp):
    found = _statements(nlp, "source https://www.president.gov.ua/en/news/1\n\n" + ADDRESS)
    ports = next(s for s in found if s.text.startswith("Next week"))
    assert (ports.speaker, ports.actor, ports.kind) == ("Volodymyr Zelenskyy", "UKR", "pledge")
    assert "speaker:document" in ports.rules


@pytest.mark.parametrize("text", [
    # the same words on a news site: nobody's
    "source https://www.example-news.com/1\n\n" + ADDRESS,
    # news of the President's day on the site: told in the third person
    "source https://www.president.gov.ua/en/news/2\n\nThe President met the families of the sailors. "
    "We will bring every one of them home, the President noted. Next week we will open two more ports.",
    "source https://www.president.gov.ua/en/news/3\n\nThe First Lady visited a school in Lviv. "
    "We will build more shelters, she said. Next week we will open two more schools.",
])
def test_documents_first_person_words_elsewhere_are_no_address(nlp, text):
    found = _statements(nlp, text)
    assert not any("speaker:document" in s.rules for s in found)


@pytest.mark.parametrize("title,words", [
    # the author in the possessive before the document noun
    ("Minister of Transport Anna Kovalenko's remarks after the ferry forum", "Minister of Transport Anna Kovalenko"),
    ("Deputy Minister Anna Kovalenko's introductory statement at the ferry forum", "Deputy Minister Anna Kovalenko"),
    ("Press statement by Minister Anna Kovalenko following the ferry forum", "Minister Anna Kovalenko"),
    # a possessive that is not the author of a document
    ("Kovalenko's reply to the statement of the mayor", None),
])
def test_documents_a_title_with_the_author_in_the_possessive(title, words):
    assert author_words(title) == words


def test_documents_a_title_below_a_menu_and_a_date(nlp):
    body = ("Menu\n\nEnglish\n\nYou are here\n\n"
            "date 2023-05-04 Ukrainian Minister of Transport Anna Kovalenko's remarks after the ferry forum.\n\n"
            "We will open two more ferry lines in June.\n\nThe first ferry is already being repaired.")
    found = _statements(nlp, body)
    ferries = next(s for s in found if s.text.startswith("We will open"))
    assert (ferries.speaker, ferries.kind) == ("Anna Kovalenko", "pledge")
    assert "speaker:document" in ferries.rules


def test_documents_a_sentence_with_a_verb_is_no_title(nlp):
    body = ("Minister Anna Kovalenko's remarks after the forum angered the mayors.\n\n"
            "We will open two more ferry lines in June.")
    found = _statements(nlp, body)
    assert not any("speaker:document" in s.rules for s in found)


@pytest.mark.parametrize("title,words", [
    # a modifier of when before the noun, whom it was given to between the noun and its author
    ("Post-forum press conference by Minister of Transport Anna Kovalenko in Lviv",
     "Minister of Transport Anna Kovalenko"),
    ("Remarks to the media by the Director-General on the ferry inspections", "the Director-General"),
    # the author first, a dash or a colon, then the noun heading the rest
    ("THE DIRECTOR-GENERAL -- REMARKS TO THE BOARD", "THE DIRECTOR-GENERAL"),
    ("Ministry of Transport: statement on the ferry timetable", "Ministry of Transport"),
    # a name before the noun is a headline's, not an author's; news about a statement is no statement
    ("Kovalenko - statement on the ferries", None),
    ("Mayors dismiss statement by the ministry", None),
])
def test_documents_more_title_shapes(title, words):
    assert author_words(title) == words


SPEECH = ("Good afternoon.\n\nThis morning I met the ferry operators of six countries.\n\n"
          "We will keep the ferry lines open through the winter.\n\nI thank every crew for their courage.")


@pytest.mark.parametrize("url,speaker,actor", [
    # a government's site whose link names the office: its holder on the day
    ("https://www.gov.uk/government/news/pm-remarks-at-the-ferry-summit-4-may-2023", "Rishi Sunak", "GBR"),
    # an international body's site: the body, as no table says which official spoke
    ("https://www.iaea.org/newscenter/statements/remarks-ferry-summit", "the IAEA", "IAEA"),
    ("https://www.un.org/en/statements/secretary-general-statement-on-the-ferry-summit", "António Guterres", "UN"),
])
def test_documents_a_first_person_speech_on_a_government_or_body_site(nlp, url, speaker, actor):
    found = _statements(nlp, f"source {url}\n\n" + SPEECH)
    lines = next(s for s in found if s.text.startswith("We will keep"))
    assert (lines.speaker, lines.actor, lines.kind) == (speaker, actor, "pledge")
    assert "speaker:document" in lines.rules


def test_documents_a_clock_in_a_link_names_no_office():
    from saydo.extract.readouts import own_site

    assert own_site("https://www.gov.uk/government/news/briefing-at-3-pm-on-the-ferries", date(2023, 5, 4)) == \
        ("GBR", "the Government of the United Kingdom")
    assert own_site("https://www.gov.uk/government/news/pm-remarks-on-the-ferries", date(2023, 5, 4)) == \
        ("GBR", "Rishi Sunak")
    assert own_site("https://www.president.gov.ua/en/news/1") is None  # a head of state's own site: issuing_site
    assert own_site("https://www.example-news.com/pm-remarks") is None


def test_documents_news_on_a_government_site_is_no_speech(nlp):
    text = ("source https://www.gov.uk/government/news/ferry-summit\n\nThe minister met the ferry operators. "
            "We will keep the lines open, she said. The operators welcomed the plan.")
    assert not any("speaker:document" in s.rules for s in _statements(nlp, text))
