"""A database built by the bundled demo, shared by the export tests (no ../shared needed)."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(scope="package")
def demo_db(tmp_path_factory):
    from saydo.serve.cli import main

    out = tmp_path_factory.mktemp("demo")
    with pytest.raises(SystemExit) as done:
        main(["demo", "--out", str(out), "--json"])
    assert done.value.code in (0, None)
    return out / "saydo.duckdb", json.loads((out / "result.json").read_text(encoding="utf-8"))
