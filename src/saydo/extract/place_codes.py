"""Place codes of a statement: the gazetteer's matches in its sentence, "Kyiv" read as the city or the government,
places a definite description refers back to ("the city", "this route"), and the whole country for a ceasefire or
strikes with no narrower place.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from saydo.extract.places import spelling_variant
from saydo.resolve.gazetteer import Place, lookup

_GOVERNMENT_NOUNS = {"government", "position", "proposal", "proposals", "delegation", "negotiators", "response",
                     "side", "leadership", "authorities", "regime", "officials", "offer", "stance", "team", "allies"}
# verbs whose subject "Kyiv" is the government: it speaks, wants, agrees, refuses
_GOVERNMENT_VERBS = {"say", "tell", "announce", "state", "declare", "claim", "accuse", "deny", "propose", "demand",
                     "reject", "want", "accept", "agree", "refuse", "insist", "seek", "respond", "call", "warn",
                     "blame", "report", "confirm", "threaten", "promise", "ask", "urge", "offer", "sign"}
# verbs whose subject "Kyiv" can still be the city: it is hit, shaken, wakes up to sirens, stays dark
_CITY_VERBS = {"be", "come", "remain", "suffer", "face", "experience", "see", "wake", "shake", "lose", "burn", "hear",
               "stay", "endure", "go", "sit", "lie", "become", "get", "look"}
_SURROUNDINGS = re.compile(r"\b(around|near|outside|direction|towards?|outskirts|suburbs?|approaches|region|oblast|"
                           r"province|area)\b", re.I)
# "Kyiv" is the city only in a military or humanitarian context; elsewhere ("decisions will be taken in Kiev") it is
# the seat of the government
_MILITARY = re.compile(r"\b(military|army|troops|forces|soldiers|strikes?|struck|missiles?|drones?|rockets?|shell\w*|"
                       r"attack\w*|bomb\w*|air raid|sirens?|explosions?|blasts?|artillery|fighting|battles?|offensive|"
                       r"siege|besieged|encircle\w*|invad\w*|invasion|occup\w*|withdraw\w*|retreat\w*|advanc\w*|"
                       r"cease-?fires?|truce|hostilities|front|defen[cs]es?|air defen[cs]e|corridors?|evacuat\w*|"
                       r"routes?|convoys?|civilians|casualties|killed|wounded|destroy\w*|damaged?)\b", re.I)

_ANAPHORA = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:city|town|village|settlements?|"
                       r"region|area|oblast|route|routes|corridors?|canal|reservoir|dam|station|ports?|island|"
                       r"orphanage|bank|direction|garrison|plant|road|ceasefire|cease-fire|truce|evacuation|"
                       r"withdrawal|operation|agreement|deal|initiative|convoy|place)\b|\bthere\b", re.I)
_WHOLE_FRONT = re.compile(r"\b(cease-?fires?|truce|go silent|massive strikes|launching missiles)\b", re.I)
_LOCAL = re.compile(r"\b(corridors?|evacuat\w*|routes?|convoys?)\b", re.I)
_ROUTE_LINE = re.compile(r"\s[–—-]\s|\b(?:direction|via|through)\b", re.I)
_ACTION = re.compile(r"\b(cease-?fires?|truce|strikes?|struck|missiles?|drones?|shell\w*|attack\w*|destroy\w*|"
                     r"bomb\w*|troops|forces|withdraw\w*|invad\w*|war|fighting|hostilities)\b", re.I)
_WHOLE_TERRITORY = re.compile(r"\b(?:all|the whole|the entire)\s+(?:of\s+)?(?:its|their|Ukraine's|Ukrainian|"
                              r"Ukraine’s)\s+territor(?:y|ies)\b|\bUkraine['’]s entire territory\b", re.I)
_COUNTRY_PREPS = {"in", "into", "across", "throughout", "over", "against", "on", "from"}
_COUNTRY_VERBS = {"destroy", "attack", "strike", "invade", "bomb", "shell", "occupy", "hit"}
_LEAVING = {"withdraw", "withdrawal", "retreat", "pull", "leave", "expel", "oust", "remove", "exit"}
_SPEECH = {"say", "tell", "announce", "state", "declare", "claim", "add", "report", "note", "stress", "write",
           "confirm", "warn", "accuse", "deny", "promise", "insist", "explain", "assure"}
SMALL_TOWN = 30_000


def statement_places(sent: Span, spans: list[Span], earlier: list[tuple[str, ...]] = (), kind: str = "claim"
                     ) -> tuple[str, ...]:
    """The statement's codes: places named in its sentence; else the places of the nearest earlier sentence
    (``earlier``, nearest first) when it refers back to one ("the city", "this route", "the ceasefire"); else, for a
    pledge, demand or claim of a ceasefire or strikes with no narrower place and no corridor, the whole country."""
    codes = named_places(sent, spans, kind)
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


def named_places(sent: Span, spans: list[Span], kind: str = "claim") -> tuple[str, ...]:
    """Codes of the places named in a sentence ("Ukraine" itself as the place of strikes or a ceasefire: "UA").
    Opinions evaluate the grain deal or the war as a whole: neither gives them a place."""
    codes: list[str] = []
    found = []
    for span in spans:
        place = place_of(span)
        if place is None or (span.text.isupper() and len(span.text) > 3):
            continue  # a dateline ("KYIV, Ukraine (AP) —") says where the report was filed
        if kind == "opinion" and place.kind == "deal":
            continue
        if place.codes == ("UA-30",) and span.text.lower() in ("kyiv", "kiev") and not _means_city(span, sent):
            continue
        found.append((span, place))
    route = len(found) >= 3 and bool(_LOCAL.search(sent.text) or _ROUTE_LINE.search(sent.text))
    for span, place in found:
        if route and _stray_town(place, [p for s, p in found if s is not span]):
            continue
        for code in place.codes:
            if code not in codes:
                codes.append(code)
        if place.codes == ("UA-30",) and _SURROUNDINGS.search(sent.doc[max(span.start - 4, sent.start):
                                                                   min(span.end + 2, sent.end)].text):
            if "UA-32" not in codes:
                codes.append("UA-32")
    if not codes and kind != "opinion" and _ACTION.search(sent.text):
        if _WHOLE_TERRITORY.search(sent.text) or any(_country_as_place(t) for t in sent if t.text == "Ukraine"):
            return ("UA",)
    return tuple(sorted(codes))


def place_of(span: Span) -> Place | None:
    """The gazetteer's place for a matched name or for a spelling variant of one ("Kurakhiv" for Kurakhove)."""
    place = lookup(span.text)
    if place is None and (variant := spelling_variant(span.text)):
        place = lookup(variant)
    return place


def _stray_town(place, others) -> bool:
    """A small town on a route whose oblast no other stop shares: a village of the same name elsewhere ("Sumy –
    Holubivka – Lokhvytsia – Poltava" passes a Holubivka in Sumy oblast, not the town in Luhansk oblast)."""
    if place.kind != "city" or not 0 < place.population < SMALL_TOWN:
        return False
    return not any(set(place.codes) & set(other.codes) for other in others)


def _country_as_place(token: Token) -> bool:
    """"strikes on Ukraine", "a ceasefire in Ukraine", "destroying Ukraine", "withdraw from Ukraine": the country as a
    place, not a party, nor part of the speaker's title ("the commander of Russian troops in Ukraine said")."""
    if _in_speaker_phrase(token):
        return False
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in _COUNTRY_PREPS:
        return head.lower_ != "from" or head.head.lemma_.lower() in _LEAVING
    return token.dep_ == "dobj" and head.lemma_ in _COUNTRY_VERBS


def _in_speaker_phrase(token: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor.dep_ in ("nsubj", "nsubjpass") and ancestor.head.lemma_ in _SPEECH:
            return True
    return False


def _means_city(span: Span, sent: Span) -> bool:
    """"Kyiv" as the city in a military or humanitarian context, not the government."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "time":
        return False  # "09:00 Kyiv time" is a clock
    if re.search(r"\d:\d\d\W*$", doc[max(span.start - 3, 0):span.start].text):
        return False  # "at 09:00 (Kyiv" (time cut off)
    return not _means_government(span) and bool(_MILITARY.search(sent.text))


def _means_government(span: Span) -> bool:
    """"Kyiv" as the Ukrainian government (a speaker, a party, "Kyiv's proposals") rather than the city."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _GOVERNMENT_VERBS:
        return True
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_ not in _CITY_VERBS:
        return True  # "if Kyiv started withdrawing troops": the city does not act
    if root.dep_ in ("dobj", "pobj") and root.head.lemma_ in ("blame", "accuse", "urge", "call", "ask", "pressure"):
        return True  # "the Kremlin blames Kyiv"
    if any(c.dep_ == "relcl" and c.lemma_ in _GOVERNMENT_VERBS | {"have", "join", "plan", "intend"}
           for c in root.children):
        return True  # "Kyiv, which wants to join the alliance"
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
