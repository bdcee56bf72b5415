"""Transcripts and readouts: speaker turns, questions from the floor, and a side's account of a call. Every text here
is written for these tests."""

from __future__ import annotations

from saydo.extract import extract
from saydo.extract.readouts import issuing_site
from saydo.extract.turns import find_turns
from saydo.records import Article

MEETING = (
    "Minister of Education of Ukraine Anna Kovalenko: Good morning, colleagues. We will open two new schools in "
    "Lakeside this year. According to the national bank, prices will rise by four percent. The schools will have "
    "their own shelters. "
    "Jan Novak: Thank you. Will the roads to the schools be repaired before September? "
    "Anna Kovalenko: The roads will be repaired in August. I promise that.")


def _extract(nlp, text: str, url: str | None = None):
    article = Article(id=Article.make_id(text), name="t", path="t", text=text, source_url=url)
    found = extract(article, nlp=nlp)
    assert all(text[s.start:s.end] == s.text for s in found)
    return found


def _by_start(found, words: str):
    return next((s for s in found if s.text.startswith(words)), None)


def test_turns_labels_give_names_titles_and_the_floor():
    text = MEETING + " Question: When will the bridge reopen? Reply: The bridge reopens in May."
    turns = find_turns(text)
    assert [(t.name, t.floor) for t in turns] == [
        ("Anna Kovalenko", ""), ("Jan Novak", ""), ("Anna Kovalenko", ""), ("", "question"), ("", "reply")]
    assert turns[0].title == "Minister of Education of Ukraine"
    assert text[turns[0].start:turns[0].end].startswith("Good morning") and turns[0].end == turns[1].label_start


def test_turns_no_turns_in_ordinary_prose():
    assert find_turns("The editor quoted words by President Jan Novak: we shall not give up.") == []
    assert find_turns("Markets rose today. Analysts agree: Prices will fall. Plan B: wait.") == []
    assert find_turns("The mayor said one thing. Then he said: Buses run at nine.") == []


def test_turns_labels_in_a_text_whose_lines_were_joined():
    text = ("Opening of the regional council session President of the Council Anna Kovalenko: Welcome, everyone. "
            "We start with the budget and so on Jan Novak: Thank you. Jan Novak: One more point. "
            "Kovalenko: Go ahead.")
    turns = find_turns(text)
    assert [t.name for t in turns] == ["Anna Kovalenko", "Jan Novak", "Jan Novak", "Kovalenko"]
    assert turns[0].title == "President of the Council"


def test_turns_a_sites_tooltip_glued_to_the_label():
    text = ("Anna Kovalenko: Welcome. Chair of the Board Jan Novak Novak JanChair of the Board of Acme(retranslated): "
            "Thank you. Anna Kovalenko: Go on.")
    assert [t.name for t in find_turns(text)] == ["Anna Kovalenko", "Jan Novak", "Anna Kovalenko"]


def test_turns_a_space_before_the_colon_of_a_glued_label():
    text = ("Anna Kovalenko: Welcome. Go ahead, please. Minister of Ports Jan Novak Novak JanMinister of Ports of "
            "Ruritania : Thank you. We will open two berths in May. Anna Kovalenko: Good.")
    assert [t.name for t in find_turns(text)] == ["Anna Kovalenko", "Jan Novak", "Anna Kovalenko"]


def test_turns_capital_labels_at_line_starts():
    text = ("MS. KOVALENKO: Good afternoon, everyone.\n"
            "Q Thank you.\n"
            "Q: Will the ferry run on Sunday?\n"
            "MS. KOVALENKO: It will run every day.\n"
            "THE PRESIDENT: We will add two ferries.\n")
    turns = find_turns(text)
    assert [(t.name, t.floor, t.title) for t in turns] == [
        ("Kovalenko", "", "ms"), ("", "question", ""), ("Kovalenko", "", "ms"), ("", "", "the President")]


def test_turns_statements_are_the_speakers_and_an_attribution_stays_in_its_sentence(nlp):
    found = _extract(nlp, MEETING)
    schools = _by_start(found, "We will open two new schools")
    assert schools is not None and schools.speaker == "Anna Kovalenko" and schools.kind == "pledge"
    assert "attribution:turn" in schools.rules and "speaker:turn" in schools.rules
    bank = _by_start(found, "According to the national bank")
    assert bank is not None and bank.speaker == "national bank" and "attribution:turn-other" in bank.rules
    shelters = _by_start(found, "The schools will have")  # after "according to": the turn's speaker again
    assert shelters is not None and shelters.speaker == "Anna Kovalenko"
    roads = _by_start(found, "The roads will be repaired")
    assert roads is not None and roads.speaker == "Anna Kovalenko"
    assert not any(s.text.startswith(("Minister of", "Jan Novak:")) for s in found)  # labels are no statements


def test_turns_questions_and_greetings_are_not_statements(nlp):
    found = _extract(nlp, MEETING)
    assert _by_start(found, "Will the roads") is None
    assert _by_start(found, "Good morning") is None and _by_start(found, "Thank you") is None


def test_turns_floor_turns_speak_for_nobody(nlp):
    text = ("Minister of Transport Anna Kovalenko: The ferry will run every day from May. "
            "Question: The ferry has been late all winter and the fares have doubled. "
            "Anna Kovalenko: We will freeze the fares until autumn.")
    found = _extract(nlp, text)
    assert _by_start(found, "The ferry has been late") is None
    fares = _by_start(found, "We will freeze the fares")
    assert fares is not None and fares.speaker == "Anna Kovalenko"


def test_turns_the_editors_bracketed_notes_are_not_the_speakers(nlp):
    text = ("Minister of Transport Anna Kovalenko: The ferry will run every day from May. (Mayor Jan Novak then "
            "described the new timetable in detail. The port of Lakeside was the first example.) We will freeze the "
            "fares.")
    found = _extract(nlp, text)
    assert not any(s.speaker == "Anna Kovalenko" and ("timetable" in s.text or "first example" in s.text)
                   for s in found)
    assert _by_start(found, "We will freeze").speaker == "Anna Kovalenko"


def test_turns_a_name_addressed_is_not_the_speaker(nlp):
    text = ("Minister of Transport Anna Kovalenko: Thank you. Mr Novak, I can say that the ferry will run daily. "
            "Jan Novak: Thank you very much. I think that the ferry will be full.")
    ferry = _by_start(_extract(nlp, text), "Mr Novak, I can say")
    assert ferry is not None and ferry.speaker == "Anna Kovalenko"


def test_turns_one_honorific_label_at_a_line_start_is_a_briefing():
    text = "The briefing opened.\n\nMR KOWALSKI: Good afternoon. We will publish the list on Monday.\n"
    assert [(t.name, t.title) for t in find_turns(text)] == [("Kowalski", "mr")]
    # a capitalised word and a colon inside prose is no label
    assert find_turns("The minister said NOTE: the list comes later.") == []


def test_turns_a_briefings_speaker_speaks_for_the_site_it_is_on(nlp):
    text = "The briefing opened.\n\nMR KOWALSKI: Good afternoon. We will publish the list on Monday.\n"
    found = _extract(nlp, text, "https://www.mfa.gov.pl/en/briefings/1")
    assert [(s.speaker, s.actor, s.kind) for s in found if s.text.startswith("We will")] == [
        ("Kowalski", "POL", "pledge")]
    found = _extract(nlp, text, "https://www.example-news.com/briefing")
    assert [s.actor for s in found if s.text.startswith("We will")] == [None]


def test_turns_sites_of_governments_and_international_bodies():
    from saydo.extract.readouts import site_actor
    assert site_actor("https://www.state.gov/briefings/x") == "USA"
    assert site_actor("https://mfa.gov.ua/en/news/x") == "UKR"
    assert site_actor("https://www.gov.uk/government/news/x") == "GBR"
    assert site_actor("https://www.diplomatie.gouv.fr/en/x") == "FRA"
    assert site_actor("https://news.un.org/en/story/x") == "UN"
    assert site_actor("http://en.kremlin.ru/events/1") == "RUS"
    assert site_actor("https://www.example-news.com/x") is None and site_actor(None) is None


def test_readouts_issuer_from_the_site():
    assert issuing_site("http://en.kremlin.ru/events/president/news/1") == ("RUS", "the Kremlin")
    assert issuing_site("https://www.president.gov.ua/en/news/x")[0] == "UKR"
    assert issuing_site("https://www.whitehouse.gov/briefing-room/x")[0] == "USA"
    assert issuing_site("https://example.org/news") is None and issuing_site(None) is None


READOUT = (
    "Vladimir Putin had a telephone conversation with Prime Minister of Norway Erna Lindqvist. "
    "The President of Russia informed his counterpart of the results of the recent talks on grain exports. "
    "The leaders agreed to continue their contacts at all levels. "
    "It was agreed that the foreign ministers would meet in Oslo next month. "
    "Erna Lindqvist expressed support for an early ceasefire.")


def test_readouts_are_the_issuing_sides_unless_a_sentence_names_the_other_leader(nlp):
    found = _extract(nlp, READOUT, url="http://en.kremlin.ru/events/president/news/1")
    informed = _by_start(found, "The President of Russia informed")
    assert informed is not None and informed.speaker == "Vladimir Putin" and informed.actor == "RUS"
    agreed = _by_start(found, "The leaders agreed")
    assert agreed is not None and agreed.speaker == "Vladimir Putin" and "speaker:readout-issuer" in agreed.rules
    assert agreed.kind == "pledge"
    meet = _by_start(found, "It was agreed that")
    assert meet is not None and meet.speaker == "Vladimir Putin" and "attribution:readout" in meet.rules
    support = _by_start(found, "Erna Lindqvist expressed")
    assert support is not None and support.speaker == "Erna Lindqvist" and support.actor != "RUS"


def test_readouts_with_no_principal_named_are_the_head_of_state_of_the_day(nlp):
    from datetime import date

    text = ("The Head of State had a telephone conversation with the Prime Minister of Norway. "
            "The interlocutors agreed to continue their contacts at all levels. "
            "It was agreed that the foreign ministers would meet in Oslo next month.")
    article = Article(id=Article.make_id(text), name="t", path="t", text=text, published=date(2023, 7, 8),
                      source_url="https://www.president.gov.ua/en/news/x")
    meet = _by_start(extract(article, nlp=nlp), "It was agreed that")
    assert meet is not None and (meet.speaker, meet.actor) == ("Volodymyr Zelenskyy", "UKR")
    undated = _by_start(_extract(nlp, text, url="https://www.president.gov.ua/en/news/x"), "It was agreed that")
    assert undated.speaker == "the Office of the President of Ukraine"  # no day, no holder: the issuing body


def test_readouts_on_an_unknown_site_need_the_shape_of_a_readout(nlp):
    found = _extract(nlp, READOUT, url="https://example.org/readout")
    agreed = _by_start(found, "The leaders agreed")
    assert agreed is not None and agreed.speaker == "Vladimir Putin"  # the principal: subject of the opening
    news = ("Vladimir Putin spoke by phone with Prime Minister of Norway Erna Lindqvist on Monday, the Kremlin said. "
            "\"We discussed grain exports at length,\" Lindqvist told reporters afterwards. "
            "The leaders agreed to continue their contacts, officials said.")
    found = _extract(nlp, news, url="https://example.org/news")
    assert not any("attribution:readout" in s.rules or "speaker:readout-issuer" in s.rules for s in found)


def test_turns_a_name_before_its_office_and_a_parenthesis():
    text = ("The council met. * * * Petro Marchenko: Colleagues, good afternoon. Ms Hrytsenko, go ahead please. "
            "Olena Hrytsenko, Head of the Federal Service for Road Safety (Roadsafe): Thank you. The roads will be "
            "repaired. Petro Marchenko: Thank you.")
    turns = find_turns(text)
    assert [t.name for t in turns] == ["Petro Marchenko", "Olena Hrytsenko", "Petro Marchenko"]
    assert turns[1].title == "Head of the Federal Service for Road Safety"


def test_turns_page_furniture_opens_no_turn():
    from saydo.extract.turns import _candidates

    text = ("The General Staff said the fighting went on.\n\nREAD MORE: Winter timetable of the ferries\n\n"
            "Photo: The port at dawn\n\nIt said 13 clashes had taken place since Friday.")
    assert _candidates(text) == [] and find_turns(text) == []


def test_turns_the_speakers_own_words_about_the_meeting_and_about_others(nlp):
    text = ("President of Russia Vladimir Putin: Greek Prime Minister Nikos Dimas and I agreed to open two new ferry "
            "lines next year. I believe that the Greek side is committed to this. I will allow myself to outline "
            "certain results as well. I will highlight the work of our shipyards. Jan Novak: Thank you.")
    found = _extract(nlp, text)
    ferry = _by_start(found, "Greek Prime Minister Nikos Dimas and I agreed")
    # the speaker's own announcement of a joint undertaking, not relayed to "Nikos Dimas and I"
    assert ferry is not None and (ferry.speaker, ferry.kind) == ("Vladimir Putin", "pledge")
    # a belief about another side's commitment, and remarks that order the meeting, commit nobody
    for start in ("I believe that the Greek side", "I will allow myself", "I will highlight"):
        said = _by_start(found, start)
        assert said is not None and said.speaker == "Vladimir Putin" and said.kind != "pledge", start


def test_turns_an_infinitive_that_qualifies_a_noun_gives_no_one_the_words(nlp):
    text = ("Prime Minister of Greece Nikos Dimas: Thank you for the invitation. President of Russia Vladimir Putin: "
            "Mr Prime Minister and I agreed to provide full support for the development of tourism, given that Greece "
            "has a great deal to offer. Nikos Dimas: Thank you.")
    tourism = _by_start(_extract(nlp, text), "Mr Prime Minister and I agreed")
    assert tourism is not None and (tourism.speaker, tourism.kind) == ("Vladimir Putin", "pledge")


def test_turns_a_questioner_who_names_their_outlet_speaks_for_no_government(nlp):
    text = ("Vladimir Petrov: Good afternoon, colleagues. Please, the first question.\n\n"
            "Anna Kovalenko: Good afternoon. Anna Kovalenko, Channel 5, Tver. Our viewers are worried about the "
            "bridge. Will it be finished this year?\n\n"
            "Vladimir Petrov: The bridge will be finished in October.\n\n"
            "Oleg Sidorov: Good afternoon. My name is Oleg Sidorov, I represent the Northern Star newspaper. The "
            "hospital in our town was closed last spring.\n\n"
            "Igor Belov: Good afternoon, colleagues. The ministry launched the public services portal from a new "
            "data centre. The ministry will send inspectors to the bridge next week.\n")
    found = _extract(nlp, text, "http://en.kremlin.ru/events/president/transcripts/1")
    actors = {s.speaker: s.actor for s in found}
    assert actors["Anna Kovalenko"] == "CIV" and actors["Oleg Sidorov"] == "CIV"  # journalists (GUIDELINES.md)
    assert actors["Vladimir Petrov"] == "RUS" and actors["Igor Belov"] == "RUS"  # a minister's "portal ... from"
