"""Names with a call sign between given name and surname: one person, named without the call sign."""

from __future__ import annotations

from datetime import date

from saydo.extract import extract
from saydo.extract.call_signs import call_sign_names, without_call_sign
from saydo.ingest.articles import parse_text


def _speakers(nlp, text: str) -> list[str]:
    return [s.speaker for s in extract(parse_text(text, name="c.txt", published=date(2023, 5, 2)), nlp=nlp)]


def test_call_signs_name_is_one_person_without_the_call_sign(nlp):
    text = ('The deputy commander of the brigade, Major Oleh "Falcon" Ivanenko, said on Monday that the unit would '
            'hold the bridge. He later asked the command to send more drones.')
    assert _speakers(nlp, text) == ["Oleh Ivanenko", "Oleh Ivanenko"]


def test_call_signs_at_a_sentence_start(nlp):
    assert _speakers(nlp, 'Denys "Grey" Marchuk said the garrison would not surrender.') == ["Denys Marchuk"]


def test_call_signs_span_and_text(nlp):
    doc = nlp('Captain Ihor "Red Fox" Savchuk spoke. The "Azov" unit and the word "Lviv" stay as they are.')
    assert [span.text for span in call_sign_names(doc)] == ['Ihor "Red Fox" Savchuk']
    assert without_call_sign('Ihor "Red Fox" Savchuk') == "Ihor Savchuk"
    assert without_call_sign("Ihor Savchuk") == "Ihor Savchuk"
