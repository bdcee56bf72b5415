"""A kill -9 harness: run a saydo command in a subprocess, kill it outright at a chosen moment, and check what the
store holds then and after the command is run again. Used by the suite (a few kills) and by
``python -m bench reliability`` (20 kills).

What must hold after every kill: every observation row belongs to a file with a ``files`` record and the file's row
count is the record's (no half-visible file); no id is stored twice; no article's statements are stored without its
done mark; no scratch folder of a dead process is left once the next load has run. After the re-run, the store holds
what an uninterrupted run stores.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import SHARED

REGIONS = ["Kyivska oblast", "Sumska oblast", "Kharkivska oblast", "Odeska oblast", "Lvivska oblast"]


def big_alert_log(path: Path, rows: int, seed: int = 7) -> Path:
    """A volunteer-format alert log of ``rows`` rows, in Windows-1252 (so it is read from a normalised copy in a
    scratch folder) with a few bad rows."""
    rng = random.Random(seed)
    lines = ["region,started_at,finished_at,naive"]
    for i in range(rows):
        day, minute = 1 + i % 28, i % 1440
        start = f"2022-{3 + (i // 40320) % 9:02d}-{day:02d} {minute // 60:02d}:{minute % 60:02d}:{i % 60:02d}+00:00"
        end = start.replace("+00:00", "+00:00")[:11] + f"{minute // 60:02d}:{minute % 60:02d}:59+00:00"
        region = REGIONS[(i // 1440) % len(REGIONS)]
        if rng.random() < 0.001:
            region = "Kyïv régión"  # rejected: the only bytes above 0x7F make the file Windows-1252
        lines.append(f"{region},{start},{end},{rng.random() < 0.1}")
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    return path


def saydo(*args, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from saydo.serve.cli import main; main()", *map(str, args)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})})


def run(*args, env: dict | None = None) -> float:
    """Run to the end; return the seconds it took."""
    started = time.monotonic()
    proc = saydo(*args, env=env)
    _, err = proc.communicate(timeout=600)
    if proc.returncode not in (0, 2):
        raise RuntimeError(f"saydo {' '.join(map(str, args))} failed: {err.decode(errors='replace')[-2000:]}")
    return time.monotonic() - started


def kill_after(seconds: float, *args, env: dict | None = None) -> bool:
    """Start the command and kill -9 it after ``seconds``; True when it was still running then."""
    proc = saydo(*args, env=env)
    try:
        proc.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        return True


@dataclass
class Findings:
    half_visible: int = 0  # files whose rows are visible without their files record, or not all of them
    duplicates: int = 0  # ids stored twice
    half_done_articles: int = 0  # articles with statements but no done mark
    leftovers: list[str] = field(default_factory=list)  # scratch folders of dead processes


def inspect(db: Path, tmpdir: Path | None = None) -> Findings:
    from saydo.ingest import scratch
    from saydo.store import Store

    found = Findings()
    with Store(db) as store:
        found.half_visible = store.con.execute("""
            SELECT count(*) FROM (SELECT file_sha256, count(*) AS n FROM observations WHERE article_id IS NULL
                                  GROUP BY ALL) o
            LEFT JOIN files f ON f.sha256 = o.file_sha256
            WHERE f.sha256 IS NULL OR f.rows_loaded <> o.n""").fetchone()[0]
        found.duplicates = store.con.execute(
            "SELECT count(*) - count(DISTINCT id) FROM observations").fetchone()[0]
        found.half_done_articles = store.con.execute(
            "SELECT count(DISTINCT s.article_id) FROM statements s JOIN articles a ON a.id = s.article_id "
            "WHERE a.extracted_at IS NULL").fetchone()[0]
    if tmpdir is not None:
        found.leftovers = [p.name for p in tmpdir.glob(f"{scratch.PREFIX}*")
                           if p.name.split("-")[1].isdigit() and not scratch._alive(int(p.name.split("-")[1]))]
    return found


def signature(db: Path) -> tuple:
    """What a run leaves in the store, to compare a re-run with an uninterrupted run."""
    from saydo.store import Store

    with Store(db) as store:
        return (
            store.con.execute("SELECT count(*), count(DISTINCT id), min(id), max(id), "
                              "sum(epoch(finished_at)) FROM observations").fetchone(),
            store.con.execute("SELECT count(*), sum(line) FROM rejects").fetchone(),
            store.con.execute("SELECT sha256, rows_loaded, rows_rejected, rows_duplicate FROM files "
                              "ORDER BY sha256").fetchall(),
            store.con.execute("SELECT article_id, speaker, kind, start_char FROM statements "
                              "ORDER BY article_id, start_char, kind").fetchall(),
            store.con.execute("SELECT statement_id, source, verdict FROM checks "
                              "QUALIFY row_number() OVER (PARTITION BY statement_id, source ORDER BY version DESC) = 1 "
                              "ORDER BY ALL").fetchall(),
        )


ARTICLE_LINES = [
    "The defence ministry said its forces would stop shelling {place} from tomorrow.",
    "A spokesman said on Monday that troops would leave {place} within a week.",
    "The governor said residents did not believe the promise to halt strikes on {place}.",
]
PLACES = ["Kharkiv", "Sumy", "Chernihiv", "Kyiv", "Odesa", "Mykolaiv"]


def articles(folder: Path, n: int) -> list[Path]:
    """``n`` short articles written for these tests (no third-party text)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text = " ".join(line.format(place=PLACES[(i + k) % len(PLACES)]) for k, line in enumerate(ARTICLE_LINES))
        path = folder / f"article-{i:03d}.txt"
        path.write_text(f"date 2022-03-{1 + i % 28:02d}\n\n{text}\n\n{text.replace('tomorrow', 'Friday')}\n",
                        encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class Scenario:
    """A command, the commands to run before it, and the command that finishes it after a kill."""

    name: str
    setup: list[tuple]
    command: tuple
    finish: tuple


def scenarios(work: Path, *, alert_rows: int = 300_000, n_articles: int = 12) -> list[Scenario]:
    log = big_alert_log(work / "alerts-big.csv", alert_rows)
    texts = articles(work / "articles", n_articles)
    founding = SHARED / "examples" / "kyiv-2022-03-29.txt"
    volunteer = SHARED / "data" / "air-raid-alerts" / "volunteer_data_en.csv"
    found = [
        Scenario("load", [], ("ingest", "observations", log), ("ingest", "observations", log)),
        # finishing: the same files again with --resume (files the killed batch had not stored yet need naming)
        Scenario("articles", [], ("ingest", "articles", *texts), ("ingest", "articles", "--resume", *texts)),
    ]
    if founding.exists() and volunteer.exists():
        setup = [("ingest", "observations", volunteer), ("ingest", "articles", founding, *texts)]
        found.append(Scenario("check", setup, ("check",), ("check",)))
    return found


def kill_and_rerun(scenario: Scenario, work: Path, delay: float, tmpdir: Path, index: int) -> tuple[bool, Findings,
                                                                                                     bool]:
    """Run the setup, kill the command after ``delay`` s, inspect, finish, inspect again; return (killed mid-run,
    findings after the kill plus after the finish, the finished store equals an uninterrupted one)."""
    db = work / f"{scenario.name}-{index}.duckdb"
    env = {"TMPDIR": str(tmpdir), "SAYDO_LOCK_WAIT": "30"}
    for step in scenario.setup:
        run(*step, "--db", db, env=env)
    killed = kill_after(delay, *scenario.command, "--db", db, env=env)
    after_kill = inspect(db)
    run(*scenario.finish, "--db", db, env=env)
    after_finish = inspect(db, tmpdir)
    total = Findings(after_kill.half_visible + after_finish.half_visible,
                     after_kill.duplicates + after_finish.duplicates,
                     after_kill.half_done_articles + after_finish.half_done_articles, after_finish.leftovers)
    return killed, total, signature(db) == reference(scenario, work, tmpdir)


_REFERENCE: dict[str, tuple[tuple, float]] = {}


def reference(scenario: Scenario, work: Path, tmpdir: Path) -> tuple:
    """The signature of an uninterrupted run (made once per scenario)."""
    return _uninterrupted(scenario, work, tmpdir)[0]


def duration(scenario: Scenario, work: Path, tmpdir: Path) -> float:
    """Seconds the command takes uninterrupted (after its setup), to spread kills over."""
    return _uninterrupted(scenario, work, tmpdir)[1]


def _uninterrupted(scenario: Scenario, work: Path, tmpdir: Path) -> tuple[tuple, float]:
    key = f"{work}:{scenario.name}"
    if key not in _REFERENCE:
        db = work / f"{scenario.name}-reference.duckdb"
        for step in scenario.setup:
            run(*step, "--db", db, env={"TMPDIR": str(tmpdir)})
        seconds = run(*scenario.command, "--db", db, env={"TMPDIR": str(tmpdir)})
        _REFERENCE[key] = (signature(db), seconds)
    return _REFERENCE[key]


def scratch_dir() -> Path:
    return Path(tempfile.mkdtemp(prefix="kill-harness-"))
