"""Names with a call sign in quotation marks between the given name and the surname.

Ukrainian and Russian fighters are often named with their call sign: Major Oleh "Falcon" Ivanenko. The small model
cuts such a name at the quotation mark ("Oleh" a person, the call sign and the surname something else), so the speaker
became "Oleh" and a later "he" could not find him. Component ``saydo_call_signs_v1`` (after the gazetteer) makes the
whole of it one PERSON entity; ``saydo.extract.speakers`` drops the call sign from the name ("Oleh Ivanenko").
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

OPENING = {'"', "“", "«", "„"}
CLOSING = {'"', "”", "»", "“"}
CALL_SIGN = re.compile(r"\s*[\"“«„][^\"“”«»„]{1,30}[\"”»“]\s*")  # the call sign and its marks, in a name's text
_MOST_WORDS = 2  # a call sign is one word or two ("Kalyna", "Red Fox")


def _capitalised(token) -> bool:
    return token.is_alpha and token.text[:1].isupper() and not token.is_upper and "\n" not in token.whitespace_


def _name_word(token) -> bool:
    return _capitalised(token) and token.pos_ == "PROPN"


def call_sign_names(doc: Doc) -> list[Span]:
    """The spans of given name + call sign + surname in ``doc`` (with a given name the model put before it)."""
    found = []
    for mark in doc:
        if mark.text not in OPENING or mark.i == 0:
            continue
        end = mark.i + 1
        while end < len(doc) and end - mark.i <= _MOST_WORDS and doc[end].is_alpha and doc[end].text[:1].isupper():
            end += 1
        if end == mark.i + 1 or end + 1 >= len(doc) or doc[end].text not in CLOSING or \
                not _name_word(doc[end + 1]) or any("\n" in t.whitespace_ for t in doc[mark.i:end + 1]):
            continue
        given, surname = doc[mark.i - 1], doc[end + 1]
        # a given name may be tagged a common noun: at a sentence's start, or before a surname tagged a person's
        if not (_name_word(given) or given.pos_ == "NOUN" and _capitalised(given) and
                (given.is_sent_start or surname.ent_type_ == "PERSON")):
            continue
        start = mark.i - 1
        ent = next((e for e in doc.ents if e.start <= start < e.end and e.label_ == "PERSON"), None)
        if ent is not None:
            start = ent.start  # "Denys Oleksandrovych" before the call sign
        found.append(Span(doc, start, end + 2, label="PERSON"))
    return found


class CallSigns:
    """Pipeline component ``saydo_call_signs_v1``: requires entities, assigns ``doc.ents``."""

    def __call__(self, doc: Doc) -> Doc:
        names = call_sign_names(doc)
        if names:
            taken = {i for span in names for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not any(i in taken for i in range(e.start, e.end))]
            doc.ents = sorted(kept + names, key=lambda e: e.start)
        return doc


def without_call_sign(text: str) -> str:
    """A name's text with its call sign dropped: 'Oleh "Falcon" Ivanenko' -> "Oleh Ivanenko"."""
    return CALL_SIGN.sub(" ", text).strip() if CALL_SIGN.search(text) else text


@Language.factory("saydo_call_signs_v1", requires=["doc.ents"], assigns=["doc.ents"])
def make_call_signs(nlp: Language, name: str) -> CallSigns:
    return CallSigns()
