"""One view's dict as JSON, CSV or HTML, and every error in the one JSON shape (or a page saying the same)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.requests import Request

from saydo.errors import SaydoError
from saydo.export.cells import safe_cell
from saydo.records.links import http_url

FORMATS = ("html", "json", "csv")
MEDIA = {"html": "text/html; charset=utf-8", "json": "application/json", "csv": "text/csv; charset=utf-8"}


class BadFormat(SaydoError):
    code = "SD705"


def plain(value):
    """A value JSON can hold (dates as ISO 8601)."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    if isinstance(value, Path):
        return str(value)
    raise TypeError(f"can't write {type(value).__name__} as JSON")


_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def to_json(data) -> bytes:
    """JSON with ``<``, ``>`` and ``&`` written as ``\\u`` escapes: the same values to any JSON reader, and no markup
    in the bytes even if a client ignores the content type (a 404 for ``/checks/<script>`` names the path so)."""
    text = json.dumps(data, ensure_ascii=False, default=plain, allow_nan=False)
    return text.translate(_HTML_SAFE).encode("utf-8")


def excerpt(value: str, limit: int = 200) -> str:
    """At most ``limit`` characters of a value a client sent, to quote in an error."""
    return value if len(value) <= limit else value[:limit] + f"… ({len(value):,} characters)"


def to_csv(rows: list[dict]) -> bytes:
    """A table as CSV: columns in first-seen order, lists and objects as JSON text, formula-like text neutralised
    (``saydo.export.cells``)."""
    columns: dict[str, None] = {}
    for row in rows:
        columns.update(dict.fromkeys(row))
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue().encode("utf-8")


def _cell(value) -> str:
    return safe_cell(_text(value))


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=plain)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


def output_format(request: Request, default: str) -> str:
    fmt = request.query_params.get("_format") or default
    if fmt not in FORMATS:
        raise BadFormat(f"_format={excerpt(fmt, 40)!r} is not one of {', '.join(FORMATS)}",
                        hint="ask for json, csv or html")
    return fmt


def wants_html(request: Request) -> bool:
    """Errors come as a page only to a browser asking for one on an HTML route; everyone else gets JSON."""
    if request.url.path.startswith("/api") or request.query_params.get("_format") in ("json", "csv"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_json(message: str, *, status: int, errors: list[str] | None = None, code: str | None = None) -> dict:
    body = {"ok": False, "error": message, "errors": errors or [message], "status": status}
    if code:
        body["code"] = code
    return body


def templates() -> Environment:
    env = Environment(loader=PackageLoader("saydo.serve", "web/templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True), trim_blocks=True,
                      lstrip_blocks=True)
    from saydo.serve import svg

    env.globals.update(line_chart=svg.line_chart, series_chart=svg.series_chart, tile_map=svg.tile_map,
                       region_map=svg.region_map, map_credit=svg.map_credit,
                       timeline_chart=svg.timeline_chart)
    env.filters.update(verdict_label=verdict_label, fmt_num=fmt_num, fmt_when=fmt_when, http_url=http_url)
    return env


def verdict_label(verdict: str | None) -> str:
    return (verdict or "unchecked").replace("_", " ")


def fmt_num(value, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, int) or (isinstance(value, float) and value.is_integer() and abs(value) >= 10):
        return f"{int(value):,}"
    return f"{value:,.{digits}f}"


def fmt_when(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, str):
        return value[:16].replace("T", " ")
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()
