"""Write jobs: uploaded files run through the same pipeline as the CLI, one at a time, with progress to poll.

DuckDB lets one process write a file, and the server is that process; jobs run in order on one worker thread so two
uploads never write at once. Each job's state (queued, running, done, failed), stage and counts are kept in memory for
the page to poll; what a job wrote is in the store like any CLI run (rejected rows included).
"""

from __future__ import annotations

import queue
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

from saydo.errors import NotFound, SaydoError

KEEP_JOBS = 200


@dataclass
class Job:
    id: str
    kind: str  # "article", "observations" or "edit" (an editor's correction, merge or note)
    name: str  # the uploaded file's name
    path: Path
    options: dict = field(default_factory=dict)
    state: str = "queued"  # queued, running, done, failed
    stage: str = "waiting"
    done: int = 0
    total: int | None = None
    message: str = "waiting for the jobs before it"
    result: dict | None = None
    error: str | None = None
    exception: SaydoError | None = field(default=None, repr=False)  # the coded error of a failed edit, re-raised
    created_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    finished_at: datetime | None = None

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "name": self.name, "state": self.state, "stage": self.stage,
                "done": self.done, "total": self.total, "message": self.message, "result": self.result,
                "error": self.error, "created_at": self.created_at.isoformat(),
                "finished_at": self.finished_at.isoformat() if self.finished_at else None,
                "url": f"/jobs/{self.id}", "api_url": f"/api/jobs/{self.id}"}


class Jobs:
    def __init__(self, db, settings) -> None:
        self.db = db
        self.settings = settings
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._queue: queue.Queue[Job | None] = queue.Queue()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None

    def submit(self, kind: str, name: str, path: Path, **options) -> Job:
        job = Job(id=uuid.uuid4().hex[:16], kind=kind, name=name, path=path, options=options)
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEEP_JOBS:
                oldest = next(iter(self._jobs.values()))
                if oldest.state in ("queued", "running"):
                    break
                self._jobs.popitem(last=False)
            if self._worker is None or not self._worker.is_alive():
                self._worker = threading.Thread(target=self._work, name="saydo-jobs", daemon=True)
                self._worker.start()
        self._queue.put(job)
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job {job_id}", hint="jobs are kept in memory until the server restarts")
        return job

    def all(self) -> list[Job]:
        with self._lock:
            return list(reversed(self._jobs.values()))

    def wait(self, job_id: str, timeout: float = 60.0) -> Job:
        """Block until a job has finished (for tests and scripts)."""
        import time

        deadline = time.monotonic() + timeout
        job = self.get(job_id)
        while job.state in ("queued", "running") and time.monotonic() < deadline:
            time.sleep(0.05)
        return job

    def call(self, name: str, fn, timeout: float = 60.0):
        """Run ``fn(store)`` on the writer thread (after the jobs before it) and return its result; a coded error it
        raises is raised here. For small writes a request waits for: an editor's correction, merge or note."""
        job = self.submit("edit", name, Path("."), call=fn)
        done = self.wait(job.id, timeout)
        if done.exception is not None:
            raise done.exception
        if done.state != "done":
            from saydo.errors import StoreError

            raise StoreError(done.error or "the edit did not finish in time", hint="try again in a moment")
        return done.result

    def close(self) -> None:
        if self._worker is not None and self._worker.is_alive():
            self._queue.put(None)
            self._worker.join(timeout=30)

    # -- the worker ------------------------------------------------------------------------------------------------
    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            job.state, job.message = "running", "started"
            store = self.db.writer()
            try:
                if job.kind == "edit":
                    job.result = job.options["call"](store)
                else:
                    job.result = (run_article if job.kind == "article" else run_observations)(store, job)
                job.state, job.stage, job.message = "done", "done", "finished"
            except SaydoError as exc:
                job.state, job.error, job.message = "failed", exc.line(), exc.line()
                job.exception = exc
            except Exception as exc:  # noqa: BLE001 (a job must never take the worker down; the page says why)
                import logging

                logging.getLogger("saydo.serve").exception("job %s failed", job.id)
                job.state, job.error = "failed", f"[SD799] unexpected error: {type(exc).__name__}: {exc}"
                job.message = job.error
            finally:
                job.finished_at = datetime.now(timezone.utc)
                store.con.close()
                self.db.changed()


def _stage(job: Job, stage: str, message: str, total: int | None = None) -> None:
    job.stage, job.message, job.done, job.total = stage, message, 0, total


def run_article(store, job: Job) -> dict:
    """Store the article, extract its statements, check its pledges against every observation source."""
    from saydo import pipeline

    published = job.options.get("published")
    _stage(job, "read", "reading the article")
    articles, errors, _ = pipeline.read_articles(store, [job.path], published=published)
    if errors:
        raise errors[0]
    article = articles[0]
    _stage(job, "extract", "finding statements (speaker, kind, places, time)", total=1)
    statements = pipeline.extract_articles(store, articles, progress=lambda i: setattr(job, "done", i))
    pledges = [s for s in statements if s.kind == "pledge"]
    _stage(job, "check", f"checking {len(pledges)} pledge(s) against the stored observations", total=len(pledges))
    checks, untestable, _ = pipeline.check_and_store(store, pledges)
    job.done = len(pledges)
    return {"article": article.id, "article_url": f"/articles/{article.id}", "title": article.title,
            "statements": len(statements), "pledges": len(pledges),
            "checks": [{"statement": c.statement, "source": c.source, "verdict": c.verdict,
                        "url": f"/checks/{c.statement}"} for c in checks],
            "untestable": [{"statement": s.id, "reason": reason} for s, reason in untestable]}


def run_observations(store, job: Job) -> dict:
    """Load the file (every row loaded or rejected with its reason), then re-check the stored pledges; results whose
    inputs did not change are reused, not recomputed."""
    from saydo import pipeline
    from saydo.ingest.observations import load_observations

    _stage(job, "load", "loading rows")
    report = load_observations(store, job.path, fmt=job.options.get("fmt"), source=job.options.get("source"),
                               progress=lambda rows: setattr(job, "done", rows))
    pledges = pipeline.stored_statements(store, "pledge")
    _stage(job, "check", f"re-checking {len(pledges)} stored pledge(s)", total=len(pledges))
    checks, _, versions = pipeline.check_and_store(store, pledges)
    job.done = len(pledges)
    changed = [v for v in versions if v["stored"] and v["previous_verdict"] != v["verdict"]]
    return {**report.to_json(), "file": job.name, "checks": len(checks),
            "recomputed": sum(1 for c in checks if not c.reused),
            "changed": [{**v, "url": f"/checks/{v['statement']}"} for v in changed]}


def parse_date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        from saydo.errors import BadValue

        raise BadValue(f"date {value!r} is not YYYY-MM-DD", where="date", hint="e.g. 2022-03-29") from None
