"""Statements made jointly: sides of one group, bodies of several sides, and the words that refer back to a joint
source ("they", "the two leaders", "the joint statement"). GUIDELINES.md: once per identifiable speaker."""

from __future__ import annotations

from datetime import date

import pytest

from saydo.extract import extract
from saydo.extract.groups import refers_back, sides_and_bodies
from saydo.ingest.articles import parse_text

DAY = date(2024, 5, 10)


def _speakers(nlp, text: str) -> list[tuple[str, str, str | None, str]]:
    found = extract(parse_text(text, name="g.txt", published=DAY), nlp=nlp)
    return [(s.text, s.speaker, s.actor, s.kind) for s in found]


@pytest.mark.parametrize("text,names", [
    ("Czech and Slovak officials said the pipeline would be repaired.", ["Czech officials", "Slovak officials"]),
    ("The Turkish and Ukrainian defence ministers said the corridor stays open.",
     ["Turkish defence ministers", "Ukrainian defence ministers"]),
])
def test_groups_sides_of_one_group(nlp, text, names):
    subject = next(t for t in nlp(text) if t.dep_ == "nsubj")
    assert [s.name for s in sides_and_bodies(subject)] == names


def test_groups_one_side_is_no_joint_group(nlp):
    subject = next(t for t in nlp("Senior Czech officials said the pipeline would be repaired.") if t.dep_ == "nsubj")
    assert sides_and_bodies(subject) == []


def test_groups_statement_of_sides_is_made_by_each(nlp):
    found = _speakers(nlp, "According to Czech and Slovak officials, the border bridge will reopen on Monday.")
    assert sorted((s[1], s[2]) for s in found) == [("Czech officials", "CZE"), ("Slovak officials", "SVK")]


def test_groups_they_after_a_meeting_of_two_is_both(nlp):
    found = _speakers(nlp, "Presidents Petr Pavel and Zuzana Caputova met in Brno on Friday. They said they would "
                           "open a second rail link next spring.")
    said = [s for s in found if s[0].startswith("They said")]
    assert sorted(s[1] for s in said) == ["Petr Pavel", "Zuzana Caputova"]
    assert {s[3] for s in said} == {"pledge"}  # their "they" is themselves


def test_groups_joint_text_said_is_each_signatory(nlp):
    found = _speakers(nlp, "Poland and Lithuania said in a joint statement that they would build a new border "
                           "crossing. The statement added that both countries would share radar data.")
    added = [s for s in found if s[0].startswith("The statement added")]
    assert sorted(s[1] for s in added) == ["Lithuania", "Poland"]


def test_groups_leaders_relayed_by_one_side(nlp):
    found = _speakers(nlp, "Petr Pavel and Zuzana Caputova met in Brno on Friday. Both presidents agreed to open a "
                           "second rail link next spring, the Czech presidential office said.")
    agreed = [s for s in found if s[0].startswith("Both presidents")]
    assert sorted(s[1] for s in agreed) == ["Petr Pavel", "Zuzana Caputova"]


def test_groups_reference_back_ends_when_another_speaks(nlp):
    found = _speakers(nlp, "Petr Pavel and Zuzana Caputova met in Brno on Friday. The Czech foreign ministry said the "
                           "talks had gone well. They said the rail link would open next spring.")
    assert not any(s[1] in ("Petr Pavel", "Zuzana Caputova") for s in found if s[0].startswith("They said"))


@pytest.mark.parametrize("text,refers", [
    ("They said it would open.", True),
    ("The two leaders said it would open.", True),
    ("The joint statement said it would open.", True),
    ("European leaders said it would open.", False),  # a group the modifier names, not the two just met
    ("The statement of the ministry said it would open.", False),
])
def test_groups_what_refers_back(nlp, text, refers):
    subject = next(t for t in nlp(text) if t.dep_ == "nsubj")
    assert refers_back(subject) is refers


def test_groups_a_joint_statement_quoted_over_paragraphs_is_each_leaders(nlp):
    # the leaders named two paragraphs before the statement, which a colon introduces and whose quotation runs on
    # over several paragraphs (each opening with a quotation mark, only the last one closed)
    text = ("Presidents Petr Pavel and Zuzana Caputova will travel to Kosice on Monday.\n\n"
            "The trip is the first of its kind this year.\n\n"
            "The two presidents then declared:\n\n"
            "\u201cWe will open a second rail link to Ukraine next spring.\n\n"
            "\u201cUntil Russia agrees to a ceasefire at sea, we will keep up the pressure on its fleet.\u201d")
    found = _speakers(nlp, text)
    for opening in ("\u201cWe will open", "\u201cUntil Russia"):
        said = [s for s in found if s[0].startswith(opening)]
        assert sorted(s[1] for s in said) == ["Petr Pavel", "Zuzana Caputova"], opening
        assert {s[3] for s in said} == {"pledge"}  # a condition set for Russia is not Russia's commitment


def test_groups_a_reference_back_renews_its_reach(nlp):
    text = ("Presidents Petr Pavel and Zuzana Caputova met in Brno on Friday.\n\n"
            "They said the talks had gone well.\n\n"
            "The meeting took place in the old town hall.\n\n"
            "They said the rail link would open next spring.")
    found = _speakers(nlp, text)
    said = [s for s in found if s[0].startswith("They said the rail")]
    assert sorted(s[1] for s in said) == ["Petr Pavel", "Zuzana Caputova"]


@pytest.mark.parametrize("text", [
    "Moldova and Romania will open a new bridge over the Prut in June, both countries said on Friday.",
    "Moldova and Romania will open a new bridge over the Prut in June, the two governments said.",
])
def test_groups_a_counted_reference_to_the_parties_the_sentence_names(nlp, text):
    found = _speakers(nlp, text)
    assert sorted((s[1], s[3]) for s in found) == [("Moldova", "pledge"), ("Romania", "pledge")]


@pytest.mark.parametrize("text,refers", [
    ("Both countries said it would open.", True),
    ("The two governments said it would open.", True),
    ("The countries said it would open.", False),  # not counted: any countries
])
def test_groups_counted_parties_refer_back(nlp, text, refers):
    subject = next(t for t in nlp(text) if t.dep_ == "nsubj")
    assert refers_back(subject) is refers
