"""The server's hold on the DuckDB file: one database, a cursor per thread, and a cache of rendered answers.

DuckDB allows one process to write a file, so while ``saydo serve`` runs every change to the data goes through it
(the upload jobs). That makes a response cache exact: each finished write bumps ``generation`` and the cache is
emptied, so a page is never older than the last write.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path

from saydo.errors import StoreError
from saydo.store import Store


class CursorStore(Store):
    """A ``Store`` over its own cursor of an open database: DuckDB cursors may be used from one thread each."""

    def __init__(self, parent: Store) -> None:  # noqa: D107 (no migration: the parent did it)
        self.path = parent.path
        self.con = parent.con.cursor()
        self.con.execute("SET TimeZone = 'UTC'")
        self._ibis = None


class Database:
    """The open store, shared by the request threads (one cursor each) and the write worker."""

    def __init__(self, path: str | Path, *, read_only: bool, cache_size: int = 512) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.root = self._open(read_only)
        self._local = threading.local()
        self._cache: OrderedDict[tuple, tuple] = OrderedDict()
        self._cache_size = cache_size
        self._parts: dict[str, tuple[int, object]] = {}
        self._lock = threading.Lock()
        self.generation = 0

    def _open(self, read_only: bool) -> Store:
        if read_only:
            if not self.path.exists():
                raise StoreError("no database here", where=str(self.path),
                                 hint="run `saydo demo` or `saydo run` first, or pass --db")
            try:  # bring an older file's schema up to date once; another process may hold it, then just read
                Store(self.path).close()
            except StoreError:
                pass
        return Store(self.path, read_only=read_only)

    def store(self) -> Store:
        """This thread's store (a cursor of the shared database)."""
        store = getattr(self._local, "store", None)
        if store is None or getattr(self._local, "root", None) is not self.root:
            store = CursorStore(self.root)
            self._local.store, self._local.root = store, self.root
        return store

    def writer(self) -> Store:
        """A store for a write job (its own cursor, closed by the caller)."""
        return CursorStore(self.root)

    # -- cache -----------------------------------------------------------------------------------------------------
    def cached(self, key: tuple):
        with self._lock:
            hit = self._cache.get(key)
            if hit is not None and hit[0] == self.generation:
                self._cache.move_to_end(key)
                return hit[1]
        return None

    def remember(self, key: tuple, value, generation: int) -> None:
        with self._lock:
            if generation != self.generation:
                return  # the data changed while this answer was computed: don't keep it
            self._cache[key] = (generation, value)
            self._cache.move_to_end(key)
            while len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)

    def memo(self, key: str, compute):
        """A part shared by many answers (filter choices, totals), computed once per generation of the data."""
        with self._lock:
            hit = self._parts.get(key)
            if hit is not None and hit[0] == self.generation:
                return hit[1]
            generation = self.generation
        value = compute()
        with self._lock:
            if generation == self.generation:
                self._parts[key] = (generation, value)
        return value

    def changed(self) -> None:
        """Call after every write: answers computed before it are dropped."""
        with self._lock:
            self.generation += 1
            self._cache.clear()
            self._parts.clear()

    def close(self) -> None:
        self.root.close()
