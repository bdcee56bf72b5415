"""Quotation spans in raw text: curly and straight quotes, guillemets, unbalanced marks, multi-paragraph quotes.

Works on characters, not tokens, so it is independent of how the tokenizer splits punctuation. A quote that is never
closed runs to the end of its paragraph; a paragraph that opens with a quotation mark while the previous paragraph's
quote was left open continues it (the newspaper convention for quotes over several paragraphs).
"""

from __future__ import annotations

import re

# single curly quotes quote as well in some outlets ('‘We are ready’, he said'); their closing mark is also the
# apostrophe, so it closes only where no letter follows (not in "don’t")
OPENING = {"“": "”", "«": "»", "„": "“", '"': '"', "‘": "’"}
CLOSING = {"”", "»", '"', "“"}
_PARAGRAPH = re.compile(r"\n\s*\n")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges (start, end) of the quoted content, marks excluded, in text order."""
    spans: list[tuple[int, int]] = []
    left_open: int | None = None  # where the quotation the previous paragraph left open began
    for start, end in _paragraphs(text):
        open_at: int | None = None
        closer = ""
        i = start
        while i < end:
            ch = text[i]
            if open_at is None:
                if ch in OPENING and _can_open(text, i):
                    open_at, closer = i + 1, OPENING[ch]
                    if left_open is not None and not text[start:i].strip():
                        open_at = left_open  # the paragraph goes on with the quotation left open before it
                        spans.pop()
            elif ch == closer and (closer != "’" or not text[i + 1:i + 2].isalpha()) or \
                    (ch in CLOSING and ch != '"' and closer not in ('"', "’")):
                if i > open_at:
                    spans.append((open_at, i))
                open_at = None
            i += 1
        left_open = None
        if open_at is not None and end > open_at:
            spans.append((open_at, end))  # unbalanced: the quote runs to the paragraph's end
            left_open = open_at
    return spans


def _can_open(text: str, i: int) -> bool:
    """A straight quote or a single curly one opens only after a space, a line start or an opening bracket (not in
    5'11" or O"Neil, nor a reversed apostrophe in a word)."""
    if text[i] not in ('"', "‘"):
        return True
    return i == 0 or text[i - 1] in " \n\t([—–-:"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds, last = [], 0
    for m in _PARAGRAPH.finditer(text):
        bounds.append((last, m.start()))
        last = m.end()
    bounds.append((last, len(text)))
    return bounds


def quoted_words(text: str, spans: list[tuple[int, int]], start: int, end: int) -> int:
    """The largest number of words of one quotation that lies inside [start, end)."""
    best = 0
    for q_start, q_end in spans:
        lo, hi = max(q_start, start), min(q_end, end)
        if hi > lo:
            best = max(best, len(text[lo:hi].split()))
    return best


def inside_quote(spans: list[tuple[int, int]], char: int) -> bool:
    return any(s <= char < e for s, e in spans)
