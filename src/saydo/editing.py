"""An editor's corrections, merges and notes: one library for the CLI (`saydo correct|merge|note`) and the web app.

Values are checked here (a kind from the list, ISO 3166-2:UA codes, a window with offsets), stored as an audited
overlay by ``saydo.store.corrections``, and the pledge's published checks are re-run on the corrected values.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from saydo.errors import BadValue
from saydo.records import KINDS, Edit
from saydo.resolve.regions import COUNTRY, all_codes
from saydo.store import Store
from saydo.store.articles import find_statement, load_statements
from saydo.store.corrections import save_correction, save_note


def changes_from(*, speaker: str | None = None, actor: str | None = None, kind: str | None = None,
                 places: str | list[str] | None = None, window: str | None = None, not_a_statement: bool = False,
                 restore: bool = False) -> list[tuple[str, object]]:
    """The corrections asked for, checked: ``(field, value)`` in the order they are stored. ``actor``/``places``
    of ``-`` (or empty) clear the value; ``places`` is a comma-separated string or a list; ``window`` is
    ``START/END`` (see ``parse_window``)."""
    found: list[tuple[str, object]] = []
    if restore:
        found.append(("restore", True))
    if speaker is not None:
        if not speaker.strip():
            raise BadValue("the speaker is empty", hint="give the speaker's name as the article writes it")
        found.append(("speaker", speaker.strip()))
    if actor is not None:
        found.append(("actor", None if actor.strip() in ("", "-") else actor.strip().upper()))
    if kind is not None:
        if kind not in KINDS:
            raise BadValue(f"{kind!r} is not a kind", hint=f"use one of: {', '.join(KINDS)}")
        found.append(("kind", kind))
    if places is not None:
        found.append(("places", parse_places(places)))
    if window is not None:
        found.append(("window", parse_window(window)))
    if not_a_statement:
        found.append(("not_a_statement", True))
    if not found:
        raise BadValue("nothing to correct", hint="give a speaker, actor, kind, places, window, not a statement or "
                                                  "restore")
    return found


def parse_places(value: str | list[str]) -> list[str]:
    items = value if isinstance(value, list) else ([] if value.strip() in ("", "-") else value.split(","))
    codes = [p.strip().upper() for p in items if p.strip()]
    unknown = [c for c in codes if c not in all_codes() | {COUNTRY}]
    if unknown:
        raise BadValue(f"places that are not Ukrainian regions: {', '.join(unknown)}",
                       hint="use ISO 3166-2:UA codes such as UA-30 (Kyiv City) or UA for all of Ukraine")
    return codes


def parse_window(value: str) -> list[str | None]:
    """``START/END`` with ISO date-times carrying their offset, or dates (a start date from 00:00 UTC, an end date
    inclusive); either side may be empty. Returned as ISO strings, as stored."""
    if "/" not in value:
        raise BadValue(f"the window {value!r} has no '/'", hint="write START/END, e.g. 2023-01-06T12:00+03:00/"
                                                                "2023-01-08T00:00+03:00; either side may be empty")
    out: list[str | None] = []
    for side, part in zip(("start", "end"), value.split("/", 1)):
        part = part.strip()
        if not part:
            out.append(None)
            continue
        try:
            if len(part) == 10:  # a date alone: the day from 00:00 UTC, an end date inclusive
                day = date.fromisoformat(part)
                parsed = datetime.combine(day + timedelta(days=1 if side == "end" else 0), time(0), tzinfo=timezone.utc)
            else:
                parsed = datetime.fromisoformat(part)
        except ValueError:
            raise BadValue(f"the window's {side} {part!r} is not a date or date-time",
                           hint="use YYYY-MM-DD or YYYY-MM-DDTHH:MM+03:00") from None
        if parsed.tzinfo is None:
            raise BadValue(f"the window's {side} {part!r} has no offset",
                           hint="add the clock's offset, e.g. +03:00 for Moscow time")
        out.append(parsed.isoformat())
    if out[0] and out[1] and datetime.fromisoformat(out[1]) <= datetime.fromisoformat(out[0]):
        raise BadValue("the window ends before it starts", hint="write START/END with START first")
    return out


def correct(store: Store, key: str, changes: list[tuple[str, object]], *, editor: str, why: str = "",
            recheck: bool = True) -> tuple[str, list[Edit], list[dict]]:
    """Store the corrections of one statement (its id or a unique prefix); returns (statement id, edits, the
    re-run checks as ``{source, verdict}``)."""
    _editor(editor)
    machine = find_statement(store, key)
    edits = [save_correction(store, machine, field, value, editor=editor, why=why) for field, value in changes]
    return machine.id, edits, recheck_statement(store, machine.id) if recheck else []


def merge(store: Store, keep: str, duplicate: str, *, editor: str, why: str = "") -> tuple[str, str, Edit]:
    """Merge ``duplicate`` into ``keep`` (both ids or unique prefixes); returns (kept id, merged id, the edit)."""
    _editor(editor)
    kept, dup = find_statement(store, keep), find_statement(store, duplicate)
    if kept.id == dup.id:
        raise BadValue("a statement can't be merged into itself", hint="give two different statement ids")
    edit = save_correction(store, dup, "merged_into", kept.id, editor=editor, why=why)
    recheck_statement(store, kept.id)
    return kept.id, dup.id, edit


def note(store: Store, target: str, text: str, *, editor: str) -> dict:
    """Annotate a verdict (a check id, or a unique prefix of it) or a statement; returns the stored note."""
    _editor(editor)
    if not text.strip():
        raise BadValue("the note is empty", hint="write what a reader should know about this verdict")
    check = store.query("SELECT id, statement_id FROM checks WHERE id = ? OR starts_with(id, ?) LIMIT 2",
                        [target, target]) if len(target) >= 6 else []
    if len(check) == 1:
        return save_note(store, check_id=check[0]["id"], statement_id=check[0]["statement_id"], text=text.strip(),
                         editor=editor)
    statement = find_statement(store, target)
    return save_note(store, check_id=None, statement_id=statement.id, text=text.strip(), editor=editor)


def recheck_statement(store: Store, statement_id: str) -> list[dict]:
    """Re-run the published checks of one statement on its corrected values (nothing when it is no longer a
    pledge, or is hidden)."""
    from saydo import pipeline

    current = load_statements(store, ids=[statement_id], kind="pledge")
    if not current:
        return []
    checks, _ = pipeline.check_statements(store, current)
    return [{"source": c.source, "verdict": c.verdict} for c in checks]


def _editor(name: str) -> None:
    if not name or not name.strip():
        raise BadValue("no editor name", hint="say who makes the change (--editor NAME or SAYDO_EDITOR)")
