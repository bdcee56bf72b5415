"""Read queries the web app and HTTP API need: lists with filters and pagination, one record with its context.

Every value reaches DuckDB as a parameter; the only SQL text built from input is the ORDER BY, taken from a fixed
table of sort keys. Callers validate filter values first (``saydo.serve.params``); these functions trust types only.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from saydo.store.connection import Store

# The newest result per (statement, source): what a pledge's badge shows. arg_max rather than a row_number() window:
# the same rows in about a third of the time, on every page that lists statements.
_LATEST = """
    SELECT statement_id, source, arg_max(verdict, (coalesce(version, 0), run_at)) AS verdict,
           max(coalesce(version, 0)) AS version, max(run_at) AS run_at,
           arg_max(id, (coalesce(version, 0), run_at)) AS check_id
    FROM checks WHERE scenario IS NULL GROUP BY statement_id, source
"""

def _conditions(*conditions: tuple[str, object]) -> tuple[list[str], list]:
    """The SQL tests (each with one ``?``) whose value is set, and their parameters."""
    chosen = [(test, value) for test, value in conditions if value is not None and value != ""]
    return [test for test, _ in chosen], [value for _, value in chosen]


def _where(tests: list[str]) -> str:
    return "WHERE " + " AND ".join(tests) if tests else ""


def _filters(*conditions: tuple[str, object]) -> tuple[str, list]:
    """``WHERE`` for the conditions whose value is set, and their parameters."""
    tests, params = _conditions(*conditions)
    return _where(tests), params


STATEMENT_SORTS = {
    "newest": "s.published DESC NULLS LAST, s.article, s.start_char",
    "oldest": "s.published ASC NULLS LAST, s.article, s.start_char",
    "speaker": "s.speaker, s.published DESC NULLS LAST, s.start_char",
    "actor": "s.actor NULLS LAST, s.published DESC NULLS LAST, s.start_char",
}


def _statement_filters(*, actor=None, kind=None, verdict=None, region=None, date_from=None, date_to=None, q=None,
                       article_id=None) -> tuple[list[str], list]:
    """The WHERE tests over ``statements_shown s`` (with ``latest`` in scope) for the list filters."""
    where, params = _conditions(("s.actor = ?", actor), ("s.kind = ?", kind), ("list_contains(s.places, ?)", region),
                                ("s.published >= ?", date_from), ("s.published <= ?", date_to),
                                ("s.article_id = ?", article_id))
    if q:
        where.append("(s.text ILIKE ? ESCAPE '\\' OR s.speaker ILIKE ? ESCAPE '\\')")
        pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        params += [pattern, pattern]
    if verdict == "unchecked":
        where.append("NOT EXISTS (SELECT 1 FROM pledge_verdicts v WHERE v.statement_id = s.id)")
    elif verdict:  # the pledge's one verdict (the most direct source that decided), not any source's
        where.append("EXISTS (SELECT 1 FROM pledge_verdicts v WHERE v.statement_id = s.id AND v.verdict = ?)")
        params.append(verdict)
    return where, params


def list_statements(store: Store, *, actor: str | None = None, kind: str | None = None, verdict: str | None = None,
                    region: str | None = None, date_from: date | None = None, date_to: date | None = None,
                    q: str | None = None, article_id: str | None = None, sort: str = "newest", limit: int = 50,
                    offset: int = 0) -> tuple[list[dict], int]:
    """Statements with their latest verdict per source, filtered; returns (rows, total matching)."""
    where, params = _statement_filters(actor=actor, kind=kind, verdict=verdict, region=region, date_from=date_from,
                                       date_to=date_to, q=q, article_id=article_id)
    order = STATEMENT_SORTS[sort]  # a KeyError here is a caller bug: params are validated before
    clause = _where(where)
    sql = f"""
        WITH latest AS ({_LATEST})
        SELECT s.id, s.published, s.speaker, s.actor, s.kind, s.quote, s.text, s.places, s.article_id, s.article,
               s.start_char, s.window_start, s.window_end, any_value(pv.verdict) AS verdict,
               any_value(pv.decided_by) AS decided_by, any_value(pv.proposition) AS proposition,
               coalesce(list({{'source': l.source, 'verdict': l.verdict}} ORDER BY l.source)
                            FILTER (WHERE l.source IS NOT NULL), []) AS verdicts,
               count(*) OVER () AS _total
        FROM statements_shown s LEFT JOIN latest l ON l.statement_id = s.id
        LEFT JOIN pledge_verdicts pv ON pv.statement_id = s.id
        {clause}
        GROUP BY ALL
        ORDER BY {order}, s.id
        LIMIT ? OFFSET ?
    """
    rows = store.query(sql, params + [limit, offset])
    if rows:
        total = rows[0]["_total"]
    elif offset == 0:
        total = 0
    else:  # a page past the end: count the matches alone, for the pager
        total = store.con.execute(f"WITH latest AS ({_LATEST}) SELECT count(*) FROM statements_shown s {clause}",
                                  params).fetchone()[0]
    for r in rows:
        r.pop("_total", None)
    return rows, total


# Facets as datasette has them: for each dimension, how many statements match the other filters with each value of
# it, so a reader sees where the pledges are before clicking. The dimension's own filter is left out of its counts.
_FACETS = {
    "actor": ("coalesce(s.actor, '')", "s"),
    "kind": ("s.kind", "s"),
    "region": ("unnest(s.places)", "s"),
    "month": ("strftime(s.published, '%Y-%m')", "s"),
    "verdict": ("coalesce(pv.verdict, 'unchecked')", "pv"),
}


def statement_facets(store: Store, **filters) -> dict[str, list[dict]]:
    """``{dimension: [{"value", "count"}]}`` for actor, kind, region, month and verdict, under the other filters
    (the same keywords as ``list_statements``; ``month`` filters are not offered, months are shown for reading)."""
    out: dict[str, list[dict]] = {}
    for name, (expr, _) in _FACETS.items():
        others = {k: v for k, v in filters.items() if k != name}
        where, params = _statement_filters(**others)
        clause = _where(where)
        join = "LEFT JOIN pledge_verdicts pv ON pv.statement_id = s.id" if name == "verdict" else ""
        counted = "count(DISTINCT s.id)"
        rows = store.con.execute(
            f"""WITH latest AS ({_LATEST})
                SELECT value, {counted} AS n FROM (SELECT s.id, s.published, s.actor, s.kind, s.places, s.text,
                    s.speaker, s.article_id, {expr} AS value FROM statements_shown s {join} {clause}) s
                WHERE value IS NOT NULL GROUP BY value ORDER BY n DESC, value LIMIT 40""", params).fetchall()
        out[name] = [{"value": value, "count": n} for value, n in rows]
    return out


def statement(store: Store, statement_id: str) -> dict | None:
    rows = store.query("SELECT * FROM statements_current WHERE id = ?", [statement_id])
    return rows[0] if rows else None


def latest_results(store: Store, statement_id: str) -> list[dict]:
    """The newest stored result per source of one statement: the check JSON plus version and run time."""
    rows = store.con.execute(
        """
        SELECT result, version, run_at, id FROM checks WHERE statement_id = ? AND scenario IS NULL
        QUALIFY row_number() OVER (PARTITION BY source ORDER BY version DESC NULLS LAST, run_at DESC) = 1
        ORDER BY source
        """, [statement_id]).fetchall()
    return [{**json.loads(r[0]), "version": r[1], "run_at": r[2], "check_id": r[3]} for r in rows]


def scenario_results(store: Store, statement_id: str) -> list[dict]:
    """The newest result of each scenario (exploratory run) and source of one statement, for the check page to show
    beside the published verdicts."""
    rows = store.con.execute(
        """
        SELECT result, scenario, run_at FROM checks WHERE statement_id = ? AND scenario IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY scenario, source ORDER BY version DESC NULLS LAST, run_at DESC) = 1
        ORDER BY scenario, source
        """, [statement_id]).fetchall()
    return [{**json.loads(r[0]), "scenario": r[1], "run_at": r[2]} for r in rows]


def list_articles(store: Store, *, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    rows = store.query(
        """
        SELECT a.id, a.name, a.title, a.published, a.format, a.source_url, a.loaded_at,
               count(s.id) AS statements, count(s.id) FILTER (WHERE s.kind = 'pledge') AS pledges,
               count(*) OVER () AS _total
        FROM articles a LEFT JOIN statements_shown s ON s.article_id = a.id
        GROUP BY ALL ORDER BY a.published DESC NULLS LAST, a.name, a.id LIMIT ? OFFSET ?
        """, [limit, offset])
    total = rows[0]["_total"] if rows else store.con.execute("SELECT count(*) FROM articles").fetchone()[0]
    for r in rows:
        r.pop("_total")
    return rows, total


def article(store: Store, article_id: str) -> dict | None:
    rows = store.query("SELECT * FROM articles WHERE id = ?", [article_id])
    return rows[0] if rows else None


def article_statements(store: Store, article_id: str) -> list[dict]:
    return store.query(
        """
        WITH latest AS ({latest})
        SELECT s.id, s.speaker, s.actor, s.kind, s.quote, s.text, s.start_char, s.end_char, s.places,
               coalesce(list({{'source': l.source, 'verdict': l.verdict}} ORDER BY l.source)
                            FILTER (WHERE l.source IS NOT NULL), []) AS verdicts
        FROM statements_shown s LEFT JOIN latest l ON l.statement_id = s.id
        WHERE s.article_id = ? GROUP BY ALL ORDER BY s.start_char, s.end_char
        """.format(latest=_LATEST), [article_id])


def actors(store: Store) -> list[dict]:
    """Every actor with statements, and its pledges counted the way its own page counts them: one verdict per
    pledge (``pledge_verdicts``: the most direct source that decided); pending when none decided."""
    return store.query(
        """
        SELECT coalesce(s.actor, '') AS actor, count(*) AS statements,
               count(*) FILTER (WHERE s.kind = 'pledge') AS pledges,
               count(*) FILTER (WHERE s.kind = 'pledge' AND pv.verdict = 'kept') AS kept,
               count(*) FILTER (WHERE s.kind = 'pledge' AND pv.verdict = 'partly_kept') AS partly_kept,
               count(*) FILTER (WHERE s.kind = 'pledge' AND pv.verdict = 'broken') AS broken,
               count(*) FILTER (WHERE s.kind = 'pledge' AND json_array_length(pv.disagreements) > 0) AS mixed,
               count(*) FILTER (WHERE s.kind = 'pledge' AND coalesce(pv.verdict, '') NOT IN
                                ('kept', 'partly_kept', 'broken')) AS pending,
               min(s.published) AS first, max(s.published) AS last
        FROM statements_shown s LEFT JOIN pledge_verdicts pv ON pv.statement_id = s.id
        GROUP BY 1 ORDER BY pledges DESC, statements DESC, actor
        """)


def actor_pledges(store: Store, actor: str) -> list[dict]:
    """An actor's pledges, oldest first, each with its latest verdict per source."""
    return store.query(
        f"""
        WITH latest AS ({_LATEST})
        SELECT s.id, s.published, s.speaker, s.text, s.places, s.article_id, s.article, s.start_char, s.window_start,
               any_value(pv.verdict) AS verdict, any_value(pv.decided_by) AS decided_by,
               coalesce(list({{'source': l.source, 'verdict': l.verdict}} ORDER BY l.source)
                            FILTER (WHERE l.source IS NOT NULL), []) AS verdicts
        FROM statements_shown s LEFT JOIN latest l ON l.statement_id = s.id
        LEFT JOIN pledge_verdicts pv ON pv.statement_id = s.id
        WHERE s.kind = 'pledge' AND coalesce(s.actor, '') = ?
        GROUP BY ALL ORDER BY s.published NULLS LAST, s.window_start NULLS LAST, s.article, s.start_char
        """, [actor])


def observation_coverage(store: Store) -> list[dict]:
    """Per source and region: rows, first and last day, days with rows and the number of days without (gaps)."""
    return store.query(
        """
        WITH days AS (SELECT DISTINCT source, region, CAST(started_at AS DATE) AS day FROM observations),
        steps AS (SELECT source, region, day, day - lag(day) OVER (PARTITION BY source, region ORDER BY day) AS step
                  FROM days)
        SELECT o.source, o.region, o.rows, o.first, o.last, d.days_with_rows, d.gaps, d.gap_days
        FROM (SELECT source, region, count(*) AS rows, min(started_at) AS first, max(started_at) AS last
              FROM observations GROUP BY ALL) o
        JOIN (SELECT source, region, count(*) AS days_with_rows, count(*) FILTER (WHERE step > 1) AS gaps,
                     coalesce(sum(step - 1) FILTER (WHERE step > 1), 0) AS gap_days
              FROM steps GROUP BY ALL) d USING (source, region)
        ORDER BY o.source, o.region
        """)


def observation_gaps(store: Store, *, source: str, region: str, limit: int = 500) -> list[dict]:
    """Runs of whole days with no row of this source and region, between its first and last row."""
    return store.query(
        """
        WITH days AS (SELECT DISTINCT CAST(started_at AS DATE) AS day FROM observations
                      WHERE source = ? AND region = ?),
        steps AS (SELECT day, lag(day) OVER (ORDER BY day) AS before FROM days)
        SELECT before + 1 AS first, day - 1 AS last, day - before - 1 AS days FROM steps
        WHERE day - before > 1 ORDER BY first LIMIT ?
        """, [source, region, limit])


def daily_rows(store: Store, *, source: str, region: str) -> list[dict]:
    """Per UTC day with rows: rows started that day and their hours (finished minus started, rows as stored)."""
    return store.query(
        """
        SELECT CAST(started_at AS DATE) AS day, count(*) AS rows,
               round(sum(coalesce(epoch(finished_at) - epoch(started_at), 0)) / 3600.0, 2) AS hours
        FROM observations WHERE source = ? AND region = ? GROUP BY 1 ORDER BY 1
        """, [source, region])


def observation_rows(store: Store, *, source: str | None = None, region: str | None = None,
                     start: datetime | None = None, end: datetime | None = None, event_type: str | None = None,
                     file_sha256: str | None = None, limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Stored observation rows (the evidence a check counted), oldest first; returns (rows, total matching)."""
    clause, params = _filters(("source = ?", source), ("region = ?", region), ("event_type = ?", event_type),
                              ("file_sha256 = ?", file_sha256), ("started_at >= ?", start), ("started_at < ?", end))
    total = store.con.execute(f"SELECT count(*) FROM observations {clause}", params).fetchone()[0]
    rows = store.query(
        f"""SELECT id, source, region, event_type, started_at, finished_at, level, subregion, actor, line, file,
                   file_sha256, row_id, lat, lon, geo_method, fatalities, description, article_id, span_start,
                   span_end
            FROM observations {clause} ORDER BY started_at, id LIMIT ? OFFSET ?""", params + [limit, offset])
    return rows, total


def list_files(store: Store) -> list[dict]:
    return store.query("SELECT * FROM files ORDER BY loaded_at DESC, path")


def file(store: Store, sha256: str) -> dict | None:
    rows = store.query("SELECT * FROM files WHERE sha256 = ?", [sha256])
    return rows[0] if rows else None


def list_rejects(store: Store, *, file_sha256: str | None = None, source: str | None = None, limit: int = 50,
                 offset: int = 0) -> tuple[list[dict], int]:
    clause, params = _filters(("file_sha256 = ?", file_sha256), ("source = ?", source))
    total = store.con.execute(f"SELECT count(*) FROM rejects {clause}", params).fetchone()[0]
    rows = store.query(f"SELECT id, source, file, file_sha256, line, reason, raw FROM rejects {clause} "
                       "ORDER BY file, line, id LIMIT ? OFFSET ?", params + [limit, offset])
    return rows, total


def list_checks(store: Store, *, verdict: str | None = None, source: str | None = None, limit: int = 50,
                offset: int = 0) -> tuple[list[dict], int]:
    """Every stored check result (all versions), newest first, without the full result JSON."""
    clause, params = _filters(("c.verdict = ?", verdict), ("c.source = ?", source))
    total = store.con.execute(f"SELECT count(*) FROM checks c {clause}", params).fetchone()[0]
    rows = store.query(
        f"""SELECT c.id, c.statement_id, s.speaker, s.actor, c.source, c.version, c.verdict, c.previous_verdict,
                   c.template, c.start_at, c.window_days, c.as_of, c.run_at
            FROM checks c LEFT JOIN statements_shown s ON s.id = c.statement_id {clause}
            ORDER BY c.run_at DESC, c.statement_id, c.source, c.version DESC LIMIT ? OFFSET ?""",
        params + [limit, offset])
    return rows, total


def latest_checks_listed(store: Store, *, verdict: str | None = None, source: str | None = None,
                         template: str | None = None, actor: str | None = None, region: str | None = None,
                         date_from: date | None = None, date_to: date | None = None, scenario: str | None = None,
                         limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """The newest result per (statement, source) — the published ones, or one scenario's — with the statement's
    speaker, actor, places and text, filtered; returns (rows, total matching). Newest pledge first."""
    where, params = _conditions(("c.verdict = ?", verdict), ("c.source = ?", source), ("c.template = ?", template),
                                ("s.actor = ?", actor), ("list_contains(s.places, ?)", region),
                                ("s.published >= ?", date_from), ("s.published <= ?", date_to))
    where.insert(0, "c.scenario IS NOT DISTINCT FROM ?")
    params.insert(0, scenario)
    clause = _where(where)
    rows = store.query(
        f"""WITH c AS (SELECT * FROM checks QUALIFY row_number() OVER (
                PARTITION BY statement_id, source, scenario ORDER BY version DESC NULLS LAST, run_at DESC) = 1)
            SELECT c.id, c.statement_id, c.source, c.verdict, c.template, c.start_at, c.window_days, c.as_of,
                   c.scenario, c.version, c.run_at, c.result->>'$.did.ratio' AS did_ratio,
                   c.result->'$.did.ci' AS did_ci, c.result->>'$.did.metric' AS did_metric,
                   s.speaker, s.actor, s.kind, s.places, s.published, s.text, count(*) OVER () AS _total
            FROM c JOIN statements_shown s ON s.id = c.statement_id {clause}
            ORDER BY s.published DESC NULLS LAST, c.start_at DESC, c.statement_id, c.source
            LIMIT ? OFFSET ?""", params + [limit, offset])
    total = rows[0]["_total"] if rows else 0
    for r in rows:
        r.pop("_total", None)
        r["did_ratio"] = float(r["did_ratio"]) if r["did_ratio"] is not None else None
        r["did_ci"] = json.loads(r["did_ci"]) if isinstance(r["did_ci"], str) else r["did_ci"]
    return rows, total


def facets(store: Store) -> dict:
    """The values the filters offer: actors, kinds, regions in use, observation sources."""
    return {
        "actors": [r[0] for r in store.con.execute(
            "SELECT DISTINCT actor FROM statements_shown WHERE actor IS NOT NULL ORDER BY 1").fetchall()],
        "regions": [r[0] for r in store.con.execute(
            "SELECT DISTINCT unnest(places) FROM statements_shown ORDER BY 1").fetchall()],
        "sources": [r[0] for r in store.con.execute(
            "SELECT DISTINCT source FROM observations ORDER BY 1").fetchall()],
    }


def counts(store: Store) -> dict:
    row = store.con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM statements_shown), "
        "(SELECT count(*) FROM statements_shown WHERE kind = 'pledge'), (SELECT count(*) FROM observations), "
        "(SELECT count(*) FROM checks)").fetchone()
    return dict(zip(("articles", "statements", "pledges", "observations", "checks"), row))
