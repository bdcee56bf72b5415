"""`saydo run`, `saydo extract`, `saydo ingest articles`, `saydo demo`."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from saydo import pipeline
from saydo.errors import BadValue
from saydo.serve.cli import app, ingest_app
from saydo.serve.cli.options import (
    DbOption,
    EngineOption,
    JsonOption,
    LearnedKindsOption,
    ProcessesOption,
    SparkMasterOption,
    WarehouseOption,
    console,
    engine_choice,
    finish,
    open_store,
    print_json,
    rejected_rows_notes,
)
from saydo.serve.cli.render import (
    checks_table,
    explanation_panels,
    loads_table,
    statements_table,
    untestable_table,
    verdict_lines,
)

Files = Annotated[list[Path], typer.Argument(help="Article files (.txt or .html).", show_default=False)]
Inputs = Annotated[list[str], typer.Argument(help="Article files (.txt, .html), folders, tables of articles (.csv, "
                                                  ".jsonl), feeds (.rss, .atom, .xml) or, with --fetch, URLs.",
                                             show_default=False)]
FetchOption = Annotated[bool, typer.Option("--fetch", help="Fetch http(s) URLs given as inputs (off by default: saydo "
                                                           "works offline).")]
DateOption = Annotated[Optional[str], typer.Option("--date", help="Publication date YYYY-MM-DD for files without one.")]
WindowOption = Annotated[int, typer.Option("--window-days", min=1, max=365,
                                           help="Days before and after the pledge's start to compare.")]
AlertsOption = Annotated[Optional[list[Path]], typer.Option("--alerts", help="Observation file(s) to load first "
                                                                                "(format detected from the header).")]


def _parse_date(value: str | None, option: str = "--date") -> date | None:
    if value is None:
        return None
    from saydo.ingest.articles import check_date

    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{option} {value!r} is not a date", hint="use YYYY-MM-DD") from None
    return check_date(day, where=option, what="the date")


@app.command()
def run(files: Inputs, alerts: AlertsOption = None, db: DbOption = None, json_out: JsonOption = False,
        date_: DateOption = None, window_days: WindowOption = 14,
        out: Annotated[Optional[Path], typer.Option("--out", help="Also write the JSON result to this file.")] = None,
        engine: EngineOption = None, spark_master: SparkMasterOption = None, warehouse: WarehouseOption = None,
        learned_kinds: LearnedKindsOption = False) -> None:
    """Ingest articles and alert logs, extract statements, check every testable pledge."""
    published = _parse_date(date_)
    choice = engine_choice(engine, spark_master, warehouse)
    with open_store(db, engine=choice) as store:
        result = pipeline.run(store, files, alert_paths=alerts or [], published=published, window_days=window_days,
                              learned_kinds=learned_kinds)
        notes = rejected_rows_notes(store, result.loads)
        if not result.articles:
            finish(result.errors, result.loads, notes)
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(result.to_json(), ensure_ascii=False, indent=2, default=str) + "\n",
                           encoding="utf-8")
        if json_out:
            print_json(result.to_json())
        else:
            _print_result(result, store.path, out)
    warn(result.warnings)
    finish(result.errors, result.loads, notes)


def _print_result(result: pipeline.RunResult, db_path: Path, out: Path | None) -> None:
    if result.loads:
        console.print(loads_table(result.loads))
    console.print(statements_table(result.statements))
    by_id = {s.id: s for s in result.statements}
    if result.checks:
        console.print(checks_table(result.checks, by_id))
        for panel in explanation_panels(result.checks):
            console.print(panel)
        console.print(verdict_lines(result.verdicts, by_id))
    elif not [s for s in result.statements if s.kind == "pledge"]:
        console.print("No pledges found, so nothing to check.")
    if result.untestable:
        console.print(untestable_table(result.untestable))
    console.print(f"Database: {db_path.resolve()}", soft_wrap=True)  # a path is printed whole, never folded
    if out:
        console.print(f"JSON result: {out.resolve()}", soft_wrap=True)


@app.command()
def extract(files: Inputs, json_out: JsonOption = False, date_: DateOption = None, fetch: FetchOption = False,
            engine: EngineOption = None, spark_master: SparkMasterOption = None, warehouse: WarehouseOption = None,
            learned_kinds: LearnedKindsOption = False, processes: ProcessesOption = 1) -> None:
    """Extract statements from articles without storing anything; --json prints one JSON object per line. With
    --engine spark the articles are read and extracted on Spark and the statements also written to the warehouse."""
    published = _parse_date(date_)
    choice = engine_choice(engine, spark_master, warehouse)
    if choice.spark:
        if processes != 1:
            raise BadValue("--processes is for the duckdb engine", hint="on Spark the executors share the work: "
                                                                        "set --spark-master, e.g. local[4]")
        statements, errors = _extract_on_spark(files, choice, published, fetch, learned_kinds)
    else:
        articles, errors, warnings = pipeline.read_articles(None, files, published=published, fetch=fetch)
        warn(warnings)
        statements = pipeline.extract_articles(None, articles, learned_kinds=learned_kinds,
                                               n_process=processes) if articles else []
    if json_out:
        for s in statements:
            print_json(s.to_json())
    else:
        console.print(statements_table(statements))
    finish(errors)


def _extract_on_spark(inputs: list[str], choice, published, fetch: bool, learned: bool = False):
    """``saydo extract --engine spark``: statements in input order and the inputs' errors (warnings printed)."""
    from saydo.extract.spark import extract_inputs
    from saydo.store.spark import SparkEngine

    if fetch:
        raise BadValue("--fetch is not for the spark engine", hint="fetch the pages with the duckdb engine, or save "
                                                                  "them as files first")
    engine = SparkEngine(None, master=choice.master, warehouse=choice.warehouse)
    results, notes = extract_inputs(engine, inputs, published=published, write=True, learned=learned)
    warn([("", note) for note in notes] + [(r.label, w) for r in results for w in r.warnings])
    return [s for r in results for s in r.statements], [r.error for r in results if r.error is not None]


@ingest_app.command("articles")
def ingest_articles(inputs: Annotated[Optional[list[str]], Inputs.__metadata__[0]] = None, db: DbOption = None,
                    json_out: JsonOption = False, date_: DateOption = None, fetch: FetchOption = False,
                    resume: Annotated[bool, typer.Option("--resume", help="Also extract the articles an interrupted "
                                                                          "batch stored without statements.")] = False,
                    engine: EngineOption = None, spark_master: SparkMasterOption = None,
                    warehouse: WarehouseOption = None, learned_kinds: LearnedKindsOption = False) -> None:
    """Store articles and the statements extracted from them (same text twice changes nothing).

    Takes files, folders (recursively, by extension), CSV or JSON Lines tables of articles, RSS/Atom feeds and, with
    --fetch, URLs. Warns per article (no date, no statement found); an input that can't be read is kept in rejects
    and the others still load; exit 2 when any input was rejected, else 0. Each article's statements are stored in
    one step; a batch stopped half way (`saydo observations summary` says so) is finished by `--resume` (with the
    same inputs, or none), or by giving the same inputs again."""
    from saydo.extract import extraction_note

    published = _parse_date(date_)
    if not inputs and not resume:
        raise BadValue("no article inputs given", hint="name them, or pass --resume to finish an interrupted batch")
    empty: list[tuple[str, str]] = []

    def note_empty(article, extracted) -> None:
        if not extracted:
            why = extraction_note(article, [])
            empty.append((pipeline.article_label(article), f"no statement found{': ' + why if why else ''}"))

    choice = engine_choice(engine, spark_master, warehouse)
    with open_store(db, engine=choice) as store, Steps() as steps:
        steps.start("reading articles")
        articles, errors, warnings = pipeline.read_articles(store, inputs or [], published=published, fetch=fetch,
                                                            progress=lambda _label: steps.advance())
        steps.start("extracting statements", total=len(articles))
        statements = pipeline.extract_articles(store, articles, progress=lambda _i: steps.advance(),
                                               each=note_empty, learned_kinds=learned_kinds) if articles else []
        resumed: list[str] = []
        if resume:
            from saydo.store.articles import unfinished_articles

            resumed = sorted(row["name"] for row in unfinished_articles(store))
            statements += pipeline.resume_articles(store)
    warnings += empty
    if json_out:
        print_json({"articles": [a.name for a in articles], "statements": len(statements),
                    "warnings": [{"input": label, "warning": text} for label, text in warnings],
                    "errors": [e.line() for e in errors], "resumed": resumed})
    else:
        console.print(f"{len(articles)} article(s) stored, {len(statements)} statement(s) extracted, "
                      f"{len(errors)} input(s) rejected, {len(warnings)} warning(s)"
                      f"{f', {len(resumed)} unfinished article(s) resumed' if resume else ''}.", markup=False)
    warn(warnings)
    finish(errors)


def warn(warnings: list[tuple[str, str]]) -> None:
    """One line on stderr per warning: an article that loaded but that a reader should know about."""
    from saydo.serve.cli.options import err_console

    for label, text in warnings:
        err_console.print(f"saydo: warning: {label + ': ' if label else ''}{text}", markup=False, soft_wrap=True)


class Steps:
    """A progress line on stderr for a person at a terminal, one step at a time; nothing when output is piped."""

    def __enter__(self) -> "Steps":
        from saydo.serve.cli.options import err_console, show_progress

        self.bar = self.task = None
        if show_progress():
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TimeElapsedColumn(), console=err_console, transient=True)
            self.bar.start()
        return self

    def start(self, what: str, total: int | None = None) -> None:
        if self.bar is not None:
            if self.task is not None:
                self.bar.remove_task(self.task)
            self.task = self.bar.add_task(what, total=total)

    def advance(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


@app.command()
def demo(out_dir: Annotated[Path, typer.Option("--out", help="Folder for the demo's database and JSON.")]
         = Path("saydo-demo"), json_out: JsonOption = False) -> None:
    """Run the whole path on the example article and alert extract bundled with saydo."""
    data = resources.files("saydo.data.demo")
    out_dir.mkdir(parents=True, exist_ok=True)
    db_path = out_dir / "saydo.duckdb"
    for leftover in (db_path, Path(f"{db_path}.wal")):
        leftover.unlink(missing_ok=True)  # a demo starts from nothing, so its output is always the same
    with resources.as_file(data.joinpath("istanbul-2022-03-29.txt")) as article, \
            resources.as_file(data.joinpath("alerts-volunteer-2022.csv")) as alerts:
        if not json_out:
            console.print(f"[bold]saydo demo[/]: example article {article.name} (written for saydo from the public "
                          f"facts of 29 March 2022) and {alerts.name} (reduced from the MIT-licensed volunteer alert "
                          f"log; see ATTRIBUTION.md beside it).\n")
        run(files=[article], alerts=[alerts], db=db_path, json_out=json_out, date_=None, window_days=14,
            out=out_dir / "result.json")
    if not json_out:
        console.print(f"Browse it: .venv/bin/saydo serve --db {db_path}", soft_wrap=True)
        console.print("then open http://127.0.0.1:8008/")
