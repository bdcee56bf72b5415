"""Events the article itself reports ("an airstrike destroyed a government building in Mykolaiv"), as observations of
source ``news`` that cite the article and the span, so a check can show them beside the data.

A sentence reports an event when it names a strike (airstrike, missile, shelling, drone, explosion, bombing) in a
past or present tense and a Ukrainian place below the country level. The day is the relative day the sentence names
("on Tuesday") against the publication date, else the publication date itself; the event spans that whole day.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from spacy.tokens import Doc

from saydo.extract.place_codes import place_of
from saydo.extract.windows import _RELATIVE, relative_day
from saydo.records import Article, Observation

SOURCE = "news"
_KINDS = (
    (re.compile(r"\b(air ?strikes?|air raids?|bomb(?:ed|ing|s)?|aerial)\b", re.I), "airstrike"),
    (re.compile(r"\b(missiles?|rockets?)\b", re.I), "missile_strike"),
    (re.compile(r"\b(drones?|shaheds?)\b", re.I), "drone_strike"),
    (re.compile(r"\b(shell(?:ed|ing|s)?|artillery|mortars?)\b", re.I), "shelling"),
    (re.compile(r"\b(explosions?|blasts?)\b", re.I), "explosion_remote"),
)
_HIT = re.compile(r"\b(destroy\w*|hit|struck|strike\w*|damag\w*|kill\w*|wound\w*|injur\w*|shell\w*|bomb\w*|"
                  r"attack\w*|explod\w*|blast\w*)\b", re.I)
_FUTURE = re.compile(r"\b(will|would|could|might|may|if|threat\w*|warn\w*|plan\w*)\b", re.I)


def events_from_doc(article: Article, doc: Doc, offset: int = 0) -> list[Observation]:
    found: list[Observation] = []
    if article.published is None:
        return found
    places = {doc[s.start].sent.start: [] for s in doc.spans.get("places", [])}
    for span in doc.spans.get("places", []):
        places[doc[span.start].sent.start].append(span)
    for sent in doc.sents:
        text = sent.text
        kind = next((k for pattern, k in _KINDS if pattern.search(text)), None)
        if kind is None or not _HIT.search(text) or _FUTURE.search(text):
            continue
        codes = []
        for span in places.get(sent.start, []):
            if span.text.isupper():
                continue  # a dateline ("KYIV, Ukraine (AP) —") says where the report was filed, not the event
            place = place_of(span)
            if place and place.kind not in ("macro", "deal"):
                codes.extend(c for c in place.codes if c not in codes)
        if not codes:
            continue
        rel = _RELATIVE.search(text)
        day = relative_day(rel.group(1).lower(), article.published) if rel else article.published
        start = datetime(day.year, day.month, day.day, tzinfo=timezone.utc)
        for code in codes:
            found.append(Observation(
                source=SOURCE, region=code, event_type=kind, started_at=start, finished_at=start + timedelta(days=1),
                file=article.name, line=None, level="event", geo_method="text", description=text.strip()[:300],
                article_id=article.id, span_start=sent.start_char + offset, span_end=sent.end_char + offset,
            ))
    return found
