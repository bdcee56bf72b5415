"""Every registered view becomes two routes: the page (``/checks/{id}``, also ``.json``/``.csv``/``?_format=``) and
the API (``/api/statements/{id}``, JSON unless ``_format=csv``). Both call the same view; FastAPI validates the
parameters from the view's own signature, so the OpenAPI document lists exactly what the views accept.
"""

from __future__ import annotations

import functools
import inspect
import os
import typing
from urllib.parse import urlencode

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from starlette.responses import Response

from saydo.errors import SaydoError
from saydo.serve.render import MEDIA, output_format, to_csv, to_json
from saydo.serve.views import View


class NoTable(SaydoError):
    code = "SD706"


def add_view_routes(app: FastAPI, views: dict[str, View]) -> None:
    for v in views.values():
        app.add_api_route(v.path, endpoint(v, "html"), methods=["GET"], include_in_schema=False,
                          name=f"{v.name}_page", response_class=Response)
        if v.api_path:
            app.add_api_route(v.api_path, endpoint(v, "json"), methods=["GET"], name=v.name, summary=v.title,
                              description=_doc(v), tags=[_tag(v)], response_class=Response,
                              responses={200: {"content": {"application/json": {}, "text/csv": {}}}})


def endpoint(v: View, default_format: str):
    hints = typing.get_type_hints(v.func, include_extras=True)
    params = [p.replace(annotation=hints.get(name, p.annotation))
              for name, p in inspect.signature(v.func).parameters.items() if name not in ("store", "site", "memo")]
    wants_site = "site" in inspect.signature(v.func).parameters
    wants_memo = "memo" in inspect.signature(v.func).parameters

    def compute(request: Request, fmt: str, key: tuple, kwargs: dict) -> Response:
        db = request.app.state.db
        generation = db.generation
        extra = {"site": request.app.state.site} if wants_site else {}
        if wants_memo:
            extra["memo"] = db.memo
        with db.reading() as store:
            data = v.func(store, **kwargs, **extra)
        body, headers = _render(request, v, data, fmt, kwargs)
        db.remember(key, (body, MEDIA[fmt], headers), generation)
        return Response(body, media_type=MEDIA[fmt], headers=headers)

    async def call(request: Request, **kwargs) -> Response:
        """A cached answer is sent from the event loop; anything else runs in a worker thread (DuckDB blocks)."""
        fmt = output_format(request, default_format)
        key = (v.name, fmt, tuple(sorted((k, str(val)) for k, val in kwargs.items())))
        hit = request.app.state.db.cached(key)
        if hit is not None:
            return Response(hit[0], media_type=hit[1], headers=hit[2])
        return await anyio.to_thread.run_sync(compute, request, fmt, key, kwargs, limiter=_limiter())

    call.__signature__ = inspect.Signature(
        [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Request), *params])
    call.__name__ = f"{v.name}_{default_format}"
    call.__doc__ = v.func.__doc__
    return call


_LIMIT: list[anyio.CapacityLimiter] = []


def _limiter() -> anyio.CapacityLimiter:
    """How many views compute at once, one per core: more only make DuckDB queries contend (bench_serve measured
    150 req/s with 2 on 2 cores against 119 with 40); the rest wait in the event loop, not in threads."""
    if not _LIMIT:
        _LIMIT.append(anyio.CapacityLimiter(max(2, os.cpu_count() or 2)))
    return _LIMIT[0]


def _render(request: Request, v: View, data: dict, fmt: str, params: dict) -> tuple[bytes, dict]:
    if fmt == "csv":
        if not v.table:
            raise NoTable(f"{v.title} has no table to download", hint="ask for _format=json")
        return to_csv(data.get(v.table) or []), {"content-disposition": f'attachment; filename="{v.name}.csv"'}
    links = _links(request, v, data, params)
    if fmt == "json":
        return to_json({"ok": True, **data, **links}), {}
    site = request.app.state.site
    template = request.app.state.templates.get_template(v.template)
    html = template.render(**data, view=v, links=links, site=site, path=request.url.path, params=params,
                           table_rows=data.get(v.table) or [] if v.table else [])
    return html.encode("utf-8"), {}


def _links(request: Request, v: View, data: dict, params: dict) -> dict:
    """URLs for the next and previous pages and for this answer in the other formats."""
    aliases = _aliases(v)
    query = {aliases.get(k, k): _plain(val) for k, val in params.items() if val is not None}
    path = request.url.path
    links = {"json_url": f"{path}?{urlencode({**query, '_format': 'json'})}"}
    if v.table:
        links["csv_url"] = f"{path}?{urlencode({**query, '_format': 'csv'})}"
    for name in ("next", "previous"):
        if data.get(name) is not None:
            links[f"{name}_url"] = f"{path}?{urlencode({**query, 'offset': data[name]})}"
    return links


@functools.cache
def _aliases(v: View) -> dict[str, str]:
    """Parameters whose name in the query string differs (``from`` for ``date_from``); read once per view."""
    found = {}
    for name, hint in typing.get_type_hints(v.func, include_extras=True).items():
        for meta in getattr(hint, "__metadata__", ()):
            if getattr(meta, "alias", None):
                found[name] = meta.alias
    return found


def _plain(value) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _tag(v: View) -> str:
    return v.api_path.split("/")[2] if v.api_path else "pages"


def _doc(v: View) -> str:
    return ((v.func.__doc__ or "").strip() + f"\n\nThe same view as a page: `{v.path}` (add `.json` or `.csv`, or "
            "`?_format=json|csv`)." + (f" `?_format=csv` downloads the `{v.table}` table." if v.table else ""))
