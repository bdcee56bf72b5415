"""Articles and the statements extracted from them."""

from __future__ import annotations

from datetime import date, datetime

from saydo.records import Article, Observation, Statement, Window
from saydo.store.connection import Store


def save_article(store: Store, article: Article) -> bool:
    """Store an article; return False when the same text was stored before (nothing changes then)."""
    exists = store.con.execute("SELECT 1 FROM articles WHERE id = ?", [article.id]).fetchone()
    if exists:
        return False
    store.con.execute(
        "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, now(), NULL)",
        [article.id, article.name, article.path, article.published, article.source_url, article.title,
         article.format, article.text],
    )
    return True


def stored_date(store: Store, article_id: str) -> date | None:
    row = store.con.execute("SELECT published FROM articles WHERE id = ?", [article_id]).fetchone()
    return _date(row[0]) if row else None


def set_published(store: Store, article_id: str, published: date) -> None:
    """Date an article stored without one (and its statements, which carry the article's date)."""
    store.con.execute("UPDATE articles SET published = ? WHERE id = ? AND published IS NULL", [published, article_id])
    store.con.execute("UPDATE statements SET published = ? WHERE article_id = ? AND published IS NULL",
                      [published, article_id])


def save_statements(store: Store, article_id: str, statements: list[Statement],
                    events: list[Observation] | None = None) -> int:
    """Replace the statements of one article (re-extraction with a better extractor replaces, never duplicates),
    store the events it reports (source ``news``) and mark it extracted, all in one transaction: an article is
    either done or still unfinished (``unfinished_articles``), never half done."""
    from saydo.store.observations import insert_observations

    con = store.con
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM statements WHERE article_id = ?", [article_id])
        if statements:
            con.executemany(
                "INSERT INTO statements (id, article_id, article, published, speaker, actor, kind, quote, text, "
                "start_char, end_char, places, window_start, window_end, qualifies, rules) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [s.id, s.article_id, s.article, s.published, s.speaker, s.actor, s.kind, s.quote, s.text,
                     s.start, s.end, list(s.places), s.window.start, s.window.end, s.qualifies, list(s.rules)]
                    for s in statements
                ],
            )
        rows = [e for e in events or () if e.article_id == article_id]
        if rows:  # keyed by the article, so extracting it again adds nothing
            insert_observations(store, rows, article_id)
        con.execute("UPDATE articles SET extracted_at = now() WHERE id = ?", [article_id])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return len(statements)


def save_warehouse_pledges(store: Store, pledges: list[Statement]) -> int:
    """Store pledges extracted into a Spark warehouse whose article has no statement in this file (an article the file
    knows keeps its own statements and their corrections). Only the pledges are stored, not the article's text.
    Returns how many were stored."""
    known = {row[0] for row in store.con.execute("SELECT DISTINCT article_id FROM statements").fetchall()}
    by_article: dict[str, list[Statement]] = {}
    for pledge in pledges:
        if pledge.article_id not in known:
            by_article.setdefault(pledge.article_id, []).append(pledge)
    return sum(save_statements(store, article_id, found) for article_id, found in by_article.items())


def unfinished_articles(store: Store) -> list[dict]:
    """Articles stored without their statements yet: an article batch stopped between reading and extraction
    (``saydo ingest articles --resume`` finishes it). Empty when the store holds no unfinished batch."""
    return store.query("SELECT id, name, path, loaded_at FROM articles WHERE extracted_at IS NULL "
                       "ORDER BY loaded_at, name")


def load_article(store: Store, article_id: str) -> Article | None:
    row = store.con.execute(
        "SELECT id, name, path, text, published, source_url, title, format FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    return Article(*row) if row else None


def load_statements(store: Store, *, kind: str | None = None, article_id: str | None = None,
                    ids: list[str] | None = None, corrected: bool = True, include_hidden: bool = False
                    ) -> list[Statement]:
    """Statements in article order, optionally filtered. With ``corrected`` (the default) they are read as editors
    left them (the ``statements_current`` view: the newest correction of each field laid over the machine's row, see
    ``saydo.store.corrections``), each with its edits, and those marked as not a statement or merged into another
    are left out unless ``include_hidden``; the filters apply to the corrected values. Without ``corrected``, the
    machine's rows as extracted."""
    table = "statements_current" if corrected else "statements"
    where, params = [], []
    if corrected and not include_hidden:
        where.append("NOT hidden")
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if article_id:
        where.append("article_id = ?")
        params.append(article_id)
    if ids is not None:
        where.append("list_contains(?, id)")
        params.append(list(ids))
    sql = ("SELECT article, article_id, published, speaker, actor, kind, quote, text, start_char, end_char, places, "
           f"window_start, window_end, qualifies, rules, id FROM {table}")
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY article, start_char"
    rows = store.con.execute(sql, params).fetchall()
    if not corrected:
        return [_statement(row) for row in rows]
    from saydo.store.corrections import edits_of

    edits = edits_of(store, [row[-1] for row in rows])
    return [_statement(row, edits.get(row[-1], ())) for row in rows]


def find_statement(store: Store, id_or_prefix: str) -> Statement:
    """The machine's statement (no corrections laid over it) with this id, or the one whose id starts with this
    prefix of six characters or more; a coded error when there is none or the prefix is ambiguous."""
    from saydo.errors import BadValue, NotFound

    key = id_or_prefix.strip().lower()
    rows = store.con.execute("SELECT id FROM statements WHERE id = ?", [key]).fetchall()
    if not rows and len(key) >= 6:
        rows = store.con.execute("SELECT id FROM statements WHERE starts_with(id, ?) LIMIT 3", [key]).fetchall()
    if not rows:
        raise NotFound(f"no statement {id_or_prefix!r}", hint="see the ids with `saydo statements` or `--json` output")
    if len(rows) > 1:
        raise BadValue(f"{id_or_prefix!r} is the start of several statement ids", hint="give more of the id")
    return load_statements(store, ids=[rows[0][0]], corrected=False)[0]


def _statement(row: tuple, edits: tuple = ()) -> Statement:
    (article, article_id, published, speaker, actor, kind, quote, text, start, end, places, w_start, w_end,
     qualifies, rules, machine_id) = row
    return Statement(
        article=article, article_id=article_id, published=_date(published), speaker=speaker, actor=actor, kind=kind,
        quote=quote, text=text, start=start, end=end, places=tuple(places or ()),
        window=Window(w_start, w_end), qualifies=qualifies, rules=tuple(rules or ()), edits=edits,
        pinned_id=machine_id if edits else None,
    )


def _date(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value
