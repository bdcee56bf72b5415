"""The gazetteer component: finds places by name and overrides the small model's wrong labels.

``en_core_web_sm`` tags "Kyiv" and "Chernihiv" as PERSON and splits or misses many Ukrainian names. This component
matches the gazetteer's names (``saydo.resolve.gazetteer``) case-insensitively, stores each match in
``doc.spans["places"]`` with its ISO 3166-2 codes in ``span._.codes``, and rewrites ``doc.ents`` so that every
matched name is a GPE (removing overlapping PERSON/ORG/NORP entities).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from saydo.resolve.gazetteer import gazetteer

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
        places = []
        for span in kept:
            place = self.places[span.text.lower()]
            labelled = Span(doc, span.start, span.end, label="GPE")
            labelled._.codes = place.codes
            places.append(labelled)
        doc.spans["places"] = places
        others = [e for e in doc.ents if not any(e.start < p.end and p.start < e.end for p in places)]
        doc.set_ents(filter_spans(others + places))
        for span in places:
            span._.codes = self.places[span.text.lower()].codes
        return doc


_PLACE_WORDS = {"city", "council", "oblast", "region", "mayor", "governor", "station", "port", "airport", "railway",
                "nuclear", "power", "plant", "dam", "military", "administration", "reservoir", "bridge", "direction",
                "front", "district", "raion", "hromada", "people", "regional"}


def _starts_name(span: Span, person: Span | None) -> bool:
    """"Volodymyr Zelensky": a town's name that opens a personal name the model recognised is the first name."""
    return (person is not None and person.end > span.end
            and span.doc[span.end].lower_ not in _PLACE_WORDS and span.doc[span.end].text[:1].isupper())


def _capitalised(span: Span, kind: str) -> bool:
    """Names of cities and oblasts are capitalised in English; macro-regions ("the front line") need not be."""
    return kind == "macro" or span[0].text[:1].isupper()


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
