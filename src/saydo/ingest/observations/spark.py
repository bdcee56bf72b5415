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

Spark then does what needs every piece at once: a row repeated across pieces or files keeps its first line (file
order, then line, as loading the files one after another does), rows whose id the store already holds (the
warehouse or the DuckDB file) are duplicates, and the new rows are appended to the warehouse, partitioned by source and
month. Rejected rows, the out-of-scope count and the files loaded go to the DuckDB file, as they do on DuckDB, so
``saydo rejects``, the load report and the exit codes are the same. Loading a file again changes nothing and says so.

Formats read row by row in Python (Bellingcat's JSON) and the territory series load through the DuckDB engine into the
DuckDB file, which the Spark engine reads along. Input files must be readable at the same path by every executor (a
local master, or a shared file system); the warehouse may be anywhere Spark writes (``s3a://``, ``hdfs://``).
"""

from __future__ import annotations

import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from saydo.errors import SaydoError, UnknownFormat
from saydo.ingest.files import check_text_file, guess_encoding, sha256_file
from saydo.ingest.observations.base import (
    LoadReport,
    _raise_if_nothing_loaded,
    detect_format,
    load_observations,
    read_header,
    reader_for,
)
from saydo.ingest.observations.bulk import Plan, _quote_free
from saydo.records import Reject

PIECE_BYTES = 64 << 20
_KIND_ROW, _KIND_REJECT, _KIND_COUNT = "row", "reject", "count"


@dataclass
class FileJob:
    """One file to load set-based: what every task of it needs (the plan travels to the executors pickled)."""

    index: int
    path: str
    sha: str
    source: str
    plan: Plan
    scope: str
    delimiter: str
    encoding: str
    quoting: bool
    header: bool
    fields: int | None
    boundaries: str | None
    report: LoadReport
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (start byte, end byte, first line)


def load_files(store, paths, *, fmt: str | None = None, source: str | None = None, mapping=None
               ) -> tuple[list[LoadReport], list[SaydoError]]:
    """Load observation files on the store's Spark engine. Returns the load reports (in the order given) and the
    errors of the files that could not be read, as the DuckDB engine's loop over ``load_observations`` does."""
    engine = store.engine
    reports: dict[int, LoadReport] = {}
    errors: list[tuple[int, SaydoError]] = []  # by the file's place in ``paths``
    jobs: list[FileJob] = []
    later: list[tuple[int, Path]] = []  # a file given twice: it is loaded once, then reported as loaded before
    seen: set[str] = set()
    for index, path in enumerate(paths):
        try:
            job = _prepare(store, index, path, fmt=fmt, source=source, mapping=mapping, seen=seen)
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
        _run(store, engine, jobs)
        for job in jobs:
            try:
                _raise_if_nothing_loaded(store, job.report, Path(job.path))
            except SaydoError as exc:
                errors.append((job.index, exc))
                continue
            reports[job.index] = job.report
    for index, path in later:
        try:
            reports[index] = load_observations(store, path, fmt=fmt, source=source, mapping=mapping)
        except SaydoError as exc:
            errors.append((index, exc))
    return [reports[i] for i in sorted(reports)], [exc for _, exc in sorted(errors, key=lambda pair: pair[0])]


def _prepare(store, index: int, path, *, fmt, source, mapping, seen: set[str]):
    """A ``FileJob``; or the report of a file loaded through the DuckDB engine (loaded before, or a format Spark does
    not read); or None for a second copy of a file in this load."""
    p = check_text_file(path)
    name = "csv" if mapping is not None and fmt in (None, "csv") else fmt
    if name == "csv":
        if mapping is None:
            raise UnknownFormat("the csv format needs a mapping file", where=str(p),
                                hint="pass --mapping FILE.toml (see docs/observations.md)")
        from saydo.ingest.observations.mapped import MappedCsv

        reader, detected = MappedCsv(mapping), False
    else:
        detected = name is None
        name = name or detect_format(p)
        reader = reader_for(name)
    sha = sha256_file(p)
    if sha in seen:
        return None
    seen.add(sha)
    if not hasattr(reader, "plan") or store.file_loaded(sha, "observations"):
        return load_observations(store, p, fmt=fmt, source=source, mapping=mapping)
    from saydo.resolve import geo

    header = read_header(p, reader.delimiter) if reader.has_header else None
    plan = reader.plan(p, header)
    source = source or reader.source
    found = geo.boundaries_path()
    job = FileJob(index=index, path=str(p), sha=sha, source=source, plan=plan,
                  scope=getattr(reader, "scope", "not what the format loads"), delimiter=reader.delimiter,
                  encoding=guess_encoding(p), quoting=reader.quoting, header=reader.has_header,
                  fields=len(header) if header else getattr(reader, "field_count", None),
                  boundaries=str(found) if found else None,
                  report=LoadReport(file=str(p), format=name, source=source, detected=detected))
    size = p.stat().st_size
    whole = size <= PIECE_BYTES or (reader.quoting and not _quote_free(p))
    job.pieces = [(0, size, 1)] if whole else [(start, min(start + PIECE_BYTES, size), 0)
                                                for start in range(0, size, PIECE_BYTES)]
    return job


def _run(store, engine, jobs: list[FileJob]) -> None:
    """Load every piece of every job in one Spark job, then de-duplicate, append and record (see the module)."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

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
        loaded.write.parquet(staging)  # the tasks run once; everything below reads their output
        staged = spark.read.parquet(staging)
        rows = staged.filter(F.col("_kind") == _KIND_ROW)
        first = Window.partitionBy("id").orderBy("_job", "line")
        rows = rows.withColumn("_n", F.row_number().over(first)).filter("_n = 1")
        sources = sorted({job.source for job in jobs})
        new = rows.join(engine.existing_ids(sources), "id", "left_anti")
        new = new.select(*[name for name, _ in obs_cols], "_job").persist()
        per_job = new.groupBy("_job", "geo_method").count().collect()
        if per_job:
            target = engine.path("observations")
            by_month = new.withColumn("month", F.date_format("started_at", "yyyy-MM")).drop("_job")
            # one file per source and month from each load (not one per task and month): fewer, larger files
            (by_month.repartition("source", "month").sortWithinPartitions("started_at")
             .write.mode("append").partitionBy("source", "month").parquet(target))
            engine.written()
        new.unpersist()
        counts = staged.filter(F.col("_kind") == _KIND_COUNT).groupBy("_job").agg(
            *[F.sum(c).alias(c) for c in ("_loaded", "_duplicate", "_rejected", "_out_of_scope")]).collect()
        rejects = staged.filter(F.col("_kind") == _KIND_REJECT).select(
            "_job", "id", "source", "file", "file_sha256", "line", "reason", "raw").toArrow()
        _record(store, by_index, per_job, counts, rejects)
    finally:
        if engine.exists(staging):
            engine.delete(staging)


def _record(store, jobs: dict[int, FileJob], per_job, counts, rejects: pa.Table) -> None:
    """Fill each job's report and keep what the DuckDB engine keeps in the DuckDB file: rejects and files."""
    from saydo.store.observations import insert_rejects

    for row in counts:
        report = jobs[row["_job"]].report
        report.loaded = 0
        report.duplicate = int(row["_loaded"]) + int(row["_duplicate"])  # good rows; the new ones are taken off below
        report.out_of_scope = int(row["_out_of_scope"])
    geo: dict[int, dict[str, int]] = {}
    for row in per_job:
        report = jobs[row["_job"]].report
        report.loaded += int(row["count"])
        report.duplicate -= int(row["count"])
        if row["geo_method"] is not None:
            geo.setdefault(row["_job"], {})[row["geo_method"]] = int(row["count"])
    store.con.register("_spark_rejects", rejects)
    try:
        for job in jobs.values():
            report = job.report
            report.rejected = store.con.execute(
                "INSERT OR IGNORE INTO rejects SELECT id, source, file, file_sha256, line, reason, raw "
                "FROM _spark_rejects WHERE _job = ?", [job.index]).fetchone()[0]
            if report.out_of_scope:  # one summary line per file, worded as the DuckDB engine words it
                insert_rejects(store, [Reject(source=job.source, file=job.path, line=None, raw=None,
                                              out_of_scope=report.out_of_scope,
                                              reason=f"{report.out_of_scope} row(s) out of scope: {job.scope}")],
                               job.sha)
            store.record_file(job.sha, job.path, "observations", job.source, report.loaded, report.rejected,
                              report.duplicate)
            report.geo_methods = dict(sorted(geo.get(job.index, {}).items())) or None
    finally:
        store.con.unregister("_spark_rejects")


def _number_lines(spark, jobs: list[FileJob]) -> None:
    """The first line of every piece of the files cut into pieces: one task per piece counts its line ends."""
    wanted = [(job.index, n, start, stop, job.path) for job in jobs if len(job.pieces) > 1
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
    index, n, start, stop, path = piece
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
    from saydo.ingest.observations.bulk import Loader, chunks, read_whole
    from saydo.resolve import geo
    from saydo.store import Store

    geo.configure(job.boundaries)
    header = job.header and n == 0
    with tempfile.TemporaryDirectory(prefix="saydo-piece-") as tmp, Store(":memory:") as local:
        local.con.execute("SET threads = 1")  # Spark gives a task one core
        piece = Path(job.path) if len(job.pieces) == 1 else _copy_range(Path(job.path), start, stop, Path(tmp))
        options = dict(delimiter=job.delimiter, encoding=job.encoding, quoting=job.quoting)
        loader = Loader(local, job.plan, source=job.source, file=job.path, sha=job.sha, delimiter=job.delimiter)
        try:
            whole = read_whole(local.con, piece, fields=job.fields, header=header, keep=job.plan.fields_used(),
                               **options)
            if whole is not None:
                loader.load_whole(whole, job.fields, first_line=first_line + header, piece=piece,
                                  piece_line=first_line, encoding=job.encoding, quoting=job.quoting)
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

