"""`saydo serve` as a user starts it: a real process on a loopback port, read-only without a token."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(args: list[str], env: dict) -> subprocess.Popen:
    saydo = Path(sys.executable).parent / "saydo"
    return subprocess.Popen([str(saydo), "serve", *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait(port: int, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            return
        except httpx.HTTPError:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.2)
    raise AssertionError("saydo serve did not answer within 60 s")


def test_serve_starts_read_only_and_says_where(demo_db_file, tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "SAYDO_TOKEN"}
    port = _port()
    proc = _start(["--db", str(demo_db_file), "--port", str(port), "--data-dir", str(tmp_path / "data")], env)
    try:
        _wait(port, proc)
        base = f"http://127.0.0.1:{port}"
        health = httpx.get(f"{base}/healthz").json()
        assert health == {"ok": True, "version": health["version"], "read_only": True}
        assert httpx.get(f"{base}/").status_code == 200
        assert httpx.get(f"{base}/api/statements").json()["total"] >= 1
        refused = httpx.post(f"{base}/api/uploads/articles", files={"file": ("a.txt", b"date 2022-03-29\n\nx\n")},
                             headers={"authorization": "Bearer x"})
        assert refused.status_code == 403 and refused.json()["code"] == "SD703"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in err.decode() and "read-only" in err.decode()


def test_serve_refuses_a_missing_database(tmp_path, cli):
    code, out, err = cli("serve", "--db", tmp_path / "none.duckdb", "--port", str(_port()))
    assert code == 2 and "[SD300]" in err and "saydo demo" in err and "Traceback" not in err


def test_python_dash_m_saydo_is_the_cli():
    done = subprocess.run([sys.executable, "-m", "saydo", "--help"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "serve" in done.stdout and "check" in done.stdout


def test_cli_reads_beside_a_server_that_may_write(demo_db_file, tmp_path):
    """A server with a token holds the file read-only between writes: the CLI's reading commands run beside it, an
    upload takes the file for writing (waiting while another process reads it), and gives it back afterwards."""
    import shutil

    db = tmp_path / "saydo.duckdb"
    shutil.copy(demo_db_file, db)
    token = "a-token-long-enough-for-the-server"
    env = {**os.environ, "SAYDO_TOKEN": token, "SAYDO_LOCK_WAIT": "60"}
    port = _port()
    proc = _start(["--db", str(db), "--port", str(port), "--data-dir", str(tmp_path / "data")], env)
    saydo = str(Path(sys.executable).parent / "saydo")

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([saydo, *args, "--db", str(db)], capture_output=True, text=True, timeout=300,
                              env={**env, "SAYDO_LOCK_WAIT": "5"})

    try:
        _wait(port, proc)
        base = f"http://127.0.0.1:{port}"
        before = cli("statements", "--json")
        assert before.returncode == 0, before.stderr
        assert cli("export", "--format", "csv", "--out", str(tmp_path / "x.csv")).returncode == 0

        # another process reads the file for 4 s; an upload sent meanwhile waits for it, then runs
        reader = subprocess.Popen([sys.executable, "-c", "import sys, time; from saydo.store import Store; "
                                   "s = Store(sys.argv[1], read_only=True); print('open', flush=True); "
                                   "time.sleep(4); s.close()", str(db)], stdout=subprocess.PIPE, text=True)
        assert reader.stdout.readline().strip() == "open"
        article = b"date 2022-04-05\n\nThe defence ministry said its forces would stop shelling Mykolaiv.\n"
        sent = httpx.post(f"{base}/api/uploads/articles", files={"file": ("u.txt", article)},
                          headers={"authorization": f"Bearer {token}"}, timeout=30)
        assert sent.status_code == 202, sent.text
        assert httpx.get(f"{base}/api/statements").status_code == 200  # pages answer while the job waits
        deadline = time.monotonic() + 120
        while (job := httpx.get(f"{base}/api/jobs/{sent.json()['id']}").json())["state"] not in ("done", "failed"):
            assert time.monotonic() < deadline, job
            time.sleep(0.2)
        assert job["state"] == "done", job
        assert reader.wait(timeout=30) == 0

        after = cli("statements", "--json")  # the file is read-only again: the CLI reads it
        assert after.returncode == 0, after.stderr
        assert json.loads(after.stdout)["total"] > json.loads(before.stdout)["total"]
        (tmp_path / "w.txt").write_bytes(article)
        writing = cli("ingest", "articles", str(tmp_path / "w.txt"))
        assert writing.returncode == 2 and "[SD302]" in writing.stderr  # writes go through the server
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
