"""Editors' corrections: an audited overlay on what the machine extracted, and notes on verdicts.

Extraction will never be perfect, so an editor can set a statement's speaker, actor, kind, places or window, mark it
as not a statement, or merge it into another statement that says the same. Every correction is a row of its own —
who, when, why, the value set and the machine's value it replaces — and nothing the machine stored is changed:
the ``statements_current`` view (store/schema.py) lays the newest correction of each field over the machine's
statement, and ``load_statements`` reads it. A correction is keyed by
the statement's id and also by its article and character span, so re-extracting the article (even with an extractor
that now names the speaker differently, which changes the id) keeps the correction. Notes annotate a verdict (a
check) or a statement.
"""

from __future__ import annotations

import json
import uuid
from datetime import date, datetime, timezone

from saydo.records import EDITABLE, MARKS, Edit, Statement
from saydo.store.connection import Store


def save_correction(store: Store, statement: Statement, field: str, value, *, editor: str, why: str = "") -> Edit:
    """Store one correction of ``statement`` (the machine's statement, as extracted); returns the edit."""
    if field not in EDITABLE + MARKS + ("restore",):
        raise ValueError(f"not a correctable field: {field}")
    machine = _machine_value(statement, field)
    at = datetime.now(timezone.utc)
    store.con.execute(
        "INSERT INTO corrections (id, statement_id, article_id, start_char, end_char, field, value, machine, editor, "
        "made_at, why) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [uuid.uuid4().hex[:16], statement.id, statement.article_id, statement.start, statement.end, field,
         json.dumps(_jsonable(value)), json.dumps(_jsonable(machine)), editor, at, why])
    return Edit(field, _jsonable(value), _jsonable(machine), editor, at, why)


def has_corrections(store: Store) -> bool:
    return store.con.execute("SELECT EXISTS (SELECT 1 FROM corrections)").fetchone()[0]


def corrections(store: Store, statement_ids: list[str] | None = None) -> list[dict]:
    """Every correction (of the given statements), oldest first, as stored."""
    sql = ("SELECT id, statement_id, article_id, start_char, end_char, field, value, machine, editor, "
           "made_at AS at, why FROM corrections")
    params: list = []
    if statement_ids is not None:
        sql += " WHERE list_contains(?, statement_id)"
        params.append(list(statement_ids))
    return store.query(sql + " ORDER BY made_at, id", params)


def edits_of(store: Store, statement_ids: list[str]) -> dict[str, tuple[Edit, ...]]:
    """The corrections in force for each statement (the ``statement_edits`` view), oldest first."""
    if not statement_ids or not has_corrections(store):
        return {}
    out: dict[str, list[Edit]] = {}
    for r in store.query("SELECT statement_id, field, value, machine, editor, made_at, why FROM statement_edits "
                         "WHERE list_contains(?, statement_id) ORDER BY made_at, correction_id", [statement_ids]):
        out.setdefault(r["statement_id"], []).append(
            Edit(r["field"], json.loads(r["value"]), json.loads(r["machine"]), r["editor"], r["made_at"],
                 r["why"] or ""))
    return {k: tuple(v) for k, v in out.items()}


def merged_into(store: Store) -> dict[str, str]:
    """Statement id -> the id of the statement it was merged into (the latest merge of each, unless restored)."""
    out: dict[str, str] = {}
    for r in corrections(store):
        if r["field"] == "restore":
            out.pop(r["statement_id"], None)
        elif r["field"] == "merged_into":
            target = json.loads(r["value"])
            if target:
                out[r["statement_id"]] = target
            else:
                out.pop(r["statement_id"], None)
    return out


def save_note(store: Store, *, check_id: str | None, statement_id: str, text: str, editor: str) -> dict:
    """Annotate a verdict (a stored check) or, without ``check_id``, a statement; notes are never edited, only
    added."""
    row = {"id": uuid.uuid4().hex[:16], "check_id": check_id, "statement_id": statement_id, "text": text,
           "editor": editor, "at": datetime.now(timezone.utc)}
    store.con.execute("INSERT INTO notes (id, check_id, statement_id, text, editor, made_at) VALUES (?, ?, ?, ?, ?, ?)",
                      [row["id"], check_id, statement_id, text, editor, row["at"]])
    return row


def notes(store: Store, statement_id: str | None = None) -> list[dict]:
    sql = "SELECT id, check_id, statement_id, text, editor, made_at AS at FROM notes"
    params: list = []
    if statement_id:
        sql += " WHERE statement_id = ?"
        params.append(statement_id)
    return store.query(sql + " ORDER BY made_at, id", params)


def _machine_value(s: Statement, field: str):
    if field == "window":
        return [s.window.start, s.window.end]
    if field == "places":
        return list(s.places)
    if field in MARKS or field == "restore":
        return None
    return getattr(s, field)


def _jsonable(value):
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value
