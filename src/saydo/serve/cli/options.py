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
LearnedKindsOption = Annotated[bool, typer.Option(
    "--learned-kinds", help="Also ask the learned kind classifier: a statement the rules call a claim only by default "
                            "becomes a pledge when it reads like one (more pledges found, more false ones: "
                            "docs/extraction.md).")]
ProcessesOption = Annotated[int, typer.Option(
    "--processes", min=1, help="Parse and extract in this many processes (forked workers, each building its own "
                               "statements; the same statements in the same order as with 1).")]
EngineOption = Annotated[Optional[str], typer.Option(
    "--engine", help="duckdb (default) or spark: where observations are loaded and queried, and extraction runs "
                     "(default: $SAYDO_ENGINE, else duckdb).", show_default=False)]
SparkMasterOption = Annotated[Optional[str], typer.Option(
    "--spark-master", help="Spark master for --engine spark, e.g. local[4], spark://host:7077, yarn (default: "
                           "$SAYDO_SPARK_MASTER, else spark-submit's, else local[*]).", show_default=False)]
WarehouseOption = Annotated[Optional[str], typer.Option(
    "--warehouse", help="Folder or URI (s3a://...) of the Parquet warehouse for --engine spark (default: "
                        "$SAYDO_WAREHOUSE, else ./saydo-warehouse).", show_default=False)]

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def engine_choice(engine: str | None, master: str | None = None, warehouse: str | None = None):
    """The engine a verb runs on (``saydo.store.engine.choose``); Spark options without Spark are a mistake."""
    from saydo.errors import BadValue
    from saydo.store.engine import choose

    choice = choose(engine, master=master, warehouse=warehouse)
    if not choice.spark and (master or warehouse):
        given = "--spark-master" if master else "--warehouse"
        raise BadValue(f"{given} is for the spark engine", hint="add --engine spark (or set SAYDO_ENGINE=spark)")
    return choice


def lock_wait() -> float:
    """Seconds a command waits for a database another process holds: ``SAYDO_LOCK_WAIT``, else 10."""
    import os

    try:
        return max(0.0, float(os.environ.get("SAYDO_LOCK_WAIT", "10")))
    except ValueError:
        return 10.0


def open_store(db: Path | None, *, read_only: bool = False, engine=None) -> Store:
    """The store for a command: read-only commands open it read-only (so they run beside other readers, such as
    a read-only server); both wait ``lock_wait()`` seconds for a writer and say so on stderr. With the chosen engine
    (``engine_choice``) attached for its observation queries."""
    def tell(message: str) -> None:
        err_console.print(f"saydo: {message}", highlight=False, markup=False)

    store = Store(default_db_path(db), read_only=read_only, lock_wait=lock_wait(), on_wait=tell)
    if engine is not None and engine.spark:
        from saydo.store.engine import attach

        try:
            attach(store, engine)
        except BaseException:
            store.close()
            raise
    return store


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
