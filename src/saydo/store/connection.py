"""The DuckDB connection: the only place that knows which engine holds the data."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from pathlib import Path

import duckdb

from saydo.errors import SchemaTooNew, StoreError, StoreLocked
from saydo.store.schema import MIGRATIONS, SCHEMA_VERSION

DEFAULT_DB = "saydo.duckdb"


def default_db_path(explicit: str | os.PathLike | None = None) -> Path:
    """``--db PATH`` wins, then ``SAYDO_DB``, then ``./saydo.duckdb``."""
    if explicit:
        return Path(explicit)
    return Path(os.environ.get("SAYDO_DB") or DEFAULT_DB)


_HOLDER = re.compile(r"\(PID (\d+)\)")


def _locked(exc: duckdb.Error) -> bool:
    return "lock" in str(exc).lower()


class Store:
    """An open saydo database. Use as a context manager, or call ``close()``.

    DuckDB lets one process write a file, or several read it. ``read_only`` opens it for reading (an older file is
    first brought up to date, and a missing one created, when no other process holds it). When another process holds
    the file, the open is tried again for up to ``lock_wait`` seconds; ``on_wait`` is told once (with the holder's
    process id when DuckDB names it), and when the wait runs out the error says who holds the file."""

    _engine = None  # another engine for the observation queries (saydo.store.engine.attach); None: DuckDB

    def __init__(self, path: str | os.PathLike | None = None, *, read_only: bool = False, lock_wait: float = 0.0,
                 on_wait: Callable[[str], None] | None = None) -> None:
        self.path = default_db_path(path) if path != ":memory:" else Path(":memory:")
        target = str(self.path)
        if target != ":memory:":
            self.path.parent.mkdir(parents=True, exist_ok=True)
        if read_only and target != ":memory:":
            self._current(lock_wait, on_wait)
        self.con = self._connect(target, read_only, lock_wait, on_wait)
        self.con.execute("SET TimeZone = 'UTC'")
        if not read_only:
            self.migrate()
        else:
            self._check_read_only_schema()
        self._ibis = None

    def _current(self, lock_wait: float, on_wait) -> bool:
        """Create or migrate the file for a reader when it needs it and nobody holds it; False when someone does."""
        if self.path.exists():
            try:
                con = duckdb.connect(str(self.path), read_only=True)
            except duckdb.Error as exc:
                if _locked(exc):
                    return False
                raise StoreError(f"can't open the database: {str(exc)[:300]}", where=str(self.path)) from None
            try:
                row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
                version = int(row[0]) if row else 0
            except duckdb.Error:
                version = 0
            finally:
                con.close()
            if version >= SCHEMA_VERSION:
                return True
        try:
            Store(self.path, lock_wait=lock_wait, on_wait=on_wait).close()  # creates or migrates it
        except StoreLocked:
            return False  # others read it: read it as it is
        return True

    @staticmethod
    def _connect(target: str, read_only: bool, lock_wait: float, on_wait) -> duckdb.DuckDBPyConnection:
        deadline, told = time.monotonic() + max(lock_wait, 0.0), False
        while True:
            try:
                return duckdb.connect(target, read_only=read_only)
            except duckdb.Error as exc:
                if not _locked(exc):
                    raise StoreError(f"can't open the database: {str(exc)[:300]}", where=target,
                                     hint="check the path") from None
                holder = _HOLDER.search(str(exc))
                who = f"process {holder.group(1)}" if holder else "another process"
                if time.monotonic() >= deadline:
                    waited = f" (waited {lock_wait:g} s)" if lock_wait else ""
                    raise StoreLocked(f"the database is held for writing by {who}{waited}", where=target,
                                      hint="let it finish, or set SAYDO_LOCK_WAIT to wait longer; commands that "
                                           "only read (summary, rejects, history) may open it while a reader holds "
                                           "it") from None
                if on_wait is not None and not told:
                    on_wait(f"the database is held by {who}; waiting up to {lock_wait:g} s for it")
                    told = True
                time.sleep(0.1)

    # -- lifecycle -------------------------------------------------------------------------------------------------
    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self._engine is not None:
            self._engine.close()
        self.con.close()

    @property
    def ibis(self):
        """The Ibis backend that holds the observations, for the engine-neutral queries (``store.grid``, ``alerts``,
        ``queries``, ``coverage``): DuckDB over this connection, or the engine attached with ``attach_engine``
        (Spark over a warehouse: ``saydo.store.engine``)."""
        if self._engine is not None:
            return self._engine.ibis()
        if self._ibis is None:
            import ibis

            self._ibis = ibis.duckdb.from_connection(self.con)
        return self._ibis

    @property
    def engine(self):
        """The engine attached for the observation queries (``saydo.store.spark.SparkEngine``), or None: DuckDB."""
        return self._engine

    def attach_engine(self, engine) -> None:
        self._engine = engine

    # -- schema ----------------------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        self.con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_read_only_schema(self) -> None:
        """A database opened read-only can't be migrated: say so when it is older (or newer) than this saydo."""
        try:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        except duckdb.CatalogException:
            row = None
        current = int(row[0]) if row else 0
        if current < SCHEMA_VERSION:
            raise StoreError(f"database schema v{current} is older than this saydo (v{SCHEMA_VERSION}) and it was "
                             "opened read-only", where=str(self.path),
                             hint="run a command that writes, such as `saydo check`, once to upgrade it")
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(f"database schema v{current} is newer than this saydo (v{SCHEMA_VERSION})",
                               where=str(self.path), hint="upgrade saydo or use another --db")

    def migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise SchemaTooNew(f"database schema v{current} is newer than this saydo (v{SCHEMA_VERSION})",
                               where=str(self.path), hint="upgrade saydo or use another --db")
        for _, sql in MIGRATIONS[current:]:
            self.con.execute("BEGIN")
            self.con.execute(sql)
            self.con.execute("COMMIT")
        if current != SCHEMA_VERSION:
            self.con.execute(
                "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
            )

    # -- files (content hashes make every load idempotent) ---------------------------------------------------------
    def file_loaded(self, sha256: str, kind: str) -> dict | None:
        row = self.con.execute(
            "SELECT path, source, rows_loaded, rows_rejected, rows_duplicate, rows_revised FROM files "
            "WHERE sha256 = ? AND kind = ?", [sha256, kind],
        ).fetchone()
        if row is None:
            return None
        return dict(zip(("path", "source", "loaded", "rejected", "duplicate", "revised"), row))

    def record_file(self, sha256: str, path: str, kind: str, source: str | None,
                    loaded: int, rejected: int, duplicate: int = 0, revised: int = 0) -> None:
        self.con.execute(
            "INSERT OR REPLACE INTO files BY NAME SELECT ? AS sha256, ? AS path, ? AS kind, ? AS source, "
            "now() AS loaded_at, ? AS rows_loaded, ? AS rows_rejected, ? AS rows_duplicate, ? AS rows_revised",
            [sha256, path, kind, source, loaded, rejected, duplicate, revised],
        )

    def query(self, sql: str, params: list | None = None) -> list[dict]:
        """Run read-only SQL and return rows as dicts (for the CLI, the API and tests)."""
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]
