"""An attributed statement and its time window."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property

KINDS = ("pledge", "claim", "denial", "demand", "opinion")
QUOTES = ("direct", "indirect")
# What an editor can correct on a statement (``saydo correct``), and the two marks that take it out of lists and checks.
EDITABLE = ("speaker", "actor", "kind", "places", "window")
MARKS = ("not_a_statement", "merged_into")


@dataclass(frozen=True)
class Edit:
    """One correction by an editor: the field, the value set, the machine's value it replaces, who, when and why."""

    field: str
    value: object
    machine: object
    editor: str
    at: datetime
    why: str = ""

    def to_json(self) -> dict:
        return {"field": self.field, "value": self.value, "machine": self.machine, "editor": self.editor,
                "at": _iso(self.at), "why": self.why}


@dataclass(frozen=True)
class Window:
    """When a statement applies. Either end may be unknown (None); times carry an offset."""

    start: datetime | None = None
    end: datetime | None = None

    def to_json(self) -> dict:
        return {"start": _iso(self.start), "end": _iso(self.end)}


@dataclass(frozen=True)
class Statement:
    """Who said what, in which article, at which characters, about which places.

    ``text == article_text[start:end]`` always holds. ``places`` are ISO 3166-2 codes (``UA-30``) or ISO 3166-1
    alpha-2 codes for whole countries (``UA``). ``actor`` is the state or group the speaker speaks for (``RUS``,
    ``UKR``, ``UN``, ``CIV`` for private citizens).
    """

    article: str
    article_id: str
    published: date | None
    speaker: str
    actor: str | None
    kind: str
    quote: str
    text: str
    start: int
    end: int
    places: tuple[str, ...] = ()
    window: Window = field(default_factory=Window)
    qualifies: str | None = None  # id of the pledge a hedge or retraction qualifies
    # The named extraction rules that made this statement, each "stage:name" (attribution, speaker, actor, kind,
    # places): why it was found and classified so. ``saydo eval --rules`` scores each rule. Not part of identity.
    rules: tuple[str, ...] = field(default=(), compare=False)
    # An editor's corrections laid over what the machine extracted (``saydo correct``), newest last; the statement's
    # fields hold the corrected values, each edit the machine's value beside it. ``pinned_id`` keeps the machine's id
    # when a correction changes the speaker or kind, so checks, notes and links still find the statement.
    edits: tuple[Edit, ...] = field(default=(), compare=False)
    pinned_id: str | None = field(default=None, compare=False, repr=False)

    @cached_property  # computed once per record (it is frozen); a check reads it a few times per pledge
    def id(self) -> str:
        """Stable id from the article and the span: re-extracting the same text gives the same id."""
        if self.pinned_id:
            return self.pinned_id
        raw = f"{self.article_id}:{self.start}:{self.end}:{self.speaker}:{self.kind}"
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:16]

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "article": self.article,
            "published": self.published.isoformat() if self.published else None,
            "speaker": self.speaker,
            "actor": self.actor,
            "kind": self.kind,
            "quote": self.quote,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "places": list(self.places),
            "window": self.window.to_json(),
            "qualifies": self.qualifies,
            "rules": list(self.rules),
            "corrected": _corrected(self.edits),
        }


def _corrected(edits: tuple[Edit, ...]) -> dict | None:
    """What an editor changed, for exports and pages: None when the statement is as the machine extracted it."""
    if not edits:
        return None
    last = edits[-1]
    return {"by": last.editor, "at": _iso(last.at), "fields": sorted({e.field for e in edits}),
            "machine": {e.field: e.machine for e in edits}, "edits": [e.to_json() for e in edits]}


def _iso(value: datetime | date | None) -> str | None:
    return value.isoformat() if value is not None else None
