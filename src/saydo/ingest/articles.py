"""Read news articles from plain text and HTML files, and from tables of articles (CSV or JSON Lines).

Plain text: an optional header of ``date YYYY-MM-DD`` (publication date) and ``source URL`` lines, then the text. The
date token may share its line with the text (``date 2022-03-29 Kseniya Valdinova, 26, ...``). HTML: the main text is
taken by trafilatura, the date from the page's metadata when it has one. A table holds one article per row with a
``body`` (or ``text``) column and optionally ``link``/``url``, ``headline``/``title`` and ``date`` — the shape of the
press corpora in ../shared.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from datetime import date
from pathlib import Path

from saydo.errors import BadHeader, BadValue, EmptyFile, MissingFile, TooLong
from saydo.ingest.files import check_text_file, guess_encoding
from saydo.records import Article
from saydo.records.observation import EARLIEST_DAY, date_range_text, plausible_day

# The longest text read as one article. A long report is a few hundred thousand characters; past this a file is a
# dump (or a 50 MB line of junk, which the extractor would chew on for minutes), to be split into articles first.
MAX_ARTICLE_CHARS = 2_000_000

_HEADER = re.compile(r"\A[ \t]*(?:(date)[ \t]+(\S+)|(source)[ \t]+(\S+))[ \t]*\n?")
_BLANK = re.compile(r"\A[ \t]*\n")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_HTML = re.compile(r"<(?:!doctype\s+html|html|body|article|p|div)\b", re.I)


def read_article(path: str | Path, *, published: date | None = None) -> Article:
    """Read one article file. ``published`` is used when the file names no date of its own."""
    p = check_text_file(path)
    check_date(published, where=str(p), what="--date")
    if p.stat().st_size > 4 * MAX_ARTICLE_CHARS:  # more characters than that even in UTF-32
        raise _too_long(p, p.stat().st_size, "bytes")
    raw = p.read_text(encoding=guess_encoding(p), errors="replace")
    if len(raw) > MAX_ARTICLE_CHARS:
        raise _too_long(p, len(raw), "characters")
    if p.suffix.lower() in (".html", ".htm") or _HTML.search(raw[:2000]):
        return _from_html(p, raw, published)
    return parse_text(raw, name=p.name, path=str(p), published=published)


def check_date(day: date | None, *, where: str, what: str = "the date") -> date | None:
    """The day, when it is one an article can have (``EARLIEST_DAY`` to a year after today); a coded error else."""
    if day is not None and not plausible_day(day):
        raise BadValue(f"{what} {day.isoformat()} is outside the dates saydo accepts ({date_range_text()})",
                       where=where, hint=f"give the article's publication date, on or after {EARLIEST_DAY}")
    return day


def _too_long(p: Path, size: int, unit: str) -> TooLong:
    return TooLong(f"{size:,} {unit} is too long for one article (at most {MAX_ARTICLE_CHARS:,} characters)",
                   where=str(p), hint="split the document into its articles")


def parse_text(raw: str, *, name: str, path: str = "", published: date | None = None) -> Article:
    """Parse the text format: header lines, then the body the statements' offsets point into."""
    raw = raw.lstrip("\ufeff").replace("\r\n", "\n")
    header_date, source_url, body = _split_header(raw, where=path or name)
    if not body.strip():
        raise EmptyFile("article has a header but no text", where=path or name, hint="add the article's text")
    return Article(
        id=Article.make_id(body), name=name, path=path, text=body, published=header_date or published,
        source_url=source_url, format="text",
    )


def _split_header(raw: str, *, where: str) -> tuple[date | None, str | None, str]:
    found_date: date | None = None
    source: str | None = None
    rest = raw
    while True:
        m = _HEADER.match(rest)
        if m:
            if m.group(1):
                value = m.group(2)
                if not _DATE.match(value):
                    if found_date is not None:
                        break  # a page's own partial date marker after the header (" date 2022-04 Title"): body text
                    raise BadValue(f"the date line has {value!r}, not YYYY-MM-DD", where=where,
                                   hint="write the first line as 'date 2022-03-29'")
                try:
                    parsed = date.fromisoformat(value)
                except ValueError:
                    raise BadValue(f"{value!r} is not a calendar date", where=where,
                                   hint="write the first line as 'date 2022-03-29'") from None
                found_date = found_date or check_date(parsed, where=where)
            else:
                source = source or m.group(4)
            rest = rest[m.end():]
            continue
        b = _BLANK.match(rest)
        if b and (found_date or source):
            rest = rest[b.end():]
            continue
        break
    return found_date, source, rest


def _from_html(p: Path, raw: str, published: date | None) -> Article:
    return article_from_html(raw, name=p.name, path=str(p), published=published)


def article_from_html(raw: str, *, name: str, path: str, published: date | None = None) -> Article:
    """The main text of an HTML page (trafilatura), with the page's date, title and URL when it gives them."""
    import trafilatura

    extracted = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, include_tables=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise EmptyFile("no article text found in the HTML", where=path,
                        hint="give the page's full HTML or save the text as .txt")
    page_date = None
    meta_date = getattr(extracted, "date", None)
    if meta_date:
        try:
            page_date = date.fromisoformat(str(meta_date)[:10])
        except ValueError:
            page_date = None
        if page_date is not None and not plausible_day(page_date):
            page_date = None  # a page's metadata is often wrong: an impossible date counts as none
    return Article(
        id=Article.make_id(text), name=name, path=path, text=text, published=page_date or published,
        source_url=getattr(extracted, "url", None), title=getattr(extracted, "title", None), format="html",
    )


TABLE_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet")
_BODY_KEYS = ("body", "text", "content")
_LINK_KEYS = ("link", "url", "source_url", "source")
_TITLE_KEYS = ("headline", "title")


def read_article_table(path: str | Path) -> tuple[list[Article], list[tuple[int, str]]]:
    """The articles of a CSV, JSON Lines or Parquet file, one per row, and the rows that are not articles as (line,
    reason). An article is named ``FILE#LINE`` (a Parquet file's rows are numbered from 1); its date is the row's
    ``date`` when it starts with YYYY-MM-DD."""
    p = check_text_file(path) if Path(path).suffix.lower() != ".parquet" else _check_parquet(path)
    suffix = p.suffix.lower()
    rows = _csv_rows(p) if suffix == ".csv" else _parquet_rows(p) if suffix == ".parquet" else _jsonl_rows(p)
    articles, problems = [], []
    for line, row in rows:
        found = row if isinstance(row, str) else article_from_row(row, name=f"{p.name}#{line}", path=str(p))
        if isinstance(found, str):
            problems.append((line, found))
        else:
            articles.append(found)
    return articles, problems


def article_from_row(row: dict, *, name: str, path: str) -> Article | str:
    """One row of a table of articles (keys in lower case) as an article, or the reason it is none."""
    body = next((str(row[k]) for k in _BODY_KEYS if row.get(k)), "")
    if not body.strip():
        return f"no text: the row has no {' or '.join(_BODY_KEYS)} value"
    text = body.replace("\r\n", "\n")
    published = _row_date(row.get("date"))
    if published is not None and not plausible_day(published):
        return f"the date {published.isoformat()} is outside the dates saydo accepts ({date_range_text()})"
    link = next((str(row[k]) for k in _LINK_KEYS if row.get(k)), None)
    title = next((str(row[k]) for k in _TITLE_KEYS if row.get(k)), None)
    return Article(id=Article.make_id(text), name=name, path=path, text=text, published=published,
                   source_url=link, title=title, format="table")


def _check_parquet(path: str | Path) -> Path:
    p = Path(path)
    if not p.exists():
        raise MissingFile("file not found", where=str(p), hint="check the path")
    return p


def _parquet_rows(p: Path):
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(p)
    except Exception as exc:  # pyarrow's own errors: not a Parquet file, a cut-off one
        raise BadValue(f"not a readable Parquet file ({str(exc)[:200]})", where=str(p),
                       hint="give a Parquet file with a body column") from None
    names = [n.strip().lower() for n in table.schema_arrow.names]
    if not set(_BODY_KEYS) & set(names):
        raise BadHeader(f"no {' or '.join(_BODY_KEYS)} column", where=str(p),
                        hint="a table of articles needs a body column (link,headline,date,body)")
    number = 0
    for batch in table.iter_batches(batch_size=1000):
        for row in batch.to_pylist():
            number += 1
            yield number, {k.strip().lower(): v for k, v in row.items()}


def _csv_rows(p: Path):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with p.open(newline="", encoding=guess_encoding(p), errors="replace") as fh:
        reader = csv.DictReader(fh)
        if not reader.fieldnames or not set(_BODY_KEYS) & {f.strip().lower() for f in reader.fieldnames}:
            raise BadHeader(f"no {' or '.join(_BODY_KEYS)} column in the header", where=str(p),
                            hint="a table of articles needs a header with a body column (link,headline,date,body)")
        start = reader.line_num + 1
        for row in reader:
            yield start, {(k or "").strip().lower(): v for k, v in row.items()}  # the line the record starts on
            start = reader.line_num + 1


def _jsonl_rows(p: Path):
    with p.open(encoding=guess_encoding(p), errors="replace") as fh:
        for line, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                row = json.loads(raw)
            except ValueError as exc:
                yield line, f"not a JSON object ({exc.msg})"
                continue
            yield line, ({str(k).lower(): v for k, v in row.items()} if isinstance(row, dict)
                         else "not a JSON object")


def _row_date(value) -> date | None:
    match = re.match(r"\s*(\d{4}-\d{2}-\d{2})", str(value or ""))
    if not match:
        return None
    try:
        return date.fromisoformat(match.group(1))
    except ValueError:
        return None
