"""An article: the text statements are extracted from, with where it came from."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    """One news article as read from a file.

    ``id`` is the SHA-256 of the text, so reading the same article twice gives the same record. ``name`` is the input's
    file name (what the JSON contract calls ``article``); ``text`` is the body statements' offsets point into.
    """

    id: str
    name: str
    path: str
    text: str
    published: date | None = None
    source_url: str | None = None
    title: str | None = None
    format: str = "text"

    @staticmethod
    def make_id(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()
