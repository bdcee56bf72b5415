"""Writing events that news articles report (observations of source ``news``) into the store.

Each article's events are one batch keyed by the article's id, so extracting the same article again adds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from saydo.records import Article, Observation
from saydo.store.connection import Store
from saydo.store.observations import insert_observations


def save_news_events(store: Store, article: Article, events: Iterable[Observation]) -> tuple[int, int]:
    """Store the events one article reports; returns (inserted, already stored)."""
    rows = [e for e in events if e.article_id == article.id]
    if not rows:
        return 0, 0
    return insert_observations(store, rows, file_sha256=article.id)
