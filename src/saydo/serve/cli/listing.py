"""`saydo statements [ID]`: list what is stored, with the filters the web app has, or show one statement whole."""

from __future__ import annotations

import csv
import sys
from datetime import date
from typing import Annotated, Optional

import typer

from saydo.errors import BadValue, NotFound
from saydo.export.cells import safe_row
from saydo.serve.cli import app
from saydo.serve.cli.options import DbOption, JsonOption, console, open_store, print_json
from saydo.serve.cli.render import check_lines, record_lines

ActorOpt = Annotated[Optional[str], typer.Option("--actor", help="Actor code (RUS, UKR, UN, CIV…).",
                                                 show_default=False)]
RegionOpt = Annotated[Optional[str], typer.Option("--region", help="ISO 3166-2 code the statement concerns (UA-30).",
                                                  show_default=False)]
FromOpt = Annotated[Optional[str], typer.Option("--from", help="Published on or after (YYYY-MM-DD).",
                                                show_default=False)]
ToOpt = Annotated[Optional[str], typer.Option("--to", help="Published on or before (YYYY-MM-DD).",
                                              show_default=False)]
LimitOpt = Annotated[int, typer.Option("--limit", min=1, max=100_000, help="Rows to show.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Rows to skip.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV instead of lines.")]
VERDICT_CHOICES = ("kept", "partly_kept", "broken", "too_early", "insufficient_data", "unchecked")


def _day(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadValue(f"{option} {value!r} is not a date", hint="write YYYY-MM-DD") from None


@app.command("statements")
def statements(
    statement: Annotated[Optional[str], typer.Argument(help="Show this statement whole (an id or a unique prefix).",
                                                       show_default=False)] = None,
    actor: ActorOpt = None,
    kind: Annotated[Optional[str], typer.Option("--kind", help="pledge, claim, denial, demand or opinion.",
                                                show_default=False)] = None,
    verdict: Annotated[Optional[str], typer.Option("--verdict", help="Latest verdict on any source: kept, "
                                                   "partly_kept, broken, too_early, insufficient_data or unchecked.",
                                                   show_default=False)] = None,
    region: RegionOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Words in the text or the speaker's name.",
                                                  show_default=False)] = None,
    article: Annotated[Optional[str], typer.Option("--article", help="Only this article (its id).",
                                                   show_default=False)] = None,
    sort: Annotated[str, typer.Option("--sort", help="newest, oldest, speaker or actor.")] = "newest",
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    db: DbOption = None,
    json_out: JsonOption = False,
    csv_out: CsvOpt = False,
) -> None:
    """List stored statements with filters (as editors left them), or show one with its checks, edits and notes."""
    from saydo.store import views

    if sort not in views.STATEMENT_SORTS:
        raise BadValue(f"--sort {sort!r} is not a sort order", hint=f"use one of: {', '.join(views.STATEMENT_SORTS)}")
    chosen = statement_filters(actor=actor, kind=kind, verdict=verdict, region=region, date_from=date_from,
                               date_to=date_to, search=search)
    with open_store(db, read_only=True) as store:
        if statement:
            _show(store, statement, json_out)
            return
        rows, total = views.list_statements(store, **chosen, article_id=article, sort=sort, limit=limit,
                                            offset=offset)
    if json_out:
        print_json({"total": total, "offset": offset, "statements": rows})
        return
    if csv_out:
        _csv(rows)
        return
    console.print(f"{total} statement(s){_range(offset, len(rows), total)}", markup=False)
    for row in rows:
        for line in record_lines(row):
            console.print(line, no_wrap=True, overflow="ellipsis")


def statement_filters(*, actor=None, kind=None, verdict=None, region=None, date_from=None, date_to=None,
                      search=None) -> dict:
    """The options of `saydo statements` checked and turned into ``list_statements`` keywords."""
    from saydo.records import KINDS

    if kind and kind not in KINDS:
        raise BadValue(f"--kind {kind!r} is not a kind", hint=f"use one of: {', '.join(KINDS)}")
    if verdict and verdict not in VERDICT_CHOICES:
        raise BadValue(f"--verdict {verdict!r} is not a verdict", hint=f"use one of: {', '.join(VERDICT_CHOICES)}")
    return {"actor": actor.upper() if actor else None, "kind": kind, "verdict": verdict,
            "region": region.upper() if region else None, "date_from": _day(date_from, "--from"),
            "date_to": _day(date_to, "--to"), "q": search}


def filtered_ids(store, **filters) -> list[str]:
    """The ids of every statement the filters of `saydo statements` choose (for filtered exports)."""
    from saydo.store import views

    rows, _ = views.list_statements(store, **statement_filters(**filters), limit=10_000_000)
    return [r["id"] for r in rows]


def _range(offset: int, shown: int, total: int) -> str:
    if shown == total:
        return ""
    return f", showing {offset + 1}–{offset + shown} (--offset {offset + shown} for more)" if shown else ""


def _csv(rows: list[dict]) -> None:
    columns = ["id", "published", "speaker", "actor", "kind", "quote", "places", "verdicts", "text", "article",
               "article_id", "start_char", "window_start", "window_end"]
    writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(safe_row({**row, "places": " ".join(row.get("places") or ()),
                                  "verdicts": " ".join(f"{v['source']}:{v['verdict']}"
                                                       for v in row.get("verdicts") or ())}))


def _show(store, key: str, json_out: bool) -> None:
    from saydo.store.articles import find_statement, load_statements
    from saydo.store.corrections import notes
    from saydo.store.views import latest_results

    machine = find_statement(store, key)
    shown = load_statements(store, ids=[machine.id], include_hidden=True)
    if not shown:
        raise NotFound(f"no statement {key!r}")
    s = shown[0]
    results = latest_results(store, s.id)
    annotations = notes(store, s.id)
    if json_out:
        print_json({"statement": s.to_json(), "checks": results, "notes": annotations})
        return
    console.print(f"[bold]{s.id}[/]  {s.kind} by {s.speaker} ({s.actor or 'no actor'}), {s.quote} quote")
    console.print(f"article {s.article}, published {s.published or 'unknown'}, characters {s.start}–{s.end}",
                  markup=False)
    console.print(f"places: {', '.join(s.places) or 'none'}; window: {s.window.start or '–'} to {s.window.end or '–'}",
                  markup=False)
    console.print(s.text, markup=False)
    for e in s.edits:
        console.print(f"edited: {e.field} {e.machine!r} → {e.value!r} by {e.editor} on {e.at:%Y-%m-%d %H:%M}"
                      + (f" ({e.why})" if e.why else ""), markup=False)
    for r in results:
        console.print(f"check {r.get('check_id')}: {r.get('source')} {r.get('verdict')}", markup=False)
    for n in annotations:
        console.print(f"note by {n['editor']} on {n['at']:%Y-%m-%d}: {n['text']}", markup=False)


@app.command("checks")
def checks(
    check: Annotated[Optional[str], typer.Argument(help="Show this check whole (its id, or a unique prefix).",
                                                   show_default=False)] = None,
    verdict: Annotated[Optional[str], typer.Option("--verdict", help="kept, partly_kept, broken, too_early or "
                                                                     "insufficient_data.", show_default=False)] = None,
    source: Annotated[Optional[str], typer.Option("--source", help="Observation source (alerts.volunteer, cir…).",
                                                  show_default=False)] = None,
    template: Annotated[Optional[str], typer.Option("--template", help="reduce, withdraw, increase, ceasefire, "
                                                                       "no_strike…", show_default=False)] = None,
    actor: ActorOpt = None,
    region: RegionOpt = None,
    date_from: FromOpt = None,
    date_to: ToOpt = None,
    scenario: Annotated[Optional[str], typer.Option("--scenario", help="A scenario's results instead of the "
                                                                       "published ones.", show_default=False)] = None,
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    db: DbOption = None,
    json_out: JsonOption = False,
    csv_out: CsvOpt = False,
) -> None:
    """List the latest check of each pledge and source (published, or a scenario's) with filters, or show one whole:
    its figures, explanation and the rows it read."""
    from saydo.store import views

    if verdict and verdict not in VERDICT_CHOICES[:-1]:
        raise BadValue(f"--verdict {verdict!r} is not a verdict", hint=f"use one of: {', '.join(VERDICT_CHOICES[:-1])}")
    with open_store(db, read_only=True) as store:
        if check:
            _show_check(store, check, json_out)
            return
        rows, total = views.latest_checks_listed(
            store, verdict=verdict, source=source, template=template, actor=actor.upper() if actor else None,
            region=region.upper() if region else None, date_from=_day(date_from, "--from"),
            date_to=_day(date_to, "--to"), scenario=scenario, limit=limit, offset=offset)
    if json_out:
        print_json({"total": total, "offset": offset, "checks": rows})
        return
    if csv_out:
        columns = ["id", "statement_id", "source", "verdict", "template", "start_at", "window_days", "scenario",
                   "did_metric", "did_ratio", "did_ci", "speaker", "actor", "places", "published", "text"]
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for row in rows:
            ci = row.get("did_ci") or [None, None]
            writer.writerow(safe_row({**row, "places": " ".join(row.get("places") or ()),
                                      "did_ci": "" if ci[0] is None else f"{ci[0]:.4g}-{ci[1]:.4g}"}))
        return
    console.print(f"{total} check(s){_range(offset, len(rows), total)}"
                  + (f" in the scenario “{scenario}”" if scenario else " (published verdicts)"), markup=False)
    for row in rows:
        for line in check_lines(row):
            console.print(line, no_wrap=True, overflow="ellipsis")


def _show_check(store, key: str, json_out: bool) -> None:
    import json

    rows = store.query("SELECT id, statement_id, scenario, result FROM checks WHERE id = ? OR starts_with(id, ?) "
                       "LIMIT 3", [key.lower(), key.lower()]) if len(key) >= 6 else []
    if not rows:
        raise NotFound(f"no check {key!r}", hint="see the ids with `saydo checks --json`")
    if len(rows) > 1:
        raise BadValue(f"{key!r} is the start of several check ids", hint="give more of the id")
    result = json.loads(rows[0]["result"])
    if json_out:
        print_json({"id": rows[0]["id"], "scenario": rows[0]["scenario"], **result})
        return
    console.print(f"[bold]{rows[0]['id']}[/]  {result['verdict'].replace('_', ' ')} · {result['source']} · "
                  f"{result.get('template', 'reduce')} · statement {result['statement']}"
                  + (f" · scenario {rows[0]['scenario']}" if rows[0]["scenario"] else ""))
    console.print(result["explanation"], markup=False)
