"""The verdict rule's error rates on the real alert logs: the tables of docs/method.md ("Error rates").

    python -m bench calibration            # both alert logs in ../shared, 600 draws each
    python -m bench.bench_calibration --draws 2000

Not a speed benchmark: it measures how often the rule is wrong (``saydo.check.study``) — no-pledge windows called
kept, windows thinned to exactly θ called broken, 90% and perfect compliance called kept — with fixed seeds, so the
figures are the same on every run. The baseline it reports beside them is the aim each rate should meet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOGS = {"alerts.volunteer": "volunteer_data_en.csv", "alerts.official": "official_data_en.csv"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--draws", type=int, default=600)
    args = parser.parse_args(sys.argv[1:])
    folder = ROOT.parent / "shared" / "data" / "air-raid-alerts"
    if not folder.exists():
        print(f"skipped: {folder} is absent (needs ../shared beside the repository)")
        return
    from saydo.check.study import study
    from saydo.ingest.observations import load_observations
    from saydo.store import Store

    print("| source | template | θ | graded | testable | no pledge kept (≤ 5%) | thinned to θ broken (≤ 5%) | "
          "90% compliance kept (≥ 95%) | perfect compliance kept (≥ 95%) |")
    for source, name in LOGS.items():
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "r.duckdb") as store:
            load_observations(store, folder / name)
            started = time.perf_counter()
            for rates in study(store, source, draws=args.draws):
                r = rates.row()
                print(f"| {source} | {r['template']} | {r['theta']:g} | {'yes' if r['graded'] else 'no'} | "
                      f"{r['testable']} | {100 * r['no_pledge_kept']:.1f}% | {100 * r['thinned_broken']:.1f}% | "
                      f"{100 * r['compliance90_kept']:.1f}% | {100 * r['perfect_kept']:.1f}% |", flush=True)
            print(f"({source}: {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
