"""Place codes of a statement, and the rule that gave them.

The rules, in the order they apply (each named ``places:<name>`` in ``Statement.rules``, so ``saydo eval --rules``
scores it):

- ``named``: the places its sentence names (a village only where the text says which one; a region that only locates
  a narrower place — "near Olenivka in the Donbas region" — adds nothing); ``site`` when they are only named sites
  or epithets ("the Azovstal plant", "the Ukrainian capital"); ``nationwide`` for a Ukrainian official's "across
  the country", "in all regions";
- ``routes-announced``: a corridor statement announcing routes ("via two routes") with the route list after it;
- ``corridor``: a statement about a corridor or route that names none: the union of the corridor sentences around;
- ``deal``: a reference to an agreement: the places of the deal named last (the grain deal: UA-51);
- ``reference``: a definite description ("the city", "the building", "this attack", "such strikes", "there"):
  the places of the nearest earlier sentence naming a place of that class (a town for "the city", a site or a
  sentence about a building for "the building", an event for "the strike"), else of the nearest earlier sentence
  naming places (up to six back within two paragraphs); nothing when that sentence names a place abroad;
- ``speaker-title``: a local official whose title names a place ("the governor of Sumy region") speaking about the
  events: that place;
- ``nationwide``: a pledge or demand of a ceasefire, or of strikes, or a claim of strikes across the country, with no
  narrower place: the whole country.

Decisions that give no place are named too: ``abroad`` (the sentence names a place outside Ukraine) and
``kyiv-government`` ("Kyiv" meaning the government: "Kyiv said", "called on Kyiv to", "the Kyiv regime").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token

from saydo.extract.lexicon import lexicon
from saydo.extract.places import spelling_variant
from saydo.resolve.gazetteer import Place, foreign_names, lookup

_SURROUNDINGS = re.compile(r"\b(around|near|outside|surrounding|vicinity|environs|directions?|towards?|outskirts|"
                           r"suburbs?|approaches|region|oblast|province|area)\b", re.I)
# a reference back to an agreement: the article's deal, however many paragraphs back it was named
_DEAL_REF = re.compile(r"\b(?:the|this|that|these|those|its)\s+(?:\w+\s+)?(?:agreements?|deal|initiative|terms|"
                       r"accord)\b", re.I)
_WHOLE_FRONT = re.compile(r"\b(cease-?fires?|truce|go silent|massive (?:\w+ )?(?:strikes|attacks?)|launching missiles|"
                          r"(?:cease|stop|end|halt) (?:all )?(?:the )?(?:military action|hostilities|fighting|fire))\b",
                          re.I)
_ACROSS = re.compile(r"\b(massive (?:\w+ )?(?:strikes|attacks?)|launching missiles)\b", re.I)
_MASSIVE = re.compile(r"\bmassive (?:\w+ )?(?:strikes?|attacks?)\b", re.I)
NATIONWIDE_OBLASTS = 5  # an event in this many oblasts or more is one across the country
_LOCAL = re.compile(r"\b(corridors?|evacuat\w*|routes?|convoys?)\b", re.I)
# a corridor statement that announces a list of routes ("via two routes", "six humanitarian corridors")
_ROUTES_FOLLOW = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|following)\s+"
                            r"(?:\w+\s+)?(?:routes|corridors)\b", re.I)
_ROUTE_LINE = re.compile(r"\s[–—-]\s|\b(?:direction|via|through)\b", re.I)
_CORRIDOR_NOUNS = {"route", "corridor", "road", "direction", "path", "way"}
_OTHER = {"other", "another", "different", "alternative", "new"}
_SPEECH = {"say", "tell", "announce", "state", "declare", "claim", "add", "report", "note", "stress", "write",
           "confirm", "warn", "accuse", "deny", "promise", "insist", "explain", "assure"}
_LOCATIVE = {"in", "near", "at", "to", "from", "around", "outside", "including", "into", "towards", "toward", "via",
             "through", "of"}
_DEFINITE = {"the", "this", "that", "these", "those", "such", "its", "their"}
_TOPIC = {"about", "regarding", "concerning"}
_FEW = {"both", "two", "three", "four", "five"}
_LOCATOR_GAP = {"in", "of", "the", ",", "region", "oblast"}
_TALKS = {"talk", "talks", "negotiation", "negotiations", "dialogue", "relation", "relations", "contact", "contacts",
          "negotiate", "meeting", "agreement", "deal", "war", "conflict", "confrontation", "ties"}
_LOCAL_OFFICE = re.compile(r"\b(mayor|governor|city council|city hall|regional|military administration|oblast|"
                           r"village head|hromada|district)\b", re.I)
_TOWN_KINDS = {"city", "town", "village"}
_TITLES = {"commander", "minister", "ambassador", "envoy", "head", "chief", "representative", "president",
           "spokesman", "spokesperson", "spokeswoman", "governor", "mayor", "coordinator", "commissioner", "adviser",
           "advisor", "officer", "general", "leader", "mission"}
SMALL_TOWN = 30_000


def _words(name: str):
    return lexicon("places", name)


@dataclass(frozen=True)
class Mention:
    """What one sentence names: its codes, whether it names a place abroad, whether it is about a corridor or names
    the deal, the kinds of the places it names (city, oblast, site...) and the classes of the nouns a later
    definite description may refer back to (settlement, site, incident)."""
    codes: tuple[str, ...] = ()
    abroad: bool = False
    corridor: bool = False
    deal: bool = False
    kinds: frozenset[str] = frozenset()
    nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Context:
    """What surrounds a statement's sentence.

    ``earlier``: mentions of the sentences before it, nearest first, up to six back within two paragraphs;
    ``before``: every earlier sentence of the article, nearest first; ``corridor``: the places of the corridor
    sentences around it (the union of origins, waypoints and destinations); ``deal``: the places of the agreement named
    last before it anywhere in the article (the grain deal: UA-51); ``following``: places named after it on the same
    line (a route list that "two routes" announces); ``actor``: the side the speaker speaks for; ``speaker_places``:
    the places a local official's title names ("the governor of Sumy region")."""
    earlier: Sequence[Mention] = ()
    corridor: tuple[str, ...] = ()
    deal: tuple[str, ...] = ()
    following: tuple[str, ...] = ()
    before: Sequence[Mention] = ()
    actor: str | None = None
    speaker_places: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """A statement's codes and the rule that decided them (``places:<name>``; None when no rule applied)."""
    codes: tuple[str, ...] = ()
    rule: str | None = None


def statement_places(sent: Span, spans: list[Span], context: Context = Context(), kind: str = "claim"
                     ) -> tuple[str, ...]:
    """The statement's codes (see ``decide``)."""
    return decide(sent, spans, context, kind).codes


def decide(sent: Span, spans: list[Span], context: Context = Context(), kind: str = "claim") -> Decision:
    """The statement's codes and the rule that gave them, in the order of the module's docstring."""
    codes, rule = _named(sent, spans, kind, context.actor)
    if codes:
        if context.following and _ROUTES_FOLLOW.search(sent.text):
            return Decision(tuple(sorted(set(codes) | set(context.following))), "places:routes-announced")
        return Decision(codes, rule)
    if names_abroad(sent):
        return Decision((), "places:abroad")
    main = main_clause_text(sent)
    if context.corridor and _LOCAL.search(main):
        return Decision(context.corridor, "places:corridor")
    if kind != "opinion" and context.deal and _DEAL_REF.search(main):
        return Decision(context.deal, "places:deal")
    if kind in ("pledge", "demand", "claim") and _MASSIVE.search(main):
        return Decision(("UA",), "places:nationwide")
    classes = references(sent)
    topical = not classes and references(sent, topics=True)
    if classes or topical:
        # a reference inside a topic ("told them about the daily strikes") needs an antecedent of its own class
        found = _referent(classes or topical, context, kind, nearest=not topical)
        if found is not None:
            if len(found) >= NATIONWIDE_OBLASTS and any(c in classes for c in ("incident", "any")):
                found = ("UA",)  # "this attack" after explosions in five oblasts and more: the country
            return Decision(found, "places:reference")
    if kind != "opinion" and about_events(sent):
        if context.speaker_places:
            return Decision(context.speaker_places, "places:speaker-title")
    whole = _WHOLE_FRONT if kind in ("pledge", "demand") else _ACROSS if kind == "claim" else None
    if whole is not None and whole.search(sent.text) and not _LOCAL.search(sent.text) and not _ceasefire_topic(sent):
        # a ceasefire pledged or demanded holds along the whole front; a claim places it only when it reports strikes
        # across the country: a ceasefire talked about in a claim ("the ministers talked about a truce") was the whole
        # country 11 times in 30 on the read sets
        return Decision(("UA",), "places:nationwide")
    return Decision((), rule)


_TRUCE_WORDS = {"ceasefire", "ceasefires", "cease-fire", "cease-fires", "truce", "truces"}


def _ceasefire_topic(sent: Span) -> bool:
    """Is every ceasefire the sentence names only a topic: what a noun is about ("conditions for a truce", "hopes of a
    ceasefire", "a paper on a truce"), not what is pledged, agreed or called for ("agreed on a ceasefire", "called
    for a truce")?"""
    truces = [t for t in sent if t.lower_ in _TRUCE_WORDS]
    return bool(truces) and all(t.dep_ == "pobj" and t.head.head.pos_ == "NOUN" or
                                t.dep_ == "conj" and t.head.dep_ == "pobj" and t.head.head.head.pos_ == "NOUN"
                                for t in truces)


def _referent(classes: set[str], context: Context, kind: str, nearest: bool = True) -> tuple[str, ...] | None:
    """The places a definite description refers to: the nearest earlier sentence naming a place of its class; else,
    for an event or a site ("the sabotage", "the building"), the article's own event: the first sentence (headline or
    lead) that names places with an event or a site; else the nearest earlier sentence (in reach) naming places. ()
    when that sentence names a place abroad; None for none."""
    for mention in context.before:
        if kind == "opinion" and mention.deal:
            return ()  # an opinion about the deal: no place (see _named)
        if not _same_class(classes, mention):
            continue
        if mention.codes:
            return context.corridor if mention.corridor and context.corridor else mention.codes
        if mention.abroad:
            return ()  # "the city", "the attack": a place abroad, which is not coded
    if classes & {"incident", "site"}:
        focus = next((m for m in reversed(context.before) if m.codes and (m.nouns & {"incident", "site"}
                                                                            or "site" in m.kinds)), None)
        if focus is not None:
            return focus.codes
    if not nearest or classes <= {"deal"}:
        return None  # "the deal" refers to an agreement named before, never to the last town named
    for mention in context.earlier:
        if kind == "opinion" and mention.deal:
            return ()
        if mention.codes:
            return context.corridor if mention.corridor and context.corridor else mention.codes
        if mention.abroad:
            return ()
    return None


def _same_class(classes: set[str], mention: Mention) -> bool:
    """Does an earlier sentence name what a definite description of these classes refers to: a town for "the city",
    several places for "these regions", a site or a building for "the plant", an event at a place for "the attack"?"""
    if "settlements" in classes and len(mention.codes) >= 2 and mention.kinds & (_TOWN_KINDS | {"oblast"}):
        return True
    if "towns" in classes and len(mention.codes) >= 2 and mention.kinds & _TOWN_KINDS:
        return True
    if "any" in classes or (classes & {"settlement", "settlements", "towns"} and mention.abroad):
        return bool(mention.codes) or mention.abroad  # "the city" after "in Belgorod": a town abroad
    if "settlement" in classes and (mention.kinds & (_TOWN_KINDS | {"oblast"}) or "settlement" in mention.nouns):
        return True
    if "site" in classes and ("site" in mention.kinds or "site" in mention.nouns):
        return True
    if "deal" in classes and mention.deal:
        return True
    return "incident" in classes and "incident" in mention.nouns


def references(sent: Span, topics: bool = False) -> set[str]:
    """The classes of the definite descriptions in the sentence's main clause that refer back to a place: "the city"
    (settlement), "the building" (site), "this attack", "such strikes" (incident), "this route" (corridor), "the
    city's mayor", "there" as a place (any), "this fact" (any). Relative clauses, other corridors and topics ("told
    them about the daily strikes") do not refer."""
    background = _background(sent) | (set() if topics else _topics(sent))
    found: set[str] = set()
    for token in sent:
        if token.i in background:
            continue
        word = token.lemma_.lower()
        if token.lower_ == "there" and token.dep_ == "advmod":
            found.add("any")
            continue
        if token.pos_ not in ("NOUN", "PROPN") or not _definite(token):
            continue
        if any(c.dep_ in ("compound", "amod") and c.text[:1].isupper() and c.pos_ == "PROPN" for c in token.children):
            continue  # "the Kursk region", "the Azovstal plant": a place named, not one referred back to
        if word == "fact":
            found.add("any")
        possessed = any(c.dep_ == "poss" for c in token.children)
        for name, cls in (("settlement_nouns", "settlement"), ("site_nouns", "site"), ("incident_nouns", "incident"),
                          ("corridor_nouns", "any"), ("deal_nouns", "deal")):
            if (word in _words(name) or token.lower_ in _words(name)) and (cls == "site" or not possessed):
                # "its port" is a place, "their territory" or "its offensive" a party's
                if cls == "settlement" and token.tag_ in ("NNS", "NNPS"):
                    cls = "towns" if word in ("city", "town", "village", "settlement") else "settlements"
                found.add(cls)
    return found


def _definite(token: Token) -> bool:
    """"the city", "this route", "such attacks", "its port", "the city's mayor" (a possessive of the noun itself)."""
    if any(c.dep_ in ("det", "poss", "predet", "nummod", "amod") and c.lower_ in _DEFINITE | _FEW
           for c in token.children):
        return True
    doc = token.doc
    return token.i + 1 < len(doc) and doc[token.i + 1].text in ("'s", "’s") and token.i > 0 and \
        doc[token.i - 1].lower_ in _DEFINITE | {",", "by", "of"}


def about_events(sent: Span) -> bool:
    """Is the sentence's main clause about the war's events (casualties, damage, strikes told as actions, a building),
    rather than politics ("the talks were constructive") or events named as a topic ("told them about the strikes")?"""
    hidden = _background(sent) | _topics(sent)
    main = "".join(t.text_with_ws if t.i not in hidden else " " * len(t.text_with_ws) for t in sent)
    if _words("event_words").search(main):
        return True
    return any(t.i not in hidden and (t.lemma_.lower() in _words("site_nouns")
                                      or t.lemma_.lower() in _words("incident_nouns")) for t in sent)


def sentence_mention(sent: Span, spans: list[Span]) -> Mention:
    """What a sentence names, as a later sentence may refer back to it."""
    codes, _ = _named(sent, spans)
    places = [p for p in map(place_of, spans) if p is not None]
    deal = any(p.kind == "deal" for p in places)
    nouns = set()
    for token in sent:
        word = token.lemma_.lower()
        for name, cls in (("settlement_nouns", "settlement"), ("site_nouns", "site"), ("incident_nouns", "incident")):
            if token.pos_ in ("NOUN", "PROPN") and (word in _words(name) or token.lower_ in _words(name)):
                nouns.add(cls)
    return Mention(codes=codes, abroad=names_abroad(sent), corridor=bool(codes) and is_corridor(sent, spans),
                   deal=deal, kinds=frozenset(p.kind for p in places if p.codes), nouns=frozenset(nouns))


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
    """Codes of the places named in a sentence (see ``_named``)."""
    return _named(sent, spans, kind)[0]


def _named(sent: Span, spans: list[Span], kind: str = "claim", actor: str | None = None
           ) -> tuple[tuple[str, ...], str | None]:
    """Codes of the places named in a sentence and the rule's name. Opinions evaluate the grain deal or the war as a
    whole: neither gives them a place."""
    codes: list[str] = []
    found: list[tuple[Span, Place]] = []
    government = False
    for span in spans:
        place = place_of(span)
        if place is None or not place.codes or (span.text.isupper() and len(span.text) > 3):
            continue  # a dateline ("KYIV, Ukraine (AP) —") says where the report was filed
        if kind == "opinion" and place.kind == "deal":
            continue
        if _where_said(span):
            continue  # "..., the minister said during a visit to Lviv": where it was said
        if place.codes == ("UA-30",) and span.text.lower() in ("kyiv", "kiev") and not _means_city(span, sent, spans):
            government = True
            continue
        found.append((span, place))
    route = len(found) >= 3 and bool(_LOCAL.search(sent.text) or _ROUTE_LINE.search(sent.text))
    for index, (span, place) in enumerate(found):
        if route and _stray_town(place, [p for s, p in found if s is not span]):
            continue
        narrower = _located(span, place, found[:index])
        for code in narrower if narrower is not None else place.codes:
            if code not in codes:
                codes.append(code)
        # the window after reaches "directions" in "the Kyiv and Chernihiv directions"
        if place.codes == ("UA-30",) and _SURROUNDINGS.search(sent.doc[max(span.start - 4, sent.start):
                                                                   min(span.end + 3, sent.end)].text):
            if "UA-32" not in codes:
                codes.append("UA-32")
    if codes:
        sites = all(p.kind in ("site", "epithet") for _, p in found)
        return tuple(sorted(codes)), "places:site" if sites else "places:named"
    if actor == "UKR" and _words("nationwide").search(main_clause_text(sent)):
        return ("UA",), "places:nationwide"
    return (), "places:kyiv-government" if government else None


_SAID_AT = {"in", "at", "during", "after", "before", "while", "from"}  # a phrase of place or time on a speech verb
_INSIDE = {"in", "at", "during", "to", "after", "before", "from", "near", "outside", "with"}  # and further inside it


def _where_said(span: Span) -> bool:
    """Does the place say where the words were spoken rather than what they concern? Through prepositions of place and
    time only, it hangs on a verb of speaking after the verb ("said during a visit to Lviv", "told reporters in
    Kyiv") or on a participle of speaking ("Speaking at a forum in Odesa, X said"); a fronted "In Kharkiv, the
    governor said" may be both and is kept."""
    token = span.root
    for _ in range(10):
        head = token.head
        if head.i == token.i or token.dep_ not in ("pobj", "prep", "compound", "amod", "appos", "conj"):
            return False
        if token.dep_ == "prep" and token.lower_ not in _INSIDE:
            return False  # "said in a statement on the situation in X": what it is about
        if head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in _words("speaking_verbs"):
            return token.dep_ == "prep" and token.lower_ in _SAID_AT and \
                (token.i > head.i or head.tag_ == "VBG" and head.dep_ == "advcl")
        if head.pos_ in ("VERB", "AUX"):
            return False
        token = head
    return False


def _located(span: Span, place: Place, before: list[tuple[Span, Place]]) -> tuple[str, ...] | None:
    """A region that only says where the place before it lies ("near Olenivka in the Donbas region", "the Donbas
    region of eastern Ukraine", "Kremenchuk, Poltava region") adds nothing: the narrower place's codes."""
    if not before or place.kind not in ("macro", "oblast"):
        return None
    prev_span, prev = before[-1]
    gap = span.doc[prev_span.end:span.start]
    if len(gap) > 4 or any(t.lower_ not in _LOCATOR_GAP for t in gap):
        return None
    if set(prev.codes) < set(place.codes):
        return tuple(prev.codes)
    return None


def place_of(span: Span) -> Place | None:
    """The gazetteer's place for a matched name (a village as the component placed it) or for a spelling variant of
    one ("Kurakhiv" for Kurakhove)."""
    if span.has_extension("place") and span._.place is not None:
        name, codes, kind, population, candidates = span._.place
        return Place(name, tuple(codes), kind, population, tuple(candidates))
    place = lookup(span.text)
    if place is None and (variant := spelling_variant(span.text)):
        place = lookup(variant)
    return place


def _stray_town(place, others) -> bool:
    """A small town on a route whose oblast no other stop shares: a village of the same name elsewhere ("Okhtyrka –
    Rakivka – Trostianets – Sumy" passes a Rakivka in Sumy oblast, not the town in Poltava oblast)."""
    if place.kind not in ("city", "village") or not 0 < place.population < SMALL_TOWN:
        return False
    return not any(set(place.codes) & set(other.codes) for other in others)


def names_abroad(sent: Span) -> bool:
    """Does the sentence name a place outside Ukraine as a place ("artillery fire in Belgorod", "talks in Istanbul")?
    Where the speaker spoke ("In Moscow, the ministry said") is not what the statement is about."""
    foreign = foreign_names()
    for token in sent:
        if not token.text[:1].isupper() or token.lower_ not in foreign:
            continue
        head = token
        while head.dep_ == "conj" and head.head.i != head.i:
            head = head.head
        if head.dep_ == "pobj" and head.head.lower_ in _LOCATIVE:
            if head.head.head.lemma_ in _SPEECH and head.head.i < head.head.head.i:
                continue  # "In Moscow, the defence ministry said ...": the speaker's place
            if head.head.lower_ == "of" and head.head.head.lemma_.lower() in _TITLES:
                continue  # "the President of France": a title
            return True
    return False


def _background(sent: Span) -> set[int]:
    """Token indices of relative clauses and of corridors other than the one named before: what a relative clause
    mentions ("the Red Cross, which had helped plan the corridor") is background, and "any other routes", "a
    different route" do not refer back."""
    hidden: set[int] = set()
    for token in sent:
        other = token.lower_ in _OTHER and token.head.lemma_.lower() in _CORRIDOR_NOUNS
        if token.dep_ == "relcl" or other:
            hidden |= {t.i for t in (token.head if other else token).subtree}
    return hidden


def _topics(sent: Span) -> set[int]:
    """Token indices of topic phrases ("about the strikes", "regarding the city"): what is talked about, not where."""
    return {t.i for p in sent if p.dep_ == "prep" and p.lower_ in _TOPIC for t in p.subtree}


def main_clause_text(sent: Span) -> str:
    """The sentence's text without its background (see ``_background``), blanked to keep offsets."""
    hidden = _background(sent)
    chars = list(sent.text)
    for t in sent:
        if t.i in hidden:
            for k in range(t.idx - sent.start_char, t.idx - sent.start_char + len(t.text)):
                if 0 <= k < len(chars):
                    chars[k] = " "
    return "".join(chars)


def title_places(title: str) -> tuple[str, ...]:
    """The places a local official's title names ("the governor of Sumy region" -> UA-59, "Mayor of Kyiv" -> UA-30);
    () for any other title."""
    if not title or not _LOCAL_OFFICE.search(title):
        return ()
    words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", title)
    codes: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            place = lookup(" ".join(words[i:i + n])) if i + n <= len(words) else None
            if place is not None and place.kind in ("oblast", "city", "town") and words[i][:1].isupper():
                codes.extend(c for c in place.codes if c not in codes)
                i += n
                break
        else:
            i += 1
    return tuple(sorted(codes))


def _means_city(span: Span, sent: Span, spans: Sequence[Span] = ()) -> bool:
    """"Kyiv" as the city: in a list of places ("Chernihiv region, Kyiv and Kyiv region"), or in a military or
    humanitarian context, and not the government."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ == "time":
        return False  # "09:00 Kyiv time" is a clock
    if re.search(r"\d:\d\d\W*$", doc[max(span.start - 3, 0):span.start].text):
        return False  # "at 09:00 (Kyiv" (the word "time" cut off)
    if _means_government(span):
        return False
    if _in_list(span, spans):
        return True
    return bool(_words("war_context").search(sent.text))


def _in_list(span: Span, spans: Sequence[Span]) -> bool:
    """Is the name one of a list of places ("Sumy region, Kyiv and Kyiv region"): coordinated with another place, or
    next to one with only a comma or "and" between?"""
    doc = span.doc
    others = {i for s in spans if s.start != span.start and (place_of(s) or Place("", (), "")).codes
              for i in range(s.start, s.end)}
    if others & {t.i for t in span.root.conjuncts}:
        return True
    for gap in (doc[max(span.start - 2, 0):span.start], doc[span.end:span.end + 2]):
        words = [t for t in gap if t.lower_ in (",", "and")]
        if words and len(words) == len(gap) - 1 and any(t.i in others for t in gap):
            return True
    return False


_READINESS = {"ready", "prepared", "willing", "unwilling", "determined", "open", "eager", "reluctant", "keen"}


_SEAT_OF_POWER = {"authorities", "officials", "government", "leadership", "regime", "leaders", "politicians"}


def _given(word: Token) -> bool:
    """A noun of what is given or sent ("deliveries", "the transfer of jets") or a verb of giving ("hand over",
    "provide"): its receiver is a party."""
    return (word.lower_ in _words("kyiv_recipient_nouns")
            or (word.pos_ == "NOUN" and word.lemma_.lower() in _words("kyiv_recipient_nouns"))
            or (word.pos_ == "VERB" and word.lemma_.lower() in _words("kyiv_giving_verbs")))


def _means_government(span: Span) -> bool:
    """"Kyiv" as the Ukrainian government (a speaker, a party, "Kyiv's proposals") rather than the city."""
    root = span.root
    head = root.head
    if root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _words("kyiv_government_verbs"):
        return True
    if root.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and head.lemma_ not in _words("kyiv_city_verbs"):
        return True  # "if Kyiv pulls its troops back": the city does not act
    if root.dep_ == "nsubj" and any(c.dep_ == "acomp" and c.lemma_.lower() in _READINESS for c in head.children):
        return True  # "Kyiv was prepared to accept": a party's readiness
    if root.dep_ == "dobj" and head.lemma_ in _words("kyiv_pressure_verbs"):
        return True  # "Moscow blamed Kyiv", "pushing Kyiv to shift the fighting"
    if root.dep_ == "pobj" and head.head.lemma_ in _words("kyiv_pressure_verbs") and head.lower_ in ("on", "upon"):
        return True  # "called on Kyiv to cease"
    if root.dep_ == "pobj" and head.lower_ in ("on", "upon", "to") and \
            (head.head.lower_ in _words("kyiv_addressed_nouns") or
             any(c.dep_ == "dobj" and c.lower_ in _words("kyiv_addressed_nouns") for c in head.head.children)):
        return True  # "pressure on Kyiv", "put pressure on Kyiv", "a stern warning to Kyiv": a party pressed
    if root.dep_ == "pobj" and head.lower_ in ("with", "between") and head.head.lemma_.lower() in _TALKS:
        return True  # "talks with Kyiv"
    if root.dep_ == "pobj" and head.lower_ in ("to", "for") and _given(head.head):
        return True  # "weapons deliveries to Kyiv", "aid for Kyiv", "hand the jets to Kyiv": who receives them
    if root.dep_ == "nsubjpass" and head.lemma_.lower() in _words("kyiv_giving_verbs"):
        return True  # "if Kyiv is given more tanks"
    if root.dep_ in ("dobj", "dative") and head.lemma_.lower() in _words("kyiv_giving_verbs"):
        return True  # "will provide Kyiv with more shells", "give Kyiv the jets": the receiver
    if root.dep_ == "pobj" and head.dep_ == "agent":
        return True  # "the battalions commanded by Kyiv", "drones launched by Kyiv": the party acting
    if root.dep_ == "pobj" and head.lower_ == "in" and head.head.lower_ in _SEAT_OF_POWER:
        return True  # "the authorities in Kyiv", "officials in Kiev"
    if any(c.dep_ == "relcl" and (c.lemma_ in _words("kyiv_government_verbs")
                                             or c.lemma_ in ("have", "join", "plan", "intend"))
           for c in root.children):
        return True  # "Kyiv, which wants to join the alliance"
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in _words("kyiv_government_nouns"):
        return True  # "the Kyiv regime", "Kyiv authorities"
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s") and span.end + 1 < len(doc):
        following = doc[span.end + 1: min(span.end + 4, len(doc))]
        if any(t.lower_ in _words("kyiv_government_nouns") or t.lower_ in _words("kyiv_party_acts") for t in following):
            return True  # "Kyiv's proposals", "Kyiv's drone attacks"
    window = doc[max(span.start - 3, 0):min(span.end + 3, len(doc))].text.lower()
    return bool(re.search(r"\b(moscow and ky|moscow and kiev|between moscow|ky[iy]v and moscow|kiev and moscow)",
                          window))
