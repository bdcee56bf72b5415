"""One conftest for the whole suite: paths to ../shared, a fresh store per test, and the CLI runner."""

from __future__ import annotations

import os
import shutil
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


@pytest.fixture(scope="session")
def spark_master():
    """The Spark master the tests run on: two local cores, one SparkSession for the whole test session (each engine
    opens a child session of it). Skips with the reason when pyspark or Java is missing (`make test` installs the
    spark extra; Java 17 is on the machines)."""
    pytest.importorskip("pyspark", reason="the spark extra is not installed (make test installs it)")
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        pytest.skip("Spark needs Java 17 (no java on PATH and no JAVA_HOME)")
    return "local[2]"


def assert_parity(duck, spark, where: str = "") -> None:
    """Two results that must be the same figure for figure: counts, texts and verdicts exactly, other numbers (ratios,
    intervals, hours) to 1e-9."""
    if isinstance(duck, float) or isinstance(spark, float):
        assert duck == pytest.approx(spark, rel=1e-9, abs=1e-9), where
    elif isinstance(duck, dict) and isinstance(spark, dict):
        assert duck.keys() == spark.keys(), where
        for key in duck:
            assert_parity(duck[key], spark[key], f"{where}.{key}")
    elif isinstance(duck, list | tuple) and isinstance(spark, list | tuple):
        assert len(duck) == len(spark), where
        for i, (a, b) in enumerate(zip(duck, spark)):
            assert_parity(a, b, f"{where}[{i}]")
    else:
        assert duck == spark, where
