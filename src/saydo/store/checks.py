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
                  ("template", pa.string()), ("fingerprint", pa.string()), ("scenario", pa.string())])

# Every reader of "the" verdict (lists, pages, exports, the report) reads published results only: the full-data run
# with the default windows. Exploratory runs (--as-of, --window-days) are stored under a scenario name beside them.
PUBLISHED = "scenario IS NULL"


def scenario_name(*, as_of=None, window_days: int = 14, default_days: int = 14, name: str | None = None
                  ) -> str | None:
    """The scenario a run belongs to: None (published) for all data with the default windows, else the name given
    or one made from the options ("as of 2022-04-20, windows of 7 days")."""
    if name:
        return name
    parts = []
    if as_of is not None:
        parts.append(f"as of {as_of:%Y-%m-%d}")
    if window_days != default_days:
        parts.append(f"windows of {window_days} days")
    return ", ".join(parts) or None


def _row(check: Check, scenario: str | None = None) -> dict:
    payload = json.dumps(check.to_json(), sort_keys=True)
    key = f"{check.statement}:{check.source}:{check.as_of}:{scenario or ''}:{payload}"
    check_id = hashlib.sha256(key.encode()).hexdigest()[:16]
    return {"id": check_id, "statement_id": check.statement, "source": check.source, "as_of": check.as_of,
            "verdict": check.verdict, "explanation": check.explanation, "window_days": check.window_days,
            "start_at": check.start, "result": payload, "template": check.template, "fingerprint": check.fingerprint,
            "scenario": scenario}


def save_checks(store: Store, checks: list[Check], *, scenario: str | None = None) -> list[dict]:
    """Store results in one insert, as published results or under ``scenario``; returns, per check, ``{statement,
    source, verdict, version, previous_verdict, stored}`` (``stored`` False when the same result was already there).
    Versions count per statement, source and scenario."""
    if not checks:
        return []
    rows = [_row(c, scenario) for c in checks]
    con = store.con
    con.register("_new_checks", pa.Table.from_pylist(rows, schema=_NEW))
    try:
        fresh = con.execute(
            """
            WITH last AS (
                SELECT statement_id, source, scenario, version, verdict FROM checks
                QUALIFY row_number() OVER (PARTITION BY statement_id, source, scenario
                                           ORDER BY version DESC NULLS LAST, run_at DESC) = 1)
            SELECT n.*, n.id IN (SELECT id FROM checks) AS known,
                   coalesce(l.version, 0) + row_number() OVER (PARTITION BY n.statement_id, n.source
                                                               ORDER BY n.id) AS version,
                   l.verdict AS previous_verdict
            FROM _new_checks n LEFT JOIN last l
              ON l.statement_id = n.statement_id AND l.source = n.source
             AND l.scenario IS NOT DISTINCT FROM n.scenario
            """).fetch_arrow_table()
    finally:
        con.unregister("_new_checks")
    con.register("_fresh_checks", fresh)
    try:
        con.execute(
            """
            INSERT OR IGNORE INTO checks (id, statement_id, source, run_at, as_of, verdict, explanation, window_days,
                                          start_at, result, version, template, fingerprint, previous_verdict,
                                          scenario)
            SELECT id, statement_id, source, ?, as_of, verdict, explanation, window_days, start_at, result, version,
                   template, fingerprint, previous_verdict, scenario
            FROM _fresh_checks WHERE NOT known
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY version) = 1
            """, [datetime.now(timezone.utc)])
    finally:
        con.unregister("_fresh_checks")
    info = {r["id"]: r for r in fresh.select(["id", "known", "version", "previous_verdict"]).to_pylist()}
    return [{"statement": c.statement, "source": c.source, "verdict": c.verdict,
             "version": info[r["id"]]["version"], "previous_verdict": info[r["id"]]["previous_verdict"],
             "stored": not info[r["id"]]["known"]} for c, r in zip(checks, rows)]


def save_check(store: Store, check: Check, *, scenario: str | None = None) -> str:
    """Store one check (see ``save_checks``); returns its id."""
    save_checks(store, [check], scenario=scenario)
    return _row(check, scenario)["id"]


def latest_checks(store: Store, *, scenario: str | None = None) -> list[dict]:
    """The newest stored result per (statement, source), as the JSON the check produced, with its version: the
    published results, or those of one scenario."""
    rows = store.con.execute(
        """
        SELECT result, version FROM checks WHERE scenario IS NOT DISTINCT FROM ?
        QUALIFY row_number() OVER (PARTITION BY statement_id, source
                                   ORDER BY version DESC NULLS LAST, run_at DESC) = 1
        ORDER BY statement_id, source
        """, [scenario]
    ).fetchall()
    return [{**json.loads(r[0]), "version": r[1]} for r in rows]


def scenarios(store: Store) -> list[dict]:
    """The scenarios stored (exploratory runs), with how many results each holds and when it last ran."""
    return store.query("SELECT scenario, count(*) AS results, max(run_at) AS last_run FROM checks "
                       "WHERE scenario IS NOT NULL GROUP BY 1 ORDER BY last_run DESC")


def history(store: Store, statement_id: str) -> list[dict]:
    """Every stored verdict of a statement per source, in the order of the data it saw (its cut-off, or when it ran
    on all data): what the check said as the data grew, and which versions changed the verdict."""
    rows = store.query(
        """
        SELECT source, scenario, version, as_of, run_at, verdict, previous_verdict, template, start_at, window_days,
               fingerprint
        FROM checks WHERE statement_id = ?
        ORDER BY scenario NULLS FIRST, source, coalesce(as_of, run_at), run_at, version
        """,
        [statement_id],
    )
    last: dict[tuple, str | None] = {}
    for r in rows:
        key = (r["scenario"], r["source"])
        r["changed"] = last.get(key) != r["verdict"]
        last[key] = r["verdict"]
    return rows


def stored_fingerprints(store: Store, *, as_of=None) -> dict[str, dict[str, tuple[str, str]]]:
    """The newest stored result of every (source, statement) for a data cut-off, with its fingerprint, in one query:
    ``{source: {statement id: (fingerprint, result id)}}``. Load a result with ``stored_result``."""
    rows = store.con.execute(
        """
        SELECT source, statement_id, fingerprint, id FROM checks
        WHERE as_of IS NOT DISTINCT FROM ? AND fingerprint IS NOT NULL AND scenario IS NULL
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


def save_untested(store: Store, untested: list[tuple[str, str]], tested: list[str]) -> None:
    """Keep why each pledge was not tested ``(statement id, reason)``, as the last published run said; the pledges
    ``tested`` in that run lose any earlier reason."""
    now = datetime.now(timezone.utc)
    con = store.con
    con.execute("BEGIN")
    try:
        if tested:
            con.execute("DELETE FROM untested WHERE list_contains(?, statement_id)", [list(tested)])
        if untested:
            con.executemany("INSERT OR REPLACE INTO untested VALUES (?, ?, ?)", [[i, r, now] for i, r in untested])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def untested_reason(store: Store, statement_id: str) -> str | None:
    row = store.con.execute("SELECT reason FROM untested WHERE statement_id = ?", [statement_id]).fetchone()
    return row[0] if row else None


def published_results(store: Store) -> list[dict]:
    """The newest published result of every (statement, source), as ``{"statement", "source", "verdict",
    "template", "start"}``, with the statement's actor and places when it is stored (statements an editor hid are
    left out; checks of statements never stored, as a library caller may run, keep their verdict)."""
    return store.query(
        """
        SELECT c.statement_id AS statement, c.source, c.verdict, c.template, c.start_at AS start, s.actor, s.places
        FROM checks c LEFT JOIN statements_current s ON s.id = c.statement_id
        WHERE c.scenario IS NULL AND NOT coalesce(s.hidden, false)
        QUALIFY row_number() OVER (PARTITION BY c.statement_id, c.source
                                   ORDER BY c.version DESC NULLS LAST, c.run_at DESC) = 1
        ORDER BY c.statement_id, c.source
        """)


def save_pledge_verdicts(store: Store, rows: list[dict]) -> None:
    """Replace the table of one verdict per pledge (see ``saydo.check.combine``)."""
    now = datetime.now(timezone.utc)
    con = store.con
    con.execute("BEGIN")
    try:
        con.execute("DELETE FROM pledge_verdicts")
        if rows:
            con.executemany(
                "INSERT INTO pledge_verdicts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [[r["statement"], r["verdict"], r["decided_by"], r["template"], json.dumps(r["sources"]),
                  json.dumps(r["disagreements"]), r["proposition"], r["proposition_verdict"],
                  json.dumps(r["proposition_members"]), now] for r in rows])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def pledge_verdict_of(store: Store, statement_id: str) -> dict | None:
    rows = store.query("SELECT * FROM pledge_verdicts WHERE statement_id = ?", [statement_id])
    if not rows:
        return None
    row = rows[0]
    for key in ("sources", "disagreements", "proposition_members"):
        row[key] = json.loads(row[key]) if isinstance(row[key], str) else row[key]
    return row
