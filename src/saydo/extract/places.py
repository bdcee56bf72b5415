"""The gazetteer component: finds places by name and overrides the small model's wrong labels.

``en_core_web_sm`` tags "Kyiv" and "Chernihiv" as PERSON and splits or misses many Ukrainian names. This component
matches the gazetteer's names (``saydo.resolve.gazetteer``) case-insensitively, stores each match in
``doc.spans["places"]`` with its ISO 3166-2 codes in ``span._.codes``, and rewrites ``doc.ents`` so that every
matched name is a GPE (removing overlapping PERSON/ORG/NORP entities).
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from saydo.resolve.gazetteer import gazetteer, lookup

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
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            place = self.places.get(span.text.lower())
            if place is None or not _capitalised(span, place.kind):
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


# Place codes of a statement: the gazetteer matches in its sentence, with "Kyiv" read as the city or the government.

_GOVERNMENT_NOUNS = {"government", "position", "proposal", "proposals", "delegation", "negotiators", "response",
                     "side", "leadership", "authorities", "regime", "officials", "offer", "stance", "team", "allies"}
# verbs whose subject "Kyiv" is the government: it speaks, wants, agrees, refuses
_GOVERNMENT_VERBS = {"say", "tell", "announce", "state", "declare", "claim", "accuse", "deny", "propose", "demand",
                     "reject", "want", "accept", "agree", "refuse", "insist", "seek", "respond", "call", "warn",
                     "blame", "report", "confirm", "threaten", "promise", "ask", "urge", "offer", "sign"}
_SURROUNDINGS = re.compile(r"\b(around|near|outside|direction|towards?|outskirts|suburbs?|approaches|region|oblast|"
                           r"province|area)\b", re.I)


def statement_places(sent: Span, spans: list[Span]) -> tuple[str, ...]:
    codes: list[str] = []
    for span in spans:
        place = lookup(span.text)
        if place is None:
            continue
        if "UA-30" in place.codes and _means_government(span):
            continue
        for code in place.codes:
            if code not in codes:
                codes.append(code)
        if place.codes == ("UA-30",) and _SURROUNDINGS.search(sent.doc[max(span.start - 4, sent.start):
                                                                   min(span.end + 2, sent.end)].text):
            if "UA-32" not in codes:
                codes.append("UA-32")
    return tuple(sorted(codes))


def _means_government(span: Span) -> bool:
    """"Kyiv" as the Ukrainian government (a speaker, a party, "Kyiv's proposals") rather than the city."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in _GOVERNMENT_VERBS:
        return True
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s") and span.end + 1 < len(doc):
        following = doc[span.end + 1: min(span.end + 4, len(doc))]
        if any(t.lower_ in _GOVERNMENT_NOUNS for t in following):
            return True
    window = doc[max(span.start - 3, 0):min(span.end + 3, len(doc))].text.lower()
    return bool(re.search(r"\b(moscow and ky|moscow and kiev|between moscow|ky[iy]v and moscow|kiev and moscow)",
                          window))

