"""Loading observation files on Spark: the same formats, validation, rejects and ids, spread over executors.

A file in a format read set-based (``Plan``: the alert logs, ACLED, GDELT, UCDP, CIR, any CSV with a mapping) is cut
into pieces of ``PIECE_BYTES`` at line ends — a file with quoted fields stays whole, since a quoted field may span
lines and only the file's start is then a sure record boundary — and one Spark task loads each piece. A first, cheap
pass counts the line ends of every piece, so each piece knows the number of its first line.

Inside a task, the piece goes through the very code the DuckDB engine runs (``bulk.read_whole`` or ``bulk.chunks``,
then ``bulk.Loader``) into a throwaway in-memory DuckDB with one thread: the format's SQL parses and validates every
row, names the reason of every bad one, resolves places and computes each row's id (``store.observations.key_sql``).
Nothing of a format is written twice, so a row gets the same id, region and reason on either engine; the tests load
the same files both ways and compare every row.

Spark then does what needs every piece at once, by the rules of ``store.observations.insert_revising``: within a
file a repeated id keeps its first line; across files (in the order given, as loading them one after another does)
and against the rows the store already holds (the warehouse or the DuckDB file), an id with the same values is a
duplicate and one with other values a revision, which replaces the stored row (kept in ``observation_history``).
New rows are appended to the warehouse, partitioned by source and month; a partition holding replaced rows is
written again without them. Rejected rows, the out-of-scope count, the history and the files loaded go to the DuckDB
file in one transaction per load, as they do on DuckDB, so ``saydo rejects``, the load report and the exit codes are
the same. Loading a file again changes nothing and says so. Encodings, line ends and delimiters are decided as on
DuckDB (``saydo.ingest.decode``): a file that is not clean UTF-8 is read from its normalised copy.

Formats read row by row in Python (Bellingcat's JSON) and the territory series load through the DuckDB engine into the
DuckDB file, which the Spark engine reads along. Input files must be readable at the same path by every executor (a
local master, or a shared file system); the warehouse may be anywhere Spark writes (``s3a://``, ``hdfs://``).
"""

from __future__ import annotations

import tempfile
import uuid
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from saydo.errors import SaydoError
from saydo.ingest import scratch
from saydo.ingest.observations.base import (
    LoadReport,
    _load_prepared,
    _raise_if_nothing_loaded,
    choose_reader,
    load_observations,
    open_input,
    read_header,
)
from saydo.ingest.observations.bulk import Plan, _quote_free
from saydo.records import Reject

PIECE_BYTES = 64 << 20
_KIND_ROW, _KIND_REJECT, _KIND_COUNT = "row", "reject", "count"


@dataclass
class FileJob:
    """One file to load set-based: what every task of it needs (the plan travels to the executors pickled)."""

    index: int
    path: str  # what rows cite
    read: str  # what is read: the file, or its normalised UTF-8 copy (saydo.ingest.decode)
    sha: str
    source: str
    plan: Plan
    scope: str
    delimiter: str
    quoting: bool
    header: bool
    fields: int | None
    boundaries: str | None
    report: LoadReport
    long_lines: list = field(default_factory=list)
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (start byte, end byte, first line)


def load_files(store, paths, *, fmt: str | None = None, source: str | None = None, mapping=None,
               delimiter: str | None = None) -> tuple[list[LoadReport], list[SaydoError]]:
    """Load observation files on the store's Spark engine. Returns the load reports (in the order given) and the
    errors of the files that could not be read, as the DuckDB engine's loop over ``load_observations`` does."""
    reports: dict[int, LoadReport] = {}
    errors: list[tuple[int, SaydoError]] = []  # by the file's place in ``paths``
    jobs: list[FileJob] = []
    later: list[tuple[int, Path]] = []  # a file given twice: it is loaded once, then reported as loaded before
    seen: set[str] = set()
    scratch.sweep()
    with ExitStack() as folders:  # normalised copies live until the executors have read them
        for index, path in enumerate(paths):
            try:
                job = _prepare(store, index, path, fmt=fmt, source=source, mapping=mapping, delimiter=delimiter,
                               seen=seen, folders=folders)
            except SaydoError as exc:
                errors.append((index, exc))
                continue
            if isinstance(job, LoadReport):
                reports[index] = job
            elif job is None:
                later.append((index, Path(path)))
            else:
                jobs.append(job)
        if jobs:
            _run(store, store.engine, jobs)
    for job in jobs:
        try:
            _raise_if_nothing_loaded(store, job.report, Path(job.path))
        except SaydoError as exc:
            errors.append((job.index, exc))
            continue
        reports[job.index] = job.report
    for index, path in later:
        try:
            reports[index] = load_observations(store, path, fmt=fmt, source=source, mapping=mapping,
                                               delimiter=delimiter)
        except SaydoError as exc:
            errors.append((index, exc))
    return [reports[i] for i in sorted(reports)], [exc for _, exc in sorted(errors, key=lambda pair: pair[0])]


def _prepare(store, index: int, path, *, fmt, source, mapping, delimiter, seen: set[str], folders: ExitStack):
    """A ``FileJob``; or the report of a file loaded through the DuckDB engine (loaded before, or a format Spark does
    not read); or None for a second copy of a file in this load. The same steps as ``load_observations``."""
    from saydo.ingest.decode import prepare
    from saydo.resolve import geo

    p, fmt, facts = open_input(path, fmt=fmt, mapping=mapping, delimiter=delimiter)
    if facts.sha256 in seen:
        return None
    seen.add(facts.sha256)
    text = prepare(p, facts, Path(folders.enter_context(scratch.folder())))
    reader, name, detected, delimiter = choose_reader(p, text.path, fmt=fmt, mapping=mapping, delimiter=delimiter)
    if not hasattr(reader, "plan") or store.file_loaded(facts.sha256, "observations"):
        return _load_prepared(store, p, text, facts.sha256, reader, name, detected, delimiter, source, None)
    header = read_header(text.path, delimiter) if reader.has_header else None
    plan = reader.plan(p, header)
    source = source or reader.source
    found = geo.boundaries_path()
    job = FileJob(index=index, path=str(p), read=str(text.path), sha=facts.sha256, source=source, plan=plan,
                  scope=getattr(reader, "scope", "not what the format loads"), delimiter=delimiter,
                  quoting=reader.quoting, header=reader.has_header,
                  fields=len(header) if header else getattr(reader, "field_count", None),
                  boundaries=str(found) if found else None, long_lines=list(text.long_lines),
                  report=LoadReport(file=str(p), format=name, source=source, detected=detected,
                                    encoding=text.describe(), delimiter=delimiter, line_ends=text.line_ends))
    size = text.path.stat().st_size
    whole = size <= PIECE_BYTES or (reader.quoting and not _quote_free(text.path))
    job.pieces = [(0, size, 1)] if whole else [(start, min(start + PIECE_BYTES, size), 0)
                                                for start in range(0, size, PIECE_BYTES)]
    return job


def _run(store, engine, jobs: list[FileJob]) -> None:
    """Load every piece of every job in one Spark job, then decide each row (new, duplicate, revision), write the
    warehouse and record the load in the DuckDB file (see the module)."""
    from saydo.store.spark import ddl

    spark = engine.session
    _number_lines(spark, jobs)
    by_index = {job.index: job for job in jobs}
    obs_cols = engine.columns()
    out_cols = obs_cols + [("reason", "string"), ("raw", "string"), ("_job", "int"), ("_kind", "string"),
                           ("_loaded", "bigint"), ("_duplicate", "bigint"), ("_rejected", "bigint"),
                           ("_out_of_scope", "bigint")]
    pieces = [(job.index, n, *piece) for job in jobs for n, piece in enumerate(job.pieces)]
    descriptors = spark.createDataFrame(spark.sparkContext.parallelize(pieces, len(pieces)),
                                        "job int, piece int, start bigint, stop bigint, first_line bigint")
    schema = pa.schema([(name, _arrow_type(kind)) for name, kind in out_cols])
    loaded = descriptors.mapInArrow(lambda batches: _load_pieces(batches, by_index, schema), ddl(out_cols))
    staging = engine.path("_staging", uuid.uuid4().hex)
    try:
        loaded.write.parquet(f"{staging}/pieces")  # the tasks run once; everything below reads their output
        staged = spark.read.parquet(f"{staging}/pieces")
        decided = _decide(engine, staged, sorted({job.source for job in jobs}), {j.index: j.sha for j in jobs})
        decided.write.parquet(f"{staging}/decided")
        decided = spark.read.parquet(f"{staging}/decided")
        history = _write(engine, decided, [name for name, _ in obs_cols])
        from pyspark.sql import functions as F

        per_job = decided.filter(F.col("_job") >= 0).groupBy("_job", "_status", "geo_method").count().collect()
        counts = staged.filter(F.col("_kind") == _KIND_COUNT).groupBy("_job").agg(
            *[F.sum(c).alias(c) for c in ("_loaded", "_duplicate", "_rejected", "_out_of_scope")]).collect()
        rejects = staged.filter(F.col("_kind") == _KIND_REJECT).select(
            "_job", "id", "source", "file", "file_sha256", "line", "reason", "raw").toArrow()
        _record(store, by_index, per_job, counts, rejects, history)
    finally:
        if engine.exists(staging):
            engine.delete(staging)


def _decide(engine, staged, sources: list[str], shas: dict[int, str]):
    """Every distinct row of the load and every stored row it meets, in order (stored first, then file by file),
    with ``_status``: ``new``, ``revised`` (other values than the row before it, from another file), ``duplicate``
    or ``stored``; and ``_replaced_by``: the file of the next revision of it, when one replaces it."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    from saydo.store.observations import VALUES

    rows = staged.filter(F.col("_kind") == _KIND_ROW)
    firsts = rows.withColumn("_n", F.row_number().over(Window.partitionBy("id", "_job").orderBy("line")))
    firsts = firsts.filter("_n = 1").drop("_n", "reason", "raw", "_kind", "_loaded", "_duplicate", "_rejected",
                                          "_out_of_scope")
    firsts = firsts.withColumn("_origin", F.lit("load")).withColumn("month", F.date_format("started_at", "yyyy-MM"))
    stored = engine.stored_rows(sources).join(firsts.select("id").distinct(), "id", "left_semi")
    every = firsts.unionByName(stored.withColumn("_job", F.lit(-1)))
    every = every.withColumn("_sig", F.md5(F.to_json(F.struct(*VALUES))))
    order = Window.partitionBy("id").orderBy("_job")
    every = every.withColumn("_prev_sig", F.lag("_sig").over(order)).withColumn(
        "_prev_sha", F.lag("file_sha256").over(order))
    status = (F.when(F.col("_job") < 0, "stored").when(F.col("_prev_sig").isNull(), "new")
              .when((F.col("_prev_sig") == F.col("_sig")) | (F.col("_prev_sha") == F.col("file_sha256")), "duplicate")
              .otherwise("revised"))
    every = every.withColumn("_status", status)
    kept = every.filter(F.col("_status") != "duplicate")  # each version that was, if only for a moment, the row
    kept = kept.withColumn("_replaced_by", F.lead(F.when(F.col("_status") == "revised", F.col("file_sha256")))
                           .over(Window.partitionBy("id").orderBy("_job")))
    duplicates = every.filter(F.col("_status") == "duplicate").withColumn("_replaced_by", F.lit(None).cast("string"))
    return kept.unionByName(duplicates).drop("_sig", "_prev_sig", "_prev_sha")


def _write(engine, decided, columns: list[str]) -> pa.Table:
    """Take replaced rows out of the warehouse, append the rows that stand, and return the replaced versions (for
    ``observation_history`` in the DuckDB file), with the file that replaced each."""
    from pyspark.sql import functions as F

    replaced = decided.filter(F.col("_replaced_by").isNotNull())
    engine.drop_rows(replaced.filter((F.col("_status") == "stored") & (F.col("_origin") == "warehouse")))
    standing = decided.filter(F.col("_status").isin("new", "revised") & F.col("_replaced_by").isNull())
    if standing.limit(1).count():
        # one file per source and month from each load (not one per task and month): fewer, larger files
        (standing.select(*columns, "month").repartition("source", "month").sortWithinPartitions("started_at")
         .write.mode("append").partitionBy("source", "month").parquet(engine.path("observations")))
        engine.written()
    return replaced.select(*columns, "_origin", "_replaced_by").toArrow()


def _record(store, jobs: dict[int, FileJob], per_job, counts, rejects: pa.Table, history: pa.Table) -> None:
    """Fill each job's report and keep what the DuckDB engine keeps in the DuckDB file — rejects, replaced rows,
    files — in one transaction."""
    from saydo.store.observations import insert_rejects

    for row in counts:
        report = jobs[row["_job"]].report
        report.loaded = report.revised = 0
        report.duplicate = int(row["_loaded"]) + int(row["_duplicate"])  # good rows; the stored ones taken off below
        report.out_of_scope = int(row["_out_of_scope"])
    geo: dict[int, dict[str, int]] = {}
    for row in per_job:
        if row["_status"] not in ("new", "revised"):
            continue
        report = jobs[row["_job"]].report
        report.loaded += int(row["count"])
        report.duplicate -= int(row["count"])
        report.revised += int(row["count"]) if row["_status"] == "revised" else 0
        if row["geo_method"] is not None:
            geo.setdefault(row["_job"], {})
            geo[row["_job"]][row["geo_method"]] = geo[row["_job"]].get(row["geo_method"], 0) + int(row["count"])
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        con.register("_spark_rejects", rejects)
        con.register("_spark_history", history)
        con.execute("INSERT INTO observation_history SELECT * EXCLUDE (_origin, _replaced_by), now(), _replaced_by "
                    "FROM _spark_history")
        con.execute("DELETE FROM observations WHERE id IN (SELECT id FROM _spark_history WHERE _origin = 'duckdb')")
        for job in jobs.values():
            report = job.report
            report.rejected = con.execute(
                "INSERT OR IGNORE INTO rejects SELECT id, source, file, file_sha256, line, reason, raw "
                "FROM _spark_rejects WHERE _job = ?", [job.index]).fetchone()[0]
            extra = [Reject(source=job.source, file=job.path, line=None, raw=None, out_of_scope=report.out_of_scope,
                            reason=f"{report.out_of_scope} row(s) out of scope: {job.scope}")
                     ] if report.out_of_scope else []  # one summary line per file, worded as on DuckDB
            if job.long_lines:
                from saydo.ingest.decode import LINE_LIMIT

                extra += [Reject(source=job.source, file=job.path, line=long.line, raw=long.start,
                                 reason=f"the line is {long.size:,} bytes long, over the {LINE_LIMIT:,} a row may "
                                        f"have") for long in job.long_lines]
                report.rejected += len(job.long_lines)
            insert_rejects(store, extra, job.sha)
            store.record_file(job.sha, job.path, "observations", job.source, report.loaded, report.rejected,
                              report.duplicate, report.revised)
            report.geo_methods = dict(sorted(geo.get(job.index, {}).items())) or None
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    finally:
        con.unregister("_spark_rejects")
        con.unregister("_spark_history")


def _number_lines(spark, jobs: list[FileJob]) -> None:
    """The first line of every piece of the files cut into pieces: one task per piece counts its line ends."""
    wanted = [(job.index, n, start, stop, job.read) for job in jobs if len(job.pieces) > 1
              for n, (start, stop, _) in enumerate(job.pieces)]
    if not wanted:
        return
    found = spark.sparkContext.parallelize(wanted, len(wanted)).map(_count_line_ends).collect()
    ends = {(i, n): count for i, n, count in found}
    for job in jobs:
        if len(job.pieces) > 1:
            line = 1
            for n, (start, stop, _) in enumerate(job.pieces):
                job.pieces[n] = (start, stop, line)
                line += ends[(job.index, n)]


def _count_line_ends(piece: tuple[int, int, int, int, str]) -> tuple[int, int, int]:
    """A piece ``[start, stop)`` holds the records that begin in it: a record begins at 0 or after a line end, so
    it holds as many records (and lines) as there are line ends in ``[start - 1, stop - 1)``, and one more for the
    file's first line."""
    index, n, start, stop, path = piece  # ``path``: what the job reads
    count = 1 if start == 0 else 0
    with open(path, "rb") as fh:
        fh.seek(max(start - 1, 0))
        left = stop - 1 - max(start - 1, 0)
        while left > 0:
            block = fh.read(min(left, 1 << 22))
            if not block:
                break
            count += block.count(b"\n")
            left -= len(block)
    return index, n, count


def _load_pieces(batches, jobs: dict[int, FileJob], schema: pa.Schema):
    """The task: every piece described in ``batches`` through the DuckDB engine's loader (see the module)."""
    for batch in batches:
        for piece in batch.to_pylist():
            yield from _load_piece(jobs[piece["job"]], piece["piece"], piece["start"], piece["stop"],
                                   piece["first_line"], schema)


def _load_piece(job: FileJob, n: int, start: int, stop: int, first_line: int, schema: pa.Schema):
    import duckdb

    from saydo.ingest.observations.bulk import Loader, WholeReadFailed, chunks, read_whole
    from saydo.resolve import geo
    from saydo.store import Store

    geo.configure(job.boundaries)
    header = job.header and n == 0
    with tempfile.TemporaryDirectory(prefix="saydo-piece-") as tmp, Store(":memory:") as local:
        local.con.execute("SET threads = 1")  # Spark gives a task one core
        piece = Path(job.read) if len(job.pieces) == 1 else _copy_range(Path(job.read), start, stop, Path(tmp))
        options = dict(delimiter=job.delimiter, encoding="utf-8", quoting=job.quoting)  # ``read`` is UTF-8
        loader = Loader(local, job.plan, source=job.source, file=job.path, sha=job.sha, delimiter=job.delimiter)
        try:
            try:
                whole = read_whole(local.con, piece, fields=job.fields, header=header, keep=job.plan.fields_used(),
                                   **options)
            except (duckdb.Error, WholeReadFailed):  # no transaction here: just stream this piece instead
                whole = None
            if whole is not None:
                loader.load_whole(whole, job.fields, first_line=first_line + header, piece=piece,
                                  piece_line=first_line, encoding="utf-8", quoting=job.quoting)
            else:
                for chunk in chunks(piece, header=header, first_line=first_line, **options):
                    loader.load(chunk)
        finally:
            loader.close()
        rows = local.con.execute("SELECT * FROM observations").fetch_arrow_table()
        rejects = local.con.execute("SELECT id, source, file, file_sha256, line, reason, raw FROM rejects"
                                    ).fetch_arrow_table()
    yield _shaped(rows, schema, job.index, _KIND_ROW)
    yield _shaped(rejects, schema, job.index, _KIND_REJECT)
    yield _shaped(pa.table({"_loaded": [loader.loaded], "_duplicate": [loader.duplicate],
                            "_rejected": [loader.rejected], "_out_of_scope": [loader.out_of_scope]}),
                  schema, job.index, _KIND_COUNT)


def _copy_range(path: Path, start: int, stop: int, folder: Path) -> Path:
    """The records that begin in ``[start, stop)``, copied to a file of their own: from the first line end at or
    after ``start - 1`` to the first line end at or after ``stop - 1``."""
    target = folder / "piece"
    with path.open("rb") as fh, target.open("wb") as out:
        if start > 0:
            fh.seek(start - 1)
            if fh.read(1) != b"\n":
                fh.readline()  # the rest of a record that began in the piece before
        begin = fh.tell()
        if begin < stop:
            left = stop - begin
            while left > 0:
                block = fh.read(min(left, 1 << 22))
                if not block:
                    break
                out.write(block)
                left -= len(block)
            if block and not block.endswith(b"\n"):
                out.write(fh.readline())  # finish the record the piece's last byte is in
    return target


def _shaped(table: pa.Table, schema: pa.Schema, job: int, kind: str) -> pa.RecordBatch:
    """A table as a batch of the task's one output schema (absent columns null)."""
    n = table.num_rows
    columns = []
    for name, kind_type in zip(schema.names, schema.types):
        if name == "_job":
            columns.append(pa.array([job] * n, pa.int32()))
        elif name == "_kind":
            columns.append(pa.array([kind] * n, pa.string()))
        elif name in table.column_names:
            columns.append(table[name].cast(kind_type).combine_chunks())
        else:
            columns.append(pa.nulls(n, kind_type))
    return pa.RecordBatch.from_arrays(columns, schema=schema)


def _arrow_type(kind: str) -> pa.DataType:
    return {"string": pa.string(), "timestamp": pa.timestamp("us", tz="UTC"), "bigint": pa.int64(),
            "int": pa.int32(), "double": pa.float64(), "boolean": pa.bool_(), "date": pa.date32()}[kind]

