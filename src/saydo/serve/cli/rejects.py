"""`saydo rejects`: the rows and files that could not be loaded, with their reasons."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

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
    console.print(f"Rejected records ({len(rows)} shown)", style="bold")
    for r in rows:  # the reason wraps at word boundaries; the raw row is cut at the edge (--json has it whole)
        where = f"{r['file']}:{r['line']}" if r["line"] else r["file"]
        console.print(Text(f"{where}: {r['reason']}"))
        if r["raw"]:
            console.print(Text("    " + " ".join(str(r["raw"]).split())[:500], style="dim"), no_wrap=True,
                          overflow="ellipsis")
