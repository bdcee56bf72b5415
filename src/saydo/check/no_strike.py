"""The no-strike template on event datasets: any strike event recorded in the named places during the window
contradicts the pledge, and the verdict cites the rows."""

from __future__ import annotations

from datetime import timedelta

import numpy as np

from saydo.check.batch import Batch, ci_of, ratio_of
from saydo.check.closed_forms import RATE_METHODS, rate_ratios
from saydo.check.hypotheses import Hypothesis
from saydo.check.verdicts import data_gate
from saydo.records import Check, Measure, Period
from saydo.resolve.regions import region_name
from saydo.store import Store
from saydo.store.observations import event_rows

DAY = 86400


def check_no_strike_batch(store: Store, batch: Batch, hypos: list[Hypothesis]) -> list[Check]:
    w = batch.window_days
    out = []
    for h in hypos:
        binned = batch.grid.binned(batch.source, DAY, int(h.start.timestamp()) % DAY)
        rows = np.isin(binned.regions, h.regions)
        daily = binned.take("events", np.array([binned.index(h.start) - w]), 2 * w)[0][rows].sum(0)
        before, end = h.start - timedelta(days=w), h.start + timedelta(days=w)
        fp = batch.fingerprint(h, before, end, daily.tobytes())
        out.append(batch.reused(h, fp) or _one(store, batch, h, daily, fp))
    return out


def _one(store: Store, batch: Batch, h: Hypothesis, daily: np.ndarray, fp: str) -> Check:
    w, source = batch.window_days, batch.source
    start, end, before = h.start, h.start + timedelta(days=w), h.start - timedelta(days=w)

    def finish(verdict: str, reason: str, measures=()) -> Check:
        text = (f"Verdict: {verdict.replace('_', ' ')} — {reason} Places are matched by oblast: a strike anywhere in "
                f"{', '.join(region_name(r) for r in h.regions)} counts, so read the cited rows. Source: {source} "
                f"only (sources are never added together).")
        return Check(statement=h.statement.id, verdict=verdict, explanation=text, source=source, window_days=w,
                     start=start, end=end, measures=tuple(measures), as_of=batch.as_of, template="no_strike",
                     fingerprint=fp)

    gate = data_gate(batch.extent, source, before, end, "the window", "the window before")
    if gate:
        return finish(*gate)
    gap = batch.gap(before, end)
    if gap:
        return finish("insufficient_data", gap)
    b, a = daily[:w], daily[w:]
    est = rate_ratios(b[None], a[None], counts=True)
    kind = int(est["kind"][0])
    measure = Measure(metric="events", regions=h.regions, group="pledge", before=Period(before, start, int(b.sum())),
                      after=Period(start, end, int(a.sum())), ratio=ratio_of(est["ratio"][0]),
                      ci=ci_of(est["lo"][0], est["hi"][0]),
                      method=RATE_METHODS[kind].format(phi=est["phi"][0]) if kind in (1, 3) else RATE_METHODS[kind])
    if a.sum() == 0 and b.sum() == 0:
        return finish("insufficient_data", f"{source} records no strike there in the window nor in the {w} days "
                                           f"before, so its silence says little.", [measure])
    if a.sum() == 0:
        return finish("kept", f"{source} records no strike in the {w} days from the pledge ({int(b.sum())} in the {w} "
                              f"days before).", [measure])
    cited = event_rows(store, source=source, regions=list(h.regions), start=start, end=end,
                       event_types=batch.rules.event_types, limit=3)
    rows = "; ".join(f"{r['started_at']:%Y-%m-%d} {r['region']} {r['event_type']} (row {r['row_id'] or r['line']}: "
                     f"{(r['description'] or '')[:80]})" for r in cited)
    return finish("broken", f"{source} records {int(a.sum())} strike event(s) there in the {w} days from the pledge, "
                            f"for example {rows}.", [measure])
