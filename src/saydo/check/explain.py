"""Plain-language explanations of a verdict, built from the same figures the check stores."""

from __future__ import annotations

from functools import lru_cache

from saydo.records import Did, Measure, Territory
from saydo.resolve.regions import region_name as _region_name

region_name = lru_cache(maxsize=None)(_region_name)  # the same few dozen codes, named thousands of times


def fmt_ratio(ratio: float | None, ci: tuple[float, float] | None) -> str:
    if ratio is None:
        return "undefined"
    text = f"{ratio:.2f}"
    if ci:
        text += f" (95% CI {ci[0]:.2f}–{ci[1]:.2f})"
    return text


def change_words(ratio: float | None) -> str:
    if ratio is None:
        return "could not be compared"
    change = round(100 * (ratio - 1))
    if change < 0:
        return f"fell by {-change}%"
    if change > 0:
        return f"rose by {change}%"
    return "did not change"


def explain(*, verdict: str, reason: str, source: str, regions: tuple[str, ...], window_days: int,
            measures: list[Measure], dids: list[Did], rules_text: str, placebo: Did | None = None,
            territory: tuple[Territory, ...] | None = None, calibrated: Did | None = None) -> str:
    names = ", ".join(region_name(r) for r in regions)
    parts = [f"Verdict: {verdict.replace('_', ' ')} — {reason}"]
    if calibrated is not None and calibrated.ci is not None:
        parts.append(f"Deciding figure: {calibrated.metric.replace('_', '-')} relative to control, "
                     f"{fmt_ratio(calibrated.ratio, calibrated.ci)} — {calibrated.method}.")
    pledge = {m.metric: m for m in measures if m.group == "pledge"}
    control = {m.metric: m for m in measures if m.group == "control"}
    primary = "alerts" if "alerts" in pledge else "events"
    if primary in pledge and pledge[primary].before.value is not None:
        p, c = pledge[primary], control.get(primary)
        label = "air-raid alerts" if primary == "alerts" else "recorded hostile events"
        parts.append(
            f"In the {window_days} days after the pledge, {label} in {names} "
            f"{change_words(p.ratio)} ({p.before.value:.0f} → {p.after.value:.0f}; ratio {fmt_ratio(p.ratio, p.ci)})"
            + (f", while in the {len(c.regions)} control regions they {change_words(c.ratio)} "
               f"({c.before.value:.0f} → {c.after.value:.0f})." if c and c.before.value is not None else ".")
        )
    for did in dids:
        parts.append(f"Relative to control, {did.metric.replace('_', '-')} {change_words(did.ratio)}: "
                     f"difference-in-differences ratio {fmt_ratio(did.ratio, did.ci)} (model-based, shown beside "
                     f"the deciding figure).")
    if placebo is not None and placebo.ci is not None:
        steady = placebo.ci[0] <= 1 <= placebo.ci[1]
        verdict_note = (" — no divergence beyond chance before the pledge." if steady else
                        " — the regions were already diverging before the pledge, so the comparison's assumption of "
                        "parallel trends is doubtful and the verdict deserves less trust.")
        parts.append("Placebo check one window earlier, with no pledge in force: DiD "
                     f"{fmt_ratio(placebo.ratio, placebo.ci)}{verdict_note}")
    elif dids:
        parts.append("No placebo check: the data do not reach far enough back.")
    if territory is not None:
        parts.append(territory_text(territory, names, window_days))
    parts.append(f"Source: {source} only (sources are never added together).")
    parts.append(rules_text)
    return " ".join(parts)


def _km2(value: float) -> str:
    return f"{value:,.0f} km²"


def territory_text(figures: tuple[Territory, ...], names: str, window_days: int) -> str:
    """What the territory series says beside a withdrawal, always marked national and supporting evidence only."""
    if not figures:
        return ("Territory: no territory series is loaded, so the area held by Russian forces is not compared "
                "(load one with `saydo ingest observations FILE --format territory`).")
    parts = []
    for t in figures:
        head = (f"Territory ({t.source}; supporting evidence only, it does not change the verdict): the area held by "
                f"Russian forces in all of Ukraine — a national total, not the area in {names or 'the pledge regions'}")
        change = t.change_after_km2
        if change is None:
            parts.append(f"{head} — can't be compared: {t.note} No territory figure is given for this window.")
            continue
        moved = {"fell": f"fell by {_km2(-change)}", "rose": f"rose by {_km2(change)}",
                 "steady": f"changed by less than {_km2(t.min_change_km2)} ({change:+,.0f} km²)"}[t.finding]
        text = (f"{head} — {moved} in the {window_days} days after the pledge, from {_km2(t.start_km2)} on "
                f"{t.start_day} to {_km2(t.end_km2)} on {t.end_day}")
        before = t.change_before_km2
        if before is not None:
            text += (f", against {before:+,.0f} km² in the {window_days} days before (from {_km2(t.before_km2)} on "
                     f"{t.before_day}).")
        else:
            text += f"; the change before can't be given: {t.note}"
        text += {"fell": " A fall is what a withdrawal predicts, but a national total can't show where the ground was "
                         "given up.",
                 "rose": " Not what a withdrawal predicts, though gains elsewhere can hide a withdrawal from the "
                         "pledge regions.",
                 "steady": " No change in held ground beyond what redrawn map lines account for."}[t.finding]
        parts.append(text)
    return " ".join(parts)


def explain_ceasefire(*, verdict: str, reason: str, source: str, regions: tuple[str, ...], measures: list[Measure],
                      weeks: int, rules_text: str, after: bool = False, calibrated: Did | None = None) -> str:
    where = "every comparable region" if len(regions) > 6 else ", ".join(region_name(r) for r in regions)
    parts = [f"Verdict: {verdict.replace('_', ' ')} — {reason}"]
    if calibrated is not None and calibrated.ci is not None:
        figure = fmt_ratio(calibrated.ratio, calibrated.ci)
        parts.append(f"Deciding figure: {calibrated.metric.replace('_', '-')}, {figure} — {calibrated.method}.")
    side = "after (the data do not reach far enough before it)" if after else "before"
    for m in measures:
        label = {"alerts": "air-raid alerts", "alert_hours": "alert-hours"}.get(m.metric, "recorded hostile events")
        parts.append(f"During the ceasefire window, {label} in {where} numbered {m.after.value:.0f} against "
                     f"{m.before.value:.1f} on average in the same hours of the weeks {side}: "
                     f"{change_words(m.ratio)} (model-based ratio {fmt_ratio(m.ratio, m.ci)}).")
    if any(m.metric == "alerts" for m in measures):
        parts.append("Alerts are weaker evidence than strike reports: they also sound for missiles passing over and "
                     "for reconnaissance flights, and a quiet window can be chance.")
    parts.append(f"Source: {source} only (sources are never added together).")
    parts.append(rules_text)
    return " ".join(parts)
