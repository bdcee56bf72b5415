"""Check results: every run is kept, so a pledge has a verdict history."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime, timezone

from saydo.records import Check
from saydo.store.connection import Store


def save_check(store: Store, check: Check) -> str:
    """Store one check. The same result for the same data is stored once (re-running is idempotent)."""
    result = check.to_json()
    payload = json.dumps(result, sort_keys=True)
    check_id = hashlib.sha256(f"{check.statement}:{check.source}:{check.as_of}:{payload}".encode()).hexdigest()[:16]
    store.con.execute(
        "INSERT OR IGNORE INTO checks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [check_id, check.statement, check.source, datetime.now(timezone.utc), check.as_of, check.verdict,
         check.explanation, check.window_days, check.start, payload],
    )
    return check_id


def latest_checks(store: Store) -> list[dict]:
    """The newest stored result per (statement, source), as the JSON the check produced."""
    rows = store.con.execute(
        """
        SELECT result FROM checks
        QUALIFY row_number() OVER (PARTITION BY statement_id, source ORDER BY run_at DESC) = 1
        ORDER BY statement_id, source
        """
    ).fetchall()
    return [json.loads(r[0]) for r in rows]


def history(store: Store, statement_id: str) -> list[dict]:
    """Every stored verdict of a statement, oldest data first: what the check said as the data grew."""
    return store.query(
        """
        SELECT source, as_of, run_at, verdict, start_at, window_days
        FROM checks WHERE statement_id = ?
        ORDER BY source, coalesce(as_of, run_at), run_at
        """,
        [statement_id],
    )


def previous_result(store: Store, statement_id: str, source: str, as_of) -> dict | None:
    """The newest stored result of a check with the same statement, source and data cut-off."""
    row = store.con.execute(
        "SELECT result FROM checks WHERE statement_id = ? AND source = ? AND as_of IS NOT DISTINCT FROM ? "
        "ORDER BY run_at DESC LIMIT 1", [statement_id, source, as_of]).fetchone()
    return json.loads(row[0]) if row else None


def stored_fingerprints(store: Store, *, as_of=None) -> dict[str, dict[str, tuple[str, dict]]]:
    """The newest stored result of every (source, statement) for a data cut-off, with its fingerprint, in one query:
    ``{source: {statement id: (fingerprint, result)}}``."""
    rows = store.con.execute(
        """
        SELECT source, statement_id, result->>'fingerprint' AS fingerprint, result FROM checks
        WHERE as_of IS NOT DISTINCT FROM ?
        QUALIFY row_number() OVER (PARTITION BY statement_id, source ORDER BY run_at DESC) = 1
        """, [as_of]).fetchall()
    found: dict[str, dict[str, tuple[str, dict]]] = {}
    for source, statement, fingerprint, result in rows:
        if fingerprint:
            found.setdefault(source, {})[statement] = (fingerprint, json.loads(result))
    return found
