"""Load on the read endpoints of `saydo serve`: 50 concurrent clients on loopback for a bounded time.

    python -m bench.bench_serve                      # 50 clients, 10 s per phase
    python -m bench.bench_serve --clients 50 --seconds 20

The store: the founding example checked against the real volunteer alert log (../shared), or the bundled demo when
../shared is absent. The server is `saydo serve` in its own process (one uvicorn worker), as a user runs it; the load
comes from this process (asyncio + httpx, one connection per client).

Phases, each reporting requests/s and p50/p99 latency:
- baseline: a bare uvicorn app answering one fixed JSON body (the floor of HTTP + uvicorn on this machine);
- saydo, repeated pages: a mix of pages and API calls as a browsing user asks for them (answers served from the
  server's cache after the first time);
- saydo, distinct queries: every request a filter or page never asked before (each one runs its DuckDB query and
  renders).
The ratio is saydo's requests/s over the baseline's. Aim: p99 under 100 ms.

When Debian's ``wrk`` is installed (``apt-get install wrk``) it generates the load instead (``--client wrk``, the
default then): a Python client on the same 2 cores takes CPU from the server and measures itself as much as the
server. ``--client python`` forces the asyncio client.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

BARE = """
import sys, uvicorn
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    body = b'{"ok": true, "statements": []}'
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_store(folder: Path) -> tuple[Path, str]:
    from saydo.serve.cli import main

    db = folder / "saydo.duckdb"
    article = SHARED / "examples" / "kyiv-2022-03-29.txt"
    alerts = SHARED / "data" / "air-raid-alerts" / "volunteer_data_en.csv"
    if article.exists() and alerts.exists():
        args, what = ["run", str(article), "--alerts", str(alerts), "--db", str(db), "--json"], "founding example"
    else:
        args, what = ["demo", "--out", str(folder), "--json"], "bundled demo (../shared is absent)"
    with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):
        main(args)
    return db, what


def start(cmd: list[str], port: int, env: dict | None = None) -> subprocess.Popen:
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return proc
        if proc.poll() is not None:
            raise SystemExit(f"server did not start: {proc.stderr.read().decode()[-2000:]}")
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start within 60 s")


async def load(base: str, paths, clients: int, seconds: float) -> dict:
    import httpx

    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds

    async def client(k: int) -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            i = k
            while time.perf_counter() < stop:
                path = paths(i)
                i += clients
                t0 = time.perf_counter()
                r = await http.get(path)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(client(k) for k in range(clients)))
    took = time.perf_counter() - started
    latencies.sort()
    return {"requests": len(latencies), "rps": len(latencies) / took, "errors": errors,
            "p50": statistics.median(latencies) * 1000,
            "p99": latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))] * 1000}


WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""


def load_wrk(base: str, paths, clients: int, seconds: float, count: int = 2000) -> dict:
    """The same measurement with wrk: one connection per client, ``count`` distinct paths cycled per thread."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT % ", ".join('"%s"' % paths(i).replace('"', "%22") for i in range(count)))
        script = fh.name
    try:
        out = subprocess.run(["wrk", "-t", "2", "-c", str(clients), "-d", f"{max(1, int(seconds))}s", "--latency",
                              "-s", script, base], capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(script)

    def ms(text: str) -> float:
        value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    pct = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"requests": int(re.search(r"(\d+) requests in", out).group(1)),
            "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
            "p50": ms(pct["50"]), "p99": ms(pct["99"]), "errors": int(errors.group(1)) if errors else 0}


def report(name: str, r: dict, base: dict | None = None) -> None:
    ratio = f"  ratio {r['rps'] / base['rps']:.2f} of baseline" if base else ""
    print(f"{name:34s} {r['requests']:7,d} req  {r['rps']:8,.0f} req/s  p50 {r['p50']:6.1f} ms  "
          f"p99 {r['p99']:6.1f} ms  errors {r['errors']}{ratio}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--client", choices=("wrk", "python"), default="wrk" if shutil.which("wrk") else "python")
    args = parser.parse_args()
    import httpx

    def run_load(base: str, paths) -> dict:
        if args.client == "wrk":
            return load_wrk(base, paths, args.clients, args.seconds)
        return asyncio.run(load(base, paths, args.clients, args.seconds))

    with tempfile.TemporaryDirectory() as tmp:
        db, what = build_store(Path(tmp))
        print(f"store: {what}; {args.clients} clients ({args.client}), {args.seconds:g} s per phase, loopback",
              flush=True)

        port = free_port()
        bare = start([sys.executable, "-c", BARE, str(port)], port)
        try:
            baseline = run_load(f"http://127.0.0.1:{port}", lambda i: "/api/statements")
        finally:
            bare.terminate()
            bare.wait()
        report("baseline: bare uvicorn, fixed JSON", baseline)

        port = free_port()
        env = {k: v for k, v in os.environ.items() if k != "SAYDO_TOKEN"}
        saydo = start([str(Path(sys.executable).parent / "saydo"), "serve", "--db", str(db), "--port", str(port)],
                      port, env)
        try:
            base = f"http://127.0.0.1:{port}"
            statements = httpx.get(f"{base}/api/statements", params={"kind": "any", "limit": 500}).json()
            ids = [s["id"] for s in statements["statements"]]
            pledges = [s["id"] for s in statements["statements"] if s["kind"] == "pledge"] or ids
            articles = sorted({s["article_id"] for s in statements["statements"]})
            actors = sorted({s["actor"] for s in statements["statements"] if s["actor"]})
            cov = httpx.get(f"{base}/api/observations").json()["coverage"]
            mix = (["/", "/api/statements", "/?kind=any", "/api/actors", "/observations", "/api/checks"]
                   + [f"/checks/{i}" for i in pledges] + [f"/api/statements/{i}" for i in pledges]
                   + [f"/articles/{a}" for a in articles] + [f"/actors/{a}" for a in actors]
                   + [f"/api/observations/series?source={c['source']}&region={c['region']}" for c in cov[:5]])
            for path in mix:  # every page once, so errors show before the load
                r = httpx.get(base + path)
                if r.status_code != 200:
                    raise SystemExit(f"{path}: {r.status_code} {r.text[:300]}")
            repeated = run_load(base, lambda i: mix[i % len(mix)])
            report("saydo, repeated pages (cached)", repeated, baseline)
            words = sorted({w.strip(".,“”\"'").lower() for s in statements["statements"] for w in s["text"].split()
                            if len(w) > 3})
            rng = random.Random(3)
            regions = [c["region"] for c in cov]

            def distinct(i: int) -> str:
                kind = ("/api/statements?kind=any&q={w}&offset={o}", "/?kind=any&q={w}&limit={n}",
                        "/api/observations/rows?region={r}&limit={n}&offset={o}")[i % 3]
                return kind.format(w=quote(rng.choice(words)), o=i, n=1 + i % 97, r=rng.choice(regions))

            fresh = run_load(base, distinct)
            report("saydo, distinct queries (uncached)", fresh, baseline)
        finally:
            saydo.terminate()
            saydo.wait()
        worst = max(repeated["p99"], fresh["p99"])
        print(f"p99 aim under 100 ms: {'met' if worst < 100 else 'NOT met'} (worst phase {worst:.1f} ms)")


if __name__ == "__main__":
    main()
