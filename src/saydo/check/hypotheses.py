"""Turning a pledge into a testable hypothesis: which regions, which action, from when.

Templates:
- ``reduce``: a pledge to reduce, stop or pull back hostilities in named Ukrainian regions predicts fewer air-raid
  alerts there, relative to the rest of Ukraine, after the pledge than before it;
- ``increase``: a shift of effort to named regions ("to the liberation of Donbas") predicts more alerts there,
  relative to the rest of Ukraine;
- ``withdraw``: a pledge to withdraw or pull forces back (out) of named regions predicts declining activity there,
  judged like ``reduce``; when Russia is the actor, the check also reports the Russian-held area of Ukraine from a
  territory series (``saydo.check.territory``), a national figure that is supporting evidence only. Withdrawing
  *from an agreement* (the grain deal, talks) is not a withdrawal of forces and stays ``reduce``;
- ``no_strike``: a promise not to strike a named place or target ("no attacks on the grain ports") is contradicted
  by any strike event recorded there in the window; alert data are only weaker evidence, checked as ``reduce``;
- ``ceasefire``: a ceasefire or truce with a stated start (and end; a truce with no end lasts the rules' default
  hours) predicts fewer alerts inside the window than in the same clock window of the previous weeks (a seasonal
  baseline), in the named regions or, when it names none or the whole front, in every comparable region;
- ``massive``: "no (need for) massive strikes" across Ukraine predicts fewer days of massive strikes (days with alerts
  in most regions) after the pledge than before, against the source's own history;
- ``national``: a pledge to reduce or stop hostilities across all of Ukraine, with no window, predicts fewer alerts
  in all of Ukraine after than before, against the source's own history (there is no region left to compare with).

A pledge that fits no template, or whose regions or start can't be resolved, is untestable and the reason says why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta, timezone

from saydo.records import Statement

# Words that make a pledge one about reducing or stopping hostilities.
_REDUCE = re.compile(
    r"\b(reduc\w*|scal\w* (back|down)|cut\w* back|de-?escalat\w*|decreas\w*|lower\w*|stop\w*|ceas\w*|halt\w*|"
    r"withdr[ae]w\w*|pull\w* (back|out)|ceasefire|cease-fire|truce|silence|regroup\w*|"
    r"not (to )?(attack|strike|shell)\w*|"
    r"no (attacks?|strikes?|shelling)|refrain\w*|goodwill gesture)\b",
    re.I,
)


# Words that make a pledge one about withdrawing forces, and the withdrawals from agreements that are not that.
_WITHDRAW = re.compile(r"\b(withdr[ae]w\w*|pull\w* (?:[\w-]+ ){0,3}?(?:back|out)|pull-?back|regroup\w*|"
                       r"re-?deploy\w* (?:[\w-]+ ){0,3}?from)\b", re.I)
_FROM_AGREEMENT = re.compile(r"\bwithdr[ae]w\w* from (?:the |these |this |that |an? |its |our )?(?:[\w-]+ ){0,2}"
                             r"(?:agreements?|deals?|treat(?:y|ies)|accords?|talks|negotiations?|initiative|"
                             r"convention|memorandum)\b", re.I)

# Words that make a pledge a promise not to strike a place or target ("no attacks on the grain ports").
_NO_STRIKE = re.compile(r"\b(?:not|never|no longer|refrain\w* from)\s+(?:to\s+)?(?:attack|strik|shell|target|hit|"
                        r"bomb)\w*|\bno (?:attacks?|strikes?|shelling)\b|\bwill not be (?:attacked|targeted|shelled|"
                        r"struck)\b", re.I)
# Words that make a pledge one about shifting effort to regions ("to the liberation of Donbas").
_SHIFT = re.compile(r"\b(shift\w*|focus\w*|concentrat\w*|redeploy\w*|refocus\w*|main goal|liberation of|"
                    r"(?:move|moving|moved) (?:forces|troops|units))\b", re.I)
# "no need for massive strikes", "no large-scale attacks": strikes at scale across the country.
_MASSIVE = re.compile(r"\b(massive|massed|mass|large-scale|large scale|wide-scale|sweeping)\s+(?:missile\s+|air\s+)?"
                      r"(strikes?|attacks?|bombing|shelling|blows?)\b", re.I)
_CEASEFIRE = re.compile(r"\b(ceasefire|cease-fire|cease fire|truce|silence regime|regime of silence|hold fire|"
                        r"stop (the )?fir\w*)\b", re.I)


@dataclass(frozen=True)
class Hypothesis:
    statement: Statement
    template: str
    regions: tuple[str, ...]
    start: datetime
    end: datetime | None = None


def hypothesis_for(statement: Statement, known_regions: frozenset[str], *, truce_hours: int = 72
                   ) -> Hypothesis | str:
    """A hypothesis for a pledge, or the reason it can't be tested."""
    if statement.kind != "pledge":
        return f"a {statement.kind}, not a pledge"
    named = tuple(sorted(p for p in statement.places if p in known_regions))
    if _MASSIVE.search(statement.text) and not named:
        start = pledge_start(statement)
        if start is None:
            return "has no date: neither a window nor a publication date"
        return Hypothesis(statement=statement, template="massive", regions=tuple(sorted(known_regions)), start=start)
    template = "reduce"
    if _NO_STRIKE.search(statement.text):
        template = "no_strike"
    elif _WITHDRAW.search(statement.text) and not _FROM_AGREEMENT.search(statement.text):
        template = "withdraw"
    elif _SHIFT.search(statement.text) and not _REDUCE.search(statement.text):
        template = "increase"
    elif not _REDUCE.search(statement.text):
        return "not a pledge to reduce or stop hostilities (no template for it yet)"
    window = statement.window
    if _CEASEFIRE.search(statement.text) and window.start is not None:
        # a ceasefire names no place when it holds everywhere ("along the entire line of contact")
        regions = named if named and "UA" not in statement.places else tuple(sorted(known_regions))
        start = _utc(window.start)
        end = _utc(window.end) if window.end is not None else start + timedelta(hours=truce_hours)
        return Hypothesis(statement=statement, template="ceasefire", regions=regions, start=start, end=end)
    regions = named
    if not regions:
        if "UA" in statement.places and template in ("reduce", "no_strike"):
            start = pledge_start(statement)
            if start is None:
                return "has no date: neither a window nor a publication date"
            return Hypothesis(statement=statement, template="national", regions=tuple(sorted(known_regions)),
                              start=start)
        if "UA" in statement.places:
            return ("covers all of Ukraine, and a shift or withdrawal across the whole country has nothing to compare "
                    "with")
        if statement.places:
            return f"its places ({', '.join(statement.places)}) are not Ukrainian regions with observations"
        return "names no region"
    start = pledge_start(statement)
    if start is None:
        return "has no date: neither a window nor a publication date"
    return Hypothesis(statement=statement, template=template, regions=regions, start=start)


def _utc(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def pledge_start(statement: Statement) -> datetime | None:
    """The window's start when the text gives one, else 00:00 UTC of the publication date."""
    if statement.window.start is not None:
        start = statement.window.start
        return start if start.tzinfo else start.replace(tzinfo=timezone.utc)
    if statement.published is not None:
        return datetime.combine(statement.published, time(0, 0), tzinfo=timezone.utc)
    return None
