"""Run every benchmark in bench/ (or the ones named): `python -m bench [extract ingest check serve]`.

Each ``bench_<name>.py`` has a ``main()`` that measures saydo and a baseline (bare spaCy, bare DuckDB, ...) in the same
run and prints both with their ratio. Numbers depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    found = sorted(m.name[len("bench_"):] for m in pkgutil.iter_modules([str(here)]) if m.name.startswith("bench_"))
    wanted = argv or found
    unknown = [w for w in wanted if w not in found]
    if unknown:
        print(f"bench: unknown benchmark(s) {', '.join(unknown)}; have {', '.join(found)}", file=sys.stderr)
        return 2
    for name in wanted:
        print(f"\n=== bench {name} ===", flush=True)
        started = time.perf_counter()
        module = importlib.import_module(f"bench.bench_{name}")
        saved = sys.argv
        sys.argv = [f"bench_{name}"]
        try:
            module.main()
        finally:
            sys.argv = saved
        print(f"=== {name}: {time.perf_counter() - started:.1f} s ===", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
