"""The engine switch as a user meets it: `saydo run`, `ingest`, `extract` and `check` with `--engine spark` print what
the DuckDB engine prints (same statements, checks and figures, same load reports, notes and exit codes)."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT, assert_parity, shared_path

FIXTURES = ROOT / "tests" / "fixtures" / "observations"


def _spark(tmp_path: Path, master: str, name: str = "warehouse") -> list[str]:
    return ["--engine", "spark", "--spark-master", master, "--warehouse", str(tmp_path / name)]


def test_spark_run_prints_the_same_json(cli, tmp_path, spark_master):
    """The founding example on the real volunteer log: `saydo run ... --json` is the same on both engines."""
    article = shared_path("examples", "kyiv-2022-03-29.txt")
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    code, duck, _ = cli("run", article, "--alerts", alerts, "--db", tmp_path / "duck.duckdb", "--json")
    assert code == 0
    code, spark, err = cli("run", article, "--alerts", alerts, "--db", tmp_path / "spark.duckdb", "--json",
                           *_spark(tmp_path, spark_master))
    assert code == 0, err
    assert json.loads(spark) == json.loads(duck)
    checks = json.loads(spark)["checks"]
    assert any(c["verdict"] == "kept" and c["source"] == "alerts.volunteer" for c in checks), checks
    assert (tmp_path / "warehouse" / "observations" / "source=alerts.volunteer").is_dir()


def test_spark_ingest_reports_notes_and_exit_codes_match(cli, tmp_path, spark_master, monkeypatch):
    """Files with bad rows, out-of-scope rows, quoted fields and repeats, cut into many small pieces on Spark."""
    from saydo.ingest.observations import spark as on_spark

    monkeypatch.setattr(on_spark, "PIECE_BYTES", 150)
    files = [FIXTURES / name for name in ("alerts-volunteer-bad-rows.csv", "alerts-volunteer-quoted.csv",
                                          "alerts-official-overlap.csv", "acled-sample.csv", "gdelt-sample.tsv",
                                          "alerts-only-bad-date.csv", "alerts-wrong-header.csv")]
    files.append(files[0])  # the same file twice: loaded once
    results = {}
    for engine, extra in (("duckdb", []), ("spark", _spark(tmp_path, spark_master))):
        db = tmp_path / f"{engine}.duckdb"
        results[engine] = [cli("ingest", "observations", *files, "--db", db, "--json", *extra),
                           cli("ingest", "observations", FIXTURES / "mapped-strikes.csv", "--mapping",
                               FIXTURES / "mapped-strikes.toml", "--db", db, "--json", *extra),
                           cli("ingest", "observations", *files[:2], "--db", db, "--json", *extra)]  # again
    for (code, out, err), (code_s, out_s, err_s) in zip(results["duckdb"], results["spark"]):
        assert code_s == code == 2
        assert json.loads(out_s) == json.loads(out)
        spark_lines = [line for line in err_s.splitlines() if line.startswith("saydo:")]
        assert spark_lines == [line for line in err.splitlines() if line.startswith("saydo:")]
    first = json.loads(results["spark"][0][1])
    assert any(r["out_of_scope"] for r in first) and any(r["rejected"] for r in first)
    assert all(r["already_loaded"] for r in json.loads(results["spark"][2][1]))


def test_spark_extract_writes_the_contract_and_check_reads_it(cli, tmp_path, spark_master):
    """Extraction on Spark prints what the DuckDB engine prints and writes it to the warehouse; a check on Spark
    then checks those pledges as it checks pledges ingested into the DuckDB file, with the same figures, as of a date
    too."""
    import csv

    article = shared_path("examples", "kyiv-2022-03-29.txt")
    press = shared_path("corpus", "press", "kremlin-ru-en-2021q4.csv")
    alerts = shared_path("data", "air-raid-alerts", "volunteer_data_en.csv")
    csv.field_size_limit(1 << 30)
    with press.open(encoding="utf-8", newline="") as fh:
        rows = [row for _, row in zip(range(8), csv.DictReader(fh))]
    with (tmp_path / "press.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows[:4])
    import pyarrow as pa

    pq.write_table(pa.Table.from_pylist(rows[4:]), tmp_path / "press.parquet")
    inputs = [article, tmp_path / "press.csv", tmp_path / "press.parquet", tmp_path / "missing.txt"]
    code, duck, duck_err = cli("extract", *inputs, "--json")
    code_s, spark, spark_err = cli("extract", *inputs, "--json", *_spark(tmp_path, spark_master))
    assert code_s == code == 2  # the missing file
    assert [json.loads(line) for line in spark.splitlines()] == [json.loads(line) for line in duck.splitlines()]
    assert [x for x in spark_err.splitlines() if x.startswith("saydo:")] == \
        [x for x in duck_err.splitlines() if x.startswith("saydo:")]
    stored = pq.read_table(tmp_path / "warehouse" / "statements").to_pylist()
    contract = {json.dumps(json.loads(line), sort_keys=True) for line in duck.splitlines()}
    fields = json.loads(duck.splitlines()[0]).keys()
    assert len(stored) == len(contract) > 30
    assert {json.dumps({k: _json_value(k, row[k]) for k in fields}, sort_keys=True) for row in stored} == contract

    duck_db, spark_db = tmp_path / "duck.duckdb", tmp_path / "spark.duckdb"
    assert cli("ingest", "articles", *inputs[:3], "--db", duck_db)[0] == 0
    assert cli("ingest", "observations", alerts, "--db", duck_db)[0] == 0
    assert cli("ingest", "observations", alerts, "--db", spark_db, *_spark(tmp_path, spark_master))[0] == 0
    for extra in ([], ["--as-of", "2022-04-05"]):
        code, duck_checks, _ = cli("check", "--db", duck_db, "--json", *extra)
        code_s, spark_checks, err = cli("check", "--db", spark_db, "--json", *extra,
                                        *_spark(tmp_path, spark_master))
        assert code == code_s == 0, err
        found = json.loads(spark_checks)
        assert found["checks"] and found["statements"]
        assert_parity(json.loads(duck_checks), found, f"check {extra}")


def _json_value(key: str, value):
    return json.loads(value) if key == "corrected" and value is not None else value


@pytest.mark.parametrize("args, needle", [
    (["--engine", "sqlite"], "[SD105] --engine: unknown engine 'sqlite'"),
    (["--warehouse", "wh"], "[SD105] --warehouse is for the spark engine"),
])
def test_spark_engine_options_are_checked(cli, tmp_path, args, needle):
    code, _, err = cli("check", "--db", tmp_path / "db.duckdb", *args)
    assert code == 2 and needle in err and "Traceback" not in err
