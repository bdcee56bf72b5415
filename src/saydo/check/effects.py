"""The pledged effect θ of a pledge, from its template and its wording (``rules.toml`` ``[effects]``).

- a ceasefire or truce, and pledges to stop, cease or halt hostilities or not to attack a place: ``stop``;
- a reduction said to be radical, drastic, sharp, significant, "several times" or "to a minimum": ``radical``;
- any other reduction, de-escalation, scaling down, regrouping or pulling back: ``reduce`` (graded);
- nationwide "no (need for) massive strikes": ``massive``;
- a shift of effort to named regions: ``increase`` (a rise, graded).
"""

from __future__ import annotations

import re

from saydo.check.hypotheses import Hypothesis
from saydo.check.rules import ReduceRules
from saydo.check.verdicts import Effect

# Words that make a reduction radical: intensifiers of the verb or its object ("radically reduce", "a sharp
# reduction", "cut several times", "to a minimum").
RADICAL = re.compile(r"\b(radical\w*|drastic\w*|sharp\w*|significant\w*|substantial\w*|dramatic\w*|"
                     r"several times|many times|manifold|to a minimum|minimi[sz]\w*|to zero)\b", re.I)
# Words of stopping rather than reducing.
STOP = re.compile(r"\b(stop\w*|ceas\w*|halt\w*|cease-?fire|truce|silence|hold fire|refrain\w*|"
                  r"not (?:to )?(?:attack|strike|shell|target|bomb|fire)\w*|no (?:attacks?|strikes?|shelling))\b", re.I)


def pledged_effect(hypo: Hypothesis, rules: ReduceRules) -> Effect:
    e = rules.effects
    text = hypo.statement.text
    if hypo.template == "ceasefire":
        return Effect(e.stop, "a kept ceasefire", graded=False)
    if hypo.template == "massive":
        return Effect(e.massive, "a pledge of no massive strikes", graded=False)
    if hypo.template == "increase":
        return Effect(e.increase, "the stated shift of effort", graded=True, increase=True)
    if hypo.template == "no_strike" or STOP.search(text):
        return Effect(e.stop, "a pledge to stop", graded=False)
    if RADICAL.search(text):
        return Effect(e.radical, "a radical reduction", graded=True)
    if hypo.template == "withdraw":
        return Effect(e.reduce, "a withdrawal", graded=True)
    return Effect(e.reduce, "a reduction", graded=True)
