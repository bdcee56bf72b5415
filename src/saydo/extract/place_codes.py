"""Place codes of a statement: the gazetteer's matches in its sentence, "Kyiv" read as the city or the government,
places a definite description refers back to ("the city", "this route"), the places of the corridor a corridor
statement is about, the same speaker's places carried on to a further report of strikes, and the whole country for a
ceasefire or strikes with no narrower place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from saydo.extract.places import spelling_variant
from saydo.resolve.gazetteer import Place, foreign_names, lookup

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
# "Kyiv" is the city only in a military or humanitarian context; elsewhere ("decisions will be made in Kiev") it is
# the seat of the government
_MILITARY = re.compile(r"\b(military|army|troops|forces|soldiers|strikes?|struck|missiles?|drones?|rockets?|shell\w*|"
                       r"attack\w*|bomb\w*|air raid|sirens?|explosions?|blasts?|artillery|fighting|battles?|offensive|"
                       r"siege|besieged|encircle\w*|invad\w*|invasion|occup\w*|withdraw\w*|retreat\w*|advanc\w*|"
                       r"cease-?fires?|truce|hostilities|front|defen[cs]es?|air defen[cs]e|corridors?|evacuat\w*|"
                       r"routes?|convoys?|civilians|casualties|killed|wounded|destroy\w*|damaged?)\b", re.I)

_ANAPHORA = re.compile(r"\b(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?(?:city|cities|town|towns|village|"
                       r"villages|settlements?|region|regions|area|areas|oblast|route|routes|corridors?|canal|"
                       r"reservoir|dam|station|ports?|island|orphanage|bank|direction|garrison|plant|road|ceasefire|"
                       r"cease-fire|truce|evacuation|withdrawal|operation|agreements?|deal|initiative|convoy|place|"
                       r"terms)\b|\bth(?:is|at) fact\b(?! that)|\bthere\b(?!\s+(?:is|are|was|were|will|would|has|have|"
                       r"had|can|could|may|might|must|should|seems?|appears?)\b)", re.I)
# a reference back to an agreement: the article's deal, however many paragraphs back it was named
_DEAL_REF = re.compile(r"\b(?:the|this|that|these|those|its)\s+(?:\w+\s+)?(?:agreements?|deal|initiative|terms|"
                       r"accord)\b", re.I)
_WHOLE_FRONT = re.compile(r"\b(cease-?fires?|truce|go silent|massive strikes|launching missiles)\b", re.I)
_LOCAL = re.compile(r"\b(corridors?|evacuat\w*|routes?|convoys?)\b", re.I)
# a corridor statement that announces a list of routes ("via two routes", "six humanitarian corridors")
_ROUTES_FOLLOW = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|following)\s+"
                            r"(?:\w+\s+)?(?:routes|corridors)\b", re.I)
_ROUTE_LINE = re.compile(r"\s[–—-]\s|\b(?:direction|via|through)\b", re.I)
_CORRIDOR_NOUNS = {"route", "corridor", "road", "direction", "path", "way"}
_OTHER = {"other", "another", "different", "alternative", "new"}
_ACTION = re.compile(r"\b(cease-?fires?|truce|strikes?|struck|missiles?|drones?|shell\w*|attack\w*|destroy\w*|"
                     r"bomb\w*|troops|forces|withdraw\w*|invad\w*|war|fighting|hostilities)\b", re.I)
# a further report of strikes by the same speaker ("it also destroyed two radar stations") is about the same places
_STRIKE_VERBS = {"strike", "destroy", "attack", "shell", "bomb", "inflict", "target", "hit", "shoot", "fire", "down"}
_WHOLE_TERRITORY = re.compile(r"\b(?:all|the whole|the entire)\s+(?:of\s+)?(?:its|their|Ukraine's|Ukrainian|"
                              r"Ukraine’s)\s+territor(?:y|ies)\b|\bUkraine['’]s entire territory\b", re.I)
_COUNTRY_PREPS = {"in", "into", "across", "throughout", "over", "against", "on", "from"}
_COUNTRY_VERBS = {"destroy", "attack", "strike", "invade", "bomb", "shell", "occupy", "hit"}
_LEAVING = {"withdraw", "withdrawal", "retreat", "pull", "leave", "expel", "oust", "remove", "exit"}
_SPEECH = {"say", "tell", "announce", "state", "declare", "claim", "add", "report", "note", "stress", "write",
           "confirm", "warn", "accuse", "deny", "promise", "insist", "explain", "assure"}
_LOCATIVE = {"in", "near", "at", "to", "from", "around", "outside", "including", "into", "towards", "toward", "via",
             "through", "of"}
SMALL_TOWN = 30_000


@dataclass(frozen=True)
class Mention:
    """What one sentence names: its codes, whether it names a place abroad, whether it is about a corridor."""
    codes: tuple[str, ...] = ()
    abroad: bool = False
    corridor: bool = False
    deal: bool = False


@dataclass(frozen=True)
class Context:
    """What surrounds a statement's sentence.

    ``earlier``: mentions of the sentences before it, nearest first; ``corridor``: the places of the corridor
    sentences around it (the union of origins, waypoints and destinations); ``deal``: the places of the agreement named
    last before it anywhere in the article (the grain deal: UA-51); ``following``: places named after it on the same
    line (a route list that "two routes" announces); ``previous``: the places of the same speaker's statement just
    before it, in the same or the previous paragraph (None when there is none)."""
    earlier: Sequence[Mention] = ()
    corridor: tuple[str, ...] = ()
    deal: tuple[str, ...] = ()
    following: tuple[str, ...] = ()
    previous: tuple[str, ...] | None = None


def statement_places(sent: Span, spans: list[Span], context: Context = Context(), kind: str = "claim"
                     ) -> tuple[str, ...]:
    """The statement's codes: places named in its sentence (with the routes it announces); else, for a statement
    about a corridor, the corridor's places; else the places of the nearest earlier sentence when it refers back to
    one ("the city", "this route", "the ceasefire"), nothing when that sentence names a place abroad; else, for a
    pledge, demand or claim of a ceasefire or strikes with no narrower place and no corridor, the whole country; else,
    for a further report of strikes by the speaker of the statement just before, that statement's places."""
    codes = named_places(sent, spans, kind)
    if codes:
        if context.following and _ROUTES_FOLLOW.search(sent.text):
            codes = tuple(sorted(set(codes) | set(context.following)))
        return codes
    if names_abroad(sent):
        return ()
    main = main_clause_text(sent)
    if context.corridor and _LOCAL.search(main):
        return context.corridor
    if kind != "opinion" and context.deal and _DEAL_REF.search(main):
        return context.deal
    if _ANAPHORA.search(main):
        for mention in context.earlier:
            if kind == "opinion" and mention.deal:
                return ()  # an opinion about the deal: no place (see named_places)
            if mention.codes:
                return context.corridor if mention.corridor and context.corridor else mention.codes
            if mention.abroad:
                return ()  # "the city", "there": a place abroad, which is not coded
    if kind in ("pledge", "demand", "claim") and _WHOLE_FRONT.search(sent.text) and not _LOCAL.search(sent.text):
        return ("UA",)
    if kind != "opinion" and context.previous and _reports_strike(sent):
        return context.previous
    return ()


def _reports_strike(sent: Span) -> bool:
    """A strike told as an action ("it destroyed", "fire was opened"), not named as a topic ("he told them
    about the missile strikes"); relative clauses do not count."""
    background = {t.i for token in sent if token.dep_ == "relcl" for t in token.subtree}
    return any(t.pos_ == "VERB" and t.lemma_.lower() in _STRIKE_VERBS and t.i not in background for t in sent)


def sentence_mention(sent: Span, spans: list[Span]) -> Mention:
    """What a sentence names, as a later sentence may refer back to it."""
    codes = named_places(sent, spans)
    deal = any(p is not None and p.kind == "deal" for p in map(place_of, spans))
    return Mention(codes=codes, abroad=names_abroad(sent), corridor=bool(codes) and is_corridor(sent, spans),
                   deal=deal)


def is_corridor(sent: Span, spans: list[Span]) -> bool:
    """A sentence about an evacuation corridor or route ("the corridor from Sumy"), or a line of a route list
    ("Izium – Lozova.", "From Mariupol in the direction of Zaporizhzhia.")."""
    if _LOCAL.search(main_clause_text(sent)):
        return True
    named = [s for s in spans if place_of(s) is not None]
    if len(named) < 2 and not (named and re.search(r"\bdirection\b", sent.text, re.I)):
        return False
    verbless = not any(t.pos_ in ("VERB", "AUX") for t in sent)
    return verbless or bool(_ROUTE_LINE.search(sent.text))


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
    """The gazetteer's place for a matched name (a village as the component placed it) or for a spelling variant of
    one ("Kurakhiv" for Kurakhove)."""
    if span.has_extension("place") and span._.place is not None:
        return span._.place
    place = lookup(span.text)
    if place is None and (variant := spelling_variant(span.text)):
        place = lookup(variant)
    return place


def _stray_town(place, others) -> bool:
    """A small town on a route whose oblast no other stop shares: a village of the same name elsewhere ("Okhtyrka –
    Rakivka – Trostianets – Sumy" passes a Rakivka in Sumy oblast, not the town in Poltava oblast)."""
    if place.kind != "city" or not 0 < place.population < SMALL_TOWN:
        return False
    return not any(set(place.codes) & set(other.codes) for other in others)


def names_abroad(sent: Span) -> bool:
    """Does the sentence name a place outside Ukraine as a place ("artillery fire in Belgorod", "talks in Istanbul")?"""
    foreign = foreign_names()
    for token in sent:
        if not token.text[:1].isupper() or token.lower_ not in foreign:
            continue
        head = token
        while head.dep_ == "conj" and head.head is not head:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
            return True
    return False


def main_clause_text(sent: Span) -> str:
    """The sentence's text without its relative clauses and without corridors other than the one named before:
    what a relative clause mentions ("the Red Cross, which had helped plan the corridor") is background, and "any
    other routes", "a different route" do not refer back."""
    chars = list(sent.text)
    for token in sent:
        other = token.lower_ in _OTHER and token.head.lemma_.lower() in _CORRIDOR_NOUNS
        if token.dep_ == "relcl" or other:
            for t in (token.head if other else token).subtree:
                for k in range(t.idx - sent.start_char, t.idx - sent.start_char + len(t.text)):
                    if 0 <= k < len(chars):
                        chars[k] = " "
    return "".join(chars)


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
        return False  # "at 09:00 (Kyiv" (the word "time" cut off)
    return not _means_government(span) and bool(_MILITARY.search(sent.text))


def _means_government(span: Span) -> bool:
    """"Kyiv" as the Ukrainian government (a speaker, a party, "Kyiv's proposals") rather than the city."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _GOVERNMENT_VERBS:
        return True
    if root.dep_ == "nsubj" and root.head.pos_ in ("VERB", "AUX") and root.head.lemma_ not in _CITY_VERBS:
        return True  # "if Kyiv pulls its troops back": the city does not act
    if root.dep_ in ("dobj", "pobj") and root.head.lemma_ in ("blame", "accuse", "urge", "call", "ask", "pressure"):
        return True  # "Moscow blamed Kyiv"
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
