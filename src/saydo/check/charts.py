"""Charts of a check: daily series for the pledge regions and the control regions, windows shaded.

The series are recomputed from the stored observation rows (``saydo.store.queries.daily_series``) with the check's
own source, start, window and regions, so a chart always shows the rows behind the figures. Per-region means put the
pledge regions and the (many more) control regions on one scale.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pandas as pd

from saydo.store import Store
from saydo.store.queries import daily_series

METRIC_TITLES = {"alerts": "alerts started per region per day", "alert_hours": "alert-hours per region per day",
                 "events": "hostile events recorded per region per day"}


def chart_metric(check: dict) -> str | None:
    """The metric a check's chart shows: alerts for an alert log, events for an event dataset (None: no measures
    of a pledge and a control group to draw)."""
    present = {m["metric"] for m in check.get("measures", []) if m["group"] in ("pledge", "control")}
    return next((m for m in ("alerts", "events") if m in present), None)


def chart_frame(store: Store, check: dict, metric: str | None = None) -> pd.DataFrame:
    """Daily per-region means for the pledge group and the control group of a stored check (alerts started, or
    events of the hostile types the rules name for an event dataset)."""
    metric = metric or chart_metric(check) or "alerts"
    groups = {m["group"]: m["regions"] for m in check["measures"] if m["metric"] == metric and
              m["group"] in ("pledge", "control")}
    start = datetime.fromisoformat(check["start"])
    kinds = {}
    if metric == "events":
        from saydo.check.rules import load_rules

        kinds = {"event_type": tuple(load_rules().event_types)}
    frame = daily_series(store, source=check["source"], start=start, window_days=check["window_days"],
                         regions=sorted(set(groups.get("pledge", [])) | set(groups.get("control", []))), **kinds)
    if metric == "events":
        frame = frame.rename(columns={"alerts": "events"})
    rows = []
    for group, regions in groups.items():
        part = frame[frame["region"].isin(regions)]
        means = part.groupby("day")[metric].mean()
        for day, value in means.items():
            rows.append({"day": (start + timedelta(days=int(day))).date().isoformat(), "offset": int(day),
                         "group": "pledge regions" if group == "pledge" else "control regions",
                         "value": float(value)})
    return pd.DataFrame(rows)


def chart_spec(check: dict, frame: pd.DataFrame, metric: str | None = None) -> dict:
    """A Vega-Lite spec (built with Altair): lines per group, before and after windows shaded."""
    import altair as alt

    metric = metric or chart_metric(check) or "alerts"
    start = datetime.fromisoformat(check["start"])
    days = check["window_days"]
    windows = pd.DataFrame([
        {"from": (start - timedelta(days=days)).date().isoformat(), "to": start.date().isoformat(),
         "window": "before"},
        {"from": start.date().isoformat(), "to": (start + timedelta(days=days)).date().isoformat(),
         "window": "after"},
    ])
    shade = alt.Chart(windows).mark_rect(opacity=0.12).encode(
        x="from:T", x2="to:T",
        color=alt.Color("window:N", scale=alt.Scale(domain=["before", "after"], range=["#bbbbbb", "#6baed6"]),
                        legend=alt.Legend(title="window")))
    lines = alt.Chart(frame).mark_line(point=True).encode(
        x=alt.X("day:T", title="day (UTC)"),
        y=alt.Y("value:Q", title=METRIC_TITLES.get(metric, metric)),
        color=alt.Color("group:N", scale=alt.Scale(domain=["pledge regions", "control regions"],
                                                   range=["#d62728", "#555555"]),
                        legend=alt.Legend(title="regions")),
        strokeDash=alt.StrokeDash("group:N", legend=None),
        tooltip=["day:T", "group:N", alt.Tooltip("value:Q", format=".2f")],
    )
    title = f"{check['verdict'].replace('_', ' ')} · {check['source']} · pledge start {start:%Y-%m-%d %H:%M} UTC"
    layered = alt.layer(shade, lines).resolve_scale(color="independent")
    return layered.properties(width=640, height=240, title=title).to_dict()


def chart_png(spec: dict, scale: float = 1.0) -> bytes:
    """Render a Vega-Lite spec to PNG offline (vl-convert bundles the renderer)."""
    import vl_convert as vlc

    return vlc.vegalite_to_png(spec, scale=scale)
