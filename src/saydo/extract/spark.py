"""Extraction on Spark: the same pipeline, one spaCy model per executor process, articles spread over executors.

Each task is a ``mapInPandas`` over a batch of articles: ``load_nlp()`` (cached per Python worker, and Spark reuses a
worker across tasks, so each executor process loads the model once) and ``extract_many`` — the very function the
DuckDB path calls — give the statements and the events each article reports. So a statement found on Spark is the
statement found without it, field for field.

Inputs, read where it is cheapest:

- article files (text, HTML, feeds; folders and glob patterns opened on the driver) are read by the executors, each
  its own files, through ``saydo.ingest.inputs.read_inputs`` (same names, dates, warnings and errors);
- CSV and JSON Lines tables are read on the driver (a row's name is its line, which only a reader from the top
  knows) and their articles sent to the executors;
- Parquet tables are read by Spark; a row is named by its number, as ``read_article_table`` names it, and becomes an
  article by the same function (``article_from_row``).

Results come back in input order. ``write_statements`` appends them to the warehouse's ``statements/`` as the JSON
contract's fields (``Statement.to_json``), with ``article_id`` and ``extracted_at``: an article's statements are
written again only when they changed, and a reader takes each article's latest extraction.
"""

from __future__ import annotations

import glob
import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from saydo.errors import SaydoError
from saydo.records import Article, Observation, Statement
from saydo.store.spark import day, instant, statement_from_row

# what a task gets: an article read on the driver, a file to read, or a Parquet row (as JSON)
_IN = ("order long, sub long, item string, row string, id string, name string, path string, text string, "
       "published date, source_url string, title string, format string")
STATEMENT_DDL = ("id string, article string, published string, speaker string, actor string, kind string, "
                 "quote string, text string, start int, end int, places array<string>, "
                 "window struct<start:string,end:string>, qualifies string, rules array<string>, corrected string")
# what a task gives: per input, its articles' statements and events, warnings and errors
_OUT = (f"order long, sub long, seq long, label string, part string, article_id string, article_published date, "
        f"digest string, payload string, {STATEMENT_DDL}")


def _split_ddl(ddl: str) -> list[str]:
    """The column definitions of a DDL string (commas inside ``<...>`` kept)."""
    parts, depth, current = [], 0, ""
    for ch in ddl:
        depth += (ch == "<") - (ch == ">")
        if ch == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += ch
    return parts + [current.strip()]


_COLUMNS = [c.split(" ")[0] for c in _split_ddl(_OUT)]
_EMPTY = dict.fromkeys(_COLUMNS)


@dataclass
class Extracted:
    """One article's extraction, or an input that could not be read."""

    label: str
    article: Article | None = None
    statements: list[Statement] = field(default_factory=list)
    events: list[Observation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: SaydoError | None = None
    digest: str = ""


def extract_articles(engine, articles: list[Article], *, partitions: int | None = None,
                     learned: bool = False) -> list[Extracted]:
    """Statements and reported events of articles already read, extracted on the executors, in the given order
    (``learned``: with the learned second opinion on kinds, ``saydo.extract.learned``, loaded once per task)."""
    rows = [_article_row(order, 0, article) for order, article in enumerate(articles)]
    return _collect(engine, _frame(engine.session, rows), partitions, None, learned=learned)


def extract_inputs(engine, inputs: list[str], *, published: date | None = None, partitions: int | None = None,
                   write: bool = False, learned: bool = False) -> tuple[list[Extracted], list[str]]:
    """Read and extract every input (files, folders, glob patterns, CSV/JSON Lines/Parquet tables of articles),
    and with ``write`` append the statements to the warehouse. Returns the results in input order and the notes of
    opening folders (skipped files)."""
    from saydo.ingest.inputs import expand, read_inputs

    session = engine.session
    items, notes = expand(_globbed(inputs))
    rows: list[tuple] = []
    parquet: list[tuple[int, str]] = []
    for order, item in enumerate(items):
        suffix = Path(item).suffix.lower()
        if suffix == ".parquet" and Path(item).is_file():
            parquet.append((order, item))
        elif suffix in (".csv", ".jsonl", ".ndjson"):  # named by line: read from the top, on the driver
            for sub, found in enumerate(read_inputs([item], published=published)):
                rows.append(_article_row(order, sub, found.article) if found.article is not None
                            else (order, sub, item, json.dumps({"_error": _error_json(found.error),
                                                                "_label": found.label}), *([None] * 8)))
        else:
            rows.append((order, 0, item, None, *([None] * 8)))
    frame = _frame(session, rows)
    for order, item in parquet:
        frame = frame.unionByName(_parquet_rows(session, order, item))
    return _collect(engine, frame, partitions, published, write=write, learned=learned), notes


def _globbed(inputs: list[str]) -> list[str]:
    """Inputs with glob patterns opened (``'news/**/*.txt'``: the shell may leave them to saydo); a pattern that
    matches nothing stays as it is, so it is reported as a missing file."""
    out: list[str] = []
    for value in map(str, inputs):
        matches = sorted(glob.glob(value, recursive=True)) if any(c in value for c in "*?[") else []
        out.extend(matches or [value])
    return out


def _article_row(order: int, sub: int, a: Article) -> tuple:
    return (order, sub, None, None, a.id, a.name, a.path, a.text, a.published, a.source_url, a.title, a.format)


def _frame(session, rows: list[tuple]):
    return session.createDataFrame(rows, _IN)


def _parquet_rows(session, order: int, path: str):
    """A Parquet table's rows, numbered from 1 in file order, each as JSON for ``article_from_row``."""
    from pyspark.sql import functions as F

    table = session.read.parquet(str(Path(path).resolve()))
    numbered = table.select(F.to_json(F.struct(*table.columns)).alias("row")).rdd.zipWithIndex().map(
        lambda pair: (order, pair[1] + 1, path, pair[0]["row"], *([None] * 8)))
    return session.createDataFrame(numbered, _IN)


def _collect(engine, frame, partitions: int | None, published: date | None, *, write: bool = False,
             learned: bool = False) -> list[Extracted]:
    """Run the tasks once (their output staged as Parquet when it is also to be written), write the statements when
    asked, and give the results in input order (an article's statements in the order extraction found them)."""
    count = partitions or max(1, engine.session.sparkContext.defaultParallelism * 4)
    out = frame.repartition(count).mapInPandas(lambda batches: _extract(batches, published, learned), _OUT)
    if not write:
        return _results(out.toArrow().to_pylist())
    staging = engine.path("_staging", uuid.uuid4().hex)
    try:
        out.write.parquet(staging)
        staged = engine.session.read.parquet(staging)
        engine.append_statements(staged.filter("part = 'statement'").drop("order", "sub", "seq", "label",
                                                                            "part", "article_published", "payload"))
        return _results(staged.orderBy("order", "sub", "seq").toArrow().to_pylist())
    finally:
        if engine.exists(staging):
            engine.delete(staging)


def _results(rows: list[dict]) -> list[Extracted]:
    found: dict[tuple[int, int], Extracted] = {}
    for row in rows:
        key = (row["order"], row["sub"])
        got = found.setdefault(key, Extracted(label=row["label"]))
        part = row["part"]
        if part == "article":
            got.article = _article_from_json(json.loads(row["payload"]))
            got.digest = row["digest"]
        elif part == "statement":
            got.statements.append(statement_from_row(row, row["article_id"]))
        elif part == "event":
            got.events.append(_event_from_json(json.loads(row["payload"])))
        elif part == "warning":
            got.warnings.append(row["payload"])
        elif part == "error":
            got.error = _error_from_json(json.loads(row["payload"]))
    return [found[key] for key in sorted(found)]


def _extract(batches, published: date | None, learned: bool = False) -> Iterator:
    """The task: read what is to be read, then extract each batch with this process's one pipeline (and, when
    ``learned``, the learned kind classifier shipped in the package)."""
    import pandas as pd

    from saydo.extract import extract_many, load_nlp

    nlp = load_nlp()
    second = None
    if learned:
        from saydo.extract.learned import pledge_reader

        second = pledge_reader()
    for frame in batches:
        out: list[dict] = []
        articles: list[tuple[int, int, str, Article]] = []
        for row in frame.to_dict("records"):
            row = {k: (None if _missing(v) else v) for k, v in row.items()}
            for order, sub, label, article, problem in _read(row, published):
                if article is None:
                    out.append(_out(order, sub, label, "error" if problem[0] == "error" else "warning",
                                    payload=problem[1]))
                    continue
                articles.append((order, sub, label, article))
                for warning in problem[1] if problem else ():
                    out.append(_out(order, sub, label, "warning", payload=warning))
        events: list[Observation] = []
        extracted = extract_many([a for *_, a in articles], nlp=nlp, events=events, learned=second)
        for (order, sub, label, article), statements in zip(articles, extracted):
            contract = [s.to_json() for s in statements]
            digest = hashlib.sha256(json.dumps(contract, sort_keys=True).encode()).hexdigest()[:20]
            out.append(_out(order, sub, label, "article", article_id=article.id, digest=digest,
                            article_published=article.published, payload=json.dumps(_article_json(article))))
            for s, data in zip(statements, contract):
                out.append(_out(order, sub, label, "statement", article_id=s.article_id, digest=digest,
                                article_published=article.published, **_contract_columns(data)))
            for e in (e for e in events if e.article_id == article.id):
                out.append(_out(order, sub, label, "event", article_id=article.id, payload=_event_json(e)))
        for seq, row in enumerate(out):
            row["seq"] = seq
        yield pd.DataFrame(out, columns=_COLUMNS, dtype=object)


def _missing(value) -> bool:
    """pandas gives a missing text as NaN."""
    return value is None or (isinstance(value, float) and value != value)


def _read(row: dict, published: date | None):
    """(order, sub, label, article or None, (warnings) or ("error"|"warning", text)) for one task input."""
    from saydo.ingest.articles import article_from_row
    from saydo.ingest.inputs import NO_DATE, read_inputs

    order, sub = int(row["order"]), int(row["sub"])
    if row.get("id"):  # read on the driver
        article = Article(id=row["id"], name=row["name"], path=row["path"], text=row["text"],
                          published=day(row["published"]), source_url=row["source_url"], title=row["title"],
                          format=row["format"])
        yield order, sub, article.name, article, (None, [NO_DATE] if article.published is None else [])
    elif row.get("row"):
        data = json.loads(row["row"])
        if "_error" in data:
            yield order, sub, data["_label"], None, ("error", json.dumps(data["_error"]))
            return
        name = f"{Path(row['item']).name}#{sub}"
        found = article_from_row({k.strip().lower(): v for k, v in data.items()}, name=name, path=row["item"])
        if isinstance(found, str):
            from saydo.errors import BadValue

            error = BadValue(found, where=f"{row['item']}:{sub}", hint="give the row a body")
            yield order, sub, name, None, ("error", json.dumps(_error_json(error)))
            return
        if found.published is None and published:
            from dataclasses import replace

            found = replace(found, published=published)
        yield order, sub, name, found, (None, [NO_DATE] if found.published is None else [])
    else:
        for n, item in enumerate(read_inputs([row["item"]], published=published)):
            if item.error is not None:
                yield order, n, item.label, None, ("error", json.dumps(_error_json(item.error)))
            else:
                yield order, n, item.label, item.article, (None, item.warnings)


def _out(order: int, sub: int, label: str, part: str, **values) -> dict:
    return {**_EMPTY, "order": order, "sub": sub, "label": label, "part": part, **values}


def _contract_columns(data: dict) -> dict:
    """A statement's JSON (``Statement.to_json``) as the Parquet columns: the same fields, ``corrected`` as JSON."""
    return {**data, "corrected": None if data["corrected"] is None else json.dumps(data["corrected"])}


def _article_json(a: Article) -> dict:
    return {"id": a.id, "name": a.name, "path": a.path, "text": a.text,
            "published": a.published.isoformat() if a.published else None, "source_url": a.source_url,
            "title": a.title, "format": a.format}


def _article_from_json(data: dict) -> Article:
    return Article(**{**data, "published": day(data["published"])})


def _event_json(e: Observation) -> str:
    data = dict(e.__dict__)
    for key in ("started_at", "finished_at"):
        data[key] = data[key].isoformat() if data[key] is not None else None
    return json.dumps(data)


def _event_from_json(data: dict) -> Observation:
    return Observation(**{**data, "started_at": instant(data["started_at"]),
                          "finished_at": instant(data["finished_at"])})


def _error_json(error: SaydoError) -> dict:
    return {"type": type(error).__name__, "message": error.message, "where": error.where, "hint": error.hint}


def _error_from_json(data: dict) -> SaydoError:
    from saydo import errors

    kind = getattr(errors, data["type"], SaydoError)
    kind = kind if isinstance(kind, type) and issubclass(kind, SaydoError) else SaydoError
    return kind(data["message"], where=data["where"], hint=data["hint"])
