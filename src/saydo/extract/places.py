"""The gazetteer component: finds places by name and overrides the small model's wrong labels.

``en_core_web_sm`` tags "Kyiv" and "Chernihiv" as PERSON and splits or misses many Ukrainian names. This component
matches the gazetteer's names (``saydo.resolve.gazetteer``) case-insensitively, stores each match in
``doc.spans["places"]`` with its ISO 3166-2 codes in ``span._.codes`` (and the place in ``span._.place``), and rewrites
``doc.ents`` so that every matched name is a GPE (removing overlapping PERSON/ORG/NORP entities).

A town's name counts when it is capitalised, or in lower case where it stands as a place ("shelling in kharkiv",
"#kyiv"). A village (``saydo.resolve.gazetteer.villages``) counts only where the text uses it as a place (after "in",
"near", "the village of"..., or naming a building: "the Olenivka prison") and only when the text says which one it is:
its name is unique in Ukraine, or one of the oblasts that have a village of that name is named in the same sentence
("near Olenivka in the Donbas region"), else elsewhere in the article.
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from saydo.extract.lexicon import lexicon
from saydo.resolve.gazetteer import Place, foreign_names, gazetteer, never_a_place, villages

if not Span.has_extension("codes"):
    Span.set_extension("codes", default=())
if not Span.has_extension("place"):
    Span.set_extension("place", default=None)

_LOWER_KINDS = ("macro", "deal", "epithet")
_MASTHEADS = lexicon("places", "masthead_words").words
_SETTLEMENT = {"village", "town", "settlement", "city", "hamlet", "township", "villages", "towns", "settlements",
               "cities"}


class Gazetteer:
    """Pipeline component ``saydo_gazetteer_v1``: requires tokens and entities, assigns ``doc.spans["places"]``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.places = gazetteer()
        self.villages = villages()
        self.matcher.add("PLACE", list(nlp.tokenizer.pipe(p.name for p in self.places.values())))
        self.matcher.add("VILLAGE", list(nlp.tokenizer.pipe(p.name for p in self.villages.values())))

    def __call__(self, doc: Doc) -> Doc:
        found, small = [], []
        named = {e.start: e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        village_label = doc.vocab.strings["VILLAGE"]
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            if _starts_name(span, named.get(start)):
                continue
            if match_id == village_label:
                place = self.villages.get(span.text.lower())
                if place is not None and _capitalised(span) and _village_as_place(span):
                    small.append(span)
                continue
            place = self.places.get(span.text.lower())
            if place is None or not (place.kind in _LOWER_KINDS or _capitalised(span) or _lower_as_place(span)):
                continue
            if _river(span) or _masthead(span):
                continue
            found.append(span)
        kept = filter_spans(found)  # the longest match wins ("Kyiv region" over "Kyiv")
        kept = kept + self._variants(doc, kept, named)
        taken = {i for span in kept for i in range(span.start, span.end)}
        resolved = [(span, self._place(span)) for span in kept]
        resolved += self._villages(doc, [s for s in filter_spans(small) if not taken & set(range(s.start, s.end))],
                                   resolved)
        places = []
        for span, place in sorted(resolved, key=lambda r: r[0].start):
            labelled = Span(doc, span.start, span.end, label="GPE")
            places.append((labelled, place))
        doc.spans["places"] = [s for s, _ in places]
        others = [_whole_name(e) for e in doc.ents if not any(e.start < p.end and p.start < e.end for p, _ in places)]
        doc.set_ents(filter_spans(others + [s for s, _ in places]))
        for span, place in zip(doc.spans["places"], (p for _, p in places)):
            span._.codes = place.codes
            # plain values, so a Doc crosses processes (nlp.pipe with n_process > 1 serialises user data)
            span._.place = (place.name, list(place.codes), place.kind, place.population, list(place.candidates))
        return doc

    def _place(self, span: Span) -> Place:
        return self.places.get(span.text.lower()) or self.places[spelling_variant(span.text)]

    def _villages(self, doc: Doc, spans: list[Span], resolved: list[tuple[Span, Place]]) -> list[tuple[Span, Place]]:
        """Villages the text says which one it is: a name unique in Ukraine, or the one in an oblast named in the same
        sentence (by any place), else in the article (an oblast or region, or a village already placed)."""
        found = []
        for span in spans:
            place = self.villages[span.text.lower()]
            if not place.codes:
                sentence = {c for s, p in resolved + found if s.sent == span.sent for c in p.codes}
                article = {c for _, p in resolved + found if p.kind in ("oblast", "macro", "village") for c in p.codes}
                for near in (sentence, article):
                    chosen = [c for c in place.candidates if c in near]
                    if len(chosen) == 1:
                        place = Place(place.name, tuple(chosen), "village", place.population, place.candidates)
                        break
                else:
                    continue
            found.append((span, place))
        return found

    def _variants(self, doc: Doc, kept: list[Span], named: dict) -> list[Span]:
        """Names the gazetteer lacks that are another transliteration of a town it has ("Kurakhiv hospital" for
        Kurakhove, "Chernigiv" for Chernihiv): a capitalised proper noun used as a place (a modifier of a noun or
        the object of a locative preposition) spelt like one name (same first five letters, close in spelling)."""
        taken = {i for span in kept for i in range(span.start, span.end)}
        persons = {i for e in named.values() for i in range(e.start, e.end)}
        found = []
        for token in doc:
            if (token.i in taken or token.i in persons or token.pos_ != "PROPN" or not token.text[:1].isupper()
                    or not token.is_alpha or len(token) < 6):
                continue
            if not (token.dep_ in ("compound", "amod") or (token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE)):
                continue
            if (token.i + 1 < len(doc) and doc[token.i + 1].lower_ in _WATER) or any(
                    c.dep_ == "det" for c in token.children):
                continue  # "the Dnieper (River)": rivers and seas take the article, towns do not
            if spelling_variant(token.text):
                found.append(doc[token.i:token.i + 1])
        return found


def _lower_as_place(span: Span) -> bool:
    """A town's name in lower case is a place only after a locative preposition ("shelling in kharkiv"), before an
    oblast word ("kharkiv region") or as a hashtag ("#kyiv"); "the sumy of the parts" is no place."""
    doc, root = span.doc, span.root
    if span.start > 0 and doc[span.start - 1].text == "#":
        return True
    if span.end < len(doc) and doc[span.end].lower_ in ("region", "oblast", "province"):
        return True
    return root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE and root.pos_ == "PROPN"


def _village_as_place(span: Span) -> bool:
    """Is a village's name used as a place: a proper noun that is the object of a locative preposition ("in", "near",
    "the village of"), or names a place or building ("the Olenivka prison", "the Marinka direction"), or is followed
    by its oblast ("X, Donetsk region"); not part of a personal name ("Yulia Tymoshenko", "Serhii Shkarlet")."""
    doc, root = span.doc, span.root
    if root.pos_ != "PROPN":
        return False
    before = doc[span.start - 1] if span.start > span.sent.start else None
    after = doc[span.end] if span.end < len(doc) else None
    if before is not None and before.is_title and before.pos_ == "PROPN":
        return False
    if after is not None and after.is_title and after.lower_ not in _PLACE_WORDS and after.pos_ == "PROPN":
        return False
    if root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in _SETTLEMENT:
        return True
    if after is not None and after.lower_ in _PLACE_WORDS | _SITE_WORDS:
        return True
    following = doc[span.end:min(span.end + 3, len(doc))]
    if len(following) >= 2 and following[0].text == "," and following[1].ent_type_ == "GPE":
        return True
    return root.dep_ in ("compound", "amod") and root.head.lower_ in _PLACE_WORDS | _SITE_WORDS


_SITE_WORDS = {"prison", "colony", "centre", "center", "detention", "camp", "community", "area", "sector", "axis",
               "outskirts", "highway", "road", "airfield", "airbase", "base", "hospital", "school", "market", "village",
               "town", "settlement", "checkpoint", "crossing", "bridgehead", "shelling", "attack", "strike", "massacre",
               "tragedy", "explosion"}


_WATER = {"river", "sea", "lake", "reservoir", "canal", "bay", "estuary", "delta"}
_RIVERS = {"dnieper", "dniester", "danube", "donets", "inhulets", "desna", "southern bug",
           # rivers that share their name with a town on them
           "dnipro", "irpin", "oskil", "kalmius", "psel", "vorskla"}
_LOCATIVE = {"in", "near", "at", "to", "from", "around", "outside", "towards", "toward", "via", "through", "into",
             "across", "over", "on", "outskirts", "beyond", "behind", "inside"}


@lru_cache(maxsize=4096)
def spelling_variant(name: str) -> str | None:
    """The gazetteer key of the town that ``name`` spells differently, or None (no such name, a place abroad, or
    close names in different oblasts)."""
    key = name.lower()
    table = gazetteer()
    if key in table or key in foreign_names() or key in _RIVERS or never_a_place(key) or len(key) < 6:
        return None
    candidates = [k for k in _by_prefix().get(key[:5], ())
                  if abs(len(k) - len(key)) <= 2 and SequenceMatcher(None, k, key).ratio() >= 0.8]
    if len({table[k].codes for k in candidates}) != 1:
        return None
    return max(candidates, key=lambda k: SequenceMatcher(None, k, key).ratio())


@lru_cache(maxsize=1)
def _by_prefix() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for key, place in gazetteer().items():
        if place.kind in ("city", "town") and key.isalpha():
            index.setdefault(key[:5], []).append(key)
    return {k: tuple(v) for k, v in index.items()}


_PLACE_WORDS = {"city", "council", "oblast", "region", "mayor", "governor", "station", "port", "airport", "railway",
                "nuclear", "power", "plant", "dam", "military", "administration", "reservoir", "bridge", "direction",
                "front", "district", "raion", "hromada", "people", "regional"}


def _starts_name(span: Span, person: Span | None) -> bool:
    """"Volodymyr Zelensky": a town's name that opens a personal name the model recognised is the first name."""
    return (person is not None and person.end > span.end
            and span.doc[span.end].lower_ not in _PLACE_WORDS and span.doc[span.end].text[:1].isupper())


_PARTICLES = {"von", "van", "der", "den", "de", "da", "di", "la", "le", "bin", "al", "ter", "zu"}


def _whole_name(ent: Span) -> Span:
    """A person's name the small model cut at a particle ("Ursula von der" of "Ursula von der Leyen") runs on to the
    capitalised word after it."""
    doc = ent.doc
    if ent.label_ != "PERSON" or ent[-1].lower_ not in _PARTICLES or ent.end >= len(doc):
        return ent
    after = doc[ent.end]
    if not (after.is_alpha and after.text[:1].isupper()):
        return ent
    return Span(doc, ent.start, ent.end + 1, label="PERSON")


def _river(span: Span) -> bool:
    """A town's name used for the river it stands on: "the left bank of the Dnipro", "the Irpin River" (towns take no
    article in English: "the Dnipro" alone is the river, "the Dnipro region" is not)."""
    doc = span.doc
    after = doc[span.end].text if span.end < len(doc) else ""
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    if span.text.lower() not in _RIVERS:
        return False
    return after.lower() in _WATER or (before == "the" and after.lower() not in _PLACE_WORDS and
                                       not after[:1].isupper())


def _masthead(span: Span) -> bool:
    """A city naming an outlet ("the Kyiv Independent", "the Odesa Journal"): the next word, capitalised, is a
    masthead noun (``masthead_words``)."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    return after is not None and after.text[:1].isupper() and after.lower_ in _MASTHEADS


def _capitalised(span: Span) -> bool:
    """Names of towns and oblasts are capitalised in English ("the city of Kyiv" by its name)."""
    return any(t.text[:1].isupper() for t in span if t.is_alpha and len(t) > 2)


class LineBreaks:
    """Pipeline component ``saydo_linebreaks_v1``: a line break always ends a sentence (headlines, captions and
    paragraphs never run into the next one). Runs before the parser, which keeps preset boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text_with_ws or "\n" in prev.whitespace_:
                token.is_sent_start = True
        for token in doc:
            if token.i == 0 or token.is_sent_start:  # a line's first word
                end = _dateline_end(doc, token.i)
                if end is not None:
                    doc[end].is_sent_start = True
        return doc


_DASHES = {"-", "--", "—", "–", ":"}


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The first token after a dateline opening a line ("KYIV, March 18 (Reuters) -", "MOSCOW:"), or None: a dateline
    says where a report was filed, so what follows is a sentence of its own (and never spoken by the place)."""
    first = doc[start]
    if not (first.is_alpha and first.is_upper and len(first) >= 3):
        return None
    for token in doc[start + 1:min(start + 12, len(doc) - 1)]:
        if token.text in _DASHES:
            return token.i + 1 if "\n" not in token.whitespace_ else None
        if "\n" in token.text_with_ws or not (token.is_punct or token.like_num or token.text[:1].isupper() or
                                               _joins_places(token)):
            return None
    return None


def _joins_places(token: Token) -> bool:
    """"and" between two places of a dateline written in capitals ("MOSCOW and KYIV —")."""
    doc = token.doc
    return token.lower_ == "and" and token.i + 1 < len(doc) and doc[token.i + 1].is_upper and \
        doc[token.i - 1].is_upper


@Language.factory("saydo_linebreaks_v1", assigns=["token.is_sent_start"])
def make_linebreaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


@Language.factory("saydo_gazetteer_v1", requires=["doc.ents"], assigns=["doc.ents", "doc.spans"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp)
