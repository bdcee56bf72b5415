"""What kind of statement a sentence carries: pledge, claim, denial, demand or opinion.

Decided from the reporting verb's lemma and from cues in what was said:
- pledge: a commitment by the speaker's own side — a future or modal marker with the speaker's side as subject
  ("we will", "Moscow would"), commissive phrases ("reserve the right", "ready to", "no plans", "decided to"),
  an order to own forces (an imperative with a military action), or an arrangement a state announces (a ceasefire,
  corridor or withdrawal that "will open", "is opening", "should start");
- denial: a rejected allegation ("nothing to do with", "denied");
- demand: an obligation or call addressed to another party ("must", "should", "call on", "urge");
- opinion: evaluations, predictions about others, hopes, distrust;
- claim: anything else (assertions about past or present facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from saydo.extract.lexicon import lexicon

PLEDGE_VERBS = lexicon("kinds", "pledge_verbs").words
DENIAL_VERBS = lexicon("kinds", "denial_verbs").words
DEMAND_VERBS = lexicon("kinds", "demand_verbs").words
OPINION_VERBS = lexicon("kinds", "opinion_verbs").words
CLAIM_VERBS = lexicon("kinds", "claim_verbs").words

FUTURE = re.compile(r"\b(will|would|shall|'ll|is going to|are going to|plans? to|planned to|intends? to|"
                    r"intended to|ready to|prepared to|willing to|is to|are to|going to)\s+(?!blame\b)"
                    r"(?!be\s+(?:difficult|hard|easy|able|possible|impossible|likely|unlikely|a\s))"
                    r"(?!have\b(?!\s+to\b)|see\b|know\b|find out\b|wait and see\b|understand\b|learn\b)", re.I)
COMMISSIVE = re.compile(r"\b(reserve the right|ready to|prepared to|willing\w* to|readiness to|obliged to|decided to|"
                        r"decision was made|(?:have|has|had) agreed|agreed (?:on|upon)|"
                        r"decision to|are invited (?:not )?to|"
                        r"decision has been made|has decided|have decided|agreed to|agree to|undertak\w+|commit\w* to|"
                        r"guarantee\w*|no plans?|no such plans|no need (now )?for|not going to|do not intend|"
                        r"don't intend|do not set ourselves|set ourselves the task|intend\w* to|"
                        r"is opening|are opening|will open|will remain|declare\w*|announce\w* (a|the) (ceasefire|"
                        r"truce|corridor)|propos\w+|offer\w*|will be (given|provided|opened|evacuated|extended|"
                        r"organi[sz]ed|observed|held|announced)|to be (opened|provided|extended|evacuated))\b", re.I)
ARRANGEMENT = re.compile(r"\b(ceasefires?|cease-fires?|truces?|humanitarian corridors?|corridors?|evacuations?|"
                         r"regime of silence|silence regime|goodwill gesture|withdrawals?|pullouts?|pull-outs?|"
                         r"de-?escalation|moratorium|convoys?|routes?|agreements?|deal|exchanges?|talks|"
                         r"negotiations)\b", re.I)
ARRANGEMENT_VERB = re.compile(r"\b(will|would|shall|should|to be|is to|are to|start\w*|open\w*|begin\w*|"
                              r"extend\w*|remain\w*|take place|come into effect)\b", re.I)
MILITARY_ACTION = re.compile(r"\b(withdraw\w*|withdrew|leav(?:e|es|ing)|left(?! bank)|retreat\w*|cease\w*|stop\w*|"
                             r"hold|proceed\w*|regroup\w*|pull\w*|"
                             r"fire|attack\w*|strike\w*|advance\w*|defend\w*|occupy|take up)\b", re.I)
DENIAL_CONTENT = re.compile(r"\b(nothing to do with|not true|untrue|fake|lies\b|lying|baseless|groundless|"
                            r"provocation|fabricat\w*|no evidence|never (attacked|struck|shelled|targeted)|"
                            r"did not (attack|strike|shell|target|carry out)|(was|were) not involved|"
                            r"has denied|have denied|denied|rejected (the )?accusations?)\b", re.I)
DEMAND_CONTENT = re.compile(r"\b(must|should|have to|has to|need to|needs to|ought to|is obliged|calls? on|"
                            r"called on|calls? for|called for|urg\w+|demand\w*|insist\w*|stay in|do not go|"
                            r"don't go|the ball is)\b", re.I)
OPINION_CONTENT = re.compile(r"\b(believe|believes|think|thinks|hope|hopes|hoped|doubt|doubts|no faith|distrust|"
                             r"(?:don't|do not|can't|cannot|never) trust|"
                             r"mistrust|confiden\w+|cynical|absurd|ridiculous|welcome\w*|positive|negative|"
                             r"constructive|seriously|unacceptable|disappoint\w*|concern\w*|worr\w+|fear\w*|likely|"
                             r"unlikely|might|could|probably|perhaps|trap|farce|not a simple|not easy|important|"
                             r"terrible|horrible|blackmail|propagand\w+|cover|shameful|right thing)\b", re.I)
# "we call on", "I urge": the speaker's own side addressing another party
OWN_DEMAND = re.compile(r"\b(we|i)\s+(?:\w+\s+)?(call on|call upon|urge|demand|ask|appeal to|insist)\b", re.I)
# "if there were no ..., there would not be", "we would have been": counterfactuals are evaluations
COUNTERFACTUAL = re.compile(r"\bif\b.{0,120}\bwould\s+(?:not\s+|never\s+|even\s+)*(?:have been|be)\b|"
                            r"\bwould\s+(?:not\s+)?have been\b", re.I)
HEDGED_VIEW = re.compile(r"\b(looks as if|looks like|it seems|seems to|appears to|in my view|in our view|"
                         r"is an opportunity|opportunity for)\b", re.I)
PROGRESSIVE = re.compile(r"\b(?:are|is|am|'re)\s+(?:now\s+)?(?:withdraw|pull|turn|leav|regroup|retreat|ceas|stopp|"
                         r"open|declar|halt|mov)\w*ing\b", re.I)
GOODWILL = re.compile(r"\b(goodwill gesture|gesture of good ?will|as a sign of good ?will)\b", re.I)
YOUR = re.compile(r"\byour\b", re.I)
OTHERS = re.compile(r"\b(they|them|their|he|she|the enemy|the other side)\b", re.I)


@dataclass(frozen=True)
class Cues:
    """What the sentence tells about who acts: the speaker's side, another party, or no one in particular."""

    own_side: bool
    other_side: bool = False
    state_speaker: bool = False
    imperative: bool = False
    # what the parse tells about the futures in what was said (see saydo.extract.commitments): whether one commits
    # an agent acting ("we will open") rather than predicting (a non-agent subject such as "it" or "our victory", a
    # copula or state of mind such as "will be", "will become", "will remember"), and whether a belief, hope or
    # expectation frames one ("I am sure that ... will")
    agent_future: bool | None = None  # None: not read from a parse (the FUTURE pattern alone decides)
    belief: bool = False


def classify(verb_lemma: str | None, content: str, cues: Cues, *, negated_verb: bool = False,
             commitments: str | None = None) -> str:
    """The kind of what was said. ``commitments``: the content with commitment words that commit no one blanked
    (``saydo.extract.commitments.commitment_text``), for the commissive cues; the content itself when not given."""
    return classify_rule(verb_lemma, content, cues, negated_verb=negated_verb, commitments=commitments)[0]


def classify_rule(verb_lemma: str | None, content: str, cues: Cues, *, negated_verb: bool = False,
                  commitments: str | None = None) -> tuple[str, str]:
    """(kind, the name of the rule that decided it), the name as ``kind:<kind>-<rule>`` (``kind:pledge-future``)."""
    lemma = (verb_lemma or "").lower()
    if lemma in DENIAL_VERBS or (negated_verb and lemma in {"confirm", "admit"}):
        return "denial", "kind:denial-verb"
    if DENIAL_CONTENT.search(content) and not COMMISSIVE.search(content if commitments is None else commitments):
        return "denial", "kind:denial-content"
    if lemma in DEMAND_VERBS and (not cues.own_side or lemma in ("demand", "urge", "insist")):
        return "demand", "kind:demand-verb"  # demanding guarantees that one's own forces will be spared is a demand
    if OWN_DEMAND.search(content):
        return "demand", "kind:demand-own-call"
    if COUNTERFACTUAL.search(content):
        return "opinion", "kind:opinion-counterfactual"
    if HEDGED_VIEW.search(content):
        return "opinion", "kind:opinion-hedged-view"
    if cues.belief and lemma not in PLEDGE_VERBS:
        return "opinion", "kind:opinion-belief"  # "I believe they will endorse": a belief, not a commitment
    rule = pledge_rule(lemma, content, cues, commitments)
    if rule is not None:
        return "pledge", f"kind:pledge-{rule}"
    if cues.imperative:
        return "demand", "kind:demand-imperative"
    if DEMAND_CONTENT.search(content) and not cues.own_side:
        return "demand", "kind:demand-content"
    if lemma in OPINION_VERBS:
        return "opinion", "kind:opinion-verb"
    if OPINION_CONTENT.search(content):
        return "opinion", "kind:opinion-content"
    if cues.other_side and FUTURE.search(content):
        return "opinion", "kind:opinion-prediction"  # a prediction about others' conduct
    return "claim", "kind:claim-default"


def _is_pledge(lemma: str, content: str, cues: Cues, commitments: str | None = None) -> bool:
    return pledge_rule(lemma, content, cues, commitments) is not None


def pledge_rule(lemma: str, content: str, cues: Cues, commitments: str | None = None) -> str | None:
    """Which rule makes this a pledge (a short name), or None when none does."""
    committing = COMMISSIVE.search(content if commitments is None else commitments)
    if not cues.state_speaker and lemma not in PLEDGE_VERBS:
        return None  # a private person's plans are not a party's commitment
    if cues.imperative:
        if YOUR.search(content):
            return None  # "withdraw your troops": addressed to the other party, a demand
        return "imperative-order" if cues.state_speaker and MILITARY_ACTION.search(content) else None
    if lemma in PLEDGE_VERBS and (cues.own_side or cues.state_speaker):
        return "pledge-verb"
    if lemma in ("announce", "declare", "confirm") and cues.own_side and MILITARY_ACTION.search(content):
        return "announced-action"  # the first announcement of a withdrawal or ceasefire, even when phrased as under way
    if cues.own_side and FUTURE.search(content) and cues.agent_future is not False:
        return "future"  # "we will open", "Moscow would ease off": the side as agent of a future act
    if cues.own_side and committing:
        return "commissive"
    if cues.state_speaker and not cues.other_side and committing:
        return "state-commissive"  # "there is no need now for ...", "no such plans": assurances about own conduct
    if cues.own_side and GOODWILL.search(content) and MILITARY_ACTION.search(content):
        return "goodwill"  # a withdrawal announced as a goodwill gesture, even when phrased as done
    if cues.own_side and PROGRESSIVE.search(content):
        return "progressive"  # "we are turning our columns around": an operation announced as it starts
    if cues.state_speaker and not cues.other_side and ARRANGEMENT.search(content) and \
            ARRANGEMENT_VERB.search(content) and not re.search(r"\b(was|were|had been|has been)\b", content):
        return "arrangement"
    return None
