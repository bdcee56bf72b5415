"""The ``saydo`` command line: a thin layer that parses arguments and calls the library.

Each verb lives in a module of its own and registers itself on ``app`` in ``_register``. Any ``SaydoError`` becomes one
line on stderr and exit code 2, never a traceback; anything else is a bug: its traceback and exit code 3, so a script
never mistakes it for bad input. The rule is in ``options``.
"""

from __future__ import annotations

import sys
import traceback

import typer

from saydo.errors import SaydoError

app = typer.Typer(
    name="saydo",
    help="Check what parties to a war say against what they observably do.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
ingest_app = typer.Typer(help="Load articles or observation files into the store.", no_args_is_help=True)
app.add_typer(ingest_app, name="ingest")


def _register() -> None:
    from saydo.serve.cli import commands  # noqa: F401  (each module adds its verbs to ``app``)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point."""
    _register()
    try:
        app(args=argv, prog_name="saydo")
    except SaydoError as exc:
        typer.echo(f"saydo: {exc.line()}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("saydo: interrupted", err=True)
        sys.exit(130)
    except Exception:  # a bug, not bad input: keep the traceback, and an exit code no other outcome uses
        traceback.print_exc()
        typer.echo("saydo: internal error (a bug in saydo; please report it with the traceback above)", err=True)
        sys.exit(3)
