"""The server's hold on the DuckDB file: one database, a cursor per thread, and a cache of rendered answers.

DuckDB lets one process write a file, and then no other process may even read it; any number of processes may read
it together. So the server holds the file **read-only** between writes, and the CLI's read-only commands (``saydo
statements``, ``checks``, ``export``, ``report``, ``observations summary``…) run beside it. A write job (an upload,
an editor's correction) takes the file for writing only while it runs: the reads in flight finish, the file is
reopened for writing (if another process is reading it, the job waits for it, saying so, and the pages keep
answering meanwhile), and when the queue is empty it goes back to read-only. During a job, pages read the same
connection as the job (DuckDB's snapshots: a page sees the data before or after a write, never half of it), and a
CLI command waits for the job up to ``SAYDO_LOCK_WAIT`` seconds.

Every change to the data goes through the server's jobs, which makes the response cache exact: each finished write
bumps ``generation`` and the cache is emptied, so a page is never older than the last write.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from pathlib import Path

from saydo.errors import StoreError, StoreLocked
from saydo.store import Store

WRITE_WAIT = 300.0  # seconds a write job waits for other processes to close the file


class CursorStore(Store):
    """A ``Store`` over its own cursor of an open database: DuckDB cursors may be used from one thread each."""

    def __init__(self, parent: Store) -> None:  # noqa: D107 (no migration: the parent did it)
        self.path = parent.path
        self.con = parent.con.cursor()
        self.con.execute("SET TimeZone = 'UTC'")
        self._ibis = None


class Gate:
    """Many readers or one reopening of the file: a reopen waits for the reads in flight and holds new ones back
    until the file is open again (a few milliseconds)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._closing = False

    @contextmanager
    def shared(self):
        with self._cond:
            while self._closing:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def exclusive(self):
        with self._cond:
            while self._closing:
                self._cond.wait()
            self._closing = True
            while self._readers:
                self._cond.wait()
        try:
            yield
        finally:
            with self._cond:
                self._closing = False
                self._cond.notify_all()


class Database:
    """The open store, shared by the request threads (one cursor each) and the write worker.

    ``read_only=True`` (no token): the file is only ever read. Otherwise it is read-only between writes and taken
    for writing by ``writing()``, and given back by ``settle()``."""

    def __init__(self, path: str | Path, *, read_only: bool, cache_size: int = 512) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._prepare()
        self.root = Store(self.path, read_only=True)
        self.writable_now = False
        self._gate = Gate()
        self._local = threading.local()
        self._cache: OrderedDict[tuple, tuple] = OrderedDict()
        self._cache_size = cache_size
        self._parts: dict[str, tuple[int, object]] = {}
        self._lock = threading.Lock()
        self.generation = 0

    def _prepare(self) -> None:
        """Bring an older file's schema up to date (or create the file, on a server that may write) once."""
        if not self.path.exists() and self.read_only:
            raise StoreError("no database here", where=str(self.path),
                             hint="run `saydo demo` or `saydo run` first, or pass --db")
        try:
            Store(self.path).close()
        except StoreError:
            if not self.read_only:
                raise
            # another process holds it: just read what is there

    def store(self) -> Store:
        """This thread's store (a cursor of the shared database). Use it inside ``reading()``."""
        store = getattr(self._local, "store", None)
        if store is None or getattr(self._local, "root", None) is not self.root:
            store = CursorStore(self.root)
            self._local.store, self._local.root = store, self.root
        return store

    @contextmanager
    def reading(self):
        """Hold the file open for the length of a read (a reopen waits for it)."""
        with self._gate.shared():
            yield self.store()

    @contextmanager
    def writing(self, on_wait=None, wait: float = WRITE_WAIT):
        """A store for a write job (its own cursor). Reopens the file for writing first when it is read-only,
        waiting up to ``wait`` seconds while other processes read it (``on_wait`` hears why)."""
        if self.read_only:
            raise StoreError("this server is read-only", hint="restart it with SAYDO_TOKEN to allow writes")
        if not self.writable_now:
            self._reopen_for_writing(on_wait, wait)
        store = CursorStore(self.root)
        try:
            yield store
        finally:
            store.con.close()

    def settle(self) -> None:
        """Give the file back to read-only (when no write is queued), so other processes may read it."""
        if self.writable_now:
            with self._gate.exclusive():
                self.root.close()
                self.root = Store(self.path, read_only=True, lock_wait=WRITE_WAIT)
                self.writable_now = False

    def _reopen_for_writing(self, on_wait, wait: float) -> None:
        deadline, told = time.monotonic() + wait, False
        while True:
            with self._gate.exclusive():
                self.root.close()
                try:
                    self.root = Store(self.path)
                    self.writable_now = True
                    return
                except StoreLocked as exc:
                    self.root = Store(self.path, read_only=True, lock_wait=WRITE_WAIT)
                    if time.monotonic() >= deadline:
                        raise StoreLocked(f"another process kept the database open for {wait:g} s, so this write "
                                          "could not start", where=str(self.path),
                                          hint="let the other command finish, then send it again") from exc
            if on_wait is not None and not told:
                on_wait("waiting for another process that has the database open (a saydo command reading it)")
                told = True
            time.sleep(0.25)

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
        with self._gate.exclusive():
            self.root.close()
