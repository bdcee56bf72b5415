"""Who held a head of state's or government's office, or led an international body, on a given day.

"The President of Ukraine" in an address of 2023, or the unnamed principal of a readout on the Ukrainian presidency's
site, is Volodymyr Zelenskyy. The table holds facts of the public record (inauguration and handover dates) for the
war's parties and the states most often in its news; an office or a day it does not cover gives None, and the office
then stands as named.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from saydo.resolve.actors import actor_in_phrase


@dataclass(frozen=True)
class Holder:
    actor: str
    office: str  # "president" (head of state), "chancellor" or "prime minister" (head of government), a body's
    # "secretary general" or "director general"
    name: str
    start: date
    end: date | None = None  # the day the successor took office; None: still in office


HOLDERS: tuple[Holder, ...] = (
    Holder("UKR", "president", "Petro Poroshenko", date(2014, 6, 7), date(2019, 5, 20)),
    Holder("UKR", "president", "Volodymyr Zelenskyy", date(2019, 5, 20)),
    Holder("RUS", "president", "Vladimir Putin", date(2012, 5, 7)),
    Holder("BLR", "president", "Alexander Lukashenko", date(1994, 7, 20)),
    Holder("USA", "president", "Donald Trump", date(2017, 1, 20), date(2021, 1, 20)),
    Holder("USA", "president", "Joe Biden", date(2021, 1, 20), date(2025, 1, 20)),
    Holder("USA", "president", "Donald Trump", date(2025, 1, 20)),
    Holder("TUR", "president", "Recep Tayyip Erdogan", date(2014, 8, 28)),
    Holder("FRA", "president", "Emmanuel Macron", date(2017, 5, 14)),
    Holder("DEU", "chancellor", "Olaf Scholz", date(2021, 12, 8), date(2025, 5, 6)),
    Holder("DEU", "chancellor", "Friedrich Merz", date(2025, 5, 6)),
    Holder("GBR", "prime minister", "Boris Johnson", date(2019, 7, 24), date(2022, 9, 6)),
    Holder("GBR", "prime minister", "Liz Truss", date(2022, 9, 6), date(2022, 10, 25)),
    Holder("GBR", "prime minister", "Rishi Sunak", date(2022, 10, 25), date(2024, 7, 5)),
    Holder("GBR", "prime minister", "Keir Starmer", date(2024, 7, 5)),
    # the heads of the international bodies most often in the war's news
    Holder("IAEA", "director general", "Rafael Grossi", date(2019, 12, 3)),
    Holder("UN", "secretary general", "António Guterres", date(2017, 1, 1)),
    Holder("NATO", "secretary general", "Jens Stoltenberg", date(2014, 10, 1), date(2024, 10, 1)),
    Holder("NATO", "secretary general", "Mark Rutte", date(2024, 10, 1)),
)

_HEAD = re.compile(r"^(?:the\s+)?(?:(?P<adj>[A-Z][\w.]*)\s+)?"
                   r"(?P<office>president|head of state|chancellor|prime minister|director[- ]general|"
                   r"secretary[- ]general)"
                   r"(?:\s+of\s+(?:the\s+)?(?P<state>.+))?$", re.I)


def holder(actor: str | None, day: date | None, office: str = "president") -> str | None:
    """The name of who held ``office`` for ``actor`` on ``day``; None when the table does not say."""
    if actor is None or day is None:
        return None
    for h in HOLDERS:
        if h.actor == actor and h.office == office and h.start <= day and (h.end is None or day < h.end):
            return h.name
    return None


def has_office(actor: str | None, office: str) -> bool:
    """Whether the table knows anyone to have held ``office`` ("president", "chancellor") for ``actor``."""
    return any(h.actor == actor and h.office == office for h in HOLDERS)


def office_of(name: str) -> str | None:
    """The office ("president", "chancellor") the table has a person of this surname hold, at any time; None when it
    has no such person."""
    surname = name.split()[-1].lower() if name.split() else ""
    return next((h.office for h in HOLDERS if h.name.split()[-1].lower() == surname), None)


def office_holder(words: str, day: date | None, actor: str | None = None) -> tuple[str, str] | None:
    """(name, actor) of the holder an office's words name ("the President of Ukraine", "the Ukrainian President",
    "the Head of State" with ``actor`` the side otherwise known) on ``day``; None when they name no such office."""
    m = _HEAD.match(words.strip())
    if m is None:
        return None
    side = actor_in_phrase(m.group("state") or "") or actor_in_phrase(m.group("adj") or "") or actor
    office = re.sub(r"[- ]+", " ", m.group("office").lower())
    office = "president" if office == "head of state" else office
    name = holder(side, day, office)
    return (name, side) if name and side else None
