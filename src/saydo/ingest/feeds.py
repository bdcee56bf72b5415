"""RSS 2.0 and Atom feed files: one article per item, its text from the item's content or description.

A feed item carries a title, a link, a date and, in most feeds, the article's text or a summary of it as HTML; the
text is taken as plain text (tags dropped, paragraphs kept). An item with no text is reported, not stored. Parsed with
the standard library's expat parser after refusing any document type declaration, so a feed can't expand entities.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html import unescape
from pathlib import Path

from saydo.errors import BadValue

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"
FEED_SUFFIXES = (".rss", ".atom", ".xml")


def looks_like_feed(head: str) -> bool:
    """Whether the start of a file is an RSS or Atom document."""
    return bool(re.search(r"<(rss|feed|rdf:RDF)\b", head[:4000]))


def feed_items(path: Path, raw: str) -> list[tuple[int, dict | str]]:
    """(item number, {title, link, date, text}) per item, or (item number, why it has no article)."""
    if re.search(r"<!DOCTYPE|<!ENTITY", raw[:10000], re.I):
        raise BadValue("the feed declares a document type or entities, which saydo does not expand", where=str(path),
                       hint="save the feed without its DOCTYPE line")
    try:
        root = ET.fromstring(raw.lstrip("\ufeff"))
    except ET.ParseError as exc:
        raise BadValue(f"not a well-formed RSS or Atom feed ({exc})", where=str(path),
                       hint="give the feed file as downloaded, or save the articles as .txt") from None
    if root.tag == f"{_ATOM}feed":
        entries = root.findall(f"{_ATOM}entry")
        items = [_atom(e) for e in entries]
    else:
        entries = root.findall("./channel/item") or root.findall(".//item") or root.findall(
            ".//{http://purl.org/rss/1.0/}item")
        items = [_rss(e) for e in entries]
    out: list[tuple[int, dict | str]] = []
    for n, item in enumerate(items, 1):
        out.append((n, item if item["text"].strip() else "no text: the item has no content or description"))
    return out


def _rss(item: ET.Element) -> dict:
    text = _text(item, _CONTENT) or _text(item, "description") or _text(item, "{http://purl.org/rss/1.0/}description")
    when = _text(item, "pubDate") or _text(item, _DC_DATE)
    return {"title": _plain(_text(item, "title")), "link": _text(item, "link").strip() or _text(item, "guid").strip(),
            "date": _date(when), "text": _plain(text)}


def _atom(entry: ET.Element) -> dict:
    link = next((e.get("href", "") for e in entry.findall(f"{_ATOM}link") if e.get("rel", "alternate") == "alternate"),
                "")
    text = _text(entry, f"{_ATOM}content") or _text(entry, f"{_ATOM}summary")
    when = _text(entry, f"{_ATOM}published") or _text(entry, f"{_ATOM}updated")
    return {"title": _plain(_text(entry, f"{_ATOM}title")), "link": link.strip(), "date": _date(when),
            "text": _plain(text)}


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    if found is None:
        return ""
    if len(found):  # XHTML content: the markup is part of the tree
        return ET.tostring(found, encoding="unicode", method="html")
    return found.text or ""


def _plain(html: str) -> str:
    """HTML as plain text: block ends become paragraph breaks, tags go, entities are decoded."""
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", html)
    text = re.sub(r"(?i)<br\s*/?>", "\n", text)
    text = re.sub(r"(?i)</(p|div|h[1-6]|li|blockquote)>", "\n\n", text)
    text = re.sub(r"<[^>]+>", " ", text)
    text = unescape(text)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _date(value: str) -> date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError):
        return None
