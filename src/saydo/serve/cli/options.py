"""Options and output helpers every verb shares, so flags mean the same everywhere."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from saydo.store import Store, default_db_path

DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", help="DuckDB file to use (default: $SAYDO_DB, else ./saydo.duckdb).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print machine-readable JSON instead of tables.")]

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


def open_store(db: Path | None, *, read_only: bool = False) -> Store:
    return Store(default_db_path(db), read_only=read_only)


def print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, default=str) + "\n")


def show_progress() -> bool:
    """Progress bars only for a person at a terminal."""
    return sys.stderr.isatty()
