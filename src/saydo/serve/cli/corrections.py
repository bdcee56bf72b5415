"""`saydo correct`, `saydo merge` and `saydo note`: an editor's corrections and notes, kept as an audited overlay."""

from __future__ import annotations

import getpass
import os
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Optional

import typer

from saydo.errors import BadValue
from saydo.serve.cli import app
from saydo.serve.cli.options import DbOption, JsonOption, console, open_store, print_json

EditorOption = Annotated[Optional[str], typer.Option("--editor", help="Who makes the change (default: $SAYDO_EDITOR, "
                                                                      "else your user name).", show_default=False)]
WhyOption = Annotated[str, typer.Option("--why", help="Why: kept with the change, shown beside it.")]


def editor_name(given: str | None) -> str:
    name = given or os.environ.get("SAYDO_EDITOR") or _user()
    if not name.strip():
        raise BadValue("no editor name", hint="give --editor NAME or set SAYDO_EDITOR")
    return name.strip()


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


@app.command("correct")
def correct(
    statement: Annotated[str, typer.Argument(help="Statement id (or a unique prefix of at least 6 characters).")],
    why: WhyOption,
    speaker: Annotated[Optional[str], typer.Option("--speaker", help="The right speaker.")] = None,
    actor: Annotated[Optional[str], typer.Option("--actor", help="The state or group spoken for (RUS, UKR, UN, CIV…); "
                                                                 "'-' for none.")] = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="pledge, claim, denial, demand or opinion.")] = None,
    places: Annotated[Optional[str], typer.Option("--places", help="ISO 3166-2 codes, comma-separated (UA-30,UA-32); "
                                                                   "'-' for none.")] = None,
    window: Annotated[Optional[str], typer.Option("--window", help="START/END, ISO dates or date-times with offset; "
                                                                   "either side may be empty (2023-01-06T12:00+03:00/"
                                                                   "2023-01-08T00:00+03:00).")] = None,
    not_a_statement: Annotated[bool, typer.Option("--not-a-statement", help="Take it out of lists, exports and "
                                                                            "checks.")] = False,
    restore: Annotated[bool, typer.Option("--restore", help="Undo every correction of it (kept in the history).")]
    = False,
    editor: EditorOption = None,
    no_check: Annotated[bool, typer.Option("--no-check", help="Do not re-run the pledge's checks now.")] = False,
    db: DbOption = None,
    json_out: JsonOption = False,
) -> None:
    """Correct what the machine extracted for one statement; every change is kept with who, when and why, beside the
    machine's value, and the pledge's checks are re-run on the corrected values."""
    from saydo.records import KINDS
    from saydo.resolve.regions import COUNTRY, all_codes
    from saydo.store.articles import find_statement
    from saydo.store.corrections import save_correction

    changes: list[tuple[str, object]] = []
    if restore:
        changes.append(("restore", True))
    if speaker is not None:
        if not speaker.strip():
            raise BadValue("--speaker is empty", hint="give the speaker's name as the article writes it")
        changes.append(("speaker", speaker.strip()))
    if actor is not None:
        changes.append(("actor", None if actor.strip() in ("", "-") else actor.strip().upper()))
    if kind is not None:
        if kind not in KINDS:
            raise BadValue(f"--kind {kind!r} is not a kind", hint=f"use one of: {', '.join(KINDS)}")
        changes.append(("kind", kind))
    if places is not None:
        codes = [] if places.strip() in ("", "-") else [p.strip().upper() for p in places.split(",") if p.strip()]
        known = all_codes() | {COUNTRY}
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise BadValue(f"--places has codes that are not Ukrainian regions: {', '.join(unknown)}",
                           hint="use ISO 3166-2:UA codes such as UA-30 (Kyiv City) or UA for all of Ukraine")
        changes.append(("places", codes))
    if window is not None:
        changes.append(("window", _window(window)))
    if not_a_statement:
        changes.append(("not_a_statement", True))
    if not changes:
        raise BadValue("nothing to correct", hint="give --speaker, --actor, --kind, --places, --window, "
                                                  "--not-a-statement or --restore")
    who = editor_name(editor)
    with open_store(db) as store:
        machine = find_statement(store, statement)
        edits = [save_correction(store, machine, field, value, editor=who, why=why) for field, value in changes]
        rechecked = [] if no_check else _recheck(store, machine.id)
    if json_out:
        print_json({"statement": machine.id, "edits": [e.to_json() for e in edits], "checks": rechecked})
        return
    for e in edits:
        shown = ("restored to the machine's values" if e.field == "restore"
                 else f"{e.field}: {e.machine!r} → {e.value!r}")
        console.print(f"{machine.id} {shown} (by {e.editor})", markup=False)
    if rechecked:
        verdicts = ", ".join(f"{c['source']} {c['verdict']}" for c in rechecked)
        console.print(f"Checks re-run: {verdicts}", markup=False)


@app.command("merge")
def merge(keep: Annotated[str, typer.Argument(help="The statement to keep.")],
          duplicate: Annotated[str, typer.Argument(help="The statement that says the same, merged into KEEP.")],
          why: WhyOption = "the same proposition reported twice",
          editor: EditorOption = None, db: DbOption = None, json_out: JsonOption = False) -> None:
    """Merge a duplicate statement into another: the duplicate leaves lists, exports and checks, and is kept as a
    further mention of the one kept."""
    from saydo.store.articles import find_statement
    from saydo.store.corrections import save_correction

    who = editor_name(editor)
    with open_store(db) as store:
        kept, dup = find_statement(store, keep), find_statement(store, duplicate)
        if kept.id == dup.id:
            raise BadValue("a statement can't be merged into itself", hint="give two different statement ids")
        edit = save_correction(store, dup, "merged_into", kept.id, editor=who, why=why)
        rechecked = _recheck(store, kept.id)
    if json_out:
        print_json({"kept": kept.id, "merged": dup.id, "edit": edit.to_json(), "checks": rechecked})
        return
    console.print(f"{dup.id} merged into {kept.id} (by {who})", markup=False)


@app.command("note")
def note(target: Annotated[str, typer.Argument(help="A check id (a verdict) or a statement id.")],
         text: Annotated[str, typer.Argument(help="The note.")],
         editor: EditorOption = None, db: DbOption = None, json_out: JsonOption = False) -> None:
    """Annotate a verdict or a statement; notes are shown beside it in pages and exports, never edited."""
    from saydo.store.articles import find_statement
    from saydo.store.corrections import save_note

    if not text.strip():
        raise BadValue("the note is empty", hint="write what a reader should know about this verdict")
    who = editor_name(editor)
    with open_store(db) as store:
        check = store.query("SELECT id, statement_id FROM checks WHERE id = ? OR id LIKE ? || '%' LIMIT 2",
                            [target, target]) if len(target) >= 6 else []
        if len(check) == 1:
            row = save_note(store, check_id=check[0]["id"], statement_id=check[0]["statement_id"], text=text.strip(),
                            editor=who)
        else:
            statement = find_statement(store, target)
            row = save_note(store, check_id=None, statement_id=statement.id, text=text.strip(), editor=who)
    if json_out:
        print_json(row)
        return
    on = f"check {row['check_id']}" if row["check_id"] else f"statement {row['statement_id']}"
    console.print(f"Note {row['id']} on {on} (by {who})", markup=False)


def _window(value: str) -> list[str | None]:
    if "/" not in value:
        raise BadValue(f"--window {value!r} has no '/'", hint="write START/END, e.g. 2023-01-06T12:00+03:00/"
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
                           hint="add the clock's offset, e.g. +03:00 for Moscow time") from None
        out.append(parsed.isoformat())
    if out[0] and out[1] and datetime.fromisoformat(out[1]) <= datetime.fromisoformat(out[0]):
        raise BadValue("the window ends before it starts", hint="write START/END with START first")
    return out


def _recheck(store, statement_id: str) -> list[dict]:
    """Re-run the checks of one statement on its corrected values (nothing when it is no longer a pledge)."""
    from saydo import pipeline
    from saydo.store.articles import load_statements

    current = load_statements(store, ids=[statement_id], kind="pledge")
    if not current:
        return []
    checks, _ = pipeline.check_statements(store, current)
    return [{"source": c.source, "verdict": c.verdict} for c in checks]
