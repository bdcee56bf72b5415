"""A self-contained HTML report of all checks: pledge, verdict, figures, explanation and chart, readable offline.

Charts are PNG images inlined as data URIs; every text from articles or data is HTML-escaped; the page loads nothing
from anywhere.
"""

from __future__ import annotations

import base64
import html
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from saydo.check.charts import METRIC_TITLES, chart_frame, chart_metric, chart_png, chart_spec
from saydo.check.explain import fmt_ratio
from saydo.export.policy import meta_policy
from saydo.records.links import http_url
from saydo.store import Store
from saydo.store.articles import load_statements
from saydo.store.checks import latest_checks

STYLE = """
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
h1{font-size:1.6rem} h2{font-size:1.15rem;margin-top:2.5rem;border-top:1px solid #ddd;padding-top:1rem}
.badge{display:inline-block;padding:.15rem .5rem;border-radius:.3rem;color:#fff;font-weight:600}
.kept{background:#2a8a3a}.partly_kept{background:#c98a00}.broken{background:#c0392b}
.too_early{background:#2c7fb8}.insufficient_data{background:#7b5ea7}
blockquote{border-left:4px solid #ccc;margin:1rem 0;padding:.3rem 1rem;background:#fafafa}
table{border-collapse:collapse;font-size:.9rem;margin:1rem 0} td,th{border:1px solid #ddd;padding:.25rem .5rem}
th{background:#f2f2f2} img{max-width:100%} .meta{color:#555;font-size:.9rem}
nav.toc ol{padding-left:1.4rem} nav.toc li{margin:.15rem 0} .summary td.num{text-align:right}
"""


def write_report(store: Store, out_dir: Path) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    statements = {s.id: s for s in load_statements(store)}
    checks = latest_checks(store)
    sources = {r["id"]: http_url(r["source_url"]) for r in store.query("SELECT id, source_url FROM articles")}
    policy = html.escape(meta_policy(STYLE), quote=False).replace('"', "&quot;")
    parts = [f"<!doctype html><html lang=en><head><meta charset=utf-8>"
             f"<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\"><title>saydo report</title>"
             f"<style>{STYLE}</style></head><body><h1>What was pledged, and what happened</h1>"
             f"<p class=meta>{len(checks)} check(s) of {sum(s.kind == 'pledge' for s in statements.values())} "
             f"pledge(s); generated {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC by saydo. The method is "
             f"described in docs/method.md of saydo.</p>",
             _summary(statements, checks, {r["statement_id"]: r["verdict"] for r in
                                           store.query("SELECT statement_id, verdict FROM pledge_verdicts")}),
             _contents(statements, checks)]
    for n, check in enumerate(checks, 1):
        statement = statements.get(check["statement"])
        parts.append(_section(store, statement, check, n, sources.get(statement.article_id) if statement else None))
    parts.append("</body></html>")
    target = out_dir / "report.html"
    target.write_text("\n".join(parts), encoding="utf-8")
    return target


def _summary(statements: dict, checks: list[dict], one: dict[str, str] | None = None) -> str:
    """One verdict per pledge, by actor and in all, as a table at the top: what a reader wants before the details."""
    e = html.escape
    verdicts = ("kept", "partly_kept", "broken", "too_early", "insufficient_data")
    by_actor: dict[str, Counter] = {}
    one = one or {}
    for statement_id in dict.fromkeys(c["statement"] for c in checks):
        s = statements.get(statement_id)
        verdict = one.get(statement_id) or next(c["verdict"] for c in checks if c["statement"] == statement_id)
        by_actor.setdefault((s.actor if s else None) or "?", Counter())[verdict] += 1
    if not by_actor:
        return "<p>No pledge has been checked yet.</p>"
    total = sum(by_actor.values(), Counter())
    head = "".join(f"<th>{v.replace('_', ' ')}</th>" for v in verdicts)
    rows = "".join(f"<tr><td>{e(actor)}</td>" + "".join(f"<td class=num>{counts[v]}</td>" for v in verdicts) + "</tr>"
                   for actor, counts in sorted(by_actor.items()))
    rows += "<tr><th>all</th>" + "".join(f"<th>{total[v]}</th>" for v in verdicts) + "</tr>"
    return (f"<h2 id=summary>Summary</h2><table class=summary><tr><th>actor</th>{head}</tr>{rows}</table>"
            f"<p class=meta>Each pledge counts once, by its one verdict: that of the most direct source that reached a "
            f"decision (each source's check follows below).</p>")


def _contents(statements: dict, checks: list[dict]) -> str:
    e = html.escape
    items = []
    for n, c in enumerate(checks, 1):
        s = statements.get(c["statement"])
        who = f"{s.speaker} ({s.actor or '?'})" if s else c["statement"]
        items.append(f"<li><a href='#check-{n}'>{e(who)}: {e(c['verdict'].replace('_', ' '))}</a> "
                     f"<span class=meta>{e(c['source'])}, {e(c['start'][:10])}</span></li>")
    return f"<nav class=toc aria-label=Contents><h2>Contents</h2><ol>{''.join(items)}</ol></nav>" if items else ""


def _section(store: Store, statement, check: dict, n: int = 0, source: str | None = None) -> str:
    e = html.escape
    who = f"{e(statement.speaker)} ({e(statement.actor or '?')})" if statement else e(check["statement"])
    quote = f"<blockquote>{e(statement.text)}</blockquote>" if statement else ""
    original = f" (<a href=\"{e(source, quote=True)}\" rel=\"noopener noreferrer\">original</a>)" if source else ""
    where = (f"<p class=meta>{e(statement.article)}{original}, published {statement.published or 'date unknown'}; "
             f"places {e(', '.join(statement.places) or 'none')}</p>") if statement else ""
    rows = "".join(
        f"<tr><td>{e(m['metric'])}</td><td>{e(m['group'])}</td><td>{e(' '.join(m['regions'][:6]))}"
        f"{' …' if len(m['regions']) > 6 else ''}</td><td>{m['before']['value']}</td><td>{m['after']['value']}</td>"
        f"<td>{e(fmt_ratio(m['ratio'], m['ci']))}</td></tr>" for m in check["measures"])
    dids = "".join(f"<tr><td>{e(d['metric'])}</td><td colspan=5>difference in differences "
                   f"{e(fmt_ratio(d['ratio'], d['ci']))}</td></tr>" for d in check.get("dids") or [])
    table = (f"<table><tr><th>metric</th><th>group</th><th>regions</th><th>before</th><th>after</th>"
             f"<th>after/before (95% CI)</th></tr>{rows}{dids}</table>") if rows else ""
    chart = ""
    metric = chart_metric(check)
    if metric is not None:
        frame = chart_frame(store, check, metric)
        if len(frame):
            png = chart_png(chart_spec(check, frame, metric))
            chart = (f"<img alt='{e(METRIC_TITLES[metric])}, pledge regions against control, windows shaded' "
                     f"src='data:image/png;base64,{base64.b64encode(png).decode()}'>")
    verdict = e(check["verdict"])
    return (f"<h2 id='check-{n}'>{who} <span class='badge {verdict}'>{verdict.replace('_', ' ')}</span></h2>"
            f"{quote}{where}<p class=meta>source {e(check['source'])}, ±{check['window_days']} days around "
            f"{e(check['start'])}</p>{chart}{table}<p>{e(check['explanation'])}</p>")
