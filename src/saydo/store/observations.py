"""Observations and rejected rows: bulk writes, and facts about what each source covers."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

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

# What makes two rows the same observation: a second file of the same source with the same alert adds nothing, and
# one with the same alert corrected revises it. A source's own row id, when it has one, decides alone; else the natural
# key: region, type, start, level and subregion (and the article and span of a news event) - not the end, which a
# re-export corrects. Times are written as CAST(TIMESTAMPTZ AS VARCHAR) wrote them
# in a UTC session ('2022-03-15 16:10:34+00', fractions as stored), but through a naive timestamp: the same text
# without a time-zone conversion per row (a third of the key's cost), and whatever the session's time zone.
def _utc_text(column: str) -> str:
    return f"(CAST(make_timestamp(epoch_us({column})) AS VARCHAR) || '+00')"


def key_sql(**given: str) -> str:
    """SQL for an observation's id over columns named as in the table; ``given`` puts an expression in place of a
    column (``region="code"``, ``article_id="NULL"``)."""
    def c(name: str) -> str:
        return given.get(name, name)

    return (f"md5(concat_ws('|', {c('source')}, coalesce({c('row_id')}, concat_ws('|', {c('region')}, "
            f"{c('event_type')}, {_utc_text(c('started_at'))}, "
            f"coalesce({c('subregion')}, ''), coalesce({c('level')}, ''), coalesce({c('article_id')}, ''), "
            f"coalesce(CAST({c('span_start')} AS VARCHAR), '')))))")


# the values a revision may change (the rest is the key, or where the row came from)
VALUES = ("region", "event_type", "started_at", "finished_at", "level", "subregion", "actor", "lat", "lon",
          "fatalities", "description")


_OBS_KEY = key_sql()


def insert_observations(store: Store, rows: list[Observation], file_sha256: str) -> tuple[int, int]:
    """Insert rows, skipping ones already stored; return (inserted, duplicates). Revised rows count as inserted."""
    return insert_observations_counted(store, rows, file_sha256)[:2]


def insert_observations_counted(store: Store, rows: list[Observation], file_sha256: str) -> tuple[int, int, int]:
    """Insert rows; return (inserted, duplicates, revisions among the inserted)."""
    if not rows:
        return 0, 0, 0
    table = pa.Table.from_pydict({c: [getattr(r, c) for r in rows] for c in _COLUMNS}, schema=_OBS_SCHEMA)
    return insert_arrow(store, table, file_sha256)


def insert_arrow(store: Store, table: pa.Table, file_sha256: str) -> tuple[int, int, int]:
    """Bulk path for readers that build Arrow batches themselves (same columns as ``_OBS_SCHEMA``); returns
    (inserted, duplicates, revisions among the inserted)."""
    store.con.register("_incoming", table)
    try:
        revised: list[int] = []
        inserted = insert_staged(store, "SELECT * FROM _incoming", [], file_sha256, with_article=True,
                                 revised=revised)
    finally:
        store.con.unregister("_incoming")
    return inserted, table.num_rows - inserted, sum(revised)


def insert_staged(store: Store, select_sql: str, params: list, file_sha256: str, *,
                  with_article: bool = False, revised: list[int] | None = None) -> int:
    """Insert the rows a SELECT yields (columns source, region, event_type, started_at, finished_at, level,
    subregion, actor, row_id, lat, lon, fatalities, description, geo_method, file, line; and article_id, span_start,
    span_end ``with_article``), skipping rows already stored and repeats inside the batch (the first line wins);
    return how many were inserted.

    The table has no unique index (schema migration 4): this anti-join is what keeps ``id`` unique, so every insert
    into ``observations`` goes through here."""
    sha = file_sha256.replace("'", "")
    article = ("" if with_article else
               ", NULL::VARCHAR AS article_id, NULL::INTEGER AS span_start, NULL::INTEGER AS span_end")
    con = store.con
    con.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE _keyed AS
        SELECT {_OBS_KEY} AS id, source, region, event_type, started_at, finished_at, level, subregion, actor,
               file, '{sha}' AS file_sha256, line, row_id, lat, lon, geo_method, fatalities, description,
               article_id, span_start, span_end
        FROM (SELECT *{article} FROM ({select_sql}))
        """, params)
    try:
        inserted, changed = insert_revising(store, "_keyed", sha)
        if revised is not None:
            revised.append(changed)
        return inserted
    finally:
        con.execute("DROP TABLE IF EXISTS _keyed")


def insert_keyed(store: Store, relation: str) -> int:
    """``insert_revising`` without revisions: skip ids already stored; return how many were inserted."""
    return insert_revising(store, relation, None)[0]


def insert_revising(store: Store, relation: str, file_sha256: str | None) -> tuple[int, int]:
    """Insert the rows of a table or subquery that has the observation columns in table order, ``id`` computed by
    ``key_sql``; return (inserted, revisions among them). A repeat inside it is skipped (the first line wins). An id
    already stored from another file is a duplicate when its values (``VALUES``) are the same, and a revision when
    they differ: the stored row moves to ``observation_history`` (with when, and which file replaced it) and the new
    one takes its place, so checks read the latest values. Loading files in the order they were published keeps
    each row's latest version.

    The table has no unique index (schema migration 4): this anti-join is what keeps ``id`` unique, so every insert
    into ``observations`` goes through here. A batch whose ids are all new (a first load) costs no more than
    before: revisions are looked for only when some id was already stored."""
    con = store.con
    rows, keys = con.execute(f"SELECT count(*), count(DISTINCT id) FROM {relation}").fetchone()
    # repeats inside the batch are rare: rank rows by line only when there are some
    first_only = "QUALIFY row_number() OVER (PARTITION BY id ORDER BY line) = 1" if keys < rows else ""
    inserted = con.execute(
        f"""
        INSERT INTO observations
        SELECT * FROM {relation} k WHERE NOT EXISTS (SELECT 1 FROM observations o WHERE o.id = k.id)
        {first_only}
        """).fetchone()[0]
    if file_sha256 is None or inserted == keys:
        return inserted, 0
    sha = file_sha256.replace("'", "")
    changed = " OR ".join(f"o.{c} IS DISTINCT FROM k.{c}" for c in VALUES)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _revised AS
        SELECT k.* FROM (SELECT * FROM {relation} {first_only}) k JOIN observations o ON o.id = k.id
        WHERE o.file_sha256 <> '{sha}' AND ({changed})""")
    try:
        revised = con.execute("SELECT count(*) FROM _revised").fetchone()[0]
        if revised:
            con.execute(f"""INSERT INTO observation_history SELECT o.*, now(), '{sha}' FROM observations o
                            WHERE o.id IN (SELECT id FROM _revised)""")
            con.execute("DELETE FROM observations WHERE id IN (SELECT id FROM _revised)")
            con.execute("INSERT INTO observations SELECT * FROM _revised")
    finally:
        con.execute("DROP TABLE IF EXISTS _revised")
    return inserted + revised, revised


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


def first_reject(store: Store, file: str) -> tuple[int, str] | None:
    """(line, reason) of a file's first rejected row that has a line number, or None."""
    return store.con.execute("SELECT line, reason FROM rejects WHERE file = ? AND line IS NOT NULL "
                             "ORDER BY line LIMIT 1", [file]).fetchone()


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
    """How the rows of one file were placed in a region: by name, by a close spelling, by coordinates (on the
    store's engine: ``store.ibis``)."""
    t = store.ibis.table("observations")
    rows = t.filter(t.file_sha256 == file_sha256, t.geo_method.notnull())
    found = store.ibis.to_pyarrow(rows.group_by("geo_method").aggregate(n=rows.count()).order_by("geo_method"))
    return {row["geo_method"]: int(row["n"]) for row in found.to_pylist()}


def source_event_types(store: Store) -> dict[str, set[str]]:
    """Each source and the event types its rows have (on the store's engine: ``store.ibis``)."""
    t = store.ibis.table("observations")
    found: dict[str, set[str]] = {}
    for row in store.ibis.to_pyarrow(t.select("source", "event_type").distinct()).to_pylist():
        found.setdefault(row["source"], set()).add(row["event_type"])
    return found


def event_rows(store: Store, *, source: str, regions: list[str], start: datetime, end: datetime,
               event_types: tuple[str, ...], limit: int = 5) -> list[dict]:
    """The first rows of a source in regions and a time range: the evidence a verdict cites (on the store's engine:
    ``store.ibis``; times as UTC instants)."""
    t = store.ibis.table("observations")
    picked = t.filter(t.source == source, t.region.isin(list(regions)), t.started_at >= start, t.started_at < end,
                      t.event_type.isin(list(event_types)))
    picked = picked.order_by(["started_at", "line"]).limit(limit)
    rows = store.ibis.to_pyarrow(picked.select("started_at", "region", "event_type", "row_id", "line", "file",
                                               "description")).to_pylist()
    for row in rows:
        if row["started_at"].tzinfo is None:  # Spark gives instants without their zone (always UTC here)
            row["started_at"] = row["started_at"].replace(tzinfo=timezone.utc)
    return rows


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
