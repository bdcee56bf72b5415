"""`saydo check` (check stored pledges against the observations loaded) and `saydo export`."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Annotated, Optional

import typer

from saydo import pipeline
from saydo.serve.cli import app
from saydo.serve.cli.listing import ActorOpt, FromOpt, RegionOpt, ToOpt, filtered_ids
from saydo.serve.cli.options import (
    DbOption,
    EngineOption,
    JsonOption,
    SparkMasterOption,
    WarehouseOption,
    console,
    engine_choice,
    open_store,
    print_json,
)
from saydo.serve.cli.render import checks_table, explanation_panels, untestable_table
from saydo.serve.cli.run import WindowOption, _parse_date

ScenarioOption = Annotated[Optional[str], typer.Option(
    "--scenario", help="Name for an exploratory run with --as-of or --window-days (default: named after them).",
    show_default=False)]


@app.command()
def check(db: DbOption = None, json_out: JsonOption = False, window_days: WindowOption = 14,
          as_of: Annotated[Optional[str], typer.Option("--as-of", help="Use only data up to this date "
                                                                         "(YYYY-MM-DD).")] = None,
          scenario: ScenarioOption = None, engine: EngineOption = None, spark_master: SparkMasterOption = None,
          warehouse: WarehouseOption = None) -> None:
    """Check every stored pledge against every observation source loaded.

    Without options the results are the published verdicts (all data, default windows). With --as-of or
    --window-days the run is an exploratory scenario: stored beside the published verdicts, shown in history and on
    the check page, never in exports, the report or the pledge list unless asked for."""
    from saydo.errors import BadValue
    from saydo.store.checks import scenario_name

    as_of_dt = None
    if as_of:
        as_of_dt = datetime.combine(_parse_date(as_of, "--as-of"), datetime.min.time(), tzinfo=timezone.utc)
    if scenario is not None and scenario_name(as_of=as_of_dt, window_days=window_days) is None:
        raise BadValue("--scenario names an exploratory run", hint="give --as-of or --window-days with it; a run "
                                                                   "without them is the published one")
    if scenario is not None and not scenario.strip():
        raise BadValue("--scenario is empty", hint="give a name, e.g. --scenario 'first week'")
    choice = engine_choice(engine, spark_master, warehouse)
    with open_store(db, engine=choice) as store:
        pledges = pipeline.pledges_to_check(store)
        checks, untestable = pipeline.check_statements(store, pledges, window_days=window_days, as_of=as_of_dt,
                                                       scenario=scenario and scenario.strip())
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
            name = scenario_name(as_of=as_of_dt, window_days=window_days, name=scenario)
            if name:
                console.print(f"Stored as the scenario “{name}”: the published verdicts are unchanged (see "
                              f"`saydo history` or `saydo export --scenario '{name}'`).", markup=False)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", help="claimreview, jsonl, csv or parquet.")] = "jsonl",
    out: Annotated[Optional[Path], typer.Option("--out", help="File to write (a folder for claimreview).")]
    = None,
    scenario: Annotated[Optional[str], typer.Option("--scenario", help="Export this scenario's results instead of "
                                                                       "the published verdicts.",
                                                    show_default=False)] = None,
    actor: ActorOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="Only statements of this kind.",
                                                show_default=False)] = None,
    verdict: Annotated[Optional[str], typer.Option("--verdict", help="Only statements with this latest verdict on "
                                                                     "a source (or unchecked).",
                                                   show_default=False)] = None,
    region: RegionOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only statements with these words.",
                                                  show_default=False)] = None,
    db: DbOption = None,
) -> None:
    """Export statements with their latest published checks (or a scenario's), or ClaimReview JSON-LD per checked
    pledge."""
    from saydo.errors import NotFound
    from saydo.export import export
    from saydo.store.checks import scenarios

    default = {"claimreview": "saydo-claimreview", "jsonl": "saydo.jsonl", "csv": "saydo.csv",
               "parquet": "saydo.parquet"}
    with open_store(db, read_only=True) as store:
        if scenario is not None and scenario not in {r["scenario"] for r in scenarios(store)}:
            known = ", ".join(repr(r["scenario"]) for r in scenarios(store)) or "none"
            raise NotFound(f"no scenario {scenario!r}", hint=f"stored scenarios: {known}")
        ids = None
        if any(v is not None for v in (actor, kind, verdict, region, date_from, date_to, search)):
            ids = filtered_ids(store, actor=actor, kind=kind, verdict=verdict, region=region, date_from=date_from,
                               date_to=date_to, search=search)
        written = export(store, fmt, out or Path(default.get(fmt, "saydo.out")), scenario=scenario,
                         statement_ids=ids)
    target = (out or Path(default[fmt])).resolve()
    if fmt == "claimreview":
        console.print(f"{len(written)} ClaimReview file(s) written under {target}")
    else:
        console.print(f"Written: {target}")


@app.command("report")
def report(out: Annotated[Path, typer.Option("--out", help="Folder for report.html.")] = Path("saydo-report"),
           db: DbOption = None, engine: EngineOption = None, spark_master: SparkMasterOption = None,
           warehouse: WarehouseOption = None) -> None:
    """Write a self-contained HTML report of all checks, charts inline, readable offline. With --engine spark the
    charts' daily series are read from the warehouse too."""
    from saydo.export.report import write_report

    with open_store(db, read_only=True, engine=engine_choice(engine, spark_master, warehouse)) as store:
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
    table = Table(title=f"Verdict history of {statement}", box=None)
    for col in ("run", "source", "data as of", "checked at", "verdict"):
        table.add_column(col, overflow="ellipsis")
    for r in rows:
        table.add_row(r["scenario"] or "published", r["source"], str(r["as_of"] or "all data")[:10],
                      f"{r['run_at']:%Y-%m-%d %H:%M}", r["verdict"].replace("_", " "))
    console.print(table)
