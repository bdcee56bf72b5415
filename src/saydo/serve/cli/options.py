"""Options and output helpers every verb shares, so flags and exit codes mean the same everywhere.

Exit codes, for every verb that loads files (docs/cli.md, "Exit codes"):

- ``0``: everything given was loaded (rows already stored count as loaded);
- ``2``: bad input: an option, a file that can't be used (missing, empty, binary, wrong header, no row loads), or
  rows of an observation file that were rejected (the work still finishes: good rows load, each bad one is in the
  rejects table, stderr has one line per file);
- ``3``: saydo itself failed (a bug: the traceback is printed).

A bad row gets the same code as a bad file, as the first CLI contract said; stderr and ``--json`` tell them apart.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from saydo.errors import SaydoError
from saydo.store import Store, default_db_path

EXIT_OK, EXIT_BAD_INPUT, EXIT_INTERNAL = 0, 2, 3

DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", help="DuckDB file to use (default: $SAYDO_DB, else ./saydo.duckdb).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def lock_wait() -> float:
    """Seconds a command waits for a database another process holds: ``SAYDO_LOCK_WAIT``, else 10."""
    import os

    try:
        return max(0.0, float(os.environ.get("SAYDO_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


def open_store(db: Path | None, *, read_only: bool = False) -> Store:
    """The store for a command: read-only commands open it read-only (so they run beside other readers, such as
    a read-only server); both wait ``lock_wait()`` seconds for a writer and say so on stderr."""
    def tell(message: str) -> None:
        err_console.print(f"saydo: {message}", highlight=False, markup=False)

    return Store(default_db_path(db), read_only=read_only, lock_wait=lock_wait(), on_wait=tell)


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def show_progress() -> bool:
    """Progress bars only for a person at a terminal."""
    return sys.stderr.isatty()


def rejected_rows_notes(store: Store, reports) -> list[str]:
    """One line per observation file with rejected rows: how many, and the first bad line with its reason. A file
    loaded before says so again, so a reload gives the same answer (and exit code) as the first load."""
    from saydo.ingest.observations.base import first_reject_text

    notes = []
    for report in reports:
        if report.rejected:
            detail = first_reject_text(store, report.file)
            notes.append(f"saydo: {report.file}: {report.rejected} row(s) rejected, {report.loaded} loaded{detail} "
                         f"(see `saydo rejects --file {report.file}`)")
    return notes


def finish(errors: list[SaydoError], reports=(), notes: list[str] = ()) -> None:
    """Print the notes and errors on stderr, one line each, then exit by the one rule above."""
    for note in notes:
        err_console.print(note, highlight=False, markup=False, soft_wrap=True)
    for exc in errors:
        typer.echo(f"saydo: {exc.line()}", err=True)
    if errors or any(r.rejected for r in reports):
        raise typer.Exit(EXIT_BAD_INPUT)
