"""Place codes of a statement: the gazetteer's matches in its sentence, "Kyiv" read as the city or the government,
places a definite description refers back to ("the city", "this route"), and the whole country for a ceasefire or
strikes with no narrower place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from saydo.resolve.gazetteer import lookup

_GOVERNMENT_NOUNS = {"government", "position", "proposal", "proposals", "delegation", "negotiators", "response",
                     "side", "leadership", "authorities", "regime", "officials", "offer", "stance", "team", "allies"}
# verbs whose subject "Kyiv" is the government: it speaks, wants, agrees, refuses
_GOVERNMENT_VERBS = {"say", "tell", "announce", "state", "declare", "claim", "accuse", "deny", "propose", "demand",
                     "reject", "want", "accept", "agree", "refuse", "insist", "seek", "respond", "call", "warn",
                     "blame", "report", "confirm", "threaten", "promise", "ask", "urge", "offer", "sign"}
_SURROUNDINGS = re.compile(r"\b(around|near|outside|direction|towards?|outskirts|suburbs?|approaches|region|oblast|"
                           r"province|area)\b", re.I)


_ANAPHORA = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:city|town|village|settlements?|"
                       r"region|area|oblast|route|routes|corridors?|canal|reservoir|dam|station|ports?|island|"
                       r"orphanage|bank|direction|garrison|plant|road|ceasefire|cease-fire|truce|evacuation|"
                       r"withdrawal|operation|agreement|deal|initiative|convoy|place)\b|\bthere\b", re.I)
_WHOLE_FRONT = re.compile(r"\b(cease-?fires?|truce|go silent|massive strikes|launching missiles)\b", re.I)
_LOCAL = re.compile(r"\b(corridors?|evacuat\w*|routes?|convoys?)\b", re.I)
_ACTION = re.compile(r"\b(cease-?fires?|truce|strikes?|struck|missiles?|drones?|shell\w*|attack\w*|destroy\w*|"
                     r"bomb\w*|troops|forces|withdraw\w*|invad\w*|war|fighting|hostilities)\b", re.I)
_COUNTRY_PREPS = {"in", "into", "across", "throughout", "over", "against", "on", "from"}
_COUNTRY_VERBS = {"destroy", "attack", "strike", "invade", "bomb", "shell", "occupy", "hit"}


def statement_places(sent: Span, spans: list[Span], earlier: list[tuple[str, ...]] = (), kind: str = "claim"
                     ) -> tuple[str, ...]:
    """The statement's codes: places named in its sentence; else the places of the nearest earlier sentence
    (``earlier``, nearest first) when it refers back to one ("the city", "this route", "the ceasefire"); else, for a
    pledge, demand or claim of a ceasefire or strikes with no narrower place and no corridor, the whole country."""
    codes = named_places(sent, spans)
    if codes:
        return codes
    text = sent.text
    if _ANAPHORA.search(text):
        for previous in earlier:
            if previous:
                return previous
    if kind in ("pledge", "demand", "claim") and _WHOLE_FRONT.search(text) and not _LOCAL.search(text):
        return ("UA",)
    return ()


def named_places(sent: Span, spans: list[Span]) -> tuple[str, ...]:
    """Codes of the places named in a sentence ("Ukraine" itself as the place of strikes or a ceasefire: "UA")."""
    codes: list[str] = []
    for span in spans:
        place = lookup(span.text)
        if place is None or (span.text.isupper() and len(span.text) > 3):
            continue  # a dateline ("KYIV, Ukraine (AP) —") says where the report was filed
        if "UA-30" in place.codes and _means_government(span):
            continue
        for code in place.codes:
            if code not in codes:
                codes.append(code)
        if place.codes == ("UA-30",) and _SURROUNDINGS.search(sent.doc[max(span.start - 4, sent.start):
                                                                   min(span.end + 2, sent.end)].text):
            if "UA-32" not in codes:
                codes.append("UA-32")
    if not codes and _ACTION.search(sent.text) and any(_country_as_place(t) for t in sent if t.text == "Ukraine"):
        return ("UA",)
    return tuple(sorted(codes))


def _country_as_place(token) -> bool:
    """"strikes on Ukraine", "a ceasefire in Ukraine", "destroying Ukraine": the country as a place, not a party."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _COUNTRY_PREPS:
        return True
    return token.dep_ == "dobj" and head.lemma_ in _COUNTRY_VERBS


def _means_government(span: Span) -> bool:
    """"Kyiv" as the Ukrainian government (a speaker, a party, "Kyiv's proposals") rather than the city."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _GOVERNMENT_VERBS:
        return True
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _GOVERNMENT_NOUNS:
        return True  # "the Kyiv regime", "Kyiv authorities"
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s") and span.end + 1 < len(doc):
        following = doc[span.end + 1: min(span.end + 4, len(doc))]
        if any(t.lower_ in _GOVERNMENT_NOUNS for t in following):
            return True
    window = doc[max(span.start - 3, 0):min(span.end + 3, len(doc))].text.lower()
    return bool(re.search(r"\b(moscow and ky|moscow and kiev|between moscow|ky[iy]v and moscow|kiev and moscow)",
                          window))

