"""`saydo serve` as a user starts it: a real process on a loopback port, read-only without a token."""

from __future__ import annotations

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
