"""`saydo rejects`: the rows and files that could not be loaded, with their reasons."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from saydo.serve.cli import app
from saydo.serve.cli.options import DbOption, JsonOption, console, open_store, print_json
from saydo.store.observations import list_rejects


@app.command()
def rejects(db: DbOption = None, json_out: JsonOption = False,
            file: Annotated[Path | None, typer.Option("--file", help="Only rejects from this file.")] = None,
            limit: Annotated[int, typer.Option("--limit", min=1, help="Show at most this many.")] = 100) -> None:
    """List rejected records: file, line and the reason each could not be loaded."""
    with open_store(db, read_only=True) as store:
        rows = list_rejects(store, file=str(file) if file else None, limit=limit)
    if json_out:
        print_json(rows)
        return
    table = Table(title=f"Rejected records ({len(rows)} shown)", expand=True)
    for col in ("file", "line", "reason", "raw"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(r["file"], str(r["line"] or ""), r["reason"], (r["raw"] or "")[:80])
    console.print(table)
