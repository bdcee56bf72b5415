"""Actors: who made how many pledges, and one actor's record and timeline."""

from __future__ import annotations

from collections import Counter

from saydo.errors import NotFound
from saydo.serve.params import ActorPath
from saydo.serve.views import view
from saydo.store import views as sv

DECIDED = ("kept", "partly_kept", "broken")


@view("/actors", api="/api/actors", template="actors.html", title="Actors", table="actors")
def actors(store) -> dict:
    """Every actor with statements: statements, pledges, and the tally of its pledges' verdicts."""
    return {"actors": sv.actors(store)}


@view("/actors/{actor}", api="/api/actors/{actor}", template="actor.html", title="Actor", table="pledges")
def actor(store, actor: ActorPath) -> dict:
    """An actor's record: pledges made, kept, partly kept, broken and pending, and every pledge in time order."""
    pledges = sv.actor_pledges(store, actor)
    if not pledges and actor not in {a["actor"] for a in sv.actors(store)}:
        raise NotFound(f"no statements by actor {actor}", hint="see /actors")
    record = Counter()
    for p in pledges:
        p["outcome"] = outcome(p["verdict"])
        record[p["outcome"]] += 1
    return {"actor": actor,
            "record": {"made": len(pledges), **{k: record[k] for k in DECIDED}, "pending": record["pending"]},
            "pledges": pledges, "timeline": timeline(pledges)}


def outcome(verdict: str | None) -> str:
    """One word for a pledge: its one verdict when decided (the most direct source that decided, see
    ``saydo.check.combine``); ``pending`` when none has decided (unchecked, too early, no data)."""
    return verdict if verdict in DECIDED else "pending"


def timeline(pledges: list[dict]) -> list[dict]:
    """Pledges per month with their outcomes, for the timeline strip."""
    months: dict[str, Counter] = {}
    for p in pledges:
        when = p["published"] or (p["window_start"].date() if p["window_start"] else None)
        key = when.strftime("%Y-%m") if when else "undated"
        months.setdefault(key, Counter())[p["outcome"]] += 1
    return [{"month": m, **dict(c)} for m, c in sorted(months.items())]
