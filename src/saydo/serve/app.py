"""The web app and JSON API: one FastAPI application over one DuckDB file.

``create_app(settings)`` wires the views (``saydo.serve.views``, each served as a page and as JSON), the uploads
(``saydo.serve.uploads``), the vendored static files, the offline API docs and the one JSON error shape:

    {"ok": false, "error": "...", "errors": ["..."], "status": 404, "code": "SD704"}

Browsers asking for a page get the same message as a page. Nothing is loaded from another host.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib.resources import files
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, HTMLResponse, Response

from saydo import __version__
from saydo.errors import NotFound, SaydoError
from saydo.export.policy import CONTENT_SECURITY_POLICY
from saydo.serve.database import Database
from saydo.serve.guard import WriteGuard
from saydo.serve.jobs import Jobs
from saydo.serve.limits import BodyLimit
from saydo.serve.params import FileSha
from saydo.serve.render import error_json, excerpt, templates, to_json, wants_html
from saydo.serve.routes import add_view_routes
from saydo.serve.settings import Settings
from saydo.serve.views import load

SECURITY_HEADERS = {
    # Everything the pages use comes from this server; inline scripts and styles are not allowed either.
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}

STATUS_WORDS = {400: "Bad request", 401: "Token needed", 403: "Not allowed", 404: "Not found",
                405: "Method not allowed", 413: "Too large", 422: "Invalid parameters", 500: "Server error"}


def create_app(settings: Settings, *, database: Database | None = None) -> FastAPI:
    """The application. ``database`` lets tests share one open store; by default the settings' file is opened
    (read-only when no token is configured)."""
    db = database or Database(settings.db_path, read_only=settings.read_only)
    jobs = Jobs(db, settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        jobs.close()
        if database is None:
            db.close()

    app = FastAPI(title="saydo", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  lifespan=lifespan,
                  description="What parties to a war say, checked against what they observably do. Every page of "
                              "the web app is also JSON (`/api/...`, or `.json` / `?_format=json` on the page), and "
                              "every table downloads as CSV (`?_format=csv`). Errors have one shape: "
                              "`{ok: false, error, errors, status, code}`.")
    app.state.db, app.state.site, app.state.jobs = db, settings, jobs
    app.state.templates = templates()
    app.add_middleware(WriteGuard, site=settings)
    app.add_middleware(BodyLimit, max_bytes=settings.max_upload)
    app.add_middleware(DropEmptyQuery)
    app.add_middleware(FormatSuffix)

    app.add_middleware(SecurityHeaders)

    _error_handlers(app)
    app.mount("/static", StaticFiles(directory=str(files("saydo.serve") / "web" / "static")), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request) -> HTMLResponse:
        """The OpenAPI document as a page drawn on the server (no script from elsewhere)."""
        html = app.state.templates.get_template("docs.html").render(
            spec=app.openapi(), site=settings, path=request.url.path, links={}, params={})
        return HTMLResponse(html)

    @app.get("/files/{sha256}/download", tags=["observations"], summary="Download a loaded file",
             responses={200: {"content": {"application/octet-stream": {}}}})
    def download(sha256: FileSha) -> FileResponse:
        """The file itself, when it lies inside the server's data folder (uploads do); nothing else is served."""
        from saydo.store import views as sv

        found = sv.file(db.store(), sha256)
        path = settings.servable(found["path"]) if found else None
        if path is None:
            raise NotFound(f"file {sha256} can't be downloaded from this server",
                           hint="only files uploaded to this server (inside its data folder) can be downloaded")
        return FileResponse(path, filename=path.name, media_type="application/octet-stream")

    @app.get("/healthz", include_in_schema=False)
    def healthz() -> dict:
        return {"ok": True, "version": __version__, "read_only": settings.read_only}

    from saydo.serve.editing import add_editing_routes
    from saydo.serve.uploads import add_upload_routes

    add_upload_routes(app)
    add_editing_routes(app)
    add_view_routes(app, load())
    return app


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response (plain ASGI: no per-request task as ``@app.middleware`` has)."""

    _headers = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *((k, v) for k, v in self._headers if k not in present)]}
            await send(message)

        await self.app(scope, receive, with_headers)


class DropEmptyQuery:
    """A filter form sends every field, the unset ones empty (``?actor=&region=``): an empty value means the
    filter is not set, so it is dropped before the parameters are validated."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            pairs = parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)
            kept = [(k, v) for k, v in pairs if v != ""]
            if len(kept) != len(pairs):
                scope = {**scope, "query_string": urlencode(kept).encode("latin-1")}
        await self.app(scope, receive, send)


class FormatSuffix:
    """``/checks/ID.json`` and ``/observations.csv`` are the page as JSON or CSV, as the docs promise: the suffix
    becomes ``?_format=`` before routing (``/.json`` or ``/index.json`` is the home page). Static files, the API and
    the OpenAPI document keep their names."""

    KEEP = ("/static/", "/openapi.json", "/api/")

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http":
            path = scope["path"]
            suffix = next((s for s in (".json", ".csv") if path.endswith(s)), None)
            if suffix and not path.startswith(self.KEEP):
                base = path[: -len(suffix)]
                base = "/" if base in ("", "/", "/index") else base
                query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
                query = [(k, v) for k, v in query if k != "_format"] + [("_format", suffix[1:])]
                scope = {**scope, "path": base, "raw_path": base.encode("latin-1"),
                         "query_string": urlencode(query).encode("latin-1")}
        await self.app(scope, receive, send)


def _error_handlers(app: FastAPI) -> None:
    def respond(request: Request, body: dict) -> Response:
        status = body["status"]
        headers = {"www-authenticate": "Bearer"} if status == 401 else None
        if wants_html(request):
            html = request.app.state.templates.get_template("error.html").render(
                error=body, title=STATUS_WORDS.get(status, "Error"), site=request.app.state.site,
                path=request.url.path, links={}, params={})
            return HTMLResponse(html, status_code=status, headers=headers)
        return Response(to_json(body), status_code=status, headers=headers, media_type="application/json")

    @app.exception_handler(SaydoError)
    async def saydo_error(request: Request, exc: SaydoError) -> Response:
        return respond(request, exc.to_json())

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = []
        for e in exc.errors():
            where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
            errors.append(f"[SD701] {where or 'request'}: {e.get('msg', 'invalid value')}")
        message = errors[0] if len(errors) == 1 else f"[SD701] {len(errors)} invalid parameters"
        return respond(request, error_json(message, status=422, errors=errors, code="SD701"))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        code = {404: "SD704", 405: "SD707", 413: "SD713"}.get(exc.status_code, "SD700")
        detail = exc.detail if isinstance(exc.detail, str) else STATUS_WORDS.get(exc.status_code, "error")
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {excerpt(request.url.path)} (see / for the pages, /docs for the API)"
        return respond(request, error_json(f"[{code}] {detail}", status=exc.status_code, code=code))

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        import logging

        logging.getLogger("saydo.serve").exception("unexpected error on %s", request.url.path)
        return respond(request, error_json("[SD799] unexpected server error; it was logged", status=500,
                                           code="SD799"))
