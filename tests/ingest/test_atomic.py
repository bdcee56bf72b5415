"""A file's rows become visible only with its `files` record: an interrupted load leaves nothing of the file, and the
temporary pieces of a killed load are swept on the next start."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from saydo.ingest.observations import bulk, load_observations
from saydo.store import Store

HEAD = "region,started_at,finished_at,naive\n"


def _alerts(path, n: int, *, bad: int | None = None) -> None:
    rows = [f"Sumska oblast,2022-04-{1 + i % 28:02d} {i % 24:02d}:{i % 60:02d}:00+00:00,"
            f"2022-05-{1 + i % 28:02d} 00:00:00+00:00,False" for i in range(n)]
    if bad is not None:
        rows[bad] = "Sumska oblast,not a time,2022-04-01 00:00:00+00:00,False"
    path.write_text(HEAD + "\n".join(rows) + "\n", encoding="utf-8")


class Interrupted(Exception):
    pass


def test_atomic_interrupted_streamed_load_leaves_nothing_of_the_file(store, tmp_path, monkeypatch):
    path = tmp_path / "alerts.csv"
    _alerts(path, 3000, bad=2000)
    monkeypatch.setattr(bulk, "CHUNK_BYTES", 20_000)  # many chunks, each inserted on its own
    monkeypatch.setattr(bulk, "read_whole", lambda *a, **kw: None)
    calls, load = [], bulk.Loader.load

    def dies_on_the_fourth(self, chunk):
        calls.append(1)
        if len(calls) == 4:
            raise Interrupted
        return load(self, chunk)

    monkeypatch.setattr(bulk.Loader, "load", dies_on_the_fourth)
    with pytest.raises(Interrupted):
        load_observations(store, path)
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 0
    assert store.query("SELECT count(*) AS n FROM rejects")[0]["n"] == 0
    assert store.query("SELECT count(*) AS n FROM files")[0]["n"] == 0
    monkeypatch.setattr(bulk.Loader, "load", load)
    report = load_observations(store, path)  # the re-run loads the whole file
    assert (report.loaded + report.duplicate, report.rejected) == (2999, 1)
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == report.loaded


def test_atomic_whole_read_failing_inside_the_transaction_falls_back_to_streaming(store, tmp_path, monkeypatch):
    path = tmp_path / "alerts.csv"
    _alerts(path, 50)
    real = bulk.read_whole

    def fails(con, *a, **kw):
        con.execute("SELECT * FROM read_csv('/nonexistent/saydo-test.csv')")  # an engine error mid-transaction
        return real(con, *a, **kw)

    monkeypatch.setattr(bulk, "read_whole", fails)
    report = load_observations(store, path)
    assert report.loaded == 50
    assert store.query("SELECT count(*) AS n FROM observations")[0]["n"] == 50


def test_atomic_killed_pieces_are_swept_on_the_next_load(tmp_path, monkeypatch):
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    # a process that made a scratch folder and died with it (kill -9 runs no clean-up)
    code = ("import os, tempfile; tempfile.tempdir = None; from saydo.ingest import scratch; "
            "t = scratch.folder(); d = t.__enter__(); open(os.path.join(d, 'piece'), 'wb').write(b'x' * 1000); "
            "os.kill(os.getpid(), 9)")
    subprocess.run([sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(scratch)})
    assert any(p.name.startswith("saydo-") for p in scratch.iterdir())
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    path = tmp_path / "a.csv"
    _alerts(path, 5)
    with Store(tmp_path / "s.duckdb") as store:
        load_observations(store, path)
    assert not any(p.name.startswith("saydo-") for p in scratch.iterdir())
