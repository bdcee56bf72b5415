"""One verdict per pledge, and one per proposition, from the per-source checks.

Sources are never added together: each gives its own check. A reader still needs one answer, so the most direct
instrument that reached a decision gives it:

- a withdrawal: the territory series first (it measures the held ground), then event datasets, then alert logs;
- a promise not to strike a place: event datasets first (they record strikes), then alert logs;
- anything else (reductions, ceasefires, massive strikes, shifts of effort): alert logs first (they measure the air
  threat such pledges are about), then event datasets.

Within a kind, sources keep a fixed order (``alerts.official`` before ``alerts.volunteer``: the state's own log).
A decided verdict (kept, partly kept, broken) wins over an undecided one from a more direct source; when none
decided, the most direct source's verdict (too early, insufficient data) stands. The other sources' verdicts are kept
beside it, and those that decided otherwise are listed as disagreements.

Several articles often report the same pledge. Pledges of the same actor and template family, with overlapping
places (or both about all of Ukraine) and starts within ``SAME_DAYS`` days of each other are one proposition; its
verdict is that of its member with the most direct decided verdict, and every member page names the others.
"""

from __future__ import annotations

from datetime import datetime

DECIDED = ("kept", "partly_kept", "broken")
SAME_DAYS = 3
_ORDER = {
    "withdraw": ("territory", "events", "alerts"),
    "no_strike": ("events", "alerts", "territory"),
}
_DEFAULT = ("alerts", "events", "territory")


def source_kind(source: str, template: str | None = None) -> str:
    if source.startswith("territory") or template == "withdraw" and source.startswith("territory"):
        return "territory"
    if source.startswith("alerts"):
        return "alerts"
    return "events"


def _rank(template: str, source: str) -> tuple[int, int, str]:
    order = _ORDER.get(template, _DEFAULT)
    kind = source_kind(source)
    within = 0 if source == "alerts.official" else 1
    return (order.index(kind) if kind in order else len(order), within, source)


def pledge_verdict(template: str, results: list[dict]) -> dict | None:
    """``results``: the latest check of each source for one pledge (``{"source", "verdict", ...}``). Returns
    ``{"verdict", "decided_by", "template", "sources": [{"source", "verdict"}], "disagreements": [...]}``."""
    if not results:
        return None
    ordered = sorted(results, key=lambda r: _rank(template, r["source"]))
    decided = [r for r in ordered if r["verdict"] in DECIDED]
    chosen = decided[0] if decided else ordered[0]
    return {"verdict": chosen["verdict"], "decided_by": chosen["source"], "template": template,
            "sources": [{"source": r["source"], "verdict": r["verdict"]} for r in ordered],
            "disagreements": [{"source": r["source"], "verdict": r["verdict"]} for r in decided
                              if r["verdict"] != chosen["verdict"]]}


def _family(template: str) -> str:
    return {"national": "reduce", "massive": "reduce", "ceasefire": "ceasefire", "withdraw": "withdraw",
            "increase": "increase", "no_strike": "no_strike"}.get(template, "reduce")


def propositions(pledges: list[dict]) -> dict[str, str]:
    """``pledges``: ``{"id", "actor", "places", "start", "template"}`` with a combined verdict each. Returns the
    proposition of every pledge: the id of the first pledge (by start, then id) of its group."""
    def key(p: dict):
        return (p.get("actor") or "", _family(p["template"]), _start(p), p["id"])

    found: dict[str, str] = {}
    groups: list[dict] = []  # open groups: actor, family, places, last start, id
    for p in sorted(pledges, key=key):
        places = set(p.get("places") or ()) or {"UA"}
        start = _start(p)
        home = None
        for g in groups:
            if (g["actor"] == (p.get("actor") or "") and g["family"] == _family(p["template"])
                    and g["places"] & places and abs((start - g["start"]).total_seconds()) <= SAME_DAYS * 86400):
                home = g
                break
        if home is None:
            home = {"actor": p.get("actor") or "", "family": _family(p["template"]), "places": set(places),
                    "start": start, "id": p["id"]}
            groups.append(home)
        home["places"] |= places
        found[p["id"]] = home["id"]
    return found


def proposition_verdicts(members: dict[str, list[dict]]) -> dict[str, dict]:
    """For each proposition, its members' combined verdicts -> the proposition's: the member whose verdict was
    decided by the most direct instrument (decided before undecided), with every member listed."""
    out = {}
    for prop, rows in members.items():
        ranked = sorted(rows, key=lambda r: (r["verdict"] not in DECIDED, _rank(r["template"], r["decided_by"]),
                                             r["statement"]))
        best = ranked[0]
        out[prop] = {"verdict": best["verdict"], "decided_by": best["decided_by"], "from": best["statement"],
                     "members": [r["statement"] for r in sorted(rows, key=lambda r: r["statement"])]}
    return out


def _start(p: dict) -> datetime:
    value = p["start"]
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
