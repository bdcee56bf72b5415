"""Reliability figures (issue 14), measured in one run:

    python -m bench reliability                       # 10,000 + 10,000 fuzzed inputs, 20 kills
    python -m bench.bench_reliability --inputs 500 --kills 3   # a quick look

1. Observation fuzz: mutations of real rows from ../shared (and of the fixtures) for every reader — nasty values, far
   dates on a whole row, dropped, added, repeated and swapped fields and rows — each loaded into a store. Counted:
   crashes (an exception that is not a coded error), rows unaccounted (rows in the file minus loaded, rejected,
   duplicate and out of scope) and rows stored with a date outside 1990..a year from today (counted as crashes).
2. Article fuzz: mutations of the founding article (../shared/examples) — header lines with far or broken dates,
   nasty strings at random places — each parsed and its windows computed; a sample goes through the whole
   extraction (spaCy). Counted: crashes.
3. kill -9 harness (``tests/store/killing.py``): a large generated load, an article batch and a check, killed at
   moments spread over their uninterrupted duration, then finished. Counted: half-visible files, duplicate ids,
   half-done articles, scratch folders left, and re-runs that differ from an uninterrupted run.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def fuzz_observations(n: int, seed: int, tmp: Path) -> dict:
    from tests.ingest.mutations import apply, expected_records, load_and_account, random_edits, render
    from tests.ingest.samples import CSV_FORMATS, bellingcat, bellingcat_events, sample

    from saydo.store import Store

    rng = random.Random(seed)
    readers = [(fmt, sample(fmt)) for fmt in CSV_FORMATS]
    readers = [(fmt, s) for fmt, s in readers if s is not None]
    events = bellingcat_events(10)
    totals = {"inputs": 0, "crashes": 0, "unaccounted": 0, "refused": 0, "rows": 0, "examples": []}
    per_reader = n // (len(readers) + (1 if events else 0))
    for fmt, s in readers:
        quoting = fmt != "gdelt"
        with Store(":memory:") as store:
            for i in range(per_reader):
                rows = apply(s.rows, random_edits(rng, len(s.rows), max(map(len, s.rows))), s)
                text = render(s.header, rows, delimiter=s.delimiter, quoting=quoting)
                path = tmp / f"{fmt}-{i}.csv"
                path.write_text(text, encoding="utf-8")
                expected = expected_records(text, delimiter=s.delimiter, quoting=quoting, header=s.header is not None)
                _count(totals, load_and_account(store, path, s.options(), expected), fmt)
                path.unlink()
    if events:
        keys = sorted(events[0])
        nasty = ["", None, 0, -1, "01/01/0001", "12/31/9999", "02/30/2022", [], {}, "x" * 5000, "NaN", 1e309]
        with Store(":memory:") as store:
            for i in range(n - per_reader * len(readers)):
                mutated = [dict(e) for e in events]
                for _ in range(rng.randint(1, 4)):
                    mutated[rng.randrange(len(mutated))][rng.choice(keys)] = rng.choice(nasty)
                folder = tmp / f"bellingcat-{i}"
                folder.mkdir()
                path = bellingcat(folder, events=mutated)
                _count(totals, load_and_account(store, path, {"fmt": "bellingcat"}, len(mutated)), "bellingcat")
    return totals


def _count(totals: dict, outcome, fmt: str) -> None:
    totals["inputs"] += 1
    totals["rows"] += outcome.expected
    if outcome.crashed:
        totals["crashes"] += 1
        if len(totals["examples"]) < 5:
            totals["examples"].append(f"{fmt}: {outcome.crashed}")
    elif outcome.refused:
        totals["refused"] += 1
    totals["unaccounted"] += outcome.unaccounted
    if outcome.unaccounted and len(totals["examples"]) < 5:
        totals["examples"].append(f"{fmt}: {outcome.expected} rows, {outcome.accounted} accounted")


def fuzz_articles(n: int, extract: int, seed: int) -> dict:
    from tests.conftest import SHARED
    from tests.ingest.mutations import NASTY

    from saydo.errors import SaydoError
    from saydo.extract.windows import find_window
    from saydo.ingest.articles import parse_text

    founding = SHARED / "examples" / "kyiv-2022-03-29.txt"
    if not founding.exists():
        return {"inputs": 0, "skipped": f"{founding} is absent"}
    original = founding.read_text(encoding="utf-8")
    heads = ["date 0001-01-01\n", "date 9999-12-31\n", "date 1989-12-31\n", "date 2022-02-30\n", "date 20000-01-01\n",
             "source javascript:alert(1)\n", "date \n", "\ufeff", "\r\n", "date 2022-03-29 date 9999-01-01\n"]
    phrases = ["from 1 January until 31 December", "at noon on December 31", "for 999 days", "tomorrow",
               "from midnight on Feb. 29 until 24:00 on Feb. 30", "starting Monday for 36 hours"]
    rng = random.Random(seed)
    totals = {"inputs": 0, "crashes": 0, "refused": 0, "extracted": 0, "examples": []}
    sample = []
    for i in range(n):
        text = original
        for _ in range(rng.randint(1, 4)):
            where = rng.randrange(len(text) + 1)
            piece = rng.choice([rng.choice(heads), rng.choice(NASTY), rng.choice(phrases),
                                "".join(chr(rng.randint(0, 0x2FFF)) for _ in range(rng.randint(1, 8)))])
            text = piece + text if rng.random() < 0.3 else text[:where] + piece + text[where:]
        totals["inputs"] += 1
        try:
            article = parse_text(text, name=f"fuzz-{i}.txt")
            for sentence in article.text.split(". "):
                find_window(sentence, article.published, rng.choice(["RUS", "UKR", None]))
        except SaydoError:
            totals["refused"] += 1
            continue
        except Exception as exc:  # noqa: BLE001 - what the fuzzing is for
            totals["crashes"] += 1
            if len(totals["examples"]) < 5:
                totals["examples"].append(f"{type(exc).__name__}: {exc}"[:200])
            continue
        if len(sample) < extract:
            sample.append(article)
    if sample:  # the whole extraction (spaCy) on a sample of the parsed inputs
        from saydo.extract import extract_many

        try:
            for _ in extract_many(sample):
                totals["extracted"] += 1
        except Exception as exc:  # noqa: BLE001
            totals["crashes"] += 1
            totals["examples"].append(f"extraction: {type(exc).__name__}: {exc}"[:200])
    return totals


def kill_harness(kills: int, seed: int, work: Path) -> dict:
    from tests.store import killing

    tmpdir = work / "tmp"
    tmpdir.mkdir()
    scenarios = killing.scenarios(work)
    rng = random.Random(seed)
    totals = {"kills": 0, "killed_mid_run": 0, "half_visible": 0, "duplicates": 0, "half_done_articles": 0,
              "leftovers": 0, "reruns_differing": 0, "by_case": {}}
    plan = [scenarios[i % len(scenarios)] for i in range(kills)]
    for index, scenario in enumerate(plan):
        seconds = killing.duration(scenario, work, tmpdir)
        delay = seconds * rng.uniform(0.2, 0.95)
        killed, findings, same = killing.kill_and_rerun(scenario, work, delay, tmpdir, index)
        totals["kills"] += 1
        totals["killed_mid_run"] += killed
        totals["half_visible"] += findings.half_visible
        totals["duplicates"] += findings.duplicates
        totals["half_done_articles"] += findings.half_done_articles
        totals["leftovers"] += len(findings.leftovers)
        totals["reruns_differing"] += not same
        totals["by_case"][scenario.name] = totals["by_case"].get(scenario.name, 0) + 1
        print(f"  kill {index + 1:2d}: {scenario.name:8s} at {delay:5.2f} s of {seconds:5.2f} s "
              f"({'mid-run' if killed else 'had ended'}); {findings}; re-run equal: {same}", flush=True)
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=int, default=10_000, help="fuzzed inputs of each kind")
    parser.add_argument("--extract", type=int, default=200, help="fuzzed articles also run through extraction")
    parser.add_argument("--kills", type=int, default=20)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="bench-reliability-") as tmp:
        tmp = Path(tmp)
        started = time.perf_counter()
        obs = fuzz_observations(args.inputs, args.seed, tmp)
        print(f"observation fuzz: {obs['inputs']:,} inputs ({obs['rows']:,} rows), {obs['crashes']} crashes, "
              f"{obs['unaccounted']} rows unaccounted, {obs['refused']} refused with a coded error "
              f"[{time.perf_counter() - started:.0f} s]", flush=True)
        for example in obs["examples"]:
            print(f"  {example}")
        started = time.perf_counter()
        art = fuzz_articles(args.inputs, args.extract, args.seed)
        print(f"article fuzz: {art['inputs']:,} inputs, {art.get('crashes', 0)} crashes, {art.get('refused', 0)} "
              f"refused with a coded error, {art.get('extracted', 0)} run through the whole extraction "
              f"[{time.perf_counter() - started:.0f} s]{' ' + art['skipped'] if 'skipped' in art else ''}", flush=True)
        for example in art.get("examples", []):
            print(f"  {example}")
        started = time.perf_counter()
        work = tmp / "kills"
        work.mkdir()
        kills = kill_harness(args.kills, args.seed, work)
        print(f"kill -9 harness: {kills['kills']} kills ({kills['killed_mid_run']} mid-run; "
              f"{', '.join(f'{k} {v}' for k, v in kills['by_case'].items())}), {kills['half_visible']} half-visible "
              f"files, {kills['duplicates']} duplicates, {kills['half_done_articles']} half-done articles, "
              f"{kills['leftovers']} scratch folders left, {kills['reruns_differing']} re-runs differing from an "
              f"uninterrupted run [{time.perf_counter() - started:.0f} s]", flush=True)
        print(f"\ninputs fuzzed: {obs['inputs'] + art['inputs']:,}; crashes: {obs['crashes'] + art.get('crashes', 0)}; "
              f"rows unaccounted: {obs['unaccounted']}; half-visible files: {kills['half_visible']}; "
              f"duplicates: {kills['duplicates']}")


if __name__ == "__main__":
    main()
