"""`saydo ingest observations FILE...` and `saydo observations summary`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from saydo.serve.cli import app, ingest_app
from saydo.serve.cli.options import (
    DbOption,
    EngineOption,
    JsonOption,
    SparkMasterOption,
    WarehouseOption,
    console,
    engine_choice,
    err_console,
    finish,
    open_store,
    print_json,
    rejected_rows_notes,
)
from saydo.serve.cli.render import loads_table

observations_app = typer.Typer(help="What the observation table holds.", no_args_is_help=True)
app.add_typer(observations_app, name="observations")


@ingest_app.command("observations")
def ingest_observations(
    files: Annotated[list[Path], typer.Argument(help="Observation files.", show_default=False)],
    fmt: Annotated[str | None, typer.Option("--format", help="Format name; detected from the header when "
                                                             "omitted.")] = None,
    source: Annotated[str | None, typer.Option("--source", help="Store rows under this source name instead of "
                                                                "the format's.")] = None,
    mapping: Annotated[Path | None, typer.Option("--mapping", help="TOML file naming the columns of any CSV "
                                                                   "(implies --format csv).")] = None,
    boundaries: Annotated[Path | None, typer.Option("--boundaries", help="ADM1 GeoJSON (features with shapeISO) "
                                                                         "for point-in-oblast lookups.")] = None,
    db: DbOption = None, json_out: JsonOption = False, engine: EngineOption = None,
    spark_master: SparkMasterOption = None, warehouse: WarehouseOption = None,
) -> None:
    """Load observation files into the one observation table (a territory series into its own); print loaded /
    rejected / duplicate rows.

    Exit 0 when every row loaded; 1 when a file had bad rows (the rest loaded; `saydo rejects` lists them); 2 when a
    file can't be read or no row of it loads (one line on stderr; the other files still load)."""
    from saydo.errors import MissingFile, SaydoError
    from saydo.ingest.observations import load_observations
    from saydo.resolve import geo

    if boundaries is not None:
        if not boundaries.is_file():
            raise MissingFile("boundary file not found", where=str(boundaries), hint="give an ADM1 GeoJSON file")
        geo.configure(boundaries)
    reports, errors = [], []
    choice = engine_choice(engine, spark_master, warehouse)
    try:
        with open_store(db, engine=choice) as store:
            if choice.spark:  # every file in one Spark job (a file Spark does not read loads as on DuckDB)
                from saydo.ingest.observations.spark import load_files

                reports, errors = load_files(store, files, fmt=fmt, source=source, mapping=mapping)
            for path in files if not choice.spark else ():
                try:
                    reports.append(load_observations(store, path, fmt=fmt, source=source, mapping=mapping,
                                                     progress=_progress_for(path)))
                except SaydoError as exc:
                    errors.append(exc)
            notes = rejected_rows_notes(store, reports)
    finally:
        geo.configure(None)
    if json_out:
        print_json([r.to_json() for r in reports])
    elif reports:
        console.print(loads_table(reports))
    finish(errors, reports, notes)


def _progress_for(path: Path):
    """A rich progress line with rows/s on stderr, for a person at a terminal only."""
    from saydo.serve.cli.options import show_progress

    if not show_progress():
        return None
    from rich.progress import Progress, TextColumn, TimeElapsedColumn

    progress = Progress(TextColumn("[bold]{task.description}"), TextColumn("{task.completed:,} rows"),
                        TextColumn("{task.fields[rate]:,.0f} rows/s"), TimeElapsedColumn(), transient=True,
                        console=err_console)
    task = progress.add_task(str(path.name), total=None, rate=0.0)
    progress.start()

    def update(rows: int) -> None:
        elapsed = progress.tasks[0].elapsed or 1e-9
        progress.update(task, completed=rows, rate=rows / elapsed)

    update.stop = progress.stop  # type: ignore[attr-defined]
    return update


@observations_app.command("summary")
def summary(db: DbOption = None, json_out: JsonOption = False, engine: EngineOption = None,
            spark_master: SparkMasterOption = None, warehouse: WarehouseOption = None) -> None:
    """Per source: rows, period covered, regions covered and gaps (days with no rows)."""
    from saydo.store.coverage import coverage

    with open_store(db, engine=engine_choice(engine, spark_master, warehouse)) as store:
        found = coverage(store)
    if json_out:
        print_json([c.to_json() for c in found])
        return
    table = Table(title="Observations by source", expand=True)
    for col in ("source", "rows", "period", "regions", "days with rows", "gaps (days with no rows)"):
        table.add_column(col, overflow="fold")
    for c in found:
        gaps = ", ".join(f"{a}" if a == b else f"{a}..{b}" for a, b in c.gaps[:5])
        if len(c.gaps) > 5:
            gaps += f" and {len(c.gaps) - 5} more"
        table.add_row(c.source, f"{c.rows:,}", f"{c.first} .. {c.last}", f"{len(c.regions)}: {' '.join(c.regions)}",
                      str(c.days_with_rows), f"{c.gap_days} day(s)" + (f": {gaps}" if gaps else ""))
    console.print(table)
