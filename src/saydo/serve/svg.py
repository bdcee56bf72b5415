"""Charts and the map drawn on the server as inline SVG, so pages need no script and work offline.

The map is drawn from the ADM1 boundary file when one is configured (``--boundaries``/``SAYDO_BOUNDARIES`` or
../shared beside a checkout; geoBoundaries, "Administrative boundaries courtesy of geoBoundaries.org"), else as a
schematic tile map.

Every piece of text is escaped; numbers are formatted by us. Colours come from classes in ``saydo.css``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import numpy as np
from markupsafe import Markup, escape

from saydo.resolve.regions import region_name

# A schematic tile map: (column, row) of each region, roughly where it lies; Kyiv City sits below Kyiv oblast.
TILES = {
    "UA-07": (1, 0), "UA-56": (2, 0), "UA-18": (3, 0), "UA-32": (4, 0), "UA-74": (5, 0), "UA-59": (6, 0),
    "UA-46": (0, 1), "UA-61": (1, 1), "UA-68": (2, 1), "UA-05": (3, 1), "UA-30": (4, 1), "UA-71": (5, 1),
    "UA-53": (6, 1), "UA-63": (7, 1),
    "UA-21": (0, 2), "UA-26": (1, 2), "UA-77": (2, 2), "UA-35": (4, 2), "UA-12": (5, 2), "UA-14": (6, 2),
    "UA-09": (7, 2),
    "UA-51": (3, 3), "UA-48": (4, 3), "UA-65": (5, 3), "UA-23": (6, 3),
    "UA-40": (4, 4), "UA-43": (5, 4),
}
SHORT = {
    "UA-07": "Vol", "UA-56": "Riv", "UA-18": "Zhy", "UA-32": "Kyi", "UA-74": "Che", "UA-59": "Sum", "UA-46": "Lvi",
    "UA-61": "Ter", "UA-68": "Khm", "UA-05": "Vin", "UA-30": "KyC", "UA-71": "Chk", "UA-53": "Pol", "UA-63": "Kha",
    "UA-21": "Zak", "UA-26": "IvF", "UA-77": "Chv", "UA-35": "Kir", "UA-12": "Dni", "UA-14": "Don", "UA-09": "Luh",
    "UA-51": "Ode", "UA-48": "Myk", "UA-65": "Khe", "UA-23": "Zap", "UA-40": "Sev", "UA-43": "Cri",
}


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def tile_map(pledge: list[str], control: list[str] = (), *, label: str = "Regions of the pledge") -> Markup:
    """Ukraine's 27 regions as tiles: the pledge's regions, the control regions, the rest."""
    size, gap = 46, 4
    width, height = 8 * (size + gap), 5 * (size + gap)
    pledge_set, control_set = set(pledge), set(control)
    parts = [f'<svg class="tilemap" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">']
    for code, (col, row) in TILES.items():
        cls = "pledge" if code in pledge_set or "UA" in pledge_set else "control" if code in control_set else "other"
        x, y = col * (size + gap), row * (size + gap)
        name = region_name(code)
        parts.append(f'<g class="tile {cls}" data-region="{code}"><title>{escape(name)} ({code}): {cls}</title>'
                     f'<rect x="{x}" y="{y}" width="{size}" height="{size}" rx="4"/>'
                     f'<text x="{x + size / 2}" y="{y + size / 2 + 4}" text-anchor="middle">{SHORT[code]}</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def region_map(pledge: list[str], control: list[str] = (), *, label: str = "Regions of the pledge") -> Markup:
    """Ukraine's regions drawn from the boundary file in use (``saydo.resolve.geo``), coloured as pledge, control or
    not compared; the schematic ``tile_map`` when no boundary file is configured."""
    from saydo.resolve.geo import boundaries_path

    shapes = _outline_paths(boundaries_path())
    if shapes is None:
        return tile_map(pledge, control, label=label)
    paths, (width, height) = shapes
    pledge_set, control_set = set(pledge), set(control)
    parts = [f'<svg class="tilemap geomap" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">']
    for code in sorted(paths, key=lambda c: c in _SMALL):  # small regions last, above the oblast around them
        cls = "pledge" if code in pledge_set or "UA" in pledge_set else "control" if code in control_set else "other"
        parts.append(f'<g class="tile {cls}" data-region="{code}"><title>{escape(region_name(code))} ({code}): '
                     f'{cls}</title><path d="{paths[code]}"/></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def map_credit() -> str:
    """The credit the boundary file asks for, when the map is drawn from one."""
    from saydo.resolve.geo import boundaries_path

    path = boundaries_path()
    if path is None or _outline_paths(path) is None:
        return ""
    return ("Administrative boundaries courtesy of geoBoundaries.org" if "geoboundaries" in path.name.lower()
            else f"Boundaries: {path.name}")


_SMALL = {"UA-30", "UA-40"}  # Kyiv City inside Kyiv oblast, Sevastopol inside Crimea


@lru_cache(maxsize=4)
def _outline_paths(path) -> tuple[dict[str, str], tuple[int, int]] | None:
    """SVG path data per region of the boundary file at ``path`` (the one in use), simplified to about a kilometre
    and projected (longitude scaled by the cosine of Ukraine's middle latitude), or None without one. Keyed by the
    path, so configuring another file draws from it."""
    from saydo.resolve.geo import outlines

    shapes = outlines() if path is not None else []
    if not shapes:
        return None
    every = np.concatenate([ring for _, rings in shapes for ring in rings])
    lon0, lat0, lon1, lat1 = every[:, 0].min(), every[:, 1].min(), every[:, 0].max(), every[:, 1].max()
    k = np.cos(np.radians((lat0 + lat1) / 2))
    width = 480
    scale = width / ((lon1 - lon0) * k)
    height = int(np.ceil((lat1 - lat0) * scale))
    paths: dict[str, list[str]] = {}
    for code, rings in shapes:
        for ring in rings:
            small = _simplify(ring, 0.01 if code in _SMALL else 0.02)
            if len(small) < 4:
                continue
            x = (small[:, 0] - lon0) * k * scale
            y = (lat1 - small[:, 1]) * scale
            pts = " ".join(f"{a:.1f},{b:.1f}" for a, b in zip(x, y))
            paths.setdefault(code, []).append(f"M{pts}Z")
    return {code: " ".join(p) for code, p in paths.items()}, (width, height)


def _simplify(ring: np.ndarray, tolerance: float) -> np.ndarray:
    """Ramer-Douglas-Peucker on one ring (degrees): keep the points farther than ``tolerance`` from the chord."""
    keep = np.zeros(len(ring), dtype=bool)
    keep[0] = keep[-1] = True
    stack = [(0, len(ring) - 1)]
    while stack:
        a, b = stack.pop()
        if b - a < 2:
            continue
        seg = ring[b] - ring[a]
        rel = ring[a + 1:b] - ring[a]
        norm = np.hypot(*seg)
        dist = np.abs(seg[0] * rel[:, 1] - seg[1] * rel[:, 0]) / norm if norm else np.hypot(rel[:, 0], rel[:, 1])
        i = int(np.argmax(dist))
        if dist[i] > tolerance:
            keep[a + 1 + i] = True
            stack += [(a, a + 1 + i), (a + 1 + i, b)]
    return ring[keep]


def line_chart(points: list[dict], *, start: str, window_days: int, end: str | None = None) -> Markup:
    """Daily per-region means of the pledge and control regions, the before and after windows shaded."""
    if not points:
        return Markup('<p class="muted">No daily series for this check.</p>')
    width, height, left, right, top, bottom = 720, 260, 48, 16, 16, 40
    days = window_days
    x0, x1 = -days, days
    ymax = max(p["value"] for p in points) or 1.0
    ymax = _nice(ymax)

    def sx(offset: float) -> float:
        return left + (offset - x0) / (x1 - x0) * (width - left - right)

    def sy(value: float) -> float:
        return top + (1 - value / ymax) * (height - top - bottom)

    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Alerts per region per day, pledge regions against control regions">']
    parts.append(f'<rect class="window-before" x="{_n(sx(-days))}" y="{top}" width="{_n(sx(0) - sx(-days))}" '
                 f'height="{height - top - bottom}"><title>before window</title></rect>')
    parts.append(f'<rect class="window-after" x="{_n(sx(0))}" y="{top}" width="{_n(sx(days) - sx(0))}" '
                 f'height="{height - top - bottom}"><title>after window</title></rect>')
    for frac in (0, 0.5, 1):
        y = sy(ymax * frac)
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_n(y)}" y2="{_n(y)}"/>'
                     f'<text class="tick" x="{left - 6}" y="{_n(y + 4)}" text-anchor="end">{_n(ymax * frac)}</text>')
    first = datetime.fromisoformat(start)
    for offset, anchor in ((-days, "start"), (0, "middle"), (days, "end")):
        label = (first + timedelta(days=offset)).date().isoformat()
        parts.append(f'<text class="tick" x="{_n(sx(offset))}" y="{height - bottom + 16}" '
                     f'text-anchor="{anchor}">{label}</text>')
    parts.append(f'<text class="tick" x="{_n(sx(-days / 2))}" y="{top + 14}" text-anchor="middle">before</text>'
                 f'<text class="tick" x="{_n(sx(days / 2))}" y="{top + 14}" text-anchor="middle">after</text>')
    for group, cls in (("control regions", "line-control"), ("pledge regions", "line-pledge")):
        pts = sorted((p["offset"], p["value"]) for p in points if p["group"] == group)
        if not pts:
            continue
        path = " ".join(f"{_n(sx(o + 0.5))},{_n(sy(v))}" for o, v in pts)
        parts.append(f'<polyline class="{cls}" points="{path}"><title>{escape(group)}</title></polyline>')
    parts.append(f'<g class="legend"><line class="line-pledge" x1="{left + 10}" x2="{left + 34}" y1="{height - 8}" '
                 f'y2="{height - 8}"/><text x="{left + 40}" y="{height - 4}">pledge regions</text>'
                 f'<line class="line-control" x1="{left + 170}" x2="{left + 194}" y1="{height - 8}" '
                 f'y2="{height - 8}"/><text x="{left + 200}" y="{height - 4}">control regions (mean per region)'
                 f'</text></g>')
    parts.append("</svg>")
    return Markup("".join(parts))


def series_chart(days: list[dict], *, label: str) -> Markup:
    """Rows per day as bars; days with no row are marked below the axis (coverage gaps)."""
    if not days:
        return Markup("")
    width, height, left, right, top, bottom = 720, 200, 40, 10, 10, 36
    n = len(days)
    ymax = _nice(max(d["rows"] for d in days) or 1)
    bar = (width - left - right) / n
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(label)}">']
    for frac in (0, 0.5, 1):
        y = top + (1 - frac) * (height - top - bottom)
        parts.append(f'<line class="grid" x1="{left}" x2="{width - right}" y1="{_n(y)}" y2="{_n(y)}"/>'
                     f'<text class="tick" x="{left - 4}" y="{_n(y + 4)}" text-anchor="end">{_n(ymax * frac)}</text>')
    for i, d in enumerate(days):
        x = left + i * bar
        h = d["rows"] / ymax * (height - top - bottom)
        day = _day(d["day"])
        if d["rows"]:
            parts.append(f'<rect class="bar" x="{_n(x)}" y="{_n(height - bottom - h)}" width="{_n(max(bar - 1, 1))}" '
                         f'height="{_n(h)}"><title>{day}: {d["rows"]} rows, {d["hours"]} h</title></rect>')
        else:
            parts.append(f'<rect class="gap" x="{_n(x)}" y="{height - bottom + 2}" width="{_n(max(bar - 1, 1))}" '
                         f'height="6"><title>{day}: no rows</title></rect>')
    parts.append(f'<text class="tick" x="{left}" y="{height - 4}">{_day(days[0]["day"])}</text>'
                 f'<text class="tick" x="{width - right}" y="{height - 4}" text-anchor="end">'
                 f'{_day(days[-1]["day"])}</text></svg>')
    return Markup("".join(parts))


def timeline_chart(timeline: list[dict]) -> Markup:
    """Pledges per month, stacked by outcome."""
    if not timeline:
        return Markup("")
    order = ("kept", "partly_kept", "broken", "mixed", "pending")
    width, height, top, bottom = 720, 140, 10, 30
    col = min(60, width / len(timeline))
    ymax = max(sum(m.get(k, 0) for k in order) for m in timeline) or 1
    parts = [f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Pledges per month">']
    for i, m in enumerate(timeline):
        y = height - bottom
        for k in order:
            h = m.get(k, 0) / ymax * (height - top - bottom)
            if h:
                y -= h
                parts.append(f'<rect class="v-{k}" x="{_n(i * col + 4)}" y="{_n(y)}" width="{_n(col - 8)}" '
                             f'height="{_n(h)}"><title>{escape(m["month"])}: {m[k]} {k.replace("_", " ")}</title>'
                             f'</rect>')
        parts.append(f'<text class="tick" x="{_n(i * col + col / 2)}" y="{height - 12}" text-anchor="middle">'
                     f'{escape(m["month"])}</text>')
    parts.append("</svg>")
    return Markup("".join(parts))


def _nice(value: float) -> float:
    """A round axis maximum at or above ``value``."""
    for step in (1, 2, 2.5, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000):
        if value <= step:
            return float(step)
    return float(value)


def _day(value) -> str:
    return value.isoformat() if isinstance(value, (date, datetime)) else escape(str(value))
