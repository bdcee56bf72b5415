"""`saydo check` (check stored pledges against the observations loaded) and `saydo export`."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import typer

from saydo import pipeline
from saydo.serve.cli import app
from saydo.serve.cli.options import DbOption, JsonOption, console, open_store, print_json
from saydo.serve.cli.render import checks_table, explanation_panels, untestable_table
from saydo.serve.cli.run import WindowOption, _parse_date


@app.command()
def check(db: DbOption = None, json_out: JsonOption = False, window_days: WindowOption = 14,
          as_of: Annotated[Optional[str], typer.Option("--as-of", help="Use only data up to this date "
                                                                         "(YYYY-MM-DD).")] = None) -> None:
    """Check every stored pledge against every alert source loaded."""
    as_of_dt = None
    if as_of:
        as_of_dt = datetime.combine(_parse_date(as_of, "--as-of"), datetime.min.time(), tzinfo=timezone.utc)
    with open_store(db) as store:
        pledges = pipeline.stored_statements(store, kind="pledge")
        checks, untestable = pipeline.check_statements(store, pledges, window_days=window_days, as_of=as_of_dt)
        result = pipeline.RunResult(statements=pledges, checks=checks, untestable=untestable)
        if json_out:
            print_json(result.to_json())
        else:
            by_id = {s.id: s for s in pledges}
            console.print(checks_table(checks, by_id))
            for panel in explanation_panels(checks):
                console.print(panel)
            if untestable:
                console.print(untestable_table(untestable))
            reused = sum(c.reused for c in checks)
            console.print(f"{len(checks) - reused} check(s) computed, {reused} unchanged since the last run (the "
                          f"rows they read are the same).")


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="claimreview, jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[Optional[Path], typer.Option("--out", help="File to write (a folder for claimreview).")]
    = None,
    db: DbOption = None,
) -> None:
    """Export statements with their latest checks, or ClaimReview JSON-LD per checked pledge."""
    from saydo.export import export

    default = {"claimreview": "saydo-claimreview", "jsonl": "saydo.jsonl", "csv": "saydo.csv",
               "parquet": "saydo.parquet"}
    with open_store(db, read_only=False) as store:
        written = export(store, fmt, out or Path(default.get(fmt, "saydo.out")))
    target = (out or Path(default[fmt])).resolve()
    if fmt == "claimreview":
        console.print(f"{len(written)} ClaimReview file(s) written under {target}")
    else:
        console.print(f"Written: {target}")


@app.command("report")
def report(out: Annotated[Path, typer.Option("--out", help="Folder for report.html.")] = Path("saydo-report"),
           db: DbOption = None) -> None:
    """Write a self-contained HTML report of all checks, charts inline, readable offline."""
    from saydo.export.report import write_report

    with open_store(db) as store:
        target = write_report(store, out)
    console.print(f"Report: {target.resolve()}")


@app.command("history")
def history_cmd(statement: Annotated[str, typer.Argument(help="Statement id (from --json output or saydo export).")],
                db: DbOption = None, json_out: JsonOption = False) -> None:
    """Show every stored verdict of a pledge, e.g. too_early -> kept -> broken as data arrived (--as-of runs)."""
    from rich.table import Table

    from saydo.errors import NotFound
    from saydo.store.checks import history

    with open_store(db, read_only=True) as store:
        rows = history(store, statement)
    if not rows:
        raise NotFound(f"no check stored for statement {statement!r}", hint="run `saydo check` first, or see the "
                                                                              "ids in `saydo run --json`")
    if json_out:
        print_json(rows)
        return
    table = Table(title=f"Verdict history of {statement}")
    for col in ("source", "data as of", "checked at", "verdict"):
        table.add_column(col)
    for r in rows:
        table.add_row(r["source"], str(r["as_of"] or "all data"), f"{r['run_at']:%Y-%m-%d %H:%M}", r["verdict"])
    console.print(table)
