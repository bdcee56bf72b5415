"""Observations and rejected rows: bulk writes, and facts about what each source covers."""

from __future__ import annotations

import hashlib
from datetime import datetime

import pyarrow as pa

from saydo.records import Observation, Reject
from saydo.store.connection import Store

_OBS_SCHEMA = pa.schema([
    ("source", pa.string()), ("region", pa.string()), ("event_type", pa.string()),
    ("started_at", pa.timestamp("us", tz="UTC")), ("finished_at", pa.timestamp("us", tz="UTC")),
    ("level", pa.string()), ("subregion", pa.string()), ("actor", pa.string()),
    ("file", pa.string()), ("line", pa.int64()),
    ("row_id", pa.string()), ("lat", pa.float64()), ("lon", pa.float64()), ("geo_method", pa.string()),
    ("fatalities", pa.int32()), ("description", pa.string()), ("article_id", pa.string()),
    ("span_start", pa.int32()), ("span_end", pa.int32()),
])
_COLUMNS = [f.name for f in _OBS_SCHEMA]

# What makes two rows the same observation: a second file of the same source with the same alert adds nothing.
# A source's own row id, when it has one, decides alone.
_OBS_KEY = ("md5(concat_ws('|', source, coalesce(row_id, concat_ws('|', region, event_type, "
            "CAST(started_at AS VARCHAR), coalesce(CAST(finished_at AS VARCHAR), ''), coalesce(subregion, ''), "
            "coalesce(level, ''), coalesce(article_id, ''), coalesce(CAST(span_start AS VARCHAR), '')))))")


def insert_observations(store: Store, rows: list[Observation], file_sha256: str) -> tuple[int, int]:
    """Insert rows, skipping ones already stored; return (inserted, duplicates)."""
    if not rows:
        return 0, 0
    table = pa.Table.from_pydict({c: [getattr(r, c) for r in rows] for c in _COLUMNS}, schema=_OBS_SCHEMA)
    return insert_arrow(store, table, file_sha256)


def insert_arrow(store: Store, table: pa.Table, file_sha256: str) -> tuple[int, int]:
    """Bulk path for readers that build Arrow batches themselves (same columns as ``_OBS_SCHEMA``)."""
    con = store.con
    before = con.execute("SELECT count(*) FROM observations").fetchone()[0]
    con.register("_incoming", table)
    try:
        con.execute(
            f"""
            INSERT OR IGNORE INTO observations
            SELECT {_OBS_KEY} AS id, source, region, event_type, started_at, finished_at, level, subregion, actor,
                   file, ? AS file_sha256, line, row_id, lat, lon, geo_method, fatalities, description,
                   article_id, span_start, span_end
            FROM _incoming
            QUALIFY row_number() OVER (PARTITION BY {_OBS_KEY} ORDER BY line) = 1
            """,
            [file_sha256],
        )
    finally:
        con.unregister("_incoming")
    inserted = con.execute("SELECT count(*) FROM observations").fetchone()[0] - before
    return inserted, table.num_rows - inserted


def insert_staged(store: Store, select_sql: str, params: list, file_sha256: str) -> int:
    """Insert the rows a SELECT yields (columns source, region, event_type, started_at, finished_at, level,
    subregion, actor, row_id, lat, lon, fatalities, description, geo_method, file, line), skipping rows already
    stored and repeats inside the batch (the first line wins); return how many were inserted."""
    sha = file_sha256.replace("'", "")
    return store.con.execute(
        f"""
        INSERT OR IGNORE INTO observations
        SELECT id, source, region, event_type, started_at, finished_at, level, subregion, actor,
               file, '{sha}' AS file_sha256, line, row_id, lat, lon, geo_method, fatalities, description,
               article_id, span_start, span_end
        FROM (SELECT {_OBS_KEY} AS id, * FROM (
                SELECT *, NULL::VARCHAR AS article_id, NULL::INTEGER AS span_start, NULL::INTEGER AS span_end
                FROM ({select_sql})))
        QUALIFY row_number() OVER (PARTITION BY id ORDER BY line) = 1
        """, params).fetchone()[0]


def insert_staged_rejects(store: Store, select_sql: str, params: list, file_sha256: str | None) -> int:
    """Insert the rejects a SELECT yields (columns source, file, line, reason, raw); return how many."""
    sha = (file_sha256 or "").replace("'", "")
    return store.con.execute(
        f"""
        INSERT OR IGNORE INTO rejects
        SELECT md5(concat_ws('|', source, file, '{sha}', CAST(line AS VARCHAR), reason)), source, file,
               '{sha}', line, reason, raw
        FROM ({select_sql})
        """, params).fetchone()[0]


def insert_rejects(store: Store, rows: list[Reject], file_sha256: str | None) -> int:
    if not rows:
        return 0
    store.con.executemany(
        "INSERT OR IGNORE INTO rejects VALUES (md5(concat_ws('|', ?, ?, ?, CAST(? AS VARCHAR), ?)), ?, ?, ?, ?, ?, ?)",
        [[r.source, r.file, file_sha256 or "", r.line, r.reason, r.source, r.file, file_sha256, r.line, r.reason,
          r.raw] for r in rows],
    )
    return len(rows)


def list_rejects(store: Store, *, file: str | None = None, limit: int = 100) -> list[dict]:
    sql = "SELECT source, file, line, reason, raw FROM rejects"
    params: list = []
    if file:
        sql += " WHERE file = ?"
        params.append(file)
    sql += " ORDER BY file, line LIMIT ?"
    params.append(limit)
    return store.query(sql, params)


def source_extent(store: Store, source: str) -> tuple[datetime, datetime] | None:
    """The first start and the last end (or start) among a source's rows: the period its data speaks for."""
    row = store.con.execute(
        "SELECT min(started_at), max(coalesce(finished_at, started_at)) FROM observations WHERE source = ?", [source]
    ).fetchone()
    return (row[0], row[1]) if row and row[0] is not None else None


def sources(store: Store, event_type: str | None = None) -> list[str]:
    sql = "SELECT DISTINCT source FROM observations"
    params: list = []
    if event_type:
        sql += " WHERE event_type = ?"
        params.append(event_type)
    return [r[0] for r in store.con.execute(sql + " ORDER BY source", params).fetchall()]


def source_regions(store: Store, source: str) -> list[str]:
    return [r[0] for r in store.con.execute(
        "SELECT DISTINCT region FROM observations WHERE source = ? ORDER BY region", [source]).fetchall()]


def geo_methods(store: Store, file_sha256: str) -> dict[str, int]:
    """How the rows of one file were placed in a region: by name, by a close spelling, by coordinates."""
    rows = store.con.execute(
        "SELECT geo_method, count(*) FROM observations WHERE file_sha256 = ? AND geo_method IS NOT NULL "
        "GROUP BY geo_method ORDER BY geo_method", [file_sha256]).fetchall()
    return {method: n for method, n in rows}


def source_event_types(store: Store) -> dict[str, set[str]]:
    """Each source and the event types its rows have."""
    rows = store.con.execute("SELECT DISTINCT source, event_type FROM observations").fetchall()
    found: dict[str, set[str]] = {}
    for source, kind in rows:
        found.setdefault(source, set()).add(kind)
    return found


def event_rows(store: Store, *, source: str, regions: list[str], start: datetime, end: datetime,
               event_types: tuple[str, ...], limit: int = 5) -> list[dict]:
    """The first rows of a source in regions and a time range: the evidence a verdict cites."""
    return store.query(
        "SELECT started_at, region, event_type, row_id, line, file, description FROM observations "
        "WHERE source = ? AND list_contains(?, region) AND started_at >= ? AND started_at < ? "
        "AND list_contains(?, event_type) ORDER BY started_at, line LIMIT ?",
        [source, regions, start, end, list(event_types), limit],
    )


def data_fingerprint(store: Store, source: str, first: datetime, last: datetime) -> str:
    """A digest of what a check over [first, last) can see of a source: the rows that touch the range, and where the
    source's data starts or ends only when that falls inside the range (it decides 'too early' and 'insufficient
    data'). Rows added elsewhere leave it unchanged, so checks they can't affect are not recomputed."""
    row = store.con.execute(
        """
        SELECT count(*), coalesce(sum(epoch(started_at)), 0),
               coalesce(sum(epoch(coalesce(finished_at, started_at))), 0),
               string_agg(DISTINCT region, ',' ORDER BY region)
        FROM observations WHERE source = ? AND started_at < ? AND coalesce(finished_at, started_at) >= ?
        """, [source, last, first]).fetchone()
    data_start, data_end = store.con.execute(
        "SELECT min(started_at), max(coalesce(finished_at, started_at)) FROM observations WHERE source = ?",
        [source]).fetchone()
    edges = (data_start if data_start is not None and data_start > first else None,
             data_end if data_end is not None and data_end < last else None)
    return hashlib.sha256(repr((row, edges)).encode()).hexdigest()[:20]
