"""Fetching an article page by its URL (only with ``--fetch``: saydo works offline by default).

Only http and https URLs; the answer must be HTML or plain text, no larger than ``MAX_BYTES``, within ``TIMEOUT``
seconds. The main text is taken by trafilatura, as for an HTML file, and the page's URL is kept as the article's
source.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import date
from urllib.parse import urlsplit

from saydo.errors import BadValue, InputError
from saydo.records import Article

MAX_BYTES = 10 * 1024 * 1024
TIMEOUT = 20.0
USER_AGENT = "saydo (article fetch; https://pypi.org/project/saydo/)"


def is_url(value: str) -> bool:
    return bool(re.match(r"(?i)^[a-z][a-z0-9+.-]*://", value))


def fetch_article(url: str, *, published: date | None = None, timeout: float = TIMEOUT) -> Article:
    """Download one page and read its article; a coded error says what went wrong."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise BadValue(f"only http and https URLs can be fetched, not {parts.scheme or 'this'}", where=url,
                       hint="give the article's web address, or save the page and give the file")
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (scheme checked above)
            kind = answer.headers.get_content_type()
            if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
                raise InputError(f"the page is {kind}, not HTML or text", where=url,
                                 hint="give the address of the article's web page")
            body = answer.read(MAX_BYTES + 1)
            charset = answer.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as exc:
        raise InputError(f"the server answered {exc.code} {exc.reason}", where=url,
                         hint="check the address, or save the page and give the file") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(f"can't fetch the page ({reason})", where=url,
                         hint="check the address and the network, or save the page and give the file") from None
    if len(body) > MAX_BYTES:
        raise InputError(f"the page is larger than {MAX_BYTES // (1024 * 1024)} MB", where=url,
                         hint="save the article's text as a .txt file")
    raw = body.decode(charset, errors="replace")
    from saydo.ingest.articles import article_from_html, parse_text

    name = (parts.netloc + parts.path).rstrip("/")[-120:] or parts.netloc
    if kind == "text/plain":
        return parse_text(raw, name=name, path=url, published=published)
    article = article_from_html(raw, name=name, path=url, published=published)
    return article if article.source_url else replace(article, source_url=url)
