"""Home (the latest statements with verdict badges) and the check page of one pledge."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated

from fastapi import Query

from saydo.errors import NotFound
from saydo.resolve.regions import region_name
from saydo.serve.params import (
    ActorFilter,
    CheckVerdict,
    Kind,
    Limit,
    Offset,
    RegionFilter,
    Search,
    Sort,
    SourceFilter,
    StatementId,
    Verdict,
)
from saydo.serve.views import page, view
from saydo.store import views as sv
from saydo.store.checks import history, pledge_verdict_of, untested_reason
from saydo.store.corrections import edits_of, notes

CONTEXT_CHARS = 400


@view("/", api="/api/statements", template="home.html", title="Pledges", table="statements")
def home(store, actor: ActorFilter = None, kind: Annotated[Kind | None, Query()] = "pledge",
         verdict: Annotated[Verdict | None, Query()] = None, region: RegionFilter = None,
         date_from: Annotated[date | None, Query(alias="from", description="Published on or after.")] = None,
         date_to: Annotated[date | None, Query(alias="to", description="Published on or before.")] = None,
         q: Search = None, sort: Annotated[Sort, Query()] = "newest", limit: Limit = 50, offset: Offset = 0,
         memo=None) -> dict:
    """The latest statements (pledges unless `kind` says otherwise) with their verdict per source, filtered."""
    chosen = {"actor": actor, "kind": None if kind == "any" else kind, "verdict": verdict, "region": region,
              "date_from": date_from, "date_to": date_to, "q": q}
    rows, total = sv.list_statements(store, **chosen, sort=sort, limit=limit, offset=offset)
    key = "facet-counts:" + repr(sorted(chosen.items()))
    return {
        "filters": {"actor": actor, "kind": kind, "verdict": verdict, "region": region, "from": date_from,
                    "to": date_to, "q": q, "sort": sort},
        "statements": rows, **page(rows, total, limit, offset),
        "facet_counts": _facet_links(memo(key, lambda: sv.statement_facets(store, **chosen)) if memo
                                     else sv.statement_facets(store, **chosen),
                                     {"actor": actor, "kind": kind, "verdict": verdict, "region": region,
                                      "from": date_from, "to": date_to, "q": q, "sort": sort}),
        "facets": memo("facets", lambda: sv.facets(store)) if memo else sv.facets(store),
        "counts": memo("counts", lambda: sv.counts(store)) if memo else sv.counts(store),
    }


def _facet_links(counts: dict[str, list[dict]], filters: dict) -> dict[str, list[dict]]:
    """Each facet value with the query that narrows the list to it (the other filters kept); months are for reading."""
    from urllib.parse import urlencode

    kept = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in filters.items() if v}
    out = {}
    for name, values in counts.items():
        out[name] = [{**v, "chosen": kept.get(name) == v["value"],
                      "href": None if name == "month" or not v["value"]
                      else "?" + urlencode({**kept, name: v["value"]})}
                     for v in values]
    return out


@view("/checks", api="/api/checks", template="table.html", title="Check results", table="checks")
def checks(store, verdict: Annotated[CheckVerdict | None, Query()] = None, source: SourceFilter = None,
           limit: Limit = 50, offset: Offset = 0) -> dict:
    """Every stored check result (every version), newest first."""
    rows, total = sv.list_checks(store, verdict=verdict, source=source,
                                 limit=limit, offset=offset)
    return {"checks": rows, **page(rows, total, limit, offset), "filters": {"verdict": verdict, "source": source}}


@view("/checks/{statement_id}", api="/api/statements/{statement_id}", template="check.html", title="Check",
      table="figures")
def check(store, statement_id: StatementId, site=None, memo=None) -> dict:
    """One statement in its article, and for each observation source the newest check: hypothesis, figures,
    explanation, chart series, evidence links, verdict history and ClaimReview."""
    statement = sv.statement(store, statement_id)
    if statement is None:
        raise NotFound(f"no statement {statement_id}", hint="see the list of pledges at /")
    article = sv.article(store, statement["article_id"]) or {}
    results = [_result(store, statement, r, site, memo) for r in sv.latest_results(store, statement_id)]
    figures = [{"source": r["source"], **f} for r in results for f in r["figures"]]
    return {
        "statement": statement,
        "article": {k: article.get(k) for k in ("id", "name", "title", "published", "source_url")},
        "context": _context(article.get("text", ""), statement["start_char"], statement["end_char"]),
        "places": [{"code": p, "name": region_name(p)} for p in statement["places"]],
        "results": results,
        "figures": figures,
        "history": history(store, statement_id),
        "untested": untested_reason(store, statement_id) if not results else None,
        "edits": [e.to_json() for e in edits_of(store, [statement_id]).get(statement_id, ())],
        "notes": notes(store, statement_id),
        "scenarios": [_scenario(r) for r in sv.scenario_results(store, statement_id)],
        "verdict": pledge_verdict_of(store, statement_id),
    }


def _scenario(result: dict) -> dict:
    return {"scenario": result["scenario"], "source": result["source"], "verdict": result["verdict"],
            "as_of": result.get("as_of"), "window_days": result.get("window_days"), "run_at": result.get("run_at"),
            "explanation": result.get("explanation", "")}


def _context(text: str, start: int, end: int) -> dict:
    """The sentence with up to CONTEXT_CHARS of the article either side, cut at word boundaries."""
    lo = max(0, start - CONTEXT_CHARS)
    hi = min(len(text), end + CONTEXT_CHARS)
    if lo > 0:
        lo = text.find(" ", lo, start) + 1 or lo
    if hi < len(text):
        cut = text.rfind(" ", end, hi)
        hi = cut if cut > 0 else hi
    return {"before": ("…" if lo > 0 else "") + text[lo:start], "sentence": text[start:end],
            "after": text[end:hi] + ("…" if hi < len(text) else "")}


def _result(store, statement: dict, result: dict, site, memo=None) -> dict:
    groups = {m["group"]: m["regions"] for m in result.get("measures", []) if m["group"] in ("pledge", "control")}
    pledge_regions = groups.get("pledge") or [m["regions"][0] for m in result.get("measures", [])
                                              if m["group"] == "region"]
    return {
        "source": result["source"], "verdict": result["verdict"], "version": result.get("version"),
        "check_id": result.get("check_id"),
        "run_at": result.get("run_at"), "as_of": result.get("as_of"), "template": result.get("template"),
        "start": result["start"], "end": result.get("end"), "window_days": result["window_days"],
        "hypothesis": hypothesis_words(result, pledge_regions),
        "effect": result.get("effect"), "pretrend": result.get("pretrend"),
        "explanation": result["explanation"],
        "figures": _figures(result),
        "territory": result.get("territory") or [],
        "regions": {"pledge": list(pledge_regions), "control": list(groups.get("control", []))},
        # the chart is recomputed from the stored rows; once per stored result and data generation
        "chart": memo(f"chart:{result['check_id']}", lambda: _chart(store, result)) if memo else _chart(store, result),
        "chart_caption": _chart_caption(result),
        "evidence": _evidence(result, pledge_regions),
        "files": [{"sha256": f["sha256"], "path": f["path"], "rows_loaded": f["rows_loaded"]}
                  for f in sv.list_files(store) if f["source"] == result["source"]],
        "claim_review": _claim_review(store, statement, result, site),
    }


def hypothesis_words(result: dict, regions: list[str]) -> str:
    """The check's hypothesis in one plain sentence, naming what was counted and where."""
    where = ", ".join(region_name(r) for r in regions) or "the named regions"
    start = result["start"][:16].replace("T", " ")
    days = result["window_days"]
    template = result.get("template", "reduce")
    source = result["source"]
    counted = "air-raid alerts" if source.startswith("alerts") else f"events recorded by {source}"
    if template == "ceasefire":
        end = (result.get("end") or "")[:16].replace("T", " ")
        return (f"If the ceasefire held, {counted} in {where} between {start} and {end or 'its end'} (UTC) were "
                f"fewer than in the same hours of the weeks before.")
    if template == "no_strike":
        if source.startswith("alerts"):
            return (f"If the pledge was kept, air-raid alerts in {where} fell in the {days} days from {start} "
                    f"relative to the rest of Ukraine (alerts are weaker evidence than recorded strikes).")
        return f"If the pledge was kept, {source} recorded no strike in {where} in the {days} days from {start}."
    if template == "increase":
        return (f"If the stated shift happened, {counted} in {where} rose in the {days} days after {start} "
                f"relative to the rest of Ukraine, compared with the {days} days before.")
    if template == "withdraw":
        return (f"If the forces withdrew, {counted} in {where} fell in the {days} days after {start} relative to "
                f"the rest of Ukraine, compared with the {days} days before; the area Russia holds is shown beside "
                f"it where a territory series is loaded.")
    return (f"If the pledge was kept, {counted} in {where} fell in the {days} days after {start} relative to "
            f"the rest of Ukraine (the control regions), compared with the {days} days before.")


def _figures(result: dict) -> list[dict]:
    rows = []
    for m in result.get("measures", []):
        rows.append({"kind": "ratio", "metric": m["metric"], "group": m["group"],
                     "regions": ", ".join(m["regions"]) if len(m["regions"]) <= 4 else f"{len(m['regions'])} regions",
                     "before": m["before"]["value"], "after": m["after"]["value"], "ratio": m["ratio"],
                     "ci_low": (m.get("ci") or [None, None])[0], "ci_high": (m.get("ci") or [None, None])[1],
                     "method": m.get("method", "")})
    cal = result.get("calibrated")
    if cal and cal.get("ci"):
        rows.append({"kind": "deciding figure (calibrated)", "metric": cal["metric"], "group": "pledge",
                     "regions": "", "before": None, "after": None, "ratio": cal["ratio"], "ci_low": cal["ci"][0],
                     "ci_high": cal["ci"][1], "method": cal.get("method", "")})
    for label, dids in (("difference in differences", result.get("dids") or
                         ([result["did"]] if result.get("did") else [])),
                        ("placebo", [result["placebo"]] if result.get("placebo") else [])):
        for d in dids:
            rows.append({"kind": label, "metric": d["metric"], "group": "pledge vs control", "regions": "",
                         "before": None, "after": None, "ratio": d["ratio"],
                         "ci_low": (d.get("ci") or [None, None])[0], "ci_high": (d.get("ci") or [None, None])[1],
                         "method": d.get("method", "")})
    return rows


def _chart(store, result: dict) -> list[dict]:
    """Daily per-region means of the pledge and control groups, recomputed from the stored rows (alerts for an alert
    log, recorded hostile events for an event dataset)."""
    from saydo.check.charts import chart_frame, chart_metric

    metric = chart_metric(result)
    if metric is None or not {"pledge", "control"} <= {m["group"] for m in result.get("measures", [])
                                                       if m["metric"] == metric}:
        return []
    return chart_frame(store, result, metric).to_dict("records")


def _chart_caption(result: dict) -> str:
    from saydo.check.charts import METRIC_TITLES, chart_metric

    what = METRIC_TITLES.get(chart_metric(result) or "alerts")
    return (f"{what[0].upper()}{what[1:]} (mean of the pledge regions and of the control regions), from the stored "
            f"rows; the shaded bands are the before and after windows.")


def _evidence(result: dict, regions: list[str]) -> list[dict]:
    """Links down to the rows a check counted: per pledge region and window, and all rows of each window."""
    start = datetime.fromisoformat(result["start"])
    days = timedelta(days=result["window_days"])
    windows = [("before", start - days, start), ("after", start, result.get("end") and
                                                  datetime.fromisoformat(result["end"]) or start + days)]
    links = []
    for name, lo, hi in windows:
        for region in regions:
            links.append({"window": name, "region": region, "name": region_name(region),
                          "params": {"source": result["source"], "region": region, "start": lo.isoformat(),
                                     "end": hi.isoformat()}})
        links.append({"window": name, "region": None, "name": "every region",
                      "params": {"source": result["source"], "start": lo.isoformat(), "end": hi.isoformat()}})
    return links


def _claim_review(store, statement: dict, result: dict, site) -> dict | None:
    from saydo.export.claimreview import RATINGS, claim_review
    from saydo.store.articles import load_statements

    if result["verdict"] not in RATINGS:
        return None
    found = load_statements(store, ids=[statement["id"]])
    if not found:
        return None
    base = (site.base_url if site else "").rstrip("/")
    article = sv.article(store, statement["article_id"]) or {}
    return claim_review(found[0], result, evidence_url=f"{base}/checks/{statement['id']}",
                        source_url=article.get("source_url"))
