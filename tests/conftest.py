"""One conftest for the whole suite: paths to ../shared, a fresh store per test, and the CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUTPUT = ROOT / "test-output"


def shared_path(*parts: str) -> Path:
    """A path under ../shared; the test skips with a reason when it is absent (a user's clone has no ../shared)."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared/{'/'.join(parts)} (the shared test material beside the repository)")
    return path


@pytest.fixture
def store(tmp_path):
    from saydo.store import Store

    with Store(tmp_path / "test.duckdb") as s:
        yield s


@pytest.fixture
def cli(capsys):
    """Run the saydo CLI in-process: returns (exit code, stdout, stderr)."""
    from saydo.serve.cli import main

    def invoke(*args: str) -> tuple[int, str, str]:
        code = 0
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


@pytest.fixture(scope="session")
def nlp():
    from saydo.extract import load_nlp

    return load_nlp()
