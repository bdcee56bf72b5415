"""Set-based loading: a file goes to DuckDB in chunks of rows with exact line numbers, and SQL does the rest.

A file of at most ``WHOLE_FILE_BYTES`` in UTF-8 is read by DuckDB's own CSV reader into a temporary table of columns
``_c1.._cN`` (``read_whole``). That reader gives no line numbers, so the table is used only when every line after
the header became exactly one row of N fields — the row count equals the line count, which rules out blank lines,
quoted fields that span lines and rows the reader skipped — and then row ``i`` (insertion order) is line ``i + 1``
after the header. Any other file is streamed: Python cuts it into rows — by splitting on newlines in Arrow when the
file has no quote character (or the format has no quoting, like GDELT), else with the ``csv`` module, which keeps the
line a quoted multi-line field starts on — and hands each chunk to DuckDB as an Arrow table
``(line BIGINT, f VARCHAR[])``; memory holds one chunk at a time, whatever the file's size.

A format's ``Plan`` says in SQL over ``f[i]`` how the fields become observation columns and why a row is refused
(over a whole-file table ``f[i]`` is rewritten to ``_ci``); DuckDB parses, validates, de-duplicates and inserts good
rows and rejects in bulk. Place names and coordinates are resolved once per distinct value (in Python, through
``saydo.resolve``) and joined back.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from saydo.ingest import scratch
from saydo.records.observation import EARLIEST_DAY, date_range_text, latest_day
from saydo.resolve.geo import locate

CHUNK_BYTES = 32 << 20
WHOLE_FILE_BYTES = 256 << 20  # larger files stream in chunks, so memory stays bounded
CHUNK_ROWS = 200_000
NULL = "NULL::VARCHAR"
_FIELD = re.compile(r"\bf\[(\d+)\]")  # a field of the row in a plan's SQL


class WholeReadFailed(Exception):
    """DuckDB's CSV reader failed inside a load's transaction (the error aborted it): load the file streamed."""


@dataclass
class Plan:
    """A format in SQL over ``f`` (the row's fields, 1-based, untrimmed) and ``line``.

    ``columns`` gives observation columns (``event_type``, ``started_at``, ``finished_at``, ``level``,
    ``subregion``, ``actor``, ``row_id``, ``lat``, ``lon``, ``fatalities``, ``description``) and helper columns
    whose names start with ``_``; ``name`` is the place name to resolve; ``shape`` a reason for a malformed row;
    ``checks`` (condition, reason) pairs tried in order after the region (``first``: before it); ``in_scope``
    false for well-formed rows the format leaves out (counted, not stored one by one); ``no_region`` the reason
    when no region is found.
    """

    columns: dict[str, str]
    name: str = NULL
    shape: str = NULL
    checks: list[tuple[str, str]] = field(default_factory=list)
    first: list[tuple[str, str]] = field(default_factory=list)  # checks tried before the region
    in_scope: str = "TRUE"
    no_region: str = "'no region: the place name is unknown and there are no usable coordinates'"
    resolve_name: Callable[[str], tuple[str, str] | None] | None = None  # name -> (code, method)
    use_points: bool = True  # fall back to coordinates when the name doesn't resolve

    def fields_used(self) -> list[int]:
        """The field numbers ``f[i]`` the plan's SQL reads (a whole-file read keeps only these columns)."""
        texts = [*self.columns.values(), self.name, self.shape, self.in_scope, self.no_region,
                 *(part for pair in self.checks + self.first for part in pair)]
        return sorted({int(i) for text in texts for i in _FIELD.findall(text)})


def _quote_free(path: Path) -> bool:
    with path.open("rb") as fh:
        return not any(b'"' in block for block in iter(lambda: fh.read(1 << 22), b""))


def chunks(path: Path, *, delimiter: str, encoding: str, header: bool, quoting: bool,
           first_line: int = 1) -> Iterator[pa.Table]:
    """Arrow tables (line, f) of the file's non-blank data rows; ``line`` is the 1-based line a row starts on
    (``first_line`` numbers the file's first line: a piece of a larger file)."""
    if quoting and not _quote_free(path):
        yield from _csv_chunks(path, delimiter, encoding, header)
    else:
        yield from _split_chunks(path, delimiter, encoding, header, first_line)


def pieces(path: Path, *, header: bool, quoting: bool) -> Iterator[tuple[Path, int, bool]]:
    """``(piece, number of its first line, whether it starts with the header)``: a file larger than
    ``WHOLE_FILE_BYTES`` without quoted fields is copied a piece at a time (about half that size, cut after a
    newline) into a scratch folder (``saydo.ingest.scratch``), so that DuckDB can read each piece whole; any other file
    is its own piece."""
    if path.stat().st_size <= WHOLE_FILE_BYTES or (quoting and not _quote_free(path)):
        yield path, 1, header
        return
    with scratch.folder() as tmp, path.open("rb") as fh:
        piece, line, first, block = Path(tmp) / "piece", 1, True, b""
        step = min(1 << 22, max(1, WHOLE_FILE_BYTES // 8))
        while True:
            size, lines = 0, 0
            with piece.open("wb") as out:
                while size < WHOLE_FILE_BYTES // 2:
                    block = fh.read(step)
                    if not block:
                        break
                    if size + len(block) >= WHOLE_FILE_BYTES // 2:  # finish the line this block ends in
                        block += fh.readline()
                    out.write(block)
                    size, lines = size + len(block), lines + block.count(b"\n")
            if size:
                yield piece, line, header and first
            if not block:
                return
            line, first = line + lines, False


def read_whole(con, path: Path, *, delimiter: str, encoding: str, header: bool, quoting: bool,
               fields: int | None, keep: list[int] | None = None) -> int | None:
    """Read the file into the temp table ``_whole`` (``_c1.._cN`` in file order; only the fields in ``keep`` when
    given) with DuckDB's CSV reader; return its row count, or None (and no table) when the file must be streamed
    instead: not UTF-8, too large, the field count unknown, or some line after the header is not exactly one row of
    ``fields`` fields."""
    if not fields or encoding != "utf-8" or path.stat().st_size > WHOLE_FILE_BYTES:
        return None
    lines = _count_lines(path) - (1 if header else 0)
    names = [f"_c{i}" for i in range(1, fields + 1)]
    kept = ", ".join(f"_c{i}" for i in keep if 1 <= i <= fields) if keep is not None else "*"
    quote = "'\"', escape='\"'" if quoting else "'', escape=''"
    try:
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE _whole AS SELECT {kept or "NULL AS _none"}
                FROM read_csv(?, header={str(header).lower()},
                auto_detect=false, delim=?, quote={quote}, columns={{{", ".join(f"'{n}': 'VARCHAR'" for n in names)}}},
                force_not_null=[{", ".join(f"'{n}'" for n in names)}], null_padding=false, ignore_errors=true,
                encoding='utf-8')""", [str(path), delimiter])
    except duckdb.Error:  # e.g. line endings that change inside the file: the streamed path copes
        try:
            con.execute("DROP TABLE IF EXISTS _whole")
        except duckdb.Error:  # the error aborted the load's transaction: the load starts again, streaming
            raise WholeReadFailed(str(path)) from None
        return None
    rows = con.execute("SELECT count(*) FROM _whole").fetchone()[0]
    if rows != lines:
        con.execute("DROP TABLE _whole")
        return None
    return rows


def _count_lines(path: Path) -> int:
    count, last = 0, b"\n"
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 22), b""):
            count += block.count(b"\n")
            last = block[-1:]
    return count + (last != b"\n")


def columnar(sql: str, fields: int) -> str:
    """A plan's SQL over ``f[i]`` (the row's fields as a list) rewritten for a table with columns ``_c1.._cN``."""
    sql = _FIELD.sub(lambda m: f"_c{m.group(1)}" if 1 <= int(m.group(1)) <= fields else "NULL::VARCHAR", sql)
    return sql.replace("len(f)", str(fields))


def _split_chunks(path: Path, delimiter: str, encoding: str, header: bool, first_line: int = 1) -> Iterator[pa.Table]:
    header_line = first_line if header else None
    rest = b""
    with path.open("rb") as fh:
        while True:
            block = fh.read(CHUNK_BYTES)
            data = rest + block
            if not data:
                return
            cut = data.rfind(b"\n") if block else len(data) - 1
            if cut < 0:
                rest = data
                continue
            data, rest = data[:cut + 1], data[cut + 1:]
            text = data.decode(encoding, errors="replace")
            lines = pc.utf8_rtrim(pc.list_flatten(pc.split_pattern(pa.array([text]), "\n")), characters="\r")
            numbers = pa.array(np.arange(first_line, first_line + len(lines), dtype=np.int64))
            first_line += data.count(b"\n")
            keep = pc.not_equal(lines, "")
            if header_line is not None and numbers[0].as_py() == header_line:
                keep = pc.and_(keep, pc.greater(numbers, header_line))
            lines, numbers = lines.filter(keep), numbers.filter(keep)
            if len(lines):
                yield pa.table({"line": numbers, "f": pc.split_pattern(lines, delimiter)})


def _csv_chunks(path: Path, delimiter: str, encoding: str, header: bool) -> Iterator[pa.Table]:
    csv.field_size_limit(1 << 24)
    with path.open(newline="", encoding=encoding, errors="replace") as fh:
        reader = csv.reader(fh, delimiter=delimiter)
        if header:
            next(reader, None)
        numbers: list[int] = []
        rows: list[list[str]] = []
        line = reader.line_num
        for fields in reader:
            start, line = line + 1, reader.line_num
            if fields:
                numbers.append(start)
                rows.append(fields)
                if len(rows) >= CHUNK_ROWS:
                    yield _table(numbers, rows)
                    numbers, rows = [], []
        if rows:
            yield _table(numbers, rows)


def _table(numbers: list[int], rows: list[list[str]]) -> pa.Table:
    offsets = np.zeros(len(rows) + 1, dtype=np.int32)
    np.cumsum([len(r) for r in rows], out=offsets[1:])
    values = pa.array(list(itertools.chain.from_iterable(rows)), type=pa.string())
    return pa.table({"line": pa.array(numbers, type=pa.int64()),
                     "f": pa.ListArray.from_arrays(pa.array(offsets), values)})


_OUT = ("event_type", "started_at", "finished_at", "level", "subregion", "actor", "row_id", "lat", "lon",
        "fatalities", "description")
# the observation table's columns around file, file_sha256 and line (store.schema)
_TABLE_ORDER = ("event_type", "started_at", "finished_at", "level", "subregion", "actor")
_TABLE_ORDER_2 = ("row_id", "lat", "lon", "geo_method", "fatalities", "description")
_TYPES = {"started_at": "TIMESTAMPTZ", "finished_at": "TIMESTAMPTZ", "lat": "DOUBLE", "lon": "DOUBLE",
          "fatalities": "INTEGER"}


class Loader:
    """Runs a plan over the chunks of one file: resolves places, inserts good rows and rejects, keeps counts."""

    def __init__(self, store, plan: Plan, *, source: str, file: str, sha: str, delimiter: str) -> None:
        self.store, self.plan, self.source, self.file, self.sha = store, plan, source, file, sha
        self.delimiter = delimiter
        self.loaded = self.rejected = self.duplicate = self.out_of_scope = self.revised = 0
        self.names: dict[str, tuple[str, str] | None] = {}
        self.points: dict[tuple[float, float], tuple[str, str] | None] = {}
        con = store.con
        con.execute("CREATE OR REPLACE TEMP TABLE _names (name VARCHAR, code VARCHAR, method VARCHAR)")
        con.execute("CREATE OR REPLACE TEMP TABLE _points (lat DOUBLE, lon DOUBLE, code VARCHAR, method VARCHAR)")

    def load(self, chunk: pa.Table) -> None:
        """Load one streamed chunk: an Arrow table ``(line, f)``."""
        self.store.con.register("_chunk", chunk)
        try:
            self._load("_chunk", len(chunk), None)
        finally:
            self.store.con.unregister("_chunk")

    def load_whole(self, rows: int, fields: int, first_line: int, *, piece: Path, piece_line: int,
                   encoding: str, quoting: bool) -> None:
        """Load the table ``read_whole`` made of ``piece`` (whose first line is line ``piece_line`` of the file);
        its first row is on line ``first_line``. It may hold only the fields the plan reads, so a rejected row's
        text is read back from its line."""
        try:
            # row ids count from 0, except in a table made inside a transaction (the load's), where they count from
            # a large offset: numbered from the first row either way
            start = int(first_line) - (self.store.con.execute("SELECT min(rowid) FROM _whole").fetchone()[0] or 0)
            self._load(f"(SELECT rowid + {start} AS line, * FROM _whole)", rows, fields,
                       raw_lines=lambda wanted: _line_texts(piece, piece_line, wanted, encoding=encoding,
                                                            delimiter=self.delimiter, quoting=quoting))
        finally:
            _quietly(self.store.con, "DROP TABLE IF EXISTS _whole")

    def _load(self, relation: str, n: int, fields: int | None,
              raw_lines: Callable[[set[int]], dict[int, str]] | None = None) -> None:
        from saydo.store.observations import insert_revising, insert_staged_rejects, key_sql

        con, plan = self.store.con, self.plan
        sql = (lambda text: columnar(text, fields)) if fields else (lambda text: text)
        helpers = {name: sql(text) for name, text in plan.columns.items() if name.startswith("_")}  # defined first
        given = {name: sql(text) for name, text in plan.columns.items() if name in _OUT}
        # columns the plan leaves out are NULL: they are typed in the insert, never carried through the tables
        absent = {name: f"NULL::{_TYPES.get(name, 'VARCHAR')}" for name in _OUT if name not in given}
        cols = ", ".join([*(f"{text} AS {name}" for name, text in helpers.items()),
                          *(f"CAST({text} AS {_TYPES.get(name, 'VARCHAR')}) AS {name}"
                            for name, text in given.items())])
        raw_fields = ["f"] if fields is None else [f"_c{i}" for i in range(1, fields + 1)]
        raw_fields = raw_fields if fields is None else [f"_c{i}" for i in plan.fields_used() if i <= fields]
        raw = f"array_to_string(f, '{self.delimiter}')" if fields is None else "NULL::VARCHAR"
        self.points_used = self.plan.use_points and "lat" in given and "lon" in given
        try:  # _parsed is a view: the name and point look-ups read only the columns they need
            con.execute(f"CREATE OR REPLACE TEMP VIEW _parsed AS SELECT line, {', '.join(raw_fields)}, {cols}, "
                        f"trim(CAST({sql(plan.name)} AS VARCHAR)) AS _name, {sql(plan.shape)} AS _shape, "
                        f"coalesce({sql(plan.in_scope)}, TRUE) AS _scope FROM {relation}")
            self._resolve_names()
            self._resolve_points()
            first = " ".join(f"WHEN {sql(cond)} THEN {sql(reason)}" for cond, reason in plan.first)
            checks = " ".join(f"WHEN {sql(cond)} THEN {sql(reason)}" for cond, reason in plan.checks)
            reason = (f"CASE WHEN _shape IS NOT NULL THEN _shape {bounds_sql()} {first} "
                      f"WHEN code IS NULL THEN {sql(plan.no_region)} {checks} END")
            key = key_sql(source=sql_str(self.source), region="code", article_id="NULL", span_start="NULL", **absent)
            points = ("LEFT JOIN _points pt ON pt.lat = p.lat AND pt.lon = p.lon" if self.points_used else
                      "LEFT JOIN (SELECT NULL::VARCHAR AS code, NULL::VARCHAR AS method) pt ON FALSE")
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE _rows AS
                SELECT line, {", ".join([*given, "code", "geo_method", "_reason"])},
                       CASE WHEN _reason IS NULL THEN {key} END AS id,
                       CASE WHEN _reason IS NOT NULL THEN left({raw}, 500) END AS _raw
                FROM (
                    SELECT *, {reason} AS _reason FROM (
                        SELECT p.*, coalesce(n.code, pt.code) AS code, coalesce(n.method, pt.method) AS geo_method
                        FROM _parsed p
                        LEFT JOIN _names n ON n.name = p._name
                        {points}  -- a name wins (coalesce)
                        WHERE _shape IS NOT NULL OR _scope))
            """)
        finally:
            _quietly(con, "DROP VIEW IF EXISTS _parsed")
        kept, good = con.execute("SELECT count(*), count(*) FILTER (WHERE _reason IS NULL) FROM _rows").fetchone()
        self.out_of_scope += n - kept
        if raw_lines is not None and kept > good:  # the rejected rows' text, from their lines
            wanted = {r[0] for r in con.execute("SELECT line FROM _rows WHERE _reason IS NOT NULL").fetchall()}
            _insert_rows(con, "_raw_lines", ("line", "raw"), list(raw_lines(wanted).items()), create=True)
            con.execute("UPDATE _rows SET _raw = r.raw FROM _raw_lines r WHERE _rows.line = r.line")
            con.execute("DROP TABLE _raw_lines")
        out = {name: absent.get(name, name) for name in _OUT} | {"geo_method": "geo_method"}
        select = ", ".join(["id", f"{sql_str(self.source)} AS source", "code AS region",
                            *(f"{out[name]} AS {name}" for name in _TABLE_ORDER), f"{sql_str(self.file)} AS file",
                            f"{sql_str(self.sha)} AS file_sha256", "line",
                            *(f"{out[name]} AS {name}" for name in _TABLE_ORDER_2), "NULL::VARCHAR AS article_id",
                            "NULL::INTEGER AS span_start", "NULL::INTEGER AS span_end"])
        inserted, revised = insert_revising(self.store, f"(SELECT {select} FROM _rows WHERE _reason IS NULL)",
                                            self.sha)
        self.loaded += inserted
        self.revised += revised
        self.duplicate += good - inserted
        self.rejected += insert_staged_rejects(
            self.store, "SELECT ?::VARCHAR AS source, ?::VARCHAR AS file, line, _reason AS reason, _raw AS raw "
                        "FROM _rows WHERE _reason IS NOT NULL", [self.source, self.file], self.sha)

    def _resolve_names(self) -> None:
        con, resolve = self.store.con, self.plan.resolve_name
        if resolve is None:
            return
        fresh = [r[0] for r in con.execute(
            "SELECT DISTINCT _name FROM _parsed WHERE _name IS NOT NULL AND _name <> '' AND _shape IS NULL "
            "AND _scope").fetchall() if r[0] not in self.names]
        rows = []
        for name in fresh:
            self.names[name] = found = resolve(name)
            if found:
                rows.append((name, found[0], found[1]))
        if rows:
            _insert_rows(con, "_names", ("name", "code", "method"), rows)

    def _resolve_points(self) -> None:
        if not self.points_used:
            return
        con = self.store.con
        pending = con.execute(
            "SELECT DISTINCT p.lat, p.lon FROM _parsed p LEFT JOIN _names n ON n.name = p._name "
            "WHERE n.code IS NULL AND p.lat IS NOT NULL AND p.lon IS NOT NULL AND p._shape IS NULL AND p._scope"
        ).fetchall()
        fresh = [(lat, lon) for lat, lon in pending if (lat, lon) not in self.points]
        if not fresh:
            return
        found = locate([p[0] for p in fresh], [p[1] for p in fresh])
        rows = []
        for point, hit in zip(fresh, found):
            self.points[point] = hit
            if hit:
                rows.append((point[0], point[1], hit[0], hit[1]))
        if rows:
            _insert_rows(con, "_points", ("lat", "lon", "code", "method"), rows)

    def close(self) -> None:
        for table in ("_names", "_points", "_rows"):
            self.store.con.execute(f"DROP TABLE IF EXISTS {table}")


def _quietly(con, sql: str) -> None:
    """Clean up after a statement that may have failed: an error aborts the load's transaction, whose rollback
    drops the temporary tables anyway, and the first error is the one to report."""
    try:
        con.execute(sql)
    except duckdb.Error:
        pass


def _insert_rows(con, table: str, names: tuple[str, ...], rows: list[tuple], *, create: bool = False) -> None:
    """Insert Python rows through Arrow (``executemany`` costs a statement per row); ``create`` makes the table."""
    con.register("_new_rows", pa.table({name: [r[i] for r in rows] for i, name in enumerate(names)}))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM _new_rows" if create
                    else f"INSERT INTO {table} SELECT * FROM _new_rows")
    finally:
        con.unregister("_new_rows")


def _line_texts(path: Path, first: int, wanted: set[int], *, encoding: str, delimiter: str,
                quoting: bool) -> dict[int, str]:
    """The wanted lines of a file whose first line is numbered ``first``, as a streamed chunk shows a rejected row:
    its fields joined by the delimiter (quotes removed), at most 500 characters."""
    found: dict[int, str] = {}
    last = max(wanted, default=0)
    with path.open("rb") as fh:
        for number, line in enumerate(fh, start=first):
            if number in wanted:
                text = line[:2000].decode(encoding, errors="replace").rstrip("\r\n")
                if quoting:
                    try:  # a field cut above, a stray quote: the line as it is then
                        text = delimiter.join(next(csv.reader([text.replace("\r", " ")], delimiter=delimiter), []))
                    except csv.Error:
                        pass
                found[number] = text[:500]
            if number >= last:
                break
    return found


# SQL helpers the format modules share ---------------------------------------------------------------------------

DAY_FORMATS = ["%Y-%m-%d", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%d %B %Y", "%Y-%m-%d %H:%M:%S"]


def sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


EXCERPT = 200  # characters of a bad value a reason quotes


def sql_repr(expr: str) -> str:
    """SQL for Python's repr of a string value (how reasons quote what they found), cut to ``EXCERPT`` characters
    with the length said: a rejected 50 MB field once became a 50 MB reason, and ``saydo rejects`` hung on it."""
    return (f"(CASE WHEN length({expr}) > {EXCERPT} THEN '''' || left({expr}, {EXCERPT}) || '''... (' || "
            f"format('{{:,}}', length({expr})) || ' characters)' ELSE '''' || coalesce({expr}, '') || '''' END)")


def bounds_sql() -> str:
    """``WHEN ... THEN reason`` for a row whose start or end is outside the plausible dates (``EARLIEST_DAY`` to a
    year after today), over the columns ``started_at`` and ``finished_at``. The end of a whole-day event is the
    midnight after its last day, so an end may be a day later than a start."""
    first = EARLIEST_DAY.isoformat()
    cases = []
    for column, word, days in (("started_at", "start", 1), ("finished_at", "end", 2)):
        stop = (latest_day() + timedelta(days=days)).isoformat()
        cases.append(f"WHEN {column} < TIMESTAMPTZ '{first}' OR {column} >= TIMESTAMPTZ '{stop}' THEN 'the {word} ' "
                     f"|| CAST(CAST({column} AS DATE) AS VARCHAR) || ' is outside the dates saydo accepts "
                     f"({date_range_text()})'")
    return " ".join(cases)


def day_sql(expr: str, formats: list[str] | None = None) -> str:
    """A DATE from text in any of the formats (NULL when none fits)."""
    fmts = "[" + ", ".join(sql_str(f) for f in (formats or DAY_FORMATS)) + "]"
    return f"CAST(try_strptime(trim({expr}), {fmts}) AS DATE)"


def day_start(day: str) -> str:
    return f"CAST({day} AS TIMESTAMPTZ)"


def day_end(day: str) -> str:
    """Midnight after the day: whole-day events run [day, day + 1)."""
    return f"CAST({day} + INTERVAL 1 DAY AS TIMESTAMPTZ)"
