"""Apache Spark behind the store: the session, the warehouse, and ``observations`` as Spark sees it.

The warehouse (``--warehouse``: a folder, or a Hadoop URI such as ``s3a://bucket/saydo``) holds what is too large
for one DuckDB file, as Parquet:

- ``observations/source=<source>/month=<YYYY-MM>/``: observation rows with the DuckDB table's columns and ids
  (written by ``saydo.ingest.observations.spark``), partitioned so that a check reading one source and a few months
  opens only those folders;
- ``statements/``: statements extracted on Spark (``saydo.extract.spark``), with the JSON contract's fields.

Everything else (articles, statements as ingested and corrected, checks, rejects, the files loaded) stays in the DuckDB
file, which ``saydo serve`` and the exports read. For Spark, ``observations`` is one view: the warehouse's rows and
the rows the DuckDB file holds (events reported in news text, formats Spark does not read), so a check sees the same
rows whichever engine loaded them. The view is made again when either side changed.

The column types come from the DuckDB table (``store.schema``), so a migration that adds a column reaches Spark too.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date, datetime
from importlib import resources
from pathlib import Path

from saydo.errors import ConfigError
from saydo.records import Statement, Window
from saydo.store.engine import DEFAULT_MASTER

_SESSION = None  # one SparkSession per process (a JVM holds one SparkContext); each engine opens a child session

_TYPES = {"VARCHAR": "string", "TIMESTAMP WITH TIME ZONE": "timestamp", "BIGINT": "bigint", "INTEGER": "int",
          "DOUBLE": "double", "BOOLEAN": "boolean", "DATE": "date", "SMALLINT": "smallint", "TINYINT": "tinyint"}


def spark_session(master: str | None = None):
    """The process's SparkSession on ``master`` (None: the master spark-submit gave, else ``local[*]``); a session on
    another master is stopped first (the benchmark compares masters in one process)."""
    global _SESSION
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("the spark engine needs pyspark", hint="pip install 'saydo[spark]' (make test installs it), "
                                                                 "and Java 17") from None
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit: its master and settings stand
    wanted = master or (None if submitted else DEFAULT_MASTER)
    if _SESSION is not None:
        running = _SESSION.sparkContext._jsc is not None
        if running and (wanted is None or _SESSION.sparkContext.master == wanted):
            return _SESSION
        if running:
            _SESSION.stop()
        _SESSION = None
    builder = SparkSession.builder.appName("saydo")
    if wanted:
        builder = builder.master(wanted)
    for key, value in session_settings(wanted).items():
        builder = builder.config(key, value)
    try:
        _SESSION = builder.getOrCreate()
    except Exception as exc:  # no Java, a master that can't be reached: say which, without a JVM traceback
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConfigError(f"can't start Spark on {wanted or 'the submitted master'}: {first[:300]}",
                          hint="check JAVA_HOME (Java 17) and --spark-master") from None
    _SESSION.sparkContext.setLogLevel("ERROR")
    return _SESSION


def session_settings(master: str | None) -> dict[str, str]:
    """What saydo sets on a new session: UTC (timestamps are instants), Arrow transfers, partition folders read as
    text (a source named ``2022`` stays a string), Parquet timestamps as microseconds; on a local master, no web UI or
    progress bar, a log of errors only, and about two shuffle partitions per core instead of 200."""
    conf = {
        "spark.sql.session.timeZone": "UTC",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.sql.sources.partitionColumnTypeInference.enabled": "false",
        "spark.sql.parquet.outputTimestampType": "TIMESTAMP_MICROS",
        "spark.ui.showConsoleProgress": "false",
    }
    cores = local_cores(master)
    if cores:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this interpreter, with saydo on it
        log4j = resources.files("saydo.store").joinpath("spark-log4j2.properties")
        conf |= {"spark.ui.enabled": "false", "spark.sql.shuffle.partitions": str(2 * cores),
                 "spark.driver.memory": os.environ.get("SAYDO_SPARK_DRIVER_MEMORY", "2g"),
                 "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={Path(str(log4j)).as_uri()}"}
    return conf


def local_cores(master: str | None) -> int | None:
    """The cores of a ``local``/``local[n]``/``local[*]`` master (None for a cluster)."""
    m = re.fullmatch(r"local(?:\[(\d+|\*)(?:,\s*\d+)?\])?", (master or "").strip())
    if not m:
        return None
    return os.cpu_count() or 1 if m.group(1) in (None, "*") else int(m.group(1))


def spark_type(duckdb_type: str) -> str:
    if duckdb_type.endswith("[]"):
        return f"array<{spark_type(duckdb_type[:-2])}>"
    return _TYPES.get(duckdb_type, "string")


def table_columns(store, table: str) -> list[tuple[str, str]]:
    """(column, Spark type) of a DuckDB table, in table order."""
    return [(name, spark_type(kind)) for name, kind, *_ in store.con.execute(f"DESCRIBE {table}").fetchall()]


def ddl(columns: list[tuple[str, str]]) -> str:
    return ", ".join(f"`{name}` {kind}" for name, kind in columns)


class SparkEngine:
    """The store's observation queries on Spark, over a warehouse (see the module)."""

    name = "spark"

    def __init__(self, store, *, master: str | None, warehouse: str) -> None:
        self.store = store  # None for work that reads no observations (extraction)
        self.warehouse = _absolute(warehouse)
        self.session = spark_session(master).newSession()  # its own temporary views, the context shared
        self.master = self.session.sparkContext.master
        self._backend = None
        self._state = None  # what the view was made from: (DuckDB rows, their ids' hash, warehouse writes)
        self._writes = 0

    # -- paths ---------------------------------------------------------------------------------------------------
    def path(self, *parts: str) -> str:
        return "/".join([self.warehouse.rstrip("/"), *parts])

    def exists(self, path: str) -> bool:
        jvm = self.session.sparkContext._jvm
        target = jvm.org.apache.hadoop.fs.Path(path)
        return target.getFileSystem(self.session.sparkContext._jsc.hadoopConfiguration()).exists(target)

    def delete(self, path: str) -> None:
        jvm = self.session.sparkContext._jvm
        target = jvm.org.apache.hadoop.fs.Path(path)
        target.getFileSystem(self.session.sparkContext._jsc.hadoopConfiguration()).delete(target, True)

    # -- observations ----------------------------------------------------------------------------------------------
    def columns(self) -> list[tuple[str, str]]:
        return table_columns(self.store, "observations")

    def warehouse_observations(self, sources: list[str] | None = None, *, month: bool = False):
        """The warehouse's observation rows (the table's columns, in order; with ``month`` its partition too), or
        None when it has none yet."""
        from pyspark.sql import functions as F

        folder = self.path("observations")
        if not self.exists(folder):
            return None
        found = self.session.read.option("basePath", folder).parquet(folder)
        if sources is not None:
            found = found.filter(F.col("source").isin(list(sources)))
        present = set(found.columns)
        return found.select(*[(F.col(name) if name in present else F.lit(None)).cast(kind).alias(name)
                              for name, kind in self.columns()], *(["month"] if month else []))

    def duckdb_observations(self):
        """The rows the DuckDB file holds, as a Spark DataFrame (shipped through Arrow)."""
        columns = self.columns()
        table = self.store.con.execute("SELECT * FROM observations").fetch_arrow_table()
        return self.session.createDataFrame(table if table.num_rows else [], schema=ddl(columns))

    def observations(self):
        """Every observation row, warehouse and DuckDB file together."""
        local = self.duckdb_observations()
        stored = self.warehouse_observations()
        return local if stored is None else stored.unionByName(local)

    def stored_rows(self, sources: list[str]):
        """The stored rows of these sources, warehouse and DuckDB file, with ``_origin`` (``warehouse``/``duckdb``)
        and the warehouse ``month`` they are in: what a load compares its rows with (duplicates, revisions)."""
        from pyspark.sql import functions as F

        local = self.store.con.execute("SELECT * FROM observations WHERE list_contains(?, source)",
                                       [list(sources)]).fetch_arrow_table()
        rows = self.session.createDataFrame(local if local.num_rows else [], schema=ddl(self.columns()))
        rows = rows.withColumn("_origin", F.lit("duckdb")).withColumn("month", F.lit(None).cast("string"))
        stored = self.warehouse_observations(sources, month=True)
        if stored is None:
            return rows
        return stored.withColumn("_origin", F.lit("warehouse")).unionByName(rows)

    def drop_rows(self, removed) -> None:
        """Take rows (``id``, ``file_sha256``, ``source``, ``month``) out of the warehouse: each partition they are in
        is written again without them (through a staging folder: Spark can't overwrite what it reads)."""
        import uuid

        from pyspark.sql import functions as F

        touched = [(r["source"], r["month"]) for r in removed.select("source", "month").distinct().collect()]
        if not touched:
            return
        folder = self.path("observations")
        stored = self.warehouse_observations(sorted({source for source, _ in touched}), month=True)
        keep = stored.join(F.broadcast(removed.select("id", "file_sha256", "source", "month")),
                           ["id", "file_sha256", "source", "month"], "left_anti")
        keep = keep.join(F.broadcast(self.session.createDataFrame(touched, "source string, month string")),
                         ["source", "month"], "left_semi")
        staging = self.path("_staging", uuid.uuid4().hex)
        try:
            keep.write.partitionBy("source", "month").parquet(staging)
            kept = {(r["source"], r["month"]) for r in keep.select("source", "month").distinct().collect()}
            for source, month in touched:
                self.delete(f"{folder}/source={self._escape(source)}/month={month}")
            if kept:
                (self.session.read.option("basePath", staging).parquet(staging)
                 .write.mode("append").partitionBy("source", "month").parquet(folder))
        finally:
            if self.exists(staging):
                self.delete(staging)
        self.written()

    # -- statements --------------------------------------------------------------------------------------------------
    def append_statements(self, rows) -> None:
        """Append extracted statements (the JSON contract's columns, ``article_id``, ``digest`` of the article's
        statements) to ``statements/``, leaving out the articles whose latest extraction has the same digest."""
        from pyspark.sql import functions as F

        rows = rows.withColumn("extracted_at", F.current_timestamp())
        latest = self.latest_statements()
        if latest is not None:
            rows = rows.join(latest.select("article_id", "digest").distinct(), ["article_id", "digest"], "left_anti")
        rows.write.mode("append").parquet(self.path("statements"))

    def latest_statements(self):
        """Each article's statements as its latest extraction found them (one extraction per article: the same text
        given twice in one run, under two names, counts once), or None when there are none."""
        from pyspark.sql import Window
        from pyspark.sql import functions as F

        folder = self.path("statements")
        if not self.exists(folder):
            return None
        found = self.session.read.parquet(folder)
        chosen = F.max(F.struct("extracted_at", "digest")).over(Window.partitionBy("article_id"))
        found = found.withColumn("_chosen", chosen)
        return found.filter((F.col("extracted_at") == F.col("_chosen.extracted_at"))
                            & (F.col("digest") == F.col("_chosen.digest"))).drop("_chosen")

    def latest_pledges(self) -> list:
        """The pledges of the warehouse's statements (each article's latest extraction), as records."""
        found = self.latest_statements()
        if found is None:
            return []
        rows = found.filter("kind = 'pledge'").orderBy("article_id", "start", "end").toArrow().to_pylist()
        return [statement_from_row(row, row["article_id"]) for row in rows]

    def _escape(self, value: str) -> str:
        """A partition value as Spark writes it in a folder name."""
        utils = self.session.sparkContext._jvm.org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils
        return utils.escapePathName(value)

    def written(self) -> None:
        """Say that the warehouse changed: the view is made again before the next query."""
        self._writes += 1

    def ibis(self):
        """Ibis on this session, with ``observations`` made again if the DuckDB rows or the warehouse changed."""
        if self._backend is None:
            import ibis

            self._backend = ibis.pyspark.connect(self.session)
        count, digest = self.store.con.execute(
            "SELECT count(*), coalesce(bit_xor(hash(id)), 0) FROM observations").fetchone()
        state = (count, digest, self._writes)
        if state != self._state:
            self.observations().createOrReplaceTempView("observations")
            self._state = state
        return self._backend

    def close(self) -> None:
        if self._state is not None:
            self.session.catalog.dropTempView("observations")


def statement_from_row(row: dict, article_id: str) -> Statement:
    """A statement back from its contract columns (the inverse of ``Statement.to_json`` for a machine extraction)."""
    window = row["window"] or {}
    return Statement(article=row["article"], article_id=article_id, published=day(row["published"]),
                     speaker=row["speaker"], actor=row["actor"], kind=row["kind"], quote=row["quote"],
                     text=row["text"], start=row["start"], end=row["end"], places=tuple(row["places"] or ()),
                     window=Window(instant(window.get("start")), instant(window.get("end"))),
                     qualifies=row["qualifies"], rules=tuple(row["rules"] or ()))


def instant(value: str | None) -> datetime | None:
    """An ISO 8601 time with its offset, as the JSON contract writes it."""
    return datetime.fromisoformat(value) if value else None


def day(value) -> date | None:
    """A date from a date, a timestamp or ISO text."""
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _absolute(warehouse: str) -> str:
    """A local folder as an absolute path (Spark and DuckDB agree on it whatever the working folder); a URI as is."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", warehouse):
        return warehouse
    return str(Path(warehouse).expanduser().resolve())
