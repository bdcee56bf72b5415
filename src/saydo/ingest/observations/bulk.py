"""Set-based loading: a file goes to DuckDB in chunks of rows with exact line numbers, and SQL does the rest.

Python only cuts the file into rows — by splitting on newlines in Arrow when the file has no quote character (or the
format has no quoting, like GDELT), else with the ``csv`` module, which keeps the line a quoted multi-line field starts
on — and hands each chunk to DuckDB as an Arrow table ``(line BIGINT, f VARCHAR[])``. A format's ``Plan`` says in SQL
how the fields become observation columns and why a row is refused; DuckDB parses, validates, de-duplicates and
inserts good rows and rejects in bulk. Place names and coordinates are resolved once per distinct value (in Python,
through ``saydo.resolve``) and joined back. Memory holds one chunk at a time, whatever the file's size.
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from saydo.resolve.geo import locate

CHUNK_BYTES = 32 << 20
CHUNK_ROWS = 200_000
NULL = "NULL::VARCHAR"


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


def _quote_free(path: Path) -> bool:
    with path.open("rb") as fh:
        return not any(b'"' in block for block in iter(lambda: fh.read(1 << 22), b""))


def chunks(path: Path, *, delimiter: str, encoding: str, header: bool, quoting: bool) -> Iterator[pa.Table]:
    """Arrow tables (line, f) of the file's non-blank data rows; ``line`` is the 1-based line a row starts on."""
    if quoting and not _quote_free(path):
        yield from _csv_chunks(path, delimiter, encoding, header)
    else:
        yield from _split_chunks(path, delimiter, encoding, header)


def _split_chunks(path: Path, delimiter: str, encoding: str, header: bool) -> Iterator[pa.Table]:
    first_line = 1  # number of the first line in ``data``
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
            if header and numbers[0].as_py() == 1:
                keep = pc.and_(keep, pc.greater(numbers, 1))
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
_TYPES = {"started_at": "TIMESTAMPTZ", "finished_at": "TIMESTAMPTZ", "lat": "DOUBLE", "lon": "DOUBLE",
          "fatalities": "INTEGER"}


class Loader:
    """Runs a plan over the chunks of one file: resolves places, inserts good rows and rejects, keeps counts."""

    def __init__(self, store, plan: Plan, *, source: str, file: str, sha: str, delimiter: str) -> None:
        self.store, self.plan, self.source, self.file, self.sha = store, plan, source, file, sha
        self.delimiter = delimiter
        self.loaded = self.rejected = self.duplicate = self.out_of_scope = 0
        self.names: dict[str, tuple[str, str] | None] = {}
        self.points: dict[tuple[float, float], tuple[str, str] | None] = {}
        con = store.con
        con.execute("CREATE OR REPLACE TEMP TABLE _names (name VARCHAR, code VARCHAR, method VARCHAR)")
        con.execute("CREATE OR REPLACE TEMP TABLE _points (lat DOUBLE, lon DOUBLE, code VARCHAR, method VARCHAR)")

    def load(self, chunk: pa.Table) -> None:
        from saydo.store.observations import insert_staged, insert_staged_rejects

        con, plan = self.store.con, self.plan
        helpers = {name: sql for name, sql in plan.columns.items() if name.startswith("_")}  # defined first
        columns = helpers | {name: "NULL" for name in _OUT} | plan.columns
        cols = ", ".join(f"{sql} AS {name}" if name in helpers
                         else f"CAST({sql} AS {_TYPES.get(name, 'VARCHAR')}) AS {name}"
                         for name, sql in columns.items())
        con.register("_chunk", chunk)
        try:  # _parsed is a view: the name and point look-ups read only the columns they need
            con.execute(f"CREATE OR REPLACE TEMP VIEW _parsed AS SELECT line, f, {cols}, "
                        f"trim(CAST({plan.name} AS VARCHAR)) AS _name, {plan.shape} AS _shape, "
                        f"coalesce({plan.in_scope}, TRUE) AS _scope FROM _chunk")
            self._resolve_names()
            self._resolve_points()
            first = " ".join(f"WHEN {cond} THEN {reason}" for cond, reason in plan.first)
            checks = " ".join(f"WHEN {cond} THEN {reason}" for cond, reason in plan.checks)
            reason = (f"CASE WHEN _shape IS NOT NULL THEN _shape {first} WHEN code IS NULL THEN {plan.no_region} "
                      f"{checks} END")
            raw = f"left(array_to_string(f, '{self.delimiter}'), 500)"
            con.execute(f"""
                CREATE OR REPLACE TEMP TABLE _rows AS
                SELECT * EXCLUDE (f), CASE WHEN _reason IS NOT NULL THEN {raw} END AS _raw FROM (
                    SELECT *, {reason} AS _reason FROM (
                        SELECT p.*, coalesce(n.code, pt.code) AS code, coalesce(n.method, pt.method) AS geo_method
                        FROM _parsed p
                        LEFT JOIN _names n ON n.name = p._name
                        LEFT JOIN _points pt ON pt.lat = p.lat AND pt.lon = p.lon  -- a name wins (coalesce)
                        WHERE _shape IS NOT NULL OR _scope))
            """)
        finally:
            con.execute("DROP VIEW IF EXISTS _parsed")
            con.unregister("_chunk")
        kept, good = con.execute("SELECT count(*), count(*) FILTER (WHERE _reason IS NULL) FROM _rows").fetchone()
        self.out_of_scope += len(chunk) - kept
        select = ", ".join(["?::VARCHAR AS source", "code AS region", *_OUT, "geo_method", "?::VARCHAR AS file",
                            "line"])
        inserted = insert_staged(self.store, f"SELECT {select} FROM _rows WHERE _reason IS NULL",
                                 [self.source, self.file], self.sha)
        self.loaded += inserted
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
            con.executemany("INSERT INTO _names VALUES (?, ?, ?)", rows)

    def _resolve_points(self) -> None:
        if not self.plan.use_points:
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
            con.register("_new_points", pa.table({"lat": [r[0] for r in rows], "lon": [r[1] for r in rows],
                                                  "code": [r[2] for r in rows], "method": [r[3] for r in rows]}))
            con.execute("INSERT INTO _points SELECT * FROM _new_points")
            con.unregister("_new_points")

    def close(self) -> None:
        for table in ("_names", "_points", "_rows"):
            self.store.con.execute(f"DROP TABLE IF EXISTS {table}")


# SQL helpers the format modules share ---------------------------------------------------------------------------

DAY_FORMATS = ["%Y-%m-%d", "%m/%d/%Y %I:%M:%S %p", "%m/%d/%Y %H:%M", "%m/%d/%Y", "%d %B %Y", "%Y-%m-%d %H:%M:%S"]


def sql_str(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def sql_repr(expr: str) -> str:
    """SQL for Python's repr of a string value (how reasons quote what they found)."""
    return f"('''' || coalesce({expr}, '') || '''')"


def day_sql(expr: str, formats: list[str] | None = None) -> str:
    """A DATE from text in any of the formats (NULL when none fits)."""
    fmts = "[" + ", ".join(sql_str(f) for f in (formats or DAY_FORMATS)) + "]"
    return f"CAST(try_strptime(trim({expr}), {fmts}) AS DATE)"


def day_start(day: str) -> str:
    return f"CAST({day} AS TIMESTAMPTZ)"


def day_end(day: str) -> str:
    """Midnight after the day: whole-day events run [day, day + 1)."""
    return f"CAST({day} + INTERVAL 1 DAY AS TIMESTAMPTZ)"
