"""Statements with their latest checks as JSON Lines, CSV or Parquet, and ClaimReview JSON-LD files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from saydo.errors import UnknownFormat
from saydo.export.cells import safe_row
from saydo.export.claimreview import claim_review
from saydo.store import Store
from saydo.store.articles import load_statements
from saydo.store.checks import latest_checks, pledge_verdict_of

FORMATS = ("claimreview", "jsonl", "csv", "parquet")
COLUMNS = ["id", "article", "published", "speaker", "actor", "kind", "quote", "text", "start", "end", "places",
           "window_start", "window_end", "source", "verdict", "did_metric", "did_ratio", "did_ci_low", "did_ci_high",
           "explanation", "corrected_by", "corrected_fields", "pledge_verdict", "decided_by"]


def export(store: Store, fmt: str, out: Path, *, scenario: str | None = None,
           statement_ids: list[str] | None = None) -> list[Path]:
    """Write the export; returns the files written. ``out`` is a file, or a folder for ``claimreview``. The checks
    are the published verdicts, or one scenario's when asked; ``statement_ids`` keeps only those statements (the
    ones a filter chose)."""
    if fmt not in FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}", hint=f"use one of: {', '.join(FORMATS)}")
    statements = load_statements(store, ids=statement_ids)
    checks = latest_checks(store, scenario=scenario)
    by_statement: dict[str, list[dict]] = {}
    for check in checks:
        by_statement.setdefault(check["statement"], []).append(check)
    verdicts = {} if scenario else {s.id: v for s in statements if (v := pledge_verdict_of(store, s.id))}
    if fmt == "claimreview":
        return _claimreviews(store, statements, by_statement, out, verdicts)
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "jsonl":
        with out.open("w", encoding="utf-8") as fh:
            for s in statements:
                fh.write(json.dumps({**s.to_json(), "verdict": _one(verdicts.get(s.id)),
                                     "checks": by_statement.get(s.id, [])}, ensure_ascii=False, default=str) + "\n")
        return [out]
    rows = _rows(statements, by_statement, verdicts)
    if fmt == "csv":
        with out.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.DictWriter(fh, fieldnames=COLUMNS)
            writer.writeheader()
            for row in rows:
                writer.writerow(safe_row({**row, "places": " ".join(row["places"])}))
        return [out]
    table = pa.Table.from_pylist(rows, schema=pa.schema([
        (c, pa.list_(pa.string()) if c == "places" else pa.float64() if c.startswith("did_") and c != "did_metric"
         else pa.int64() if c in ("start", "end") else pa.string()) for c in COLUMNS]))
    pq.write_table(table, out)
    return [out]


def _one(verdict: dict | None) -> dict | None:
    """The pledge's one verdict as exported: which source decided, the others, and its proposition."""
    if verdict is None:
        return None
    return {k: verdict[k] for k in ("verdict", "decided_by", "sources", "disagreements", "proposition",
                                    "proposition_verdict", "proposition_members")}


def _rows(statements, by_statement, verdicts: dict | None = None) -> list[dict]:
    rows = []
    for s in statements:
        base = {"id": s.id, "article": s.article, "published": s.published.isoformat() if s.published else None,
                "speaker": s.speaker, "actor": s.actor, "kind": s.kind, "quote": s.quote, "text": s.text,
                "start": s.start, "end": s.end, "places": list(s.places),
                "window_start": s.window.start.isoformat() if s.window.start else None,
                "window_end": s.window.end.isoformat() if s.window.end else None,
                "corrected_by": ", ".join(sorted({e.editor for e in s.edits})) or None,
                "corrected_fields": ", ".join(sorted({e.field for e in s.edits})) or None,
                "pledge_verdict": (verdicts or {}).get(s.id, {}).get("verdict"),
                "decided_by": (verdicts or {}).get(s.id, {}).get("decided_by")}
        checks = by_statement.get(s.id) or [None]
        for check in checks:
            did = (check or {}).get("did") or {}
            ci = did.get("ci") or [None, None]
            rows.append({**base, "source": check and check["source"], "verdict": check and check["verdict"],
                         "did_metric": did.get("metric"), "did_ratio": did.get("ratio"), "did_ci_low": ci[0],
                         "did_ci_high": ci[1], "explanation": check and check["explanation"]})
    return rows


def _claimreviews(store, statements, by_statement, out: Path, verdicts: dict) -> list[Path]:
    """One ClaimReview file per checked pledge, rated by its one verdict (the most direct source that decided) with
    every source's result in the evidence file beside it. Without a pledge verdict (a scenario's export), one per
    pledge and source."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "evidence").mkdir(exist_ok=True)
    urls = {r["id"]: r["source_url"] for r in store.query("SELECT id, source_url FROM articles")}
    written = []
    for s in statements:
        checks = by_statement.get(s.id, [])
        verdict = verdicts.get(s.id)
        if verdict is not None and checks:
            decided = next((c for c in checks if c["source"] == verdict["decided_by"]), checks[0])
            groups = [(s.id, decided, checks, verdict)]
        else:
            groups = [(f"{s.id}-{c['source']}", c, [c], None) for c in checks]
        for stem, check, all_checks, one in groups:
            evidence = out / "evidence" / f"{stem}.json"
            evidence.write_text(json.dumps({"statement": s.to_json(), "verdict": _one(one), "checks": all_checks},
                                           ensure_ascii=False, indent=2, default=str), encoding="utf-8")
            review = claim_review(s, check, evidence_url=f"evidence/{stem}.json", source_url=urls.get(s.article_id),
                                  others=[c for c in all_checks if c is not check])
            target = out / f"{stem}.claimreview.json"
            target.write_text(json.dumps(review, ensure_ascii=False, indent=2), encoding="utf-8")
            written.append(target)
    return written
