"""Concurrent use of one database file (issue 14): commands that only read open it read-only, so they run beside
other readers (a server without a token); a writer waits a bounded time for the lock, says so, and then names the
process that holds it."""

from __future__ import annotations

import os
import subprocess
import sys
import time

HOLD = """
import sys, time
from saydo.store import Store
store = Store(sys.argv[1], read_only=sys.argv[2] == 'ro')
print('holding', flush=True)
time.sleep(float(sys.argv[3]))
store.close()
"""
HEAD = "region,started_at,finished_at,naive\n"


def _holder(db, mode: str, seconds: float) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db), mode, str(seconds)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def _saydo(*args, wait: str = "10") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from saydo.serve.cli import main; main()", *map(str, args)],
                          capture_output=True, text=True, timeout=120, env={**os.environ, "SAYDO_LOCK_WAIT": wait})


def _store_with_rows(tmp_path):
    from saydo.ingest.observations import load_observations
    from saydo.store import Store

    path = tmp_path / "a.csv"
    path.write_text(HEAD + "Kyiv City,2022-03-29 10:00:00+00:00,2022-03-29 11:00:00+00:00,False\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    with Store(db) as store:
        load_observations(store, path)
    return db


def test_locks_read_only_commands_run_beside_a_reader(tmp_path):
    db = _store_with_rows(tmp_path)
    holder = _holder(db, "ro", 30)
    try:
        for command in (["observations", "summary"], ["rejects"]):
            done = _saydo(*command, "--db", db, "--json", wait="0")
            assert done.returncode == 0, (command, done.stderr)
    finally:
        holder.kill()


def test_locks_a_writer_waits_for_the_lock_and_says_so(tmp_path):
    db = _store_with_rows(tmp_path)
    path = tmp_path / "b.csv"
    path.write_text(HEAD + "Sumska oblast,2022-03-29 10:00:00+00:00,2022-03-29 11:00:00+00:00,False\n",
                    encoding="utf-8")
    holder = _holder(db, "rw", 5)
    started = time.monotonic()
    done = _saydo("ingest", "observations", path, "--db", db, wait="20")
    holder.wait()
    assert done.returncode == 0, done.stderr
    assert "waiting up to 20 s" in done.stderr and f"process {holder.pid}" in done.stderr
    assert time.monotonic() - started < 20


def test_locks_a_writer_gives_up_after_the_wait_with_a_coded_error(tmp_path):
    db = _store_with_rows(tmp_path)
    holder = _holder(db, "rw", 30)
    try:
        done = _saydo("ingest", "observations", tmp_path / "a.csv", "--db", db, wait="0.5")
    finally:
        holder.kill()
    assert done.returncode == 2 and "[SD302]" in done.stderr and str(holder.pid) in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
