"""Check results: every distinct result is kept as a version, so a pledge has a verdict history.

A result is identified by its statement, source, data cut-off (``as_of``) and content: storing the same result again
adds nothing. Each new result of a (statement, source) gets the next ``version`` and remembers the verdict it
replaces (``previous_verdict``), so ``too_early -> kept -> broken`` can be read back without recomputing anything.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

import pyarrow as pa

from saydo.records import Check
from saydo.store.connection import Store

_NEW = pa.schema([("id", pa.string()), ("statement_id", pa.string()), ("source", pa.string()),
                  ("as_of", pa.timestamp("us", tz="UTC")), ("verdict", pa.string()), ("explanation", pa.string()),
                  ("window_days", pa.int32()), ("start_at", pa.timestamp("us", tz="UTC")), ("result", pa.string()),
                  ("template", pa.string()), ("fingerprint", pa.string())])


def _row(check: Check) -> dict:
    payload = json.dumps(check.to_json(), sort_keys=True)
    check_id = hashlib.sha256(f"{check.statement}:{check.source}:{check.as_of}:{payload}".encode()).hexdigest()[:16]
    return {"id": check_id, "statement_id": check.statement, "source": check.source, "as_of": check.as_of,
            "verdict": check.verdict, "explanation": check.explanation, "window_days": check.window_days,
            "start_at": check.start, "result": payload, "template": check.template, "fingerprint": check.fingerprint}


def save_checks(store: Store, checks: list[Check]) -> list[dict]:
    """Store results in one insert; returns, per check, ``{statement, source, verdict, version, previous_verdict,
    stored}`` (``stored`` False when the same result was already there)."""
    if not checks:
        return []
    rows = [_row(c) for c in checks]
    con = store.con
    con.register("_new_checks", pa.Table.from_pylist(rows, schema=_NEW))
    try:
        fresh = con.execute(
            """
            WITH last AS (
                SELECT statement_id, source, version, verdict FROM checks
                QUALIFY row_number() OVER (PARTITION BY statement_id, source
                                           ORDER BY version DESC NULLS LAST, run_at DESC) = 1)
            SELECT n.*, n.id IN (SELECT id FROM checks) AS known,
                   coalesce(l.version, 0) + row_number() OVER (PARTITION BY n.statement_id, n.source
                                                               ORDER BY n.id) AS version,
                   l.verdict AS previous_verdict
            FROM _new_checks n LEFT JOIN last l USING (statement_id, source)
            """).fetch_arrow_table()
    finally:
        con.unregister("_new_checks")
    con.register("_fresh_checks", fresh)
    try:
        con.execute(
            """
            INSERT OR IGNORE INTO checks (id, statement_id, source, run_at, as_of, verdict, explanation, window_days,
                                          start_at, result, version, template, fingerprint, previous_verdict)
            SELECT id, statement_id, source, ?, as_of, verdict, explanation, window_days, start_at, result, version,
                   template, fingerprint, previous_verdict
            FROM _fresh_checks WHERE NOT known
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY version) = 1
            """, [datetime.now(timezone.utc)])
    finally:
        con.unregister("_fresh_checks")
    info = {r["id"]: r for r in fresh.select(["id", "known", "version", "previous_verdict"]).to_pylist()}
    return [{"statement": c.statement, "source": c.source, "verdict": c.verdict,
             "version": info[r["id"]]["version"], "previous_verdict": info[r["id"]]["previous_verdict"],
             "stored": not info[r["id"]]["known"]} for c, r in zip(checks, rows)]


def save_check(store: Store, check: Check) -> str:
    """Store one check (see ``save_checks``); returns its id."""
    save_checks(store, [check])
    return _row(check)["id"]


def latest_checks(store: Store) -> list[dict]:
    """The newest stored result per (statement, source), as the JSON the check produced, with its version."""
    rows = store.con.execute(
        """
        SELECT result, version FROM checks
        QUALIFY row_number() OVER (PARTITION BY statement_id, source
                                   ORDER BY version DESC NULLS LAST, run_at DESC) = 1
        ORDER BY statement_id, source
        """
    ).fetchall()
    return [{**json.loads(r[0]), "version": r[1]} for r in rows]


def history(store: Store, statement_id: str) -> list[dict]:
    """Every stored verdict of a statement per source, in the order of the data it saw (its cut-off, or when it ran
    on all data): what the check said as the data grew, and which versions changed the verdict."""
    rows = store.query(
        """
        SELECT source, version, as_of, run_at, verdict, previous_verdict, template, start_at, window_days,
               fingerprint
        FROM checks WHERE statement_id = ?
        ORDER BY source, coalesce(as_of, run_at), run_at, version
        """,
        [statement_id],
    )
    last: dict[str, str | None] = {}
    for r in rows:
        r["changed"] = last.get(r["source"]) != r["verdict"]
        last[r["source"]] = r["verdict"]
    return rows


def stored_fingerprints(store: Store, *, as_of=None) -> dict[str, dict[str, tuple[str, str]]]:
    """The newest stored result of every (source, statement) for a data cut-off, with its fingerprint, in one query:
    ``{source: {statement id: (fingerprint, result id)}}``. Load a result with ``stored_result``."""
    rows = store.con.execute(
        """
        SELECT source, statement_id, fingerprint, id FROM checks
        WHERE as_of IS NOT DISTINCT FROM ? AND fingerprint IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY statement_id, source
                                   ORDER BY version DESC NULLS LAST, run_at DESC) = 1
        """, [as_of]).fetchall()
    found: dict[str, dict[str, tuple[str, str]]] = {}
    for source, statement, fingerprint, check_id in rows:
        found.setdefault(source, {})[statement] = (fingerprint, check_id)
    return found


def stored_result(store: Store, check_id: str) -> dict:
    row = store.con.execute("SELECT result FROM checks WHERE id = ?", [check_id]).fetchone()
    return json.loads(row[0])
