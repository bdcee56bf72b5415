"""`saydo ingest observations FILE...` and `saydo observations summary`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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
    delimiter: Annotated[str | None, typer.Option("--delimiter", help="The field delimiter: ',', ';' or 'tab'; "
                                                                      "sniffed from the header when omitted.")] = None,
    boundaries: Annotated[Path | None, typer.Option("--boundaries", help="ADM1 GeoJSON (features with shapeISO) "
                                                                         "for point-in-oblast lookups.")] = None,
    db: DbOption = None, json_out: JsonOption = False, engine: EngineOption = None,
    spark_master: SparkMasterOption = None, warehouse: WarehouseOption = None,
) -> None:
    """Load observation files into the one observation table (a territory series into its own); print loaded /
    rejected / duplicate rows.

    Exit 0 when every row loaded; 1 when a file had bad rows (the rest loaded; `saydo rejects` lists them); 2 when a
    file can't be read or no row of it loads (one line on stderr; the other files still load)."""
    from saydo.errors import BadValue, MissingFile, SaydoError, UnreadableFile
    from saydo.ingest.observations import load_observations

    if delimiter is not None:
        named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";"}
        delimiter = named.get(delimiter.lower(), delimiter)
        if delimiter not in (",", ";", "\t"):
            raise BadValue(f"--delimiter {delimiter!r} is not one saydo reads", hint="use ',', ';' or tab")
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

                reports, errors = load_files(store, files, fmt=fmt, source=source, mapping=mapping,
                                             delimiter=delimiter)
            for path in files if not choice.spark else ():
                try:
                    reports.append(load_observations(store, path, fmt=fmt, source=source, mapping=mapping,
                                                     delimiter=delimiter, progress=_progress_for(path)))
                except SaydoError as exc:
                    errors.append(exc)
                except (OSError, UnicodeError) as exc:  # the file went away or can't be read: coded, go on
                    errors.append(UnreadableFile(f"can't read the file: {exc}"[:300], where=str(path)))
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
    from saydo.store.articles import unfinished_articles
    from saydo.store.coverage import coverage

    with open_store(db, read_only=True, engine=engine_choice(engine, spark_master, warehouse)) as store:
        found = coverage(store)
        unfinished = unfinished_articles(store)
    if unfinished:  # on stderr, so the JSON on stdout keeps its shape
        err_console.print(f"saydo: the store holds an unfinished article batch: {len(unfinished)} article(s) stored "
                          f"without their statements (first: {unfinished[0]['name']}); finish it with `saydo ingest "
                          f"articles --resume`", highlight=False, markup=False, soft_wrap=True)
    if json_out:
        print_json([c.to_json() for c in found])
        return
    console.print("Observations by source", style="bold")
    for c in found:  # each line wraps at word boundaries at any width
        gaps = ", ".join(f"{a}" if a == b else f"{a}..{b}" for a, b in c.gaps[:5])
        if len(c.gaps) > 5:
            gaps += f" and {len(c.gaps) - 5} more"
        console.print(f"[bold]{c.source}[/]: {c.rows:,} rows, {c.first} to {c.last}, {c.days_with_rows:,} days with "
                      f"rows; {c.gap_days} day(s) with no row in any region" + (f" ({gaps})" if gaps else ""))
        console.print(f"    {len(c.regions)} regions: {' '.join(c.regions)}", markup=False)
