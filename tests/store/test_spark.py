"""The Spark engine against the DuckDB engine on real data: the same rows loaded, the same figures and verdicts.

The real alert logs (volunteer and official) and UCDP's events are loaded once through each engine — on Spark in
pieces of 1 MB, so that files are cut and the pieces' first lines counted — and the same pledges are checked on both:
a reduction (the founding example), a withdrawal, a shift of effort, the Orthodox Christmas truce of January 2023,
a promise not to strike a nuclear plant against an event dataset, with all data and as of two earlier dates. Counts
must be equal, ratios and intervals equal to 1e-9.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import pytest

from saydo.check import check_pledges
from saydo.errors import BadValue
from saydo.ingest.observations import load_observations
from saydo.records import Statement, Window
from saydo.store import Store
from saydo.store.engine import attach, choose
from tests.conftest import assert_parity, shared_path

MSK = timezone(timedelta(hours=3))
KYIV_CHERNIHIV = ("UA-30", "UA-32", "UA-74")
COLUMNS = ("id, source, region, event_type, started_at, finished_at, level, subregion, actor, file, file_sha256, "
           "line, row_id, lat, lon, geo_method, fatalities, description, article_id, span_start, span_end")


def _pledge(text: str, places: tuple[str, ...], published: date, window: Window = Window()) -> Statement:
    return Statement(article="t.txt", article_id="t", published=published, speaker="A Minister", actor="RUS",
                     kind="pledge", quote="indirect", text=text, start=0, end=len(text), places=places, window=window)


PLEDGES = [
    _pledge("Moscow would radically reduce military activity around the two cities", KYIV_CHERNIHIV, date(2022, 3, 29)),
    _pledge("Russian forces will pull back from around the two cities", KYIV_CHERNIHIV, date(2022, 3, 29)),
    _pledge("forces would shift their attention to the liberation of Donbas", ("UA-14",), date(2022, 3, 25)),
    _pledge("Putin ordered a ceasefire along the entire line of contact", ("UA",), date(2023, 1, 5),
            Window(datetime(2023, 1, 6, 12, tzinfo=MSK), datetime(2023, 1, 8, 0, tzinfo=MSK))),
    _pledge("Russia agreed not to strike the nuclear plant", ("UA-23",), date(2022, 9, 10)),
]


def test_spark_engine_is_chosen_by_option_then_environment(monkeypatch, tmp_path):
    monkeypatch.delenv("SAYDO_ENGINE", raising=False)
    assert choose().name == "duckdb"
    monkeypatch.setenv("SAYDO_ENGINE", "spark")
    monkeypatch.setenv("SAYDO_WAREHOUSE", str(tmp_path / "wh"))
    chosen = choose()
    assert chosen.spark and chosen.warehouse == str(tmp_path / "wh") and chosen.master is None
    assert choose("duckdb").name == "duckdb"
    with pytest.raises(BadValue, match=r"\[SD105\] --engine: unknown engine 'sqlite'"):
        choose("sqlite")


@pytest.fixture(scope="module")
def engines(tmp_path_factory, spark_master):
    """(DuckDB store, Spark store, DuckDB load reports, Spark load reports) with the same files loaded."""
    from saydo.ingest.observations import spark as on_spark

    files = [shared_path("data", "air-raid-alerts", "volunteer_data_en.csv"),
             shared_path("data", "air-raid-alerts", "official_data_en.csv"),
             shared_path("data", "events", "ucdp-ged-ukraine.csv")]
    folder = tmp_path_factory.mktemp("spark")
    with Store(folder / "duck.duckdb") as duck, Store(folder / "spark.duckdb") as spark, \
            pytest.MonkeyPatch.context() as patch:
        duck_reports = [load_observations(duck, f).to_json() for f in files]
        attach(spark, choose("spark", master=spark_master, warehouse=str(folder / "warehouse")))
        patch.setattr(on_spark, "PIECE_BYTES", 1 << 20)  # cut the 4 MB logs into pieces
        reports, errors = on_spark.load_files(spark, files)
        assert not errors
        yield duck, spark, duck_reports, [r.to_json() for r in reports]


def test_spark_loads_the_same_rows_ids_and_rejects(engines):
    duck, spark, duck_reports, spark_reports = engines
    assert spark_reports == duck_reports
    assert sum(r["loaded"] for r in spark_reports) > 100_000
    warehouse = spark.engine.path("observations")
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    stored = con.execute(f"SELECT {COLUMNS} FROM read_parquet('{warehouse}/**/*.parquet', hive_partitioning = true) "
                         f"ORDER BY id").fetchall()
    assert stored == duck.con.execute(f"SELECT {COLUMNS} FROM observations ORDER BY id").fetchall()
    assert not spark.query("SELECT * FROM observations")  # the rows are in the warehouse, not the DuckDB file
    months = {p.name for p in Path(warehouse, "source=alerts.volunteer").glob("month=*")}
    assert {"month=2022-03", "month=2024-10"} <= months  # partitioned by source and month
    assert spark.query("SELECT * FROM rejects ORDER BY id") == duck.query("SELECT * FROM rejects ORDER BY id")
    assert spark.query("SELECT sha256, path, source, rows_loaded, rows_rejected, rows_duplicate FROM files "
                       "ORDER BY 1") == duck.query("SELECT sha256, path, source, rows_loaded, rows_rejected, "
                                                   "rows_duplicate FROM files ORDER BY 1")


def test_spark_checks_give_the_same_verdicts_and_figures(engines):
    duck, spark, *_ = engines
    runs = 0
    for as_of in (None, datetime(2022, 4, 5, tzinfo=timezone.utc), datetime(2022, 5, 1, tzinfo=timezone.utc)):
        expected, untested = check_pledges(duck, PLEDGES, as_of=as_of, reuse=False)
        found, untested_spark = check_pledges(spark, PLEDGES, as_of=as_of, reuse=False)
        assert_parity([c.to_json() for c in expected], [c.to_json() for c in found], f"as_of={as_of}")
        assert [(s.id, why) for s, why in untested] == [(s.id, why) for s, why in untested_spark]
        runs += len(found)
        if as_of is None:
            templates = {c.template for c in found}
            assert {"reduce", "withdraw", "increase", "ceasefire", "no_strike"} <= templates, templates
            by = {(c.template, c.source): c for c in found}
            assert sum(len(c.to_json()["measures"]) for c in found) > 40  # the figures compared are there
            assert by[("no_strike", "ucdp")].verdict == "broken" and "row " in by[("no_strike", "ucdp")].explanation
            assert {c.source for c in found} == {"alerts.volunteer", "alerts.official", "ucdp"}
        else:
            assert any(c.verdict == "too_early" for c in found)
    assert runs > 20


def test_spark_summaries_and_daily_series_match(engines):
    from saydo.store.alerts import oblast_alert_counts
    from saydo.store.coverage import coverage
    from saydo.store.queries import daily_series

    duck, spark, *_ = engines
    assert [c.to_json() for c in coverage(spark)] == [c.to_json() for c in coverage(duck)]
    assert oblast_alert_counts(spark, "alerts.official") == oblast_alert_counts(duck, "alerts.official")
    start = datetime(2022, 3, 29, 9, 30, tzinfo=timezone.utc)
    for source in ("alerts.volunteer", "alerts.official"):
        a = daily_series(duck, source=source, start=start, window_days=14)
        b = daily_series(spark, source=source, start=start, window_days=14)
        assert_parity(a.to_dict("records"), b.to_dict("records"), source)
