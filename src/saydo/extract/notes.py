"""Why an article gave no statements, in words a reader understands (instead of an empty list and no reason)."""

from __future__ import annotations

import re

from saydo.records import Article, Statement

_SPEECH_WORDS = re.compile(r"\b(said|says|told|announced|stated|declared|according to|promised|pledged|warned|"
                           r"denied|claimed|added|urged|wrote|tweeted)\b", re.I)
_QUOTE_MARKS = re.compile(r"[“”\"«»„]")


def extraction_note(article: Article, statements: list[Statement]) -> str | None:
    """None when statements were found; otherwise the reason nothing could be extracted."""
    if statements:
        return None
    text = article.text
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "empty article: there is no text to extract statements from"
    latin = sum(1 for c in letters if c.isascii())
    if latin / len(letters) < 0.5:
        return "the text is not in English (mostly non-Latin script); saydo's English model extracts nothing from it"
    if not _SPEECH_WORDS.search(text) and not _QUOTE_MARKS.search(text):
        return "no quotation or reporting verb (said, told, announced, according to ...) found: nothing is attributed"
    return "reported speech was found, but no speaker could be identified for it"
