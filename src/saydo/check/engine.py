"""Checks pledges against each observation source: windows, measures, DiD, verdict, explanation.

``check`` never talks to DuckDB: it asks ``saydo.store`` for daily series (Ibis expressions) and does the statistics on
the frames it gets back.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime, timedelta

import pandas as pd

from saydo.check.explain import explain, explain_ceasefire
from saydo.check.hypotheses import Hypothesis, hypothesis_for
from saydo.check.rules import ReduceRules, load_rules
from saydo.check.statistics import did_ratio, rate_ratio
from saydo.records import Check, Did, Measure, Period, Statement
from saydo.resolve.regions import all_codes, region_name
from saydo.store import Store
from saydo.store.checks import previous_result
from saydo.store.observations import data_fingerprint, event_rows, source_event_types, source_extent, source_regions
from saydo.store.queries import daily_series, window_totals

ALERT = "air_raid_alert"
NEWS = "news"

# Regions whose alert logs can't be compared with others: Luhansk oblast has had one permanent alert since
# 2022-04-04 and Crimea (with Sevastopol) since 2022-12-10, and the logs leave those alerts out, so these regions look
# quiet when they are not. They are never used as control regions and a pledge about them alone is untestable.
NOT_COMPARABLE = frozenset({"UA-09", "UA-43", "UA-40"})


def check_pledges(store: Store, statements: list[Statement], *, window_days: int = 14,
                  as_of: datetime | None = None, sources: list[str] | None = None,
                  rules: ReduceRules | None = None) -> tuple[list[Check], list[tuple[Statement, str]]]:
    """Check each testable pledge against each alert source. Returns (checks, [(statement, why untestable)])."""
    rules = rules or load_rules()
    kinds = source_event_types(store)
    alert_sources = [s for s in (sources if sources is not None else sorted(kinds)) if s in kinds
                     and (ALERT in kinds[s] or kinds[s] & set(rules.event_types))]
    comparable = frozenset(all_codes() - NOT_COMPARABLE)
    checks: list[Check] = []
    untestable: list[tuple[Statement, str]] = []
    for statement in statements:
        hypo = hypothesis_for(statement, comparable)
        if isinstance(hypo, str):
            untestable.append((statement, hypo))
            continue
        if not alert_sources:
            untestable.append((statement, "no observation data loaded (use --alerts FILE or saydo ingest "
                                          "observations)"))
            continue
        for source in alert_sources:
            if source == NEWS and hypo.template != "no_strike":
                continue  # a few events from articles are evidence to cite, not a series to compare windows on
            profile = _profile(source, kinds[source], rules)
            fingerprint = _fingerprint(store, hypo, source, window_days, profile)
            previous = previous_result(store, statement.id, source, as_of)
            if previous and previous.get("fingerprint") == fingerprint:
                checks.append(Check.from_json(previous, reused=True))  # nothing it reads has changed
                continue
            if hypo.template == "ceasefire":
                check = check_ceasefire(store, hypo, source, as_of=as_of, rules=profile)
            elif hypo.template == "no_strike" and profile.primary_metric == "events":
                check = check_no_strike(store, hypo, source, window_days=window_days, as_of=as_of, rules=profile)
            else:
                check = check_reduce(store, hypo, source, window_days=window_days, as_of=as_of, rules=profile)
            checks.append(replace(check, fingerprint=fingerprint))
    return checks, untestable


COUNT_METRICS = ("alerts", "events")
ENGINE_VERSION = "1"  # bump when the statistics change, so stored results are recomputed


def _fingerprint(store: Store, hypo: Hypothesis, source: str, window_days: int, rules: ReduceRules) -> str:
    """What a check depends on: the pledge as read, the rules, and the source's rows over every window it reads
    (the before/after windows, the placebo window, a ceasefire's baseline weeks)."""
    weeks = rules.ceasefire.baseline_weeks if rules.ceasefire else 8
    first = hypo.start - timedelta(days=max(2 * window_days, 7 * weeks + 1))
    last = (hypo.end or hypo.start) + timedelta(days=window_days + 1)
    s = hypo.statement
    pledge = repr((ENGINE_VERSION, s.id, s.text, s.places, s.window, s.published, hypo.template, hypo.regions,
                   window_days, rules))
    return f"{data_fingerprint(store, source, first, last)}:{hashlib.sha256(pledge.encode()).hexdigest()[:12]}"


def _profile(source: str, kinds: set[str], rules: ReduceRules) -> ReduceRules:
    """The rules as they apply to one source: alert logs have alerts and alert-hours; event datasets one metric,
    events of the hostile types in the rules."""
    if ALERT in kinds:
        return rules
    return replace(rules, metrics=("events",), primary_metric="events",
                   ceasefire=replace(rules.ceasefire, metrics=("events",), primary_metric="events"))


def _types(rules: ReduceRules) -> str | tuple[str, ...]:
    return ALERT if rules.primary_metric != "events" else rules.event_types


def _frame(store: Store, rules: ReduceRules, **query) -> pd.DataFrame:
    frame = daily_series(store, event_type=_types(rules), **query)
    frame["events"] = frame["alerts"]
    return frame


def check_reduce(store: Store, hypo: Hypothesis, source: str, *, window_days: int, as_of: datetime | None,
                 rules: ReduceRules) -> Check:
    start = hypo.start
    before_start = start - timedelta(days=window_days)
    after_end = start + timedelta(days=window_days)
    extent = source_extent(store, source)

    def early_exit(verdict: str, reason: str) -> Check:
        text = explain(verdict=verdict, reason=reason, source=source, regions=hypo.regions, window_days=window_days,
                       measures=[], dids=[], rules_text=rules.describe())
        return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=source,
                     window_days=window_days, start=start, as_of=as_of)

    gate = _data_gate(extent, source, before_start, after_end, as_of, "the after-window", "the before-window")
    if gate:
        return early_exit(*gate)
    data_start = extent[0]
    present = set(source_regions(store, source)) - NOT_COMPARABLE
    pledge_regions = tuple(r for r in hypo.regions if r in present)
    if not pledge_regions:
        return early_exit("insufficient_data", f"{source} has no rows for {', '.join(hypo.regions)}.")
    control_regions = tuple(sorted(present - set(hypo.regions)))
    frame = _frame(store, rules, source=source, start=start, window_days=window_days,
                   regions=sorted(set(pledge_regions) | set(control_regions)))
    frame["treated"] = frame["region"].isin(pledge_regions)
    frame["after"] = frame["day"] >= 0

    windows = (Period(before_start, start, None), Period(start, after_end, None))
    measures: list[Measure] = []
    for metric in rules.metrics:
        for region in pledge_regions:
            measures.append(_measure(frame[frame["region"] == region], metric, (region,), "region", windows))
        measures.append(_measure(frame[frame["treated"]], metric, pledge_regions, "pledge", windows))
        active_controls = tuple(sorted(frame.loc[~frame["treated"] & (frame[metric] > 0), "region"].unique()))
        measures.append(_measure(frame[~frame["treated"]], metric, active_controls, "control", windows))
    dids = []
    for metric in rules.metrics:
        est = did_ratio(frame, metric, counts=metric in COUNT_METRICS)
        dids.append(Did(metric=metric, ratio=est.ratio, ci=est.ci, method=est.method))

    verdict, reason = decide(measures, dids, rules, increase=hypo.template == "increase")
    placebo = _placebo(store, source, start, window_days, pledge_regions, control_regions, data_start, rules)
    rules_text = rules.describe()
    if hypo.template == "increase":
        rules_text += (" For a shift of effort the same rules apply to the inverse ratio: a rise counts where a fall "
                       "would.")
    if hypo.template == "no_strike":
        rules_text += (" This pledge promises no strikes; alerts alone are weaker evidence than strike records, so "
                       "see the checks of event datasets beside this one.")
    text = explain(verdict=verdict, reason=reason, source=source, regions=pledge_regions, window_days=window_days,
                   measures=measures, dids=dids, rules_text=rules_text, placebo=placebo)
    primary = next(d for d in dids if d.metric == rules.primary_metric)
    return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=source,
                 window_days=window_days, start=start, measures=tuple(measures), did=primary, dids=tuple(dids),
                 as_of=as_of, template=hypo.template, placebo=placebo)


def _placebo(store: Store, source: str, start: datetime, window_days: int, pledge_regions, control_regions,
             data_start: datetime, rules: ReduceRules) -> Did | None:
    """The same DiD one window earlier, where no pledge was in force: a change there means the pledge regions were
    already diverging from control (no parallel trends), and the real result deserves less trust."""
    fake_start = start - timedelta(days=window_days)
    if fake_start - timedelta(days=window_days) < data_start:
        return None
    frame = _frame(store, rules, source=source, start=fake_start, window_days=window_days,
                   regions=sorted(set(pledge_regions) | set(control_regions)))
    frame["treated"] = frame["region"].isin(pledge_regions)
    frame["after"] = frame["day"] >= 0
    est = did_ratio(frame, rules.primary_metric, counts=rules.primary_metric in COUNT_METRICS)
    return Did(metric=rules.primary_metric, ratio=est.ratio, ci=est.ci,
               method=f"placebo: the same model on the {window_days} days before vs the {window_days} days before "
                      f"those; {est.method}")


def check_ceasefire(store: Store, hypo: Hypothesis, source: str, *, as_of: datetime | None,
                    rules: ReduceRules) -> Check:
    """A truce for a window against the same clock window in each of the previous weeks (a seasonal baseline)."""
    cease = rules.ceasefire
    start, end = hypo.start, hypo.end
    weeks = cease.baseline_weeks
    windows = [(start, end)] + [(start - timedelta(weeks=k), end - timedelta(weeks=k)) for k in range(1, weeks + 1)]
    window_days = max(1, round((end - start).total_seconds() / 86400))

    def finish(verdict: str, reason: str, measures=()) -> Check:
        text = explain_ceasefire(verdict=verdict, reason=reason, source=source, regions=hypo.regions,
                                 measures=list(measures), weeks=weeks, rules_text=cease.describe())
        return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=source,
                     window_days=window_days, start=start, end=end, measures=tuple(measures), as_of=as_of,
                     template="ceasefire")

    extent = source_extent(store, source)
    gate = _data_gate(extent, source, windows[-1][0], end, as_of, "the window", "the baseline")
    if gate:
        return finish(*gate)
    present = set(source_regions(store, source)) - NOT_COMPARABLE
    regions = tuple(r for r in hypo.regions if r in present)
    if not regions:
        return finish("insufficient_data", f"{source} has no rows for {', '.join(hypo.regions)}.")
    frame = window_totals(store, source=source, windows=windows, regions=list(regions), event_type=_types(rules))
    frame["events"] = frame["alerts"]
    measures = []
    for metric in cease.metrics:
        totals = frame.groupby("window")[metric].sum().sort_index().to_numpy()
        est = rate_ratio(totals[1:], totals[:1], counts=metric in COUNT_METRICS)
        measures.append(Measure(
            metric=metric, regions=regions, group="pledge",
            before=Period(windows[-1][0], windows[1][1], _value(totals[1:].mean(), metric)),
            after=Period(start, end, _value(totals[0], metric)),
            ratio=est.ratio, ci=est.ci, method=f"window vs mean of {weeks} earlier weeks; {est.method}",
        ))
    baseline_alerts = next(m.before.value for m in measures if m.metric == cease.primary_metric) * weeks
    if baseline_alerts < cease.min_baseline_alerts:
        return finish("insufficient_data", f"only {baseline_alerts:.0f} alerts across the baseline windows (at "
                                           f"least {cease.min_baseline_alerts} needed).", measures)
    status = {m.metric: classify(Did(m.metric, m.ratio, m.ci), cease) for m in measures}
    verdict, reason = _combine(status, cease.primary_metric, cease.meaningful_reduction,
                               "fewer alerts in the window than in the same hours of earlier weeks")
    return finish(verdict, reason, measures)


def check_no_strike(store: Store, hypo: Hypothesis, source: str, *, window_days: int, as_of: datetime | None,
                    rules: ReduceRules) -> Check:
    """A promise not to strike named places: any strike event recorded there in the window contradicts it."""
    start = hypo.start
    end = start + timedelta(days=window_days)
    before = start - timedelta(days=window_days)

    def finish(verdict: str, reason: str, measures=()) -> Check:
        text = (f"Verdict: {verdict.replace('_', ' ')} — {reason} Places are matched by oblast: a strike anywhere in "
                f"{', '.join(region_name(r) for r in hypo.regions)} counts, so read the cited rows. Source: {source} "
                f"only (sources are never added together).")
        return Check(statement=hypo.statement.id, verdict=verdict, explanation=text, source=source,
                     window_days=window_days, start=start, end=end, measures=tuple(measures), as_of=as_of,
                     template="no_strike")

    gate = _data_gate(source_extent(store, source), source, before, end, as_of, "the window", "the window before")
    if gate:
        return finish(*gate)
    frame = _frame(store, rules, source=source, start=start, window_days=window_days, regions=list(hypo.regions))
    daily = frame.groupby("day")["events"].sum().sort_index()
    b, a = daily[daily.index < 0].to_numpy(), daily[daily.index >= 0].to_numpy()
    est = rate_ratio(b, a, counts=True)
    measure = Measure(metric="events", regions=hypo.regions, group="pledge", before=Period(before, start, int(b.sum())),
                      after=Period(start, end, int(a.sum())), ratio=est.ratio, ci=est.ci, method=est.method)
    if a.sum() == 0 and b.sum() == 0:
        return finish("insufficient_data", f"{source} records no strike there in the window nor in the "
                                           f"{window_days} days before, so its silence says little.", [measure])
    if a.sum() == 0:
        return finish("kept", f"{source} records no strike in the {window_days} days from the pledge "
                              f"({int(b.sum())} in the {window_days} days before).", [measure])
    cited = event_rows(store, source=source, regions=list(hypo.regions), start=start, end=end,
                       event_types=rules.event_types, limit=3)
    rows = "; ".join(f"{r['started_at']:%Y-%m-%d} {r['region']} {r['event_type']} (row {r['row_id'] or r['line']}: "
                     f"{(r['description'] or '')[:80]})" for r in cited)
    return finish("broken", f"{source} records {int(a.sum())} strike event(s) there in the {window_days} days from "
                            f"the pledge, for example {rows}.", [measure])


def _data_gate(extent, source: str, first: datetime, last: datetime, as_of: datetime | None, last_name: str,
               first_name: str) -> tuple[str, str] | None:
    """(verdict, reason) when the source's data can't cover [first, last) as known at ``as_of``, else None."""
    if extent is None:
        return "insufficient_data", f"{source} has no rows."
    data_start, data_end = extent
    if as_of is not None:
        data_end = min(data_end, as_of)
    if last > data_end:
        return "too_early", (f"{last_name} ends {last:%Y-%m-%d %H:%M} UTC but {source} reaches only "
                             f"{data_end:%Y-%m-%d %H:%M} UTC.")
    if first < data_start:
        return "insufficient_data", (f"{first_name} needs data from {first:%Y-%m-%d} but {source} starts "
                                     f"{data_start:%Y-%m-%d}.")
    return None


def _combine(status: dict[str, str], primary: str, meaningful: float, kept_reason: str) -> tuple[str, str]:
    if any(s == "undefined" for s in status.values()):
        missing = ", ".join(m for m, s in status.items() if s == "undefined")
        return "insufficient_data", f"the ratio is undefined for {missing}."
    reduced = [m for m, s in status.items() if s == "reduced"]
    if len(reduced) == len(status):
        return "kept", kept_reason + " on every metric."
    if reduced:
        return "partly_kept", f"a decrease beyond chance on {', '.join(reduced)} only."
    if status[primary] == "not_reduced":
        return "broken", (f"no decrease: the interval for {primary} rules out a reduction of "
                          f"{100 * (1 - meaningful):.0f}% or more.")
    return "insufficient_data", "the change is within what chance allows: the data can't decide."


def _measure(rows: pd.DataFrame, metric: str, regions: tuple[str, ...], group: str,
             windows: tuple[Period, Period]) -> Measure:
    daily = rows.groupby("day")[metric].sum().sort_index()
    before = daily[daily.index < 0].to_numpy()
    after = daily[daily.index >= 0].to_numpy()
    est = rate_ratio(before, after, counts=metric in COUNT_METRICS)
    b_win, a_win = windows
    return Measure(
        metric=metric, regions=regions, group=group,
        before=Period(b_win.start, b_win.end, _value(before.sum(), metric)),
        after=Period(a_win.start, a_win.end, _value(after.sum(), metric)),
        ratio=est.ratio, ci=est.ci, method=est.method,
    )


def _value(total: float, metric: str) -> float:
    return int(total) if metric in COUNT_METRICS else round(float(total), 4)


def decide(measures: list[Measure], dids: list[Did], rules: ReduceRules, *, increase: bool = False
           ) -> tuple[str, str]:
    """Apply the verdict rules to the figures; returns (verdict, reason in words)."""
    primary = rules.primary_metric
    pledge_before = next((m.before.value for m in measures if m.group == "pledge" and m.metric == primary), 0) or 0
    control_regions = next((len(m.regions) for m in measures if m.group == "control" and m.metric == primary), 0)
    if pledge_before < rules.min_before_alerts:
        return "insufficient_data", (f"only {pledge_before} {primary} in the pledge regions before the pledge "
                                     f"(at least {rules.min_before_alerts} needed).")
    if control_regions < rules.min_control_regions:
        return "insufficient_data", (f"only {control_regions} control regions with {primary} "
                                     f"(at least {rules.min_control_regions} needed).")
    if increase:
        status = {d.metric: classify(_inverse(d), rules) for d in dids}
        verdict, reason = _combine(status, rules.primary_metric, rules.meaningful_reduction,
                                   "alerts rose in the regions effort was to shift to, relative to the rest of "
                                   "Ukraine")
        reason = reason.replace("decrease", "increase").replace("a reduction", "an increase")
        return verdict, reason
    status = {d.metric: classify(d, rules) for d in dids}
    verdict, reason = _combine(status, rules.primary_metric, rules.meaningful_reduction,
                               "alerts fell in the pledge regions relative to the rest of Ukraine")
    if verdict in ("partly_kept", "broken"):
        reason = reason.rstrip(".") + ", relative to the rest of Ukraine."
    return verdict, reason


def _inverse(did: Did) -> Did:
    """An increase pledge is judged on 1/DiD with the same thresholds (a rise of 25% mirrors a cut of 20%)."""
    if did.ratio is None or did.ci is None or did.ratio == 0 or did.ci[0] == 0:
        return Did(did.metric, None, None, did.method)
    return Did(did.metric, 1 / did.ratio, (1 / did.ci[1], 1 / did.ci[0]), did.method)


def classify(did: Did, rules) -> str:
    if did.ratio is None or did.ci is None:
        return "undefined"
    if did.ci[1] < 1:
        return "reduced"
    if did.ci[0] >= rules.meaningful_reduction:
        return "not_reduced"
    return "unclear"
