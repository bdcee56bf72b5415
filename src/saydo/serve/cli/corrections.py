"""`saydo correct`, `saydo merge` and `saydo note`: an editor's corrections and notes, kept as an audited overlay."""

from __future__ import annotations

import getpass
import os
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
    from saydo import editing

    changes = editing.changes_from(speaker=speaker, actor=actor, kind=kind, places=places, window=window,
                                   not_a_statement=not_a_statement, restore=restore)
    with open_store(db) as store:
        statement_id, edits, rechecked = editing.correct(store, statement, changes, editor=editor_name(editor),
                                                         why=why, recheck=not no_check)
    if json_out:
        print_json({"statement": statement_id, "edits": [e.to_json() for e in edits], "checks": rechecked})
        return
    for e in edits:
        shown = ("restored to the machine's values" if e.field == "restore"
                 else f"{e.field}: {e.machine!r} → {e.value!r}")
        console.print(f"{statement_id} {shown} (by {e.editor})", markup=False)
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
    from saydo import editing

    who = editor_name(editor)
    with open_store(db) as store:
        kept, merged, edit = editing.merge(store, keep, duplicate, editor=who, why=why)
    if json_out:
        print_json({"kept": kept, "merged": merged, "edit": edit.to_json()})
        return
    console.print(f"{merged} merged into {kept} (by {who})", markup=False)


@app.command("note")
def note(target: Annotated[str, typer.Argument(help="A check id (a verdict) or a statement id.")],
         text: Annotated[str, typer.Argument(help="The note.")],
         editor: EditorOption = None, db: DbOption = None, json_out: JsonOption = False) -> None:
    """Annotate a verdict or a statement; notes are shown beside it in pages and exports, never edited."""
    from saydo import editing

    who = editor_name(editor)
    with open_store(db) as store:
        row = editing.note(store, target, text, editor=who)
    if json_out:
        print_json(row)
        return
    on = f"check {row['check_id']}" if row["check_id"] else f"statement {row['statement_id']}"
    console.print(f"Note {row['id']} on {on} (by {who})", markup=False)
