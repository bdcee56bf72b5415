"""Fixtures for the web app: a store built by `saydo demo` (bundled data), copied per module, and clients over it."""

from __future__ import annotations

import shutil
from contextlib import contextmanager

import pytest

TOKEN = "test-token-6f1c-long-enough"


@pytest.fixture(scope="session")
def demo_db_file(tmp_path_factory):
    """The store `saydo demo` writes (an article we wrote and an alert extract bundled in the package)."""
    from saydo.serve.cli import main

    out = tmp_path_factory.mktemp("demo-site")
    with pytest.raises(SystemExit) as done:
        main(["demo", "--out", str(out), "--json"])
    assert done.value.code == 0
    return out / "saydo.duckdb"


@contextmanager
def site_client(db_file, tmp_path, *, token: str | None = None, max_upload: int | None = None):
    """A TestClient over a copy of ``db_file``; uploads go to ``tmp_path/data``."""
    from fastapi.testclient import TestClient

    from saydo.serve.app import create_app
    from saydo.serve.settings import Settings

    db = tmp_path / "site.duckdb"
    shutil.copy(db_file, db)
    settings = Settings.build(db, token=token or "", data_dir=tmp_path / "data", max_upload=max_upload)
    with TestClient(create_app(settings)) as client:
        client.settings = settings
        yield client


@pytest.fixture(scope="module")
def client(demo_db_file, tmp_path_factory):
    """Read-only client (no token configured) over the demo store."""
    with site_client(demo_db_file, tmp_path_factory.mktemp("ro")) as c:
        yield c


@pytest.fixture
def writer(demo_db_file, tmp_path):
    """Client of a server with a token, over a fresh copy of the demo store."""
    with site_client(demo_db_file, tmp_path, token=TOKEN, max_upload=256 * 1024) as c:
        yield c


def assert_error_shape(response, status: int, code: str | None = None) -> dict:
    """Every error, whatever raised it, has the same JSON shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error", "errors", "status", "code"}, body
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"] and body["errors"] and body["error"] in body["errors"][0]
    assert body["error"].startswith(f"[{body['code']}]")
    if code:
        assert body["code"] == code, body
    return body
