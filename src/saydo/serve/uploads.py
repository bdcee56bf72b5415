"""Writes over HTTP: upload an article or an observation file; it runs as a job whose progress the page shows.

Every write needs the server's token (``SAYDO_TOKEN``), sent as ``Authorization: Bearer TOKEN`` or, from the upload
form, as the ``token`` field; it is compared in constant time. With no token configured the server is read-only and
refuses every write. Bodies over the size limit are refused before they are read (``saydo.serve.limits``).
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, File, Form, Request, UploadFile
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from saydo.errors import EmptyFile, Forbidden, TokenNeeded
from saydo.serve.jobs import Job, parse_date
from saydo.serve.params import SOURCE

CHUNK = 1 << 20
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def add_upload_routes(app: FastAPI) -> None:
    @app.get("/upload", include_in_schema=False, response_class=HTMLResponse)
    def upload_page(request: Request) -> HTMLResponse:
        from saydo.ingest.observations import format_names

        site = request.app.state.site
        html = request.app.state.templates.get_template("upload.html").render(
            site=site, formats=format_names(), jobs=[j.to_json() for j in request.app.state.jobs.all()],
            path=request.url.path, links={}, params={})
        return HTMLResponse(html)

    @app.post("/api/uploads/articles", tags=["uploads"], status_code=202, summary="Upload an article",
              responses={202: {"description": "The job, to poll at `api_url`."}, 401: {}, 403: {}, 413: {}})
    async def upload_article(request: Request, file: Annotated[UploadFile, File(description="Text or HTML.")],
                             date: Annotated[str | None, Form(description="Publication date YYYY-MM-DD, when the "
                                                                          "file does not say.")] = None,
                             token: Annotated[str | None, Form(description="The token, when not sent as a "
                                                                           "header.")] = None) -> Response:
        """Store the article, extract its statements and check its pledges, as a job (the same pipeline as
        `saydo run`). Needs the server's token."""
        _authorise(request, token)
        published = parse_date(date)
        path = await _save(request, file)
        job = request.app.state.jobs.submit("article", file.filename or path.name, path, published=published)
        return _accepted(request, job)

    @app.post("/api/uploads/observations", tags=["uploads"], status_code=202, summary="Upload an observation file",
              responses={202: {"description": "The job, to poll at `api_url`."}, 401: {}, 403: {}, 413: {}})
    async def upload_observations(request: Request, file: Annotated[UploadFile, File(description="CSV/TSV file.")],
                                  format: Annotated[str | None, Form(description="Format name; detected from the "
                                                                                 "header when empty.")] = None,
                                  source: Annotated[str | None, Form(pattern=SOURCE, description="Source name to "
                                                                                                 "store rows "
                                                                                                 "under.")] = None,
                                  token: Annotated[str | None, Form()] = None) -> Response:
        """Load the file into the observation table (rejected rows kept with their reasons), then re-check the
        stored pledges, as a job (the same as `saydo ingest observations` then `saydo check`). Needs the token."""
        from saydo.ingest.observations import reader_for

        _authorise(request, token)
        fmt = format or None
        if fmt:
            reader_for(fmt)  # an unknown format is refused now, not after the upload ran
        path = await _save(request, file)
        job = request.app.state.jobs.submit("observations", file.filename or path.name, path, fmt=fmt,
                                            source=source or None)
        return _accepted(request, job)

    @app.get("/api/jobs", tags=["uploads"], summary="Upload jobs")
    def jobs(request: Request) -> dict:
        """The jobs this server has run since it started, newest first."""
        return {"ok": True, "jobs": [j.to_json() for j in request.app.state.jobs.all()]}

    @app.get("/api/jobs/{job_id}", tags=["uploads"], summary="One upload job")
    def job(request: Request, job_id: str) -> dict:
        """A job's state (queued, running, done, failed), stage, progress counts, and its result or error."""
        return {"ok": True, **request.app.state.jobs.get(job_id).to_json()}

    @app.get("/jobs/{job_id}", include_in_schema=False, response_class=HTMLResponse)
    def job_page(request: Request, job_id: str) -> HTMLResponse:
        found = request.app.state.jobs.get(job_id)
        html = request.app.state.templates.get_template("job.html").render(
            job=found.to_json(), site=request.app.state.site, path=request.url.path, links={}, params={})
        return HTMLResponse(html)


def _authorise(request: Request, form_token: str | None) -> None:
    site = request.app.state.site
    if site.read_only:
        raise Forbidden("this server is read-only: it was started without SAYDO_TOKEN",
                        hint="restart `saydo serve` with SAYDO_TOKEN set to allow uploads")
    header = request.headers.get("authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else (form_token or "")
    if not given:
        raise TokenNeeded("uploads need the server's token",
                          hint="send the header 'Authorization: Bearer TOKEN' or fill in the token field")
    if not site.token_matches(given):
        raise TokenNeeded("the token is not this server's token", hint="use the SAYDO_TOKEN the server started with")


async def _save(request: Request, upload: UploadFile) -> Path:
    """Write the upload into the data folder under its hash and a safe name; a file already there is reused."""
    site = request.app.state.site
    folder = site.data_dir / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    size = 0
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".upload-")
    try:
        with os.fdopen(fd, "wb") as out:
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                digest.update(chunk)
                out.write(chunk)
        if size == 0:
            raise EmptyFile(f"the uploaded file {upload.filename or ''!r} is empty", hint="choose a file with data")
        name = _UNSAFE.sub("_", Path(upload.filename or "upload").name).strip("._")[:80] or "upload"
        final = folder / f"{digest.hexdigest()[:16]}-{name}"
        os.replace(tmp, final)
        return final
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _accepted(request: Request, job: Job) -> Response:
    """202 with the job; a browser form post without script goes to the job's page instead."""
    if "text/html" in request.headers.get("accept", "") and "application/json" not in request.headers.get("accept",
                                                                                                          ""):
        return RedirectResponse(f"/jobs/{job.id}", status_code=303)
    return JSONResponse({"ok": True, **job.to_json()}, status_code=202, headers={"location": f"/api/jobs/{job.id}"})
