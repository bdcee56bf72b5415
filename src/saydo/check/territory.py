"""Territory beside a withdrawal by Russia: the Russian-held area of Ukraine at the pledge's start against the end of
the after-window, and the change over the same length before.

The series is daily and national (``saydo.store.territory``): one area per day, stamped 00:00 UTC, for the whole
country. The figure reads three days — the start's UTC date minus the window, the start's date, and the start's date
plus the window (the after-window's end) — and nothing in between, and never fills a missing day: a day the series
lacks makes the change it belongs to missing, and the note says which day. It is supporting evidence only: a national
total can fall because of fighting far from the pledge regions, or rise while forces leave them, so it never changes
the verdict (``rules.toml`` ``[territory]``).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from saydo.check.hypotheses import Hypothesis
from saydo.check.rules import TerritoryRules
from saydo.records import Check, Territory

RUSSIA = "RUS"


def applies(hypo: Hypothesis) -> bool:
    """A withdrawal of Russian forces: the only pledges the held area speaks to."""
    return hypo.template == "withdraw" and hypo.statement.actor == RUSSIA


def territory_figures(hypo: Hypothesis, series: dict[str, dict[date, float]], window_days: int,
                      rules: TerritoryRules, *, as_of: datetime | None = None) -> tuple[Territory, ...]:
    """One figure per territory source (none when no series is loaded), in source order."""
    return tuple(_figure(source, series[source], hypo.start, window_days, rules, as_of)
                 for source in sorted(series))


def _figure(source: str, days: dict[date, float], start: datetime, window_days: int, rules: TerritoryRules,
            as_of: datetime | None) -> Territory:
    start_day = start.date()
    before_day, end_day = start_day - timedelta(days=window_days), start_day + timedelta(days=window_days)
    before, at_start, end = days.get(before_day), days.get(start_day), days.get(end_day)
    span = (min(days), max(days)) if days else None
    missing = [d for d, v in ((before_day, before), (start_day, at_start), (end_day, end)) if v is None]
    note = _missing_note(source, missing, span, as_of) if missing else ""
    if at_start is None or end is None:
        finding = "not_covered"
    elif end - at_start <= -rules.min_change_km2:
        finding = "fell"
    elif end - at_start >= rules.min_change_km2:
        finding = "rose"
    else:
        finding = "steady"
    return Territory(source=source, before_day=before_day, start_day=start_day, end_day=end_day, before_km2=before,
                     start_km2=at_start, end_km2=end, finding=finding, min_change_km2=rules.min_change_km2,
                     series=span, note=note)


def _missing_note(source: str, missing: list[date], span: tuple[date, date] | None, as_of: datetime | None) -> str:
    days = ", ".join(d.isoformat() for d in missing)
    if span is None:
        return f"{source} has no days{' before the cut-off' if as_of else ''}."
    known = " as known at the cut-off" if as_of else ""
    outside = any(d < span[0] or d > span[1] for d in missing)
    where = f"its series{known} runs {span[0]} to {span[1]}" if outside else "a gap in its series"
    return f"{source} has no area for {days} ({where})."


def territory_checks(hypos: list[Hypothesis], series: dict[str, dict[date, float]], window_days: int, rules,
                     *, as_of: datetime | None = None) -> list[tuple[Hypothesis, Check]]:
    """The vote of the territory series on every withdrawal by Russia: one check per pledge and territory source.

    The change of the held area over the after-window is compared with the changes the series shows by itself over
    windows of the same length at other times (every ``step_days`` up to ``history_weeks`` weeks either way, never
    overlapping the pledge's window): its calibrated interval (Student-t prediction interval, as for alerts) decides.
    Kept when the whole interval lies below a fall of ``min_change_km2`` (the area fell beyond what fighting and
    redrawn map lines move it by anyway); broken when it lies wholly above it (the data rule out such a fall);
    insufficient data otherwise. The series is national: a fall elsewhere can look like a withdrawal, which the
    explanation says."""
    out = []
    for h in (h for h in hypos if applies(h)):
        for source in sorted(series):
            out.append((h, _vote(h, source, series[source], window_days, rules, as_of)))
    return out


def _vote(h: Hypothesis, source: str, days: dict[date, float], w: int, rules, as_of) -> Check:
    import numpy as np

    from saydo.check.calibrate import shifts, spread
    from saydo.records import Did, Measure, Period

    cal, need = rules.calibration, rules.territory.min_change_km2
    start_day = h.start.date()

    def change(first: date) -> float | None:
        a, b = days.get(first), days.get(first + timedelta(days=w))
        return None if a is None or b is None else b - a

    observed = change(start_day)
    null = [v for s in shifts(w, cal.history_weeks, cal.step_days)
            if (v := change(start_day + timedelta(days=int(s)))) is not None]
    start_dt = datetime.combine(start_day, datetime.min.time(), tzinfo=h.start.tzinfo)
    end_dt = start_dt + timedelta(days=w)
    measure = Measure(metric="area_km2", regions=("UA",), group="national",
                      before=Period(start_dt, start_dt, days.get(start_day)),
                      after=Period(end_dt, end_dt, days.get(start_day + timedelta(days=w))),
                      ratio=None, ci=None, method=f"{source}: area held by Russian forces, all of Ukraine")
    effect = {"theta": -need, "label": "a withdrawal", "graded": False, "increase": False,
              "unit": "km²", "implies": f"a fall of at least {need:,.0f} km² in the area Russian forces hold"}

    def finish(verdict: str, reason: str, calibrated=None) -> Check:
        text = (f"Verdict: {verdict.replace('_', ' ')} — {reason} The area is a national total from {source}: a fall "
                f"elsewhere in Ukraine would look the same, and gains elsewhere can hide a withdrawal, so read it "
                f"beside the alert and event checks. Source: {source} only. {rules.territory.describe()} "
                f"{cal.describe()}")
        return Check(statement=h.statement.id, verdict=verdict, explanation=text, source=source, window_days=w,
                     start=start_dt, end=end_dt, measures=(measure,), as_of=as_of, template="withdraw",
                     calibrated=calibrated, effect=effect)

    if observed is None:
        missing = [d for d in (start_day, start_day + timedelta(days=w)) if d not in days]
        late = days and max(days) < start_day + timedelta(days=w)
        return finish("too_early" if late else "insufficient_data",
                      f"{source} has no area for {', '.join(d.isoformat() for d in missing)}.")
    found = spread(np.array(null), level=cal.level, min_windows=cal.min_windows)
    if found is None:
        return finish("insufficient_data", f"only {len(null)} windows of {source}'s history to calibrate the change "
                                           f"on (at least {cal.min_windows} needed, with some spread).")
    mean, half, _ = found
    effect_km2 = observed - mean
    lo, hi = effect_km2 - half, effect_km2 + half
    calibrated = Did("area_km2", round(effect_km2, 1), (round(lo, 1), round(hi, 1)),
                     f"change of the held area over {w} days against the median change of {len(null)} windows of the "
                     f"same length in the series' history ({mean:+,.0f} km²), Student-t {100 * cal.level:.0f}% "
                     f"prediction interval (km², not a ratio)")
    span = f"{lo:+,.0f} to {hi:+,.0f} km²"
    if hi <= -need:
        return finish("kept", f"the area held by Russian forces fell by {-observed:,.0f} km² in the {w} days from the "
                              f"pledge, {-effect_km2:,.0f} km² more than the series moves by itself (calibrated 95% "
                              f"interval {span}), and a withdrawal implies a fall of at least {need:,.0f} km².",
                      calibrated)
    if lo > -need:
        return finish("broken", f"the held area changed by {observed:+,.0f} km² in the {w} days from the pledge "
                                f"(against what the series does by itself: {span}), which rules out a fall of "
                                f"{need:,.0f} km² or more; a withdrawal implies at least that.", calibrated)
    return finish("insufficient_data", f"the held area changed by {observed:+,.0f} km² in the {w} days from the "
                                       f"pledge; the calibrated 95% interval {span} holds both a fall of "
                                       f"{need:,.0f} km² and none: the data can't decide.", calibrated)
