"""Everything a user can give as articles, read one article at a time: files, folders, tables, feeds and URLs.

- a plain-text or HTML file: one article (``saydo.ingest.articles.read_article``);
- a folder: every file inside it, recursively, whose type saydo reads (by extension), in name order; the other files
  are counted and reported once per extension, never read;
- a CSV or JSON Lines table of articles (``link,headline,date,body`` — the press corpora's shape): one article per row;
- an RSS or Atom feed file (``.rss``, ``.atom``, or ``.xml`` that is a feed): one article per item;
- an http(s) URL, only when fetching is allowed (``--fetch``): the page's main text.

Each input comes back as an ``ArticleInput``: the article, or the coded error that kept it out (to be stored as a
reject), and warnings that do not keep it out (no publication date). Nothing is dropped silently.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from saydo.errors import BadValue, InputError, SaydoError
from saydo.ingest.articles import TABLE_SUFFIXES, read_article, read_article_table
from saydo.ingest.feeds import FEED_SUFFIXES, feed_items, looks_like_feed
from saydo.ingest.fetch import fetch_article, is_url
from saydo.ingest.files import check_text_file, guess_encoding
from saydo.records import Article

TEXT_SUFFIXES = (".txt", ".text", ".html", ".htm")
READABLE = TEXT_SUFFIXES + TABLE_SUFFIXES + FEED_SUFFIXES
NO_DATE = "no publication date (give --date, or a 'date YYYY-MM-DD' first line): pledges can't be checked without one"


@dataclass
class ArticleInput:
    label: str  # the file, FILE#LINE, FILE#item-N, or the URL
    article: Article | None = None
    error: SaydoError | None = None
    warnings: list[str] = field(default_factory=list)


def expand(inputs: Iterable[str | Path]) -> tuple[list[str], list[str]]:
    """The files and URLs the inputs stand for (folders opened, in name order), and one note per kind of file in a
    folder that saydo does not read ("3 .png files skipped in photos/")."""
    items: list[str] = []
    notes: list[str] = []
    for raw in inputs:
        value = str(raw)
        path = Path(value)
        if not is_url(value) and path.is_dir():
            skipped: Counter[str] = Counter()
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith("."):
                    continue
                if child.suffix.lower() in READABLE:
                    items.append(str(child))
                else:
                    skipped[child.suffix.lower() or "(no extension)"] += 1
            notes.extend(f"{n} {suffix} file(s) skipped in {path}/ (saydo reads {', '.join(READABLE)})"
                         for suffix, n in sorted(skipped.items()))
            if not any(item.startswith(str(path)) for item in items):
                notes.append(f"{path}/ holds no file saydo reads")
        else:
            items.append(value)
    return items, notes


def read_inputs(inputs: Iterable[str | Path], *, published: date | None = None, fetch: bool = False
                ) -> Iterator[ArticleInput]:
    """Read every input (see the module); ``published`` dates articles that give no date of their own."""
    for item in inputs:
        yield from _read_one(str(item), published, fetch)


def _read_one(item: str, published: date | None, fetch: bool) -> Iterator[ArticleInput]:
    if is_url(item):
        if not fetch:
            yield ArticleInput(item, error=InputError("is a web address; saydo fetches pages only when asked",
                                                      where=item, hint="add --fetch, or save the page as a file"))
            return
        try:
            yield _dated(ArticleInput(item, fetch_article(item, published=published)))
        except SaydoError as exc:
            yield ArticleInput(item, error=exc)
        return
    path = Path(item)
    suffix = path.suffix.lower()
    try:
        if suffix in TABLE_SUFFIXES:
            articles, problems = read_article_table(path)
            for article in articles:
                yield _dated(ArticleInput(article.name, _with_date(article, published)))
            for line, reason in problems:
                yield ArticleInput(f"{path.name}#{line}", error=BadValue(reason, where=f"{path}:{line}",
                                                                         hint="give the row a body"))
            return
        if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES and _is_feed(path)):
            yield from _feed(path, published)
            return
        if suffix not in TEXT_SUFFIXES and suffix:
            check_text_file(path)  # a missing or binary file says so first
            raise InputError(f"saydo does not read {suffix} files as articles", where=item,
                             hint=f"give {', '.join(READABLE)} files")
        yield _dated(ArticleInput(item, read_article(path, published=published)))
    except SaydoError as exc:
        yield ArticleInput(item, error=exc)


def _is_feed(path: Path) -> bool:
    try:
        check_text_file(path)
        with path.open(encoding=guess_encoding(path), errors="replace") as fh:
            return looks_like_feed(fh.read(4000))
    except (SaydoError, OSError):
        return False


def _feed(path: Path, published: date | None) -> Iterator[ArticleInput]:
    p = check_text_file(path)
    raw = p.read_text(encoding=guess_encoding(p), errors="replace")
    if not looks_like_feed(raw):
        raise InputError("not an RSS or Atom feed", where=str(p), hint="give a feed file, or save articles as .txt")
    for n, item in feed_items(p, raw):
        label = f"{p.name}#item-{n}"
        if isinstance(item, str):
            yield ArticleInput(label, error=BadValue(item, where=f"{p}#item-{n}", hint="the feed gives no text for "
                                                                                      "it: fetch the page instead"))
            continue
        text = item["text"]
        article = Article(id=Article.make_id(text), name=label, path=str(p), text=text,
                          published=item["date"] or published, source_url=item["link"] or None,
                          title=item["title"] or None, format="feed")
        yield _dated(ArticleInput(label, article))


def _with_date(article: Article, published: date | None) -> Article:
    if article.published or not published:
        return article
    return replace(article, published=published)


def _dated(item: ArticleInput) -> ArticleInput:
    if item.article is not None and item.article.published is None:
        item.warnings.append(NO_DATE)
    return item
