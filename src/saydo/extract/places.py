"""The gazetteer component: finds places by name and overrides the small model's wrong labels.

``en_core_web_sm`` tags "Kyiv" and "Chernihiv" as PERSON and splits or misses many Ukrainian names. This component
matches the gazetteer's names (``saydo.resolve.gazetteer``) case-insensitively, stores each match in
``doc.spans["places"]`` with its ISO 3166-2 codes in ``span._.codes``, and rewrites ``doc.ents`` so that every
matched name is a GPE (removing overlapping PERSON/ORG/NORP entities).
"""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from saydo.resolve.gazetteer import foreign_names, gazetteer

if not Span.has_extension("codes"):
    Span.set_extension("codes", default=())


class Gazetteer:
    """Pipeline component ``saydo_gazetteer_v1``: requires tokens and entities, assigns ``doc.spans["places"]``."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.places = gazetteer()
        patterns = list(nlp.tokenizer.pipe(p.name for p in self.places.values()))
        self.matcher.add("PLACE", patterns)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        named = {e.start: e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1}
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            place = self.places.get(span.text.lower())
            if place is None or not _capitalised(span, place.kind) or _starts_name(span, named.get(start)):
                continue
            found.append(span)
        kept = filter_spans(found)  # the longest match wins ("Kyiv region" over "Kyiv")
        variants = self._variants(doc, kept, named)
        kept = sorted(kept + variants, key=lambda s: s.start)
        places = []
        for span in kept:
            place = self._place(span)
            labelled = Span(doc, span.start, span.end, label="GPE")
            labelled._.codes = place.codes
            places.append(labelled)
        doc.spans["places"] = places
        others = [e for e in doc.ents if not any(e.start < p.end and p.start < e.end for p in places)]
        doc.set_ents(filter_spans(others + places))
        for span in places:
            span._.codes = self._place(span).codes
        return doc

    def _place(self, span: Span):
        return self.places.get(span.text.lower()) or self.places[spelling_variant(span.text)]

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


_WATER = {"river", "sea", "lake", "reservoir", "canal", "bay", "estuary", "delta"}
_RIVERS = {"dnieper", "dniester", "danube", "donets", "inhulets", "desna", "southern bug"}
_LOCATIVE = {"in", "near", "at", "to", "from", "around", "outside", "towards", "toward", "via", "through"}


@lru_cache(maxsize=4096)
def spelling_variant(name: str) -> str | None:
    """The gazetteer key of the town that ``name`` spells differently, or None (no such name, a place abroad, or
    close names in different oblasts)."""
    key = name.lower()
    table = gazetteer()
    if key in table or key in foreign_names() or key in _RIVERS or len(key) < 6:
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


def _capitalised(span: Span, kind: str) -> bool:
    """Names of cities and oblasts are capitalised in English ("the city of Kyiv" by its name); macro-regions ("the
    front line") need not be."""
    return kind in ("macro", "deal") or any(t.text[:1].isupper() for t in span if t.is_alpha and len(t) > 2)


class LineBreaks:
    """Pipeline component ``saydo_linebreaks_v1``: a line break always ends a sentence (headlines, captions and
    paragraphs never run into the next one). Runs before the parser, which keeps preset boundaries."""

    def __call__(self, doc: Doc) -> Doc:
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text_with_ws or "\n" in prev.whitespace_:
                token.is_sent_start = True
        return doc


@Language.factory("saydo_linebreaks_v1", assigns=["token.is_sent_start"])
def make_linebreaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


@Language.factory("saydo_gazetteer_v1", requires=["doc.ents"], assigns=["doc.ents", "doc.spans"])
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp)
