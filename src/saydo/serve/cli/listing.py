"""`saydo statements [ID]`: list what is stored, with the filters the web app has, or show one statement whole."""

from __future__ import annotations

import csv
import sys
from datetime import date
from typing import Annotated, Optional

import typer

from saydo.errors import BadValue, NotFound
from saydo.serve.cli import app
from saydo.serve.cli.options import DbOption, JsonOption, console, open_store, print_json
from saydo.serve.cli.render import record_lines

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
    from saydo.records import KINDS
    from saydo.store import views

    if kind and kind not in KINDS:
        raise BadValue(f"--kind {kind!r} is not a kind", hint=f"use one of: {', '.join(KINDS)}")
    if verdict and verdict not in VERDICT_CHOICES:
        raise BadValue(f"--verdict {verdict!r} is not a verdict", hint=f"use one of: {', '.join(VERDICT_CHOICES)}")
    if sort not in views.STATEMENT_SORTS:
        raise BadValue(f"--sort {sort!r} is not a sort order", hint=f"use one of: {', '.join(views.STATEMENT_SORTS)}")
    with open_store(db, read_only=True) as store:
        if statement:
            _show(store, statement, json_out)
            return
        rows, total = views.list_statements(
            store, actor=actor.upper() if actor else None, kind=kind, verdict=verdict,
            region=region.upper() if region else None, date_from=_day(date_from, "--from"),
            date_to=_day(date_to, "--to"), q=search, article_id=article, sort=sort, limit=limit, offset=offset)
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
        writer.writerow({**row, "places": " ".join(row.get("places") or ()),
                         "verdicts": " ".join(f"{v['source']}:{v['verdict']}" for v in row.get("verdicts") or ())})


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
