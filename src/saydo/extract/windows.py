"""Time windows of pledges: explicit clock times with time zones, dates, relative days, durations.

All results carry an offset. Clocks named in the text: Moscow time = +03:00; Kyiv time = +02:00 in winter and +03:00
in summer (EU rules: last Sunday of March to last Sunday of October); with no clock named, times are taken as the
speaker's side's clock when known (RUS -> Moscow, UKR -> Kyiv), else UTC. A date without a time means the whole day:
a start at 00:00 and an inclusive end (the next day's 00:00).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

MOSCOW = timezone(timedelta(hours=3))
MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
     "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MONTH = r"(?P<{n}month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"  # noqa: E501
_TIME = r"(?P<{n}time>\d{{1,2}}[:.]\d{{2}}|noon|midnight|\d{{1,2}}\s*[ap]\.?m\.?)"
_DATE = r"(?:(?P<{n}day1>\d{{1,2}})\s+" + _MONTH.replace("{n}month", "{n}month1") + r"|" + \
        _MONTH.replace("{n}month", "{n}month2") + r"\s+(?P<{n}day2>\d{{1,2}})(?:st|nd|rd|th)?)"


def _point(n: str) -> str:
    return (r"(?:(?:at\s+)?" + _TIME.format(n=n) + r"\s*(?:\([^)]*\)\s*)?(?:(?:on|of)\s+)?)?(?:" + _DATE.format(n=n) +
            r")?(?:\s*,?\s*(?:at\s+)?" + _TIME.replace("{n}time", "{n}time2").format(n=n) + r")?")


_RANGE = re.compile(r"\bfrom\s+" + _point("a") + r"\s+(?:until|till|to|through)\s+" + _point("b"), re.I)
_HOURS = re.compile(r"\b(?P<hours>\d{1,3})[- ]hours?\b", re.I)
_DAYS = re.compile(r"\b(?:for|of)\s+(?:another\s+)?(?P<days>\d{1,3})\s+days\b", re.I)
_START_AT = re.compile(r"\b(?:from|starting|beginning|as of|at)\s+" + _point("c"), re.I)
_MOSCOW = re.compile(r"\bmoscow time\b|\(msk\)|\bmsk\b", re.I)
_KYIV = re.compile(r"\bky[iy]v time\b|\bkiev time\b|\blocal time\b", re.I)
_RELATIVE = re.compile(r"\b(today|tonight|tomorrow|now|immediately|" + "|".join(WEEKDAYS) + r")\b", re.I)


def kyiv_offset(day: date) -> timezone:
    """Kyiv's clock: +03:00 from the last Sunday of March to the last Sunday of October, else +02:00."""
    def last_sunday(month: int) -> date:
        d = date(day.year, month, 31)
        return d - timedelta(days=(d.weekday() + 1) % 7)
    summer = last_sunday(3) <= day < last_sunday(10)
    return timezone(timedelta(hours=3 if summer else 2))


# publication dates whose windows stay inside datetime's range (a year's roll-over plus 999 days, with room to spare)
_SAFE = (date.min + timedelta(days=1500), date.max - timedelta(days=1500))


def find_window(text: str, published: date | None, actor: str | None = None) -> tuple[datetime | None,
                                                                                       datetime | None]:
    """(start, end) of the time a pledge names, or (None, None)."""
    if published is None or not _SAFE[0] <= published <= _SAFE[1]:  # date arithmetic below stays in range
        return None, None
    zone = _zone(text, published, actor)
    m = _RANGE.search(text)
    if m:
        start = _resolve(m, "a", published, zone)
        end = _resolve(m, "b", published, zone, end_of_day=True)
        if start and end and end > start:
            return start, end
    start = None
    m = _START_AT.search(text)
    if m:
        start = _resolve(m, "c", published, zone)
    if start is None:
        rel = _RELATIVE.search(text)
        if rel:
            day = relative_day(rel.group(1).lower(), published)
            start = datetime.combine(day, time(0), tzinfo=zone)
    if start is None:
        return None, None
    length = duration(text)
    return start, (start + length if length else None)


def duration(text: str) -> timedelta | None:
    """A stated length ("for 36 hours", "another 120 days"), if any."""
    h = _HOURS.search(text)
    if h:
        return timedelta(hours=int(h.group("hours")))
    d = _DAYS.search(text)
    if d:
        return timedelta(days=int(d.group("days")))
    return None


def window_near(sentences: list[str], published: date | None, actor: str | None
                ) -> tuple[datetime | None, datetime | None]:
    """A pledge's window from its own sentence, completed from the sentences next to it: reports often give the
    time of a ceasefire in the sentence before or after the announcement ("It will begin at noon on Jan. 6 and last
    36 hours"). ``sentences[0]`` is the pledge's own sentence; the rest are its neighbours, nearest first."""
    start, end = find_window(sentences[0], published, actor)
    for other in sentences[1:]:
        if start is None:
            start, end = find_window(other, published, actor)
        elif end is None:
            o_start, o_end = find_window(other, published, actor)
            if o_end is not None and o_start == start:
                end = o_end
            else:
                length = duration(other)
                end = start + length if length else None
        if start is not None and end is not None:
            break
    return start, end


def relative_day(word: str, published: date) -> date:
    """A relative day word against the publication date; weekdays are the latest such day on or before it."""
    if word == "tomorrow":
        return published + timedelta(days=1)
    if word in WEEKDAYS:
        back = (published.weekday() - WEEKDAYS.index(word)) % 7
        return published - timedelta(days=back)
    return published


def _zone(text: str, published: date, actor: str | None) -> timezone:
    if _MOSCOW.search(text):
        return MOSCOW
    if _KYIV.search(text):
        return kyiv_offset(published)
    if actor == "RUS":
        return MOSCOW
    if actor == "UKR":
        return kyiv_offset(published)
    return timezone.utc


def _resolve(m: re.Match, n: str, published: date, zone: timezone, end_of_day: bool = False) -> datetime | None:
    month_name = m.group(f"{n}month1") or m.group(f"{n}month2")
    day_text = m.group(f"{n}day1") or m.group(f"{n}day2")
    clock = m.group(f"{n}time") or m.group(f"{n}time2")
    if not month_name and not clock:
        return None
    day = published
    if month_name:
        month = MONTHS[month_name.lower().rstrip(".")[:4] if month_name.lower().startswith("sept")
                       else month_name.lower().rstrip(".")[:3]]
        year = published.year
        if month < published.month - 6:
            year += 1  # "January 6" in a December article
        try:
            day = date(year, month, int(day_text))
        except (TypeError, ValueError):
            return None
    if clock:
        parsed = _clock(clock)
        if parsed is None:
            return None
        if parsed == time(0) and clock.strip().startswith("24"):
            return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        return datetime.combine(day, parsed, tzinfo=zone)
    if end_of_day:
        return datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
    return datetime.combine(day, time(0), tzinfo=zone)


def _clock(text: str) -> time | None:
    t = text.strip().lower().replace(".", ":")
    if t == "noon":
        return time(12)
    if t == "midnight":
        return time(0)
    m = re.match(r"(\d{1,2})(?::(\d{2}))?\s*([ap])?:?m?:?$", t.replace(" ", ""))
    if not m:
        return None
    hour, minute = int(m.group(1)), int(m.group(2) or 0)
    if m.group(3) == "p" and hour < 12:
        hour += 12
    if m.group(3) == "a" and hour == 12:
        hour = 0
    if hour == 24 and minute == 0:
        return time(0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)
