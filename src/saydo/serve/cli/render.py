"""Rich tables for statements, loads and checks: what a person reads at the terminal."""

from __future__ import annotations

from pathlib import Path

from rich.console import Group
from rich.panel import Panel
from rich.text import Text

from saydo.check.explain import fmt_ratio
from saydo.records import Check, Statement

VERDICT_STYLE = {"kept": "bold green", "partly_kept": "yellow", "broken": "bold red", "too_early": "cyan",
                 "insufficient_data": "magenta"}


def statements_table(statements: list[Statement], title: str = "Statements") -> Group:
    """Extracted statements, two lines each (who, kind, places; then the text), cut at the terminal's edge."""
    lines: list = [Text(f"{title} ({len(statements)})", style="bold")]
    for s in statements:
        lines.extend(record_lines({"id": s.id, "published": s.published, "speaker": s.speaker, "actor": s.actor,
                                   "kind": s.kind, "places": list(s.places), "text": s.text}))
    return Group(*lines)


def loads_table(loads) -> Group:
    """One line per observation file loaded (name, format, counts), then what is worth knowing about it."""
    lines: list = [Text("Observation files", style="bold")]
    for r in loads:
        notes = []
        if r.already_loaded:
            notes.append("already loaded: nothing added")
        elif r.detected:
            notes.append("format detected from header")
        if r.geo_methods:
            total = sum(r.geo_methods.values())
            notes.append("placed by " + ", ".join(f"{m} {100 * n / total:.1f}%" for m, n in r.geo_methods.items()))
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(Path(r.file).name, style="bold")
        head.append(f"  {r.loaded:,} loaded, {r.rejected:,} rejected, {r.duplicate:,} duplicate")
        lines.append(head)
        lines.append(Text("    " + "; ".join([f"{r.format} → source {r.source}"] + notes), no_wrap=True,
                          overflow="ellipsis", style="dim"))
    return Group(*lines)


def checks_table(checks: list[Check], statements: dict[str, Statement]) -> Group:
    """The checks of a run, two lines each (verdict, source, who; the pledge regions' counts and the deciding
    figure), cut at the terminal's edge; the explanations follow in panels that wrap at word boundaries."""
    lines: list = [Text(f"Checks ({len(checks)})", style="bold")]
    for c in checks:
        s = statements.get(c.statement)
        pledge = next((m for m in c.measures if m.group == "pledge" and m.metric in ("alerts", "events")), None)
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(verdict_label(c.verdict), style=VERDICT_STYLE.get(c.verdict, ""))
        head.append(f"  {c.source}  {c.template or 'reduce'}  ")
        head.append(s.speaker if s else c.statement, style="bold")
        head.append(f" ({(s.actor if s else None) or '?'})  from {c.start:%Y-%m-%d} ±{c.window_days}d")
        figures = []
        if pledge:
            figures.append(f"pledge regions {pledge.before.value:.0f} → {pledge.after.value:.0f} {pledge.metric}")
        if c.did:
            figures.append(f"DiD {fmt_ratio(c.did.ratio, c.did.ci)}")
        body = Text("    " + "; ".join(figures) + ("  " if figures else "") + (" ".join(s.text.split()) if s else ""),
                    no_wrap=True, overflow="ellipsis")
        lines.extend([head, body])
    return Group(*lines)


def explanation_panels(checks: list[Check]) -> list[Panel]:
    """Each check's explanation in a panel; its text wraps at word boundaries to the terminal's width."""
    return [Panel(Text(c.explanation), title=f"{verdict_label(c.verdict)} · {c.source} · statement {c.statement}",
                  title_align="left", border_style=VERDICT_STYLE.get(c.verdict, "")) for c in checks]


def untestable_table(items: list[tuple[Statement, str]]) -> Group:
    """Pledges not tested: who, why not, and the pledge, two lines each."""
    lines: list = [Text(f"Pledges not tested ({len(items)})", style="bold")]
    for s, why in items:
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(s.speaker, style="bold")
        head.append(f" ({s.actor or '?'}): {why}")
        lines.extend([head, Text("    " + " ".join(s.text.split()), no_wrap=True, overflow="ellipsis")])
    return Group(*lines)


def verdict_label(verdict: str) -> str:
    """A verdict as words for people ("insufficient data"); JSON keeps the underscore form."""
    return verdict.replace("_", " ")


def record_lines(row: dict) -> list[Text]:
    """One stored statement in two lines that fit any terminal width: who, what kind and the verdicts, then the
    text, each cut with an ellipsis at the edge (never a word broken across lines; ``--json`` has everything)."""
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append(str(row["id"])[:10], style="dim")
    head.append(f"  {str(row.get('published') or ''):10}  ")
    head.append(str(row.get("speaker") or "?"), style="bold")
    head.append(f" ({row.get('actor') or '?'})  {row.get('kind')}")
    if row.get("verdict"):  # the pledge's one verdict, from the most direct source that decided
        head.append("  ")
        head.append(verdict_label(row["verdict"]), style=VERDICT_STYLE.get(row["verdict"], ""))
        others = len(row.get("verdicts") or [])
        head.append(f" ({row.get('decided_by')}" + (f"; {others} sources" if others > 1 else "") + ")", style="dim")
    else:
        for v in row.get("verdicts") or []:
            head.append("  ")
            head.append(verdict_label(v["verdict"]), style=VERDICT_STYLE.get(v["verdict"], ""))
            head.append(f" ({v['source']})", style="dim")
    places = row.get("places") or []
    if places:
        head.append("  " + ",".join(places))
    body = Text("    " + " ".join(str(row.get("text") or "").split()), no_wrap=True, overflow="ellipsis")
    return [head, body]


def check_lines(row: dict) -> list[Text]:
    """One stored check in two lines: verdict, source, template, who and when; then the deciding figure and the
    pledge's text, cut at the terminal's edge."""
    head = Text(no_wrap=True, overflow="ellipsis")
    head.append(str(row["id"])[:10], style="dim")
    head.append("  ")
    head.append(verdict_label(row["verdict"]), style=VERDICT_STYLE.get(row["verdict"], ""))
    head.append(f"  {row['source']}  {row.get('template') or 'reduce'}  ")
    head.append(str(row.get("speaker") or "?"), style="bold")
    head.append(f" ({row.get('actor') or '?'})  {str(row.get('start_at') or '')[:10]}")
    places = row.get("places") or []
    if places:
        head.append("  " + ",".join(places))
    figure = ""
    if row.get("did_ratio") is not None:
        figure = f"{row.get('did_metric') or 'alerts'} DiD {fmt_ratio(row['did_ratio'], row.get('did_ci'))}  "
    body = Text("    " + figure + " ".join(str(row.get("text") or "").split()), no_wrap=True, overflow="ellipsis")
    return [head, body]


def verdict_lines(verdicts: list[dict], statements: dict[str, Statement]) -> Group:
    """One verdict per pledge: the most direct source that decided, the others beside it."""
    lines: list = [Text(f"Verdict per pledge ({len(verdicts)})", style="bold")]
    for v in verdicts:
        s = statements.get(v["statement"])
        head = Text(no_wrap=True, overflow="ellipsis")
        head.append(verdict_label(v["verdict"]), style=VERDICT_STYLE.get(v["verdict"], ""))
        head.append(f"  {s.speaker if s else v['statement']}  decided by {v['decided_by']}")
        others = [o for o in v["sources"] if o["source"] != v["decided_by"]]
        if others:
            head.append("; " + ", ".join(f"{o['source']} {verdict_label(o['verdict'])}" for o in others),
                        style="dim")
        lines.append(head)
    return Group(*lines)
