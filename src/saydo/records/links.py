"""Which stored text may become a link: only an absolute http(s) URL with a host.

An article's ``source`` line, a feed's ``<link>`` or a table's ``url`` column is whatever the file said; a value such
as ``javascript:alert(document.domain)`` or ``data:text/html,…`` must never be clickable. Pages, the HTML report and
ClaimReview files pass every stored URL through ``http_url`` and show anything else as plain text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL = 2048


def http_url(value) -> str | None:
    """``value`` when it is an http(s) URL a browser may follow, else None."""
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text or len(text) > MAX_URL or any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return text
