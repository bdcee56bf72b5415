"""``saydo serve``: the web app and JSON API over the store (read-only unless SAYDO_TOKEN is set)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Optional

import typer

from saydo.errors import ConfigError
from saydo.serve.cli import app
from saydo.serve.cli.options import DbOption, err_console


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on. Keep 127.0.0.1 unless a proxy "
                                                     "in front of it adds TLS.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="Port to listen on.", min=1, max=65535)] = 8008,
    data_dir: Annotated[Optional[Path], typer.Option(
        "--data-dir", help="Folder for uploads; only files inside it can be downloaded (default: $SAYDO_DATA, "
                           "else saydo-data beside the database).", show_default=False)] = None,
    max_upload_mb: Annotated[Optional[float], typer.Option(
        "--max-upload-mb", help="Largest request body in MB (default: $SAYDO_MAX_UPLOAD_MB, else 10).",
        show_default=False, min=0.001)] = None,
    boundaries: Annotated[Optional[Path], typer.Option(
        "--boundaries", help="ADM1 boundary GeoJSON for the map (default: $SAYDO_BOUNDARIES, else the file in "
                             "../shared beside a checkout, else a schematic tile map).", show_default=False)] = None,
    header_timeout: Annotated[Optional[float], typer.Option(
        "--header-timeout", help="Seconds a request's headers may take to arrive (default: $SAYDO_HEADER_TIMEOUT, "
                                 "else 10).", show_default=False, min=0.1)] = None,
    body_timeout: Annotated[Optional[float], typer.Option(
        "--body-timeout", help="Seconds a request's body may take after its headers (default: $SAYDO_BODY_TIMEOUT, "
                               "else 120).", show_default=False, min=0.1)] = None,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn log level.")] = "warning",
) -> None:
    """Start the web app and JSON API (pages at /, API docs at /docs). Uploads need SAYDO_TOKEN in the
    environment; without it the server is read-only."""
    try:
        from saydo.serve.app import create_app
        from saydo.serve.settings import Settings
        from saydo.serve.timeouts import server
    except ImportError as exc:  # the web extra is not installed
        raise ConfigError(f"the web server needs a package that is missing ({exc.name})",
                          hint="install saydo[web], or run `make demo`") from None
    if boundaries is not None:
        from saydo.errors import MissingFile
        from saydo.resolve.geo import configure

        if not boundaries.is_file():
            raise MissingFile("no boundary file here", where=str(boundaries), hint="pass an ADM1 GeoJSON file")
        configure(boundaries)
    settings = Settings.build(db, data_dir=data_dir,
                              max_upload=int(max_upload_mb * 1024 * 1024) if max_upload_mb else None,
                              base_url=f"http://{host}:{port}", header_timeout=header_timeout,
                              body_timeout=body_timeout)
    application = create_app(settings)
    mode = "read-only (no SAYDO_TOKEN)" if settings.read_only else "uploads allowed with the token"
    err_console.print(f"saydo serve: http://{host}:{port}/ over {settings.db_path} — {mode}; "
                      f"API docs at http://{host}:{port}/docs; Ctrl-C stops it")
    if os.environ.get("SAYDO_TOKEN") and host not in ("127.0.0.1", "localhost", "::1"):
        err_console.print("saydo serve: the token travels in clear over plain HTTP; put TLS in front of a public "
                          "address")
    server(application, settings, host=host, port=port, log_level=log_level).run()
