"""What kind of statement a sentence carries: pledge, claim, denial, demand or opinion.

Decided from the reporting verb's lemma first (promise -> pledge, deny -> denial, urge -> demand, believe -> opinion)
and then from the content: commissive verbs with a future or modal marker whose subject is the speaker's own side make a
pledge; negated allegations a denial; obligations addressed to others a demand; evaluations, predictions about others
and distrust an opinion; anything else a claim.
"""

from __future__ import annotations

import re

PLEDGE_VERBS = {"promise", "pledge", "vow", "guarantee", "assure", "order", "instruct", "command", "agree",
                "propose", "offer", "commit", "undertake", "decide", "declare"}
DENIAL_VERBS = {"deny", "reject", "refute", "dismiss", "disavow"}
DEMAND_VERBS = {"urge", "demand", "appeal", "insist", "ask", "request", "call"}
OPINION_VERBS = {"believe", "think", "hope", "fear", "doubt", "describe", "welcome", "express", "consider",
                 "expect", "predict", "condemn", "criticize", "criticise", "praise", "call_opinion", "feel",
                 "allude", "suggest", "question", "warn_opinion"}
CLAIM_VERBS = {"accuse", "blame", "claim", "report", "confirm", "allege", "admit", "acknowledge"}

_FUTURE = r"(?:will|would|shall|'ll|is going to|are going to|was going to|were going to|plans? to|planned to|" \
          r"intends? to|intended to|decided to|has decided|have decided|ready to|prepared to|willing to|is to|are to|" \
          r"agreed to|agrees to|promised to|pledged to|vowed to|to be)"
_ACTION = r"(?:reduc\w*|cut\w*|scal\w*|withdr[ae]w\w*|pull\w*|ceas\w*|stop\w*|halt\w*|suspend\w*|open\w*|" \
          r"provid\w*|allow\w*|ensur\w*|guarant\w*|observ\w*|evacuat\w*|resum\w*|refrain\w*|respect\w*|" \
          r"de-?escalat\w*|regroup\w*|redeploy\w*|move\w*|shift\w*|focus\w*|conc\w*|return\w*|hand\w*|" \
          r"exchang\w*|releas\w*|retaliat\w*|respond\w*|strik\w*|hit\w*|destroy\w*|target\w*|launch\w*|continu\w*|" \
          r"extend\w*|join\w*|rejoin\w*|quit\w*|leav\w*|exit\w*|sign\w*|hold\w*|meet\w*|talk\w*|report\w*|" \
          r"decreas\w*|lower\w*|end\w*|terminat\w*|implement\w*|fulfil\w*|comply\w*|consider\w*|take\w*|" \
          r"establish\w*|creat\w*|set\w*|let\w*|agree\w*|accept\w*|give\w*|supply\w*|send\w*|not\s+\w+)"
PLEDGE_CONTENT = re.compile(rf"\b{_FUTURE}\s+(?:\w+ly\s+|not\s+|no longer\s+|also\s+|only\s+)*{_ACTION}", re.I)
PLEDGE_NOUNS = re.compile(r"\b(ceasefire|cease-fire|truce|humanitarian corridors?|corridors?|regime of silence|"
                          r"silence regime|goodwill gesture|withdrawal|pullout|pull-out|de-?escalation|"
                          r"moratorium|guarantees?)\b", re.I)
DENIAL_CONTENT = re.compile(r"\b(nothing to do with|not true|untrue|fake|lies?\b|lying|baseless|groundless|"
                            r"provocation|fabricat\w*|no evidence|never (attacked|struck|shelled|targeted)|"
                            r"did not (attack|strike|shell|target|carry out)|were not involved|was not involved|"
                            r"has denied|have denied|denied|rejected (the )?accusations?)\b", re.I)
DEMAND_CONTENT = re.compile(r"\b(must|should|have to|has to|need to|needs to|ought to|is obliged|calls? on|"
                            r"called on|calls? for|called for|urg\w+|demand\w*|insist\w*|stay in|do not|don't go|"
                            r"the ball is)\b", re.I)
OPINION_CONTENT = re.compile(r"\b(believe|believes|think|thinks|hope|hopes|hoped|doubt|doubts|no faith|distrust|mistrust|"
                             r"confiden\w+|cynical|absurd|ridiculous|welcome\w*|positive|negative|constructive|"
                             r"serious|seriously|unacceptable|disappoint\w*|concern\w*|worr\w+|fear\w*|"
                             r"likely|unlikely|might|may|could|probably|perhaps|trap|farce|not a simple|"
                             r"important|good|bad|terrible|horrible|great)\b", re.I)
FIRST_PERSON = re.compile(r"\b(we|our|us|i|my)\b", re.I)


def classify(verb_lemma: str | None, content: str, *, own_side: bool, negated_verb: bool = False) -> str:
    """The kind of a statement. ``own_side``: the content's subject is the speaker or the side they speak for."""
    lemma = (verb_lemma or "").lower()
    if lemma in DENIAL_VERBS or (negated_verb and lemma in {"confirm", "admit"}):
        return "denial"
    if DENIAL_CONTENT.search(content) and not PLEDGE_CONTENT.search(content):
        return "denial"
    if lemma in DEMAND_VERBS and not own_side:
        return "demand"
    if lemma in PLEDGE_VERBS and (own_side or PLEDGE_NOUNS.search(content) or PLEDGE_CONTENT.search(content)):
        return "pledge"
    if own_side and PLEDGE_CONTENT.search(content):
        return "pledge"
    if own_side and PLEDGE_NOUNS.search(content) and re.search(r"\b(announc\w*|declar\w*|open\w*)\b", content, re.I):
        return "pledge"
    if DEMAND_CONTENT.search(content) and not own_side:
        return "demand"
    if not own_side and PLEDGE_CONTENT.search(content) and re.search(r"\b(they|he|she|it|the enemy)\b", content, re.I):
        return "opinion"  # a prediction about others' conduct
    if lemma in OPINION_VERBS or OPINION_CONTENT.search(content):
        return "opinion"
    if lemma in CLAIM_VERBS:
        return "claim"
    return "claim"
