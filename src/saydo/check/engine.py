"""Checks pledges against each observation source, set-based: one grid query for all pledges, array statistics.

1. Every statement becomes a hypothesis (``hypotheses``) or is listed as untestable with the reason.
2. One query (``saydo.store.grid``, Ibis) bins the rows of every source the pledges need; one more gives each
   source's extent. Nothing else is read per pledge, except the rows a broken no-strike verdict cites.
3. Per source and template, the pledges' windows are slices of the binned series and the estimates are closed forms
   over arrays (``reduce``, ``ceasefire``, ``no_strike``); a pledge whose fingerprint matches its stored result
   reuses it.
4. Beside a withdrawal by Russia, each territory series loaded gives the held area at the pledge's start and the
   window's ends (``territory``): a national figure reported with the verdict, never folded into it.

``check`` never talks to DuckDB: it asks ``saydo.store`` for frames and does the statistics on them. Sources are never
summed: each pledge gets one check per source that can speak to it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from saydo.check.batch import Batch, day_aligned
from saydo.check.binned import ActivityGrid, base_bin_seconds
from saydo.check.ceasefire import bin_size, check_ceasefire_batch
from saydo.check.hypotheses import Hypothesis, hypothesis_for
from saydo.check.nationwide import check_nationwide_batch
from saydo.check.no_strike import check_no_strike_batch
from saydo.check.reduce import check_reduce_batch
from saydo.check.rules import ReduceRules, load_rules
from saydo.check.territory import applies, territory_checks, territory_figures
from saydo.records import Check, Statement
from saydo.resolve.regions import all_codes
from saydo.store import Store
from saydo.store.checks import stored_fingerprints, stored_result
from saydo.store.grid import activity_grid, source_extents, sources_with_fatalities
from saydo.store.observations import source_event_types
from saydo.store.territory import territory_series

ALERT = "air_raid_alert"
NEWS = "news"

# Regions whose alert logs can't be compared with others: Luhansk oblast has had one permanent alert since
# 2022-04-04 and Crimea (with Sevastopol) since 2022-12-10, and the logs leave those alerts out, so these regions look
# quiet when they are not. They are never used in alert-based checks (event datasets have no such gap).
NOT_COMPARABLE = frozenset({"UA-09", "UA-43", "UA-40"})
_NOT_COMPARABLE_HINT = (" Alert logs leave out the permanent alerts of Luhansk (UA-09) and Crimea (UA-43, UA-40), so "
                        "those regions are not compared on alerts.")


def check_pledges(store: Store, statements: list[Statement], *, window_days: int = 14,
                  as_of: datetime | None = None, sources: list[str] | None = None,
                  rules: ReduceRules | None = None, reuse: bool = True
                  ) -> tuple[list[Check], list[tuple[Statement, str]]]:
    """Check each testable pledge against each source. Returns (checks, [(statement, why untestable)]).

    With ``as_of`` only rows that started before it count and the data end there (``too_early`` is decided against
    it). With ``reuse``, a check whose inputs are unchanged since its stored result returns that result."""
    rules = rules or load_rules()
    kinds = source_event_types(store)
    names = [s for s in (sources if sources is not None else sorted(kinds)) if s in kinds]
    counted = sources_with_fatalities(store)
    profiles = {s: _profile(kinds[s], rules, fatalities=s in counted) for s in names
                if ALERT in kinds[s] or kinds[s] & set(rules.event_types)}
    hypos: list[Hypothesis] = []
    untestable: list[tuple[Statement, str]] = []
    for statement in statements:
        hypo = hypothesis_for(statement, frozenset(all_codes()), truce_hours=rules.ceasefire.default_hours)
        if isinstance(hypo, str):
            untestable.append((statement, hypo))
        elif not profiles:
            untestable.append((statement, "no observation data loaded (use --alerts FILE or saydo ingest "
                                          "observations)"))
        else:
            hypos.append(hypo)
    tasks = {s: [h for h in hypos if (s != NEWS or h.template == "no_strike")
                 and _measures_actor(rules, s, ALERT in kinds[s], h.statement.actor)] for s in profiles}
    measured = {id(h) for hs in tasks.values() for h in hs}
    for h in hypos:
        if id(h) not in measured:
            untestable.append((h.statement, _no_source_reason(rules, profiles, kinds, h.statement.actor)))
    hypos = [h for h in hypos if id(h) in measured]
    tasks = {s: hs for s, hs in tasks.items() if hs}
    if not tasks:
        return [], untestable
    base = base_bin_seconds(_edges(hypos))
    hypos_aligned = {id(h): _align(h, base) for h in hypos}
    wanted = {s: (ALERT,) if ALERT in kinds[s] else tuple(sorted(kinds[s] & set(rules.event_types))) for s in tasks}
    within = _reach(hypos, window_days, rules)
    grid = ActivityGrid(activity_grid(store, wanted, base, as_of=as_of, within=within), base)
    extents = source_extents(store, wanted, as_of=as_of)
    previous = stored_fingerprints(store, as_of=as_of) if reuse else {}
    territory = _territory(store, hypos, window_days, as_of, rules)
    found: dict[tuple[int, str], Check] = {}
    position = {id(h): i for i, h in enumerate(hypos)}
    for source, hs in tasks.items():
        alerts = ALERT in kinds[source]
        batch = Batch(source=source, rules=profiles[source], window_days=window_days, as_of=as_of,
                      extent=extents.get(source), grid=grid,
                      comparable=frozenset(all_codes() - NOT_COMPARABLE) if alerts else frozenset(all_codes()),
                      previous=previous.get(source, {}), load=lambda cid: stored_result(store, cid),
                      untestable_hint=_NOT_COMPARABLE_HINT if alerts else "", territory=territory)
        aligned = [hypos_aligned[id(h)] for h in hs]
        for k, check in _run_templates(store, batch, aligned, alerts):
            found[(position[id(hs[k])], source)] = check
    votes = territory_checks(hypos, _series(store, hypos, as_of), window_days, rules, as_of=as_of)
    for h, check in votes:  # a withdrawal's vote of each territory series, beside its alert and event checks
        found[(position[id(h)], check.source)] = check
    order = {s: i for i, s in enumerate(tasks)}
    order.update({c.source: len(order) + i for i, (_, c) in enumerate(votes)})
    return [found[key] for key in sorted(found, key=lambda kv: (kv[0], order[kv[1]]))], untestable


def _series(store: Store, hypos: list[Hypothesis], as_of: datetime | None) -> dict:
    return territory_series(store, as_of=as_of) if any(applies(h) for h in hypos) else {}


def _measures_actor(rules: ReduceRules, source: str, alerts: bool, actor: str | None) -> bool:
    """Whether the source measures what the pledging actor does (rules.toml [actors])."""
    measured = rules.actors.measured_by(source, alerts)
    return measured is None or actor in measured


def _no_source_reason(rules: ReduceRules, profiles: dict, kinds: dict, actor: str | None) -> str:
    who = actor or "an unknown actor"
    alerts = [s for s in profiles if ALERT in kinds[s]]
    return (f"no loaded source measures what {who} does: "
            + ("air-raid alerts warn of Russian air attacks, not of " + who + "'s conduct; " if alerts else "")
            + "load an event dataset that records both sides (UCDP, ACLED, GDELT) to check it")


def _reach(hypos: list[Hypothesis], window_days: int, rules: ReduceRules) -> tuple[datetime, datetime]:
    """The span of time the checks read: every pledge's windows and its history for calibration, and no more, so the
    engine's memory is bounded by the pledges, never by how far the data's dates run."""
    from datetime import timedelta

    history = timedelta(weeks=rules.calibration.history_weeks + rules.ceasefire.baseline_weeks + 2)
    window = timedelta(days=2 * window_days + 2)
    first = min(h.start for h in hypos) - history - window
    last = max((h.end or h.start) for h in hypos) + history + window
    return first, last


def _territory(store: Store, hypos: list[Hypothesis], window_days: int, as_of: datetime | None,
               rules: ReduceRules) -> dict:
    """Statement id -> territory figures, for the withdrawals by Russia among the pledges (the series is read only
    when there is one)."""
    wanted = [h for h in hypos if applies(h)]
    if not wanted:
        return {}
    series = territory_series(store, as_of=as_of)
    return {h.statement.id: territory_figures(h, series, window_days, rules.territory, as_of=as_of) for h in wanted}


def _run_templates(store: Store, batch: Batch, hypos: list[Hypothesis], alerts: bool):
    """(index in ``hypos``, check) for every hypothesis, each template run once over all of its pledges."""
    groups: dict[str, list[int]] = {"ceasefire": [], "no_strike": [], "did": [], "nationwide": []}
    for k, h in enumerate(hypos):
        if h.template == "ceasefire":
            groups["ceasefire"].append(k)
        elif h.template in ("national", "massive"):
            groups["nationwide"].append(k)
        elif h.template == "no_strike" and not alerts:
            groups["no_strike"].append(k)  # strike records: any strike contradicts; alert logs get the DiD instead
        else:
            groups["did"].append(k)
    for name, picked in groups.items():
        chosen = [hypos[k] for k in picked]
        if name == "ceasefire":
            checks = check_ceasefire_batch(batch, chosen)
        elif name == "nationwide":
            checks = check_nationwide_batch(batch, chosen)
        elif name == "no_strike":
            checks = check_no_strike_batch(store, batch, chosen)
        else:
            checks = check_reduce_batch(batch, chosen)
        yield from zip(picked, checks)


def _edges(hypos: list[Hypothesis]) -> list[int]:
    """Seconds past midnight UTC of every window edge, and ceasefire lengths: the base grid must fall on them."""
    edges = []
    for h in hypos:
        edges.append(int(h.start.timestamp()))
        if h.template == "ceasefire":
            edges.append(bin_size(h, 1))
    return edges


def _align(hypo: Hypothesis, base: int) -> Hypothesis:
    start = day_aligned(hypo.start, base)
    if start == hypo.start:
        return hypo
    end = hypo.end - (hypo.start - start) if hypo.end else None
    return replace(hypo, start=start, end=end)


def _profile(kinds: set[str], rules: ReduceRules, *, fatalities: bool = False) -> ReduceRules:
    """The rules as they apply to one source: alert logs have alerts and alert-hours; event datasets one metric,
    events of the hostile types in the rules, and beside it the ``[events] reported`` metrics (fatalities) when the
    source's rows record them."""
    if ALERT in kinds:
        return rules
    reported = rules.event_reported if fatalities else ()
    return replace(rules, metrics=("events",), primary_metric="events", reported=reported,
                   ceasefire=replace(rules.ceasefire, metrics=("events",), primary_metric="events"))
