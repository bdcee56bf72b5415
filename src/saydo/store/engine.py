"""Which engine runs the queries over observations, and the few built-ins that differ between engines.

saydo's aggregations over observations — the activity grid the check engine reads (``grid``), the merge of
overlapping alerts (``alerts``), the daily series (``queries``) and the coverage summary (``coverage``) — are Ibis
expressions over ``store.ibis.table("observations")``. With the default engine, ``store.ibis`` is DuckDB over the
store's own file. With ``spark`` it is Ibis's PySpark backend, where ``observations`` is the warehouse's Parquet
together with the rows the DuckDB file holds (``saydo.store.spark``): the same expressions, another engine. Nothing
above the store knows which one ran.

The one place where an expression needs a function the engines name differently is here: ``unix_seconds``.

Choosing: ``--engine`` (else ``$SAYDO_ENGINE``, else ``duckdb``); for Spark, ``--spark-master`` (else
``$SAYDO_SPARK_MASTER``, else ``local[*]``, or the master ``spark-submit`` was given) and ``--warehouse`` (else
``$SAYDO_WAREHOUSE``, else ``./saydo-warehouse``): a folder or a Hadoop URI (``s3a://bucket/saydo``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import ibis
import ibis.expr.datatypes as dt

from saydo.errors import BadValue

ENGINES = ("duckdb", "spark")
DEFAULT_ENGINE = "duckdb"
DEFAULT_MASTER = "local[*]"
DEFAULT_WAREHOUSE = "saydo-warehouse"


@dataclass(frozen=True)
class EngineChoice:
    """The engine a command runs on: ``name`` and, for Spark, the master and the warehouse."""

    name: str = DEFAULT_ENGINE
    master: str | None = None  # None: spark-submit's master when run under it, else local[*]
    warehouse: str | None = None

    @property
    def spark(self) -> bool:
        return self.name == "spark"


def choose(engine: str | None = None, *, master: str | None = None, warehouse: str | None = None) -> EngineChoice:
    """The engine from the options, else the environment, else DuckDB; a name saydo doesn't know is a coded error."""
    name = (engine or os.environ.get("SAYDO_ENGINE") or DEFAULT_ENGINE).strip().lower()
    if name not in ENGINES:
        raise BadValue(f"unknown engine {name!r}", where="--engine" if engine else "SAYDO_ENGINE",
                       hint=f"use one of: {', '.join(ENGINES)}")
    if name != "spark":
        return EngineChoice(name)
    master = master or os.environ.get("SAYDO_SPARK_MASTER") or None
    warehouse = warehouse or os.environ.get("SAYDO_WAREHOUSE") or DEFAULT_WAREHOUSE
    return EngineChoice(name, master=master, warehouse=str(warehouse))


def attach(store, choice: EngineChoice) -> None:
    """Run the store's observation queries on the chosen engine (nothing to do for DuckDB)."""
    if choice.spark:
        from saydo.store.spark import SparkEngine

        store.attach_engine(SparkEngine(store, master=choice.master, warehouse=choice.warehouse))


# -- built-ins that differ by engine -----------------------------------------------------------------------------

@ibis.udf.scalar.builtin(name="epoch")
def _duckdb_epoch(ts: dt.Timestamp(timezone="UTC")) -> dt.float64:
    """DuckDB: seconds since the epoch as a double (fractions kept)."""


@ibis.udf.scalar.builtin(name="unix_micros")
def _spark_unix_micros(ts: dt.timestamp) -> dt.int64:
    """Spark: microseconds since the epoch."""


@ibis.udf.scalar.builtin(name="bround")
def _spark_bround(x: dt.float64, scale: dt.int32) -> dt.float64:
    """Spark: round half to even, as DuckDB's cast of a double to an integer does."""


def unix_seconds(ts: ibis.Value) -> ibis.Value:
    """Whole seconds since the epoch of an instant, by the engine's own function: DuckDB's ``epoch`` (Ibis's
    ``epoch_seconds`` first casts to a naive timestamp, a time-zone conversion per row that cost a third of the grid
    query on 10M rows) cast to an integer, which rounds half to even; on Spark ``unix_micros`` rounded the same way
    (``bround``), so an instant with a fraction of a second falls in the same second on both."""
    if ibis.get_backend(ts).name == "pyspark":
        return _spark_bround(_spark_unix_micros(ts) / 1_000_000, 0).cast("int64")
    return _duckdb_epoch(ts).cast("int64")
