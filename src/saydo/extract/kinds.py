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


def _cue(name: str):
    return lexicon("kinds", name)


FUTURE = _cue("future_markers")
FORWARD = _cue("forward_markers")  # the gate of the learned second opinion (saydo.extract.learned)
COMMISSIVE = _cue("commissive_phrases")
ARRANGEMENT = _cue("arrangement_nouns")
ARRANGEMENT_VERB = _cue("arrangement_verbs")
MILITARY_ACTION = _cue("military_actions")
ANNOUNCED_MEASURE = _cue("announced_measures")
SUM = _cue("sums_of_money")
# a sum announced inside what was said, by the side giving it: "I announced today another $40 million"
ANNOUNCED_SUM = re.compile(r"\bannounc\w*\s+(?:[\w-]+\s+){0,5}(?:" + SUM.regex.pattern + ")", re.I)
DENIAL_CONTENT = _cue("denial_phrases")
DEMAND_CONTENT = _cue("demand_phrases")
OPINION_CONTENT = _cue("opinion_words")
OWN_DEMAND = _cue("own_calls")  # "we call on", "I urge": the speaker's own side addressing another party
COUNTERFACTUAL = _cue("counterfactuals")  # "if there were no ..., there would not be": an evaluation
HEDGED_VIEW = _cue("hedged_views")
HOSTING = _cue("hosting_invitations")
SHARED_VIEW = _cue("shared_views")  # "agreed on the importance of ...": a view, though "agree" commits
PROGRESSIVE = _cue("operations_under_way")
GOODWILL = _cue("goodwill")
YOUR = _cue("second_person")
UNDERTAKING = _cue("undertaking_idioms")
GRANT = _cue("grants")
ENDED = _cue("ended_commitments")
CONDITIONAL = _cue("conditions")
PAST_PERFECT = _cue("past_auxiliaries")
ASSURANCE_VERBS = {"assure", "reassure", "guarantee"}

OWN_ASSURANCE = _cue("own_assurances")
OFFER = re.compile(r"(?:propos|offer|guarantee|suggest)\w*", re.I)  # the commissive words of proposals and offers
DISMISSED_NEED = _cue("dismissed_needs")
TARGETING = _cue("target_selection")  # "the general staff is picking targets": a warning of own strikes
THREAT = _cue("threats_of_response")  # "the attack will not go unpunished": a warning of the speaker's own response
IN_PERSON = _cue("in_person_commitments")  # "she said she had ordered ...": any commitment word was right 2 in 8
RELIANCE = _cue("assured_reliance")  # "Ukraine can count on our support": support assured to another party
CONTINUED = _cue("continued_commitments")  # "we continue to supply", "we are working to bring them home"
SUGGESTED = _cue("suggested_arrangements")  # "suggested holding the next round in Vienna": a proposal


@dataclass(frozen=True)
class Cues:
    """What the sentence tells about who acts: the speaker's side, another party, or no one in particular."""

    own_side: bool
    other_side: bool = False
    state_speaker: bool = False
    body_speaker: bool = False  # a named organisation that is no party (a company, an agency): commits for itself only
    imperative: bool = False
    # what the parse tells about the futures in what was said (see saydo.extract.commitments): whether one commits
    # an agent acting ("we will open") rather than predicting (a non-agent subject such as "it" or "our victory", a
    # copula or state of mind such as "will be", "will become", "will remember"), and whether a belief, hope or
    # expectation frames one ("I am sure that ... will")
    agent_future: bool | None = None  # None: not read from a parse (the FUTURE pattern alone decides)
    belief: bool = False
    # commitments without an agent (saydo.extract.commitments): a passive or impersonal one ("it was decided to",
    # "the swap has been agreed", "the bodies will be returned", "navigation is banned"); an arrangement set going on
    # schedule ("the talks will begin in an hour"; None: not read from a parse, the word patterns decide)
    impersonal: bool = False
    arrangement: bool | None = None
    under_way: bool = False  # a pullback of forces announced as under way ("a regrouping of troops is under way")
    measure: bool = False  # a measure the speaker's side announces as being taken now ("we are imposing sanctions")
    ordered: bool = False  # an order to armed forces given by the speaker's side ("the command ordered the units to")
    negative: bool = False  # own conduct in war denied in the present by "we" ("we do not allow foreign bases")
    # why a commitment in what was said is talked about rather than made (saydo.extract.commitments.not_made): a
    # "question", "hypothetical", "ongoing" conduct, a "courtesy", or made "long-ago"; None when it is made
    not_made: str | None = None
    stative: bool = False  # what was said is a finite clause about the present or past with no future in it
    # said inside a speaker's turn of a transcript (saydo.extract.turns), where a proposal or offer ("I propose
    # starting with ...", "later we made the same offer") and a past passive ("the issue has been settled") were right
    # about a third of the time on judged press texts (docs/extraction.md), so they make no pledge there
    spoken: bool = False
    # the subject is the speaker in person, in indirect speech ("she said she had ordered the guards to ...")
    in_person: bool = False
    # the speaker's side restating its own support for a party ("reaffirmed its steady support for Moldova")
    restated_support: bool = False


def classify(verb_lemma: str | None, content: str, cues: Cues, *, negated_verb: bool = False,
             commitments: str | None = None) -> str:
    """The kind of what was said. ``commitments``: the content with commitment words that commit no one blanked
    (``saydo.extract.commitments.commitment_text``), for the commissive cues; the content itself when not given."""
    return classify_rule(verb_lemma, content, cues, negated_verb=negated_verb, commitments=commitments)[0]


def classify_rule(verb_lemma: str | None, content: str, cues: Cues, *, negated_verb: bool = False,
                  commitments: str | None = None) -> tuple[str, str]:
    """(kind, the name of the rule that decided it), the name as ``kind:<kind>-<rule>`` (``kind:pledge-future``)."""
    lemma = (verb_lemma or "").lower()
    if lemma in DENIAL_VERBS and cues.state_speaker and DISMISSED_NEED.search(content):
        return "pledge", "kind:pledge-dismissed-need"  # "dismissed the need for more call-ups": negative intent
    if lemma in DENIAL_VERBS or (negated_verb and lemma in {"confirm", "admit"}):
        return "denial", "kind:denial-verb"
    own_future = cues.own_side and cues.agent_future and FUTURE.search(content)  # "we will respond to provocations"
    if DENIAL_CONTENT.search(content) and not own_future and \
            not COMMISSIVE.search(content if commitments is None else commitments):
        return "denial", "kind:denial-content"
    # demanding guarantees that one's own forces will be spared is a demand; insisting that one's own side will act
    # ("insisted that Ukraine would never recognise ...") is an assurance
    if lemma in DEMAND_VERBS and (not cues.own_side or lemma in ("demand", "urge", "call") or
                                  lemma == "insist" and not (cues.agent_future and FUTURE.search(content))):
        return "demand", "kind:demand-verb"
    if OWN_DEMAND.search(content):
        return "demand", "kind:demand-own-call"
    if COUNTERFACTUAL.search(content) and not (cues.state_speaker and THREAT.search(content)):
        return "opinion", "kind:opinion-counterfactual"  # not a threat: "if delivered, they would be a target"
    if HEDGED_VIEW.search(content):
        return "opinion", "kind:opinion-hedged-view"
    if SHARED_VIEW.search(content):
        return "opinion", "kind:opinion-shared-view"
    if lemma == "invite" and cues.state_speaker:
        # an invitation to visit offers the speaker's side as host; one to join or take part calls on the guest to act
        return ("pledge", "kind:pledge-invitation") if HOSTING.search(content) else ("demand", "kind:demand-invitation")
    if cues.belief and lemma not in PLEDGE_VERBS and not (cues.state_speaker and _warns_of_targets(content)):
        # not a warning of what will be a target framed as a view: "we suppose they would become targets"
        return "opinion", "kind:opinion-belief"  # "I believe they will endorse": a belief, not a commitment
    if ENDED.search(content) and lemma != "threaten" and not CONDITIONAL.search(content):
        return "claim", "kind:claim-ended"  # "the deal no longer applies": a retraction, not a new commitment
    rule = pledge_rule(lemma, content, cues, commitments)
    if rule is not None and cues.not_made is None:
        return "pledge", f"kind:pledge-{rule}"
    kind, name = _not_a_pledge(lemma, content, cues)
    if rule is not None and name == "kind:claim-default":
        name = f"kind:claim-{cues.not_made}"  # a commitment asked about, recalled or described: the rule that said so
    return kind, name


def _not_a_pledge(lemma: str, content: str, cues: Cues) -> tuple[str, str]:
    if cues.imperative:
        return "demand", "kind:demand-imperative"
    if DEMAND_CONTENT.search(content) and not cues.own_side:
        return "demand", "kind:demand-content"
    if lemma in OPINION_VERBS:
        return "opinion", "kind:opinion-verb"
    if OPINION_CONTENT.search(content):
        return "opinion", "kind:opinion-content"
    # a future about the other side's conduct was once read as a prediction (an opinion): right 1 time in 10 on text
    # it was not written on (a speaker's side or the subject's side misjudged, a relayed commitment), so it went
    return "claim", "kind:claim-default"


def _warns_of_targets(content: str) -> bool:
    """A threat (``THREAT``) that names what will be a target: a warning of own strikes even when framed as a view."""
    return bool(THREAT.search(content) and re.search(r"\btargets?\b", content, re.I))


def _is_pledge(lemma: str, content: str, cues: Cues, commitments: str | None = None) -> bool:
    return pledge_rule(lemma, content, cues, commitments) is not None


def pledge_rule(lemma: str, content: str, cues: Cues, commitments: str | None = None) -> str | None:
    """Which rule makes this a pledge (a short name), or None when none does."""
    words = content if commitments is None else commitments
    committing = COMMISSIVE.search(words)
    if not cues.state_speaker and lemma not in PLEDGE_VERBS and not (cues.body_speaker and cues.own_side):
        return None  # a private person's plans are not a party's commitment; an organisation's own acts are
    if cues.imperative:
        if YOUR.search(content):
            return None  # "withdraw your troops": addressed to the other party, a demand
        return "imperative-order" if cues.state_speaker and MILITARY_ACTION.search(content) else None
    if lemma in PLEDGE_VERBS and (cues.own_side or cues.state_speaker) and \
            not (lemma in ASSURANCE_VERBS and cues.stative and not committing):
        return "pledge-verb"  # not "assured that he is doing everything possible": an assurance about the present
    if lemma in ("announce", "declare", "confirm") and cues.own_side and \
            (MILITARY_ACTION.search(content) or ARRANGEMENT.search(content)):
        return "announced-action"  # the first announcement of a withdrawal or ceasefire, even when phrased as under way
    if lemma == "suggest" and (cues.own_side or cues.state_speaker and not cues.other_side) and not cues.spoken and \
            not cues.stative and SUGGESTED.search(content):
        return "suggested-arrangement"  # "suggested holding the next round in Vienna": a proposal, not a view
    if lemma in ("announce", "unveil") and (cues.own_side or cues.state_speaker and not cues.other_side) and \
            not cues.spoken and not cues.stative and _measure_named(content):
        return "named-measure"  # "the ministry announced new sanctions on two banks": its own measure
    if cues.own_side and FUTURE.search(content) and cues.agent_future is not False:
        return "future"  # "we will open", "Moscow would ease off": the side as agent of a future act
    if cues.spoken and committing and all(OFFER.fullmatch(m.group(0)) for m in COMMISSIVE.regex.finditer(words)):
        committing = None  # in a transcript's turn a proposal or offer mostly orders the meeting or recalls one made
    if cues.own_side and committing:
        return "commissive"
    if cues.in_person and cues.state_speaker and IN_PERSON.search(words):
        return "in-person-commissive"  # "she said she had ordered the guards to", "he said he was ready for talks"
    if cues.state_speaker and not cues.other_side and committing and OWN_ASSURANCE.search(words):
        # "there is no need now for ...", "no such plans", "Moscow's readiness for talks": assurances about own conduct
        # that name no one acting; with any commitment word it was right 1 time in 7 on never-read news
        return "state-commissive"
    if (cues.own_side or (cues.state_speaker and not cues.other_side)) and \
            (UNDERTAKING.search(words) or ANNOUNCED_SUM.search(words)):
        return "undertaking"  # "the sides refused to target power plants", "we will abstain from", "stand ready to"
    if cues.own_side and cues.state_speaker and cues.negative:
        return "negative-assurance"  # "we do not shell their villages": an assurance about the side's own conduct
    if cues.state_speaker and not cues.other_side and cues.ordered:
        return "order-to-forces"  # "the high command ordered the units to pull back": an order to own forces
    if cues.state_speaker and THREAT.search(words):
        # "the strike on the ferry will not go unpunished": who will punish goes unsaid, and the one warning is that
        # side; the act warned about is another party's, so no side check
        return "threat-of-response"
    if cues.state_speaker and not cues.other_side and TARGETING.search(words):
        return "target-selection"  # "targets for retaliation have been chosen": own strikes warned of, not yet made
    if cues.state_speaker and RELIANCE.search(content):
        return "reliance"  # "Georgia could count on Estonia's support": the supporter's assurance
    if cues.own_side and CONTINUED.search(words) and not DEMAND_CONTENT.search(content):
        return "continued"  # "we continue to supply the hospitals", "we are working to bring the crew home"
    if cues.state_speaker and cues.restated_support:
        return "restated-support"  # "reiterated Norway's support for Moldova": support it goes on giving
    if cues.state_speaker and GRANT.search(content):  # the passive grant is its point, so not the blanked words
        return "grant"  # "the garrison may leave by the western road under escort": passage the speaker's side allows
    if cues.state_speaker and not cues.other_side and cues.impersonal and (not cues.spoken or FUTURE.search(content)):
        # "the exchange has been agreed", "the bodies will be returned": the announcer's doing; in a transcript's turn
        # only in the future ("six more will be removed"), as there the past mostly reports what was done
        return "impersonal"
    if cues.state_speaker and not cues.other_side and GOODWILL.search(content) and \
            (MILITARY_ACTION.search(content) or ARRANGEMENT.search(content)):
        return "goodwill"  # a withdrawal announced as a goodwill gesture, even when phrased as done
    if cues.state_speaker and not cues.other_side and cues.under_way:
        return "pullback-under-way"  # "a regrouping of troops is under way": announced as going on, still a pledge
    if cues.measure and not cues.spoken and (cues.own_side or cues.state_speaker and not cues.other_side):
        return "announced-measure"  # "we are imposing new controls", "the ministry has launched an evacuation"
    if (cues.own_side or cues.in_person and cues.state_speaker) and PROGRESSIVE.search(content):
        return "progressive"  # "we are turning our columns around": an operation announced as it starts
    if cues.state_speaker and not cues.other_side and _arrangement(content, cues):
        return "arrangement"  # "the corridor will open at ten", "talks are to begin in an hour"
    return None


def _measure_named(content: str) -> bool:
    """Does an announcement name a measure ("announced new sanctions", "unveiled an aid package") and not report it as
    done ("the measures were agreed")? A fact reported in a clause ("announced that the aid package had reached the
    border") is ruled out by ``Cues.stative``."""
    return bool(ANNOUNCED_MEASURE.search(content) or SUM.search(content)) and not PAST_PERFECT.search(content)


def _arrangement(content: str, cues: Cues) -> bool:
    if cues.arrangement is not None:
        return cues.arrangement
    return bool(ARRANGEMENT.search(content) and ARRANGEMENT_VERB.search(content)
                and not PAST_PERFECT.search(content))
