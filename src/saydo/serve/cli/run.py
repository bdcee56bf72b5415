"""`saydo run`, `saydo extract`, `saydo ingest articles`, `saydo demo`."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer

from saydo import pipeline
from saydo.errors import BadValue, SaydoError
from saydo.serve.cli import app, ingest_app
from saydo.serve.cli.options import DbOption, JsonOption, console, finish, open_store, print_json, rejected_rows_notes
from saydo.serve.cli.render import checks_table, explanation_panels, loads_table, statements_table, untestable_table

Files = Annotated[list[Path], typer.Argument(help="Article files (.txt or .html).", show_default=False)]
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
def run(files: Files, alerts: AlertsOption = None, db: DbOption = None, json_out: JsonOption = False,
        date_: DateOption = None, window_days: WindowOption = 14,
        out: Annotated[Optional[Path], typer.Option("--out", help="Also write the JSON result to this file.")] = None,
        ) -> None:
    """Ingest articles and alert logs, extract statements, check every testable pledge."""
    published = _parse_date(date_)
    with open_store(db) as store:
        result = pipeline.run(store, files, alert_paths=alerts or [], published=published, window_days=window_days)
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
    elif not [s for s in result.statements if s.kind == "pledge"]:
        console.print("No pledges found, so nothing to check.")
    if result.untestable:
        console.print(untestable_table(result.untestable))
    console.print(f"Database: {db_path.resolve()}")
    if out:
        console.print(f"JSON result: {out.resolve()}")


@app.command()
def extract(files: Files, json_out: JsonOption = False, date_: DateOption = None) -> None:
    """Extract statements from articles without storing anything; --json prints one JSON object per line."""
    published = _parse_date(date_)
    from saydo.ingest.articles import read_article

    articles, errors = [], []
    for path in files:
        try:
            articles.append(read_article(path, published=published))
        except SaydoError as exc:
            errors.append(exc)
    statements = pipeline.extract_articles(None, articles) if articles else []
    if json_out:
        for s in statements:
            print_json(s.to_json())
    else:
        console.print(statements_table(statements))
    finish(errors)


@ingest_app.command("articles")
def ingest_articles(files: Annotated[Optional[list[Path]], typer.Argument(help="Article files (.txt or .html).",
                                                                          show_default=False)] = None,
                    db: DbOption = None, json_out: JsonOption = False, date_: DateOption = None,
                    resume: Annotated[bool, typer.Option("--resume", help="Also extract the articles an interrupted "
                                                                          "batch stored without statements.")] = False,
                    ) -> None:
    """Store articles and the statements extracted from them (same text twice changes nothing). Each article's
    statements are stored in one step; a batch stopped half way (`saydo observations summary` says so) is finished
    by `--resume`, or by giving the same files again."""
    published = _parse_date(date_)
    if not files and not resume:
        raise BadValue("no article files given", hint="name the files, or pass --resume to finish an interrupted batch")
    with open_store(db) as store:
        articles, errors = pipeline.read_articles(store, files or [], published=published)
        statements = pipeline.extract_articles(store, articles) if articles else []
        if resume:
            from saydo.store.articles import unfinished_articles

            resumed = {row["name"] for row in unfinished_articles(store)}
            statements += pipeline.resume_articles(store)
        else:
            resumed = set()
        if json_out:
            print_json({"articles": [a.name for a in articles], "statements": len(statements),
                        "errors": [e.line() for e in errors], "resumed": sorted(resumed)})
        else:
            done = f", {len(resumed)} unfinished article(s) resumed" if resume else ""
            console.print(f"{len(articles)} article(s) stored, {len(statements)} statement(s) extracted, "
                          f"{len(errors)} file(s) rejected{done}.")
    finish(errors)


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
            resources.as_file(data.joinpath("alerts-volunteer-2022-03.csv")) as alerts:
        if not json_out:
            console.print(f"[bold]saydo demo[/]: example article {article.name} (written for saydo from the public "
                          f"facts of 29 March 2022) and {alerts.name} (reduced from the MIT-licensed volunteer alert "
                          f"log; see ATTRIBUTION.md beside it).\n")
        run(files=[article], alerts=[alerts], db=db_path, json_out=json_out, date_=None, window_days=14,
            out=out_dir / "result.json")
    if not json_out:
        console.print(f"Browse it: .venv/bin/saydo serve --db {db_path} (then open http://127.0.0.1:8008/)")
