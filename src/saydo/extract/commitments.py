"""Whether a future in what was said is someone's commitment or a prediction, read from the parse.

"We will open the corridor" commits the speaker's side; "it will help us a lot", "our victory will be faster" and
"Ukraine will become a strong state" do not: their subject is not an agent acting (an outcome, an event, an abstract
noun, "it"), or the verb is a copula or a state of mind rather than an act. A future under a verb or adjective of
belief, hope or expectation ("I am sure that ... will", "expressed hope that ... would") is an opinion, whoever its
subject is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span, Token

from saydo.extract.lexicon import lexicon
from saydo.extract.quotes import inside_quote
from saydo.resolve.actors import actor_of_name

FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll", "wo"}
READINESS = {"ready", "prepared", "willing", "determined"}  # "will be ready to help": the act is what follows
# "ready to V", "plans to V", "is going to V", "determined to V": the infinitive is what the subject commits to
INTENT_HEADS = lexicon("commitments", "intent_heads").words
# copulas, states of mind and outcomes: with these a future predicts, it does not commit
NON_ACTS = lexicon("commitments", "non_acts").words
# "I would like to thank", "we want to show": a wish, whatever is wished
DESIRES = lexicon("commitments", "desires").words
PROCEDURE_VERBS = lexicon("commitments", "procedure_verbs").words
NO_COMMENT = {"comment", "speculate"}
ASSURED_CONDUCT = lexicon("commitments", "assured_conduct").words
PROCEDURE_OBJECTS = lexicon("commitments", "procedure_objects").words
PASSED_OVER_VERBS = lexicon("commitments", "passed_over_verbs").words
PASSED_OVER_OBJECTS = lexicon("commitments", "passed_over_objects").words
# nouns for who can act: people, groups, institutions and states
AGENT_NOUNS = lexicon("commitments", "agent_nouns").words
AGENT_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# "our task is to win": a stated purpose, not an announced act
PURPOSE_NOUNS = lexicon("commitments", "purpose_nouns").words
BELIEF = lexicon("commitments", "belief_words").words
VEHICLES = lexicon("commitments", "operation_vehicles").words
ARRANGEMENT_HEADS = lexicon("commitments", "arrangement_heads").words | VEHICLES
ONSET_VERBS = lexicon("commitments", "onset_verbs").words
ARRANGING_VERBS = lexicon("commitments", "arranging_verbs").words
RULE_VERBS = lexicon("commitments", "rule_verbs").words
SCHEDULING_VERBS = lexicon("commitments", "scheduling_verbs").words
DEFERRING_VERBS = lexicon("commitments", "deferring_verbs").words
LONG_AGO = lexicon("commitments", "long_ago")
OBLIGATIONS = {"must", "should", "ought"}
NOMINAL_DEPS = {"pobj", "pcomp", "compound", "nsubj", "nsubjpass", "dobj", "poss"}  # a word in a noun's place
IN_FORCE = {"open", "valid", "effective", "operational", "active", "available", "closed", "shut"}
NAMING_VERBS = lexicon("commitments", "naming_verbs").words
POPULACE = lexicon("commitments", "populace_nouns").words
PULLBACKS = lexicon("commitments", "pullback_nouns").words
COURTESIES = lexicon("commitments", "courtesies").words
RECALLING = lexicon("commitments", "recalling_verbs").words
CONDITION_MARKS = {"if", "unless", "whether"}
PAST_MARKS = {"since", "after", "when", "before", "once"}
DIRECTIVES = {"order", "instruct", "command"}
MEASURE_VERBS = lexicon("commitments", "measure_verbs").words
PLEDGE_VERBS = lexicon("kinds", "pledge_verbs").words


@dataclass(frozen=True)
class Futures:
    """The futures in what was said: whether any commits an agent acting, and whether a belief frames one; and the
    commitments made without an agent (read in the same pass)."""

    marked: bool = False  # some verb is marked for the future or intention
    agent_acts: bool = False  # ... and one of them has an agent subject and an action verb
    believed: bool = False  # a verb or adjective of belief, hope or expectation governs one of them
    impersonal: bool = False  # a passive or impersonal commitment with no other party as agent or patient
    arrangement: bool = False  # an arrangement is the subject of a verb that sets it going on schedule
    under_way: bool = False  # a pullback of forces announced as under way ("the regrouping is under way")
    measure: bool = False  # a measure the speaker's side announces as being taken now ("we are imposing sanctions")
    ordered: bool = False  # an order to armed forces given by the speaker's side ("the command ordered the units to")


def futures(content: Span, reporting: Token | None = None, *, institution: bool = False,
            quoted: bool = False, person: bool = False, other_side=lambda subject: False,
            quotes: list[tuple[int, int]] | None = None) -> Futures:
    """Read the future-marked verbs of ``content``. ``institution``: the speaker is an institution (its "it" is itself);
    ``person`` and not ``quoted``: a "he"/"she" in indirect speech is the speaker; ``other_side(subject)``: the subject
    is another party than the speaker's (whose acts the speaker cannot commit to); ``quotes``: the character spans of
    the quotations, so that of a direct statement only the words inside the marks count as quoted."""
    marked = agent = believed = impersonal = arrangement = under_way = measure = ordered = False

    def inside(token: Token | None) -> bool:
        """Is this word of a directly quoted statement inside its quotation marks (``quotes``: their character
        spans; every word is when they are not given)? "said that it would 'lift the pause'": "it" is not."""
        return quoted and (quotes is None or token is None or inside_quote(quotes, token.idx))

    if reporting is not None and _belief_report(reporting, content):
        believed = True
    for verb in content:
        future = _future_marked(verb)
        describes = any(a.dep_ in ("relcl", "acl") for a in _ancestors_within(verb, content, self_too=True))
        if not describes and not _under_belief(verb, content):
            # "it was decided to", "the swap has been agreed", "navigation is banned", "the talks will begin"
            impersonal = impersonal or _impersonal(verb, future, other_side)
            arrangement = arrangement or _arrangement_onset(verb, future)
            under_way = under_way or _pullback_under_way(verb, future, other_side)
            measure = measure or (not future and _measure_taken(verb, other_side, institution=institution,
                                                                  reported=reporting is not None, quoted=quoted,
                                                                  person=person))
            ordered = ordered or _order_to_forces(verb, other_side)
        if not future:
            continue
        marked = True
        if _under_belief(verb, content):
            believed = True
        if describes:
            continue  # "a state that will take patronage": describes the antecedent, commits no one
        if _asked(verb):
            continue  # "I do not know if we will manage", "I have not decided whether I will run": a question
        if _passive(verb):
            # "a military response would be required", "corridors will be opened": the act's agent is left unsaid
            # (the announcing side) unless a "by" phrase names it; "they will be exhausted" is about the other side
            by = _by_agent(verb)
            patient = subject_of(verb)
            if by is None and not (patient is not None and other_side(patient)):
                agent = True
            elif by is not None and _is_agent(by, institution=institution, reported=reporting is not None,
                                              quoted=inside(by), person=person) and not other_side(by):
                agent = True
            continue
        subject = subject_of(verb)
        if _is_agent(subject, institution=institution, reported=reporting is not None, quoted=inside(subject),
                     person=person) and _is_act(verb) and not other_side(subject) and not _procedure(verb, subject):
            agent = True
    return Futures(marked=marked, agent_acts=agent, believed=believed, impersonal=impersonal,
                   arrangement=arrangement, under_way=under_way, measure=measure, ordered=ordered)


def _asked(verb: Token) -> bool:
    """A future inside an indirect question: a complement opened by "if", "whether" or a question word ("I do not
    know if we will manage", "we already understand how we will rebuild", "about how we will cooperate"), not a
    condition ("if they attack, we will respond" has the condition on the other verb)."""
    return verb.dep_ in ("ccomp", "xcomp", "csubj", "pcomp") and \
        any((c.dep_ == "mark" and c.lower_ in ("if", "whether")) or (c.tag_ == "WRB" and c.i < verb.i)
            for c in verb.children)


_TODAY = {"today", "now", "just", "tonight"}


def _news_of_the_moment(verb: Token) -> bool:
    """Does the verb tell an act as the news of the moment: in the progressive ("we are imposing"), or in the perfect
    dated to the moment or told as fresh ("has been opened today", "has imposed new checks")? A bare present perfect
    ("we have introduced digital licences") or a simple present ("the plan provides for") mostly reports what was
    done or describes what is, and an act in the simple past is reported."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBG":
        return any(a.lemma_ == "be" and a.tag_ in ("VBZ", "VBP") for a in auxes)
    return verb.tag_ == "VBN" and any(a.lemma_ == "have" and a.tag_ in ("VBZ", "VBP") for a in auxes) and \
        (any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _TODAY for c in verb.children) or _fresh(verb))


_FRESH = {"new", "additional", "further", "fresh", "more", "another", "extra"}


def _fresh(verb: Token) -> bool:
    """Does the verb's object announce a measure as new ("has imposed new controls", "have introduced additional
    restrictions")? A measure told as fresh is announced, not recalled."""
    return any(c.dep_ in ("dobj", "nsubjpass") and any(m.dep_ == "amod" and m.lower_ in _FRESH for m in c.children)
               for c in verb.children)


def _measure_taken(verb: Token, other_side, **agency) -> bool:
    """Is ``verb`` a measure announced as being taken now by the speaker's side: a verb of the class that puts a
    measure in place, lifts it, opens, launches or sends something ("we are imposing new controls", "the corridors have
    been opened today"), told as the news of the moment, with an agent of the speaker's side (or, in the passive,
    none named)? Not negated, asked about or dated in the past."""
    if verb.lemma_.lower() not in MEASURE_VERBS or _negated(verb) or _asked(verb) or _dated_past(verb):
        return False
    if not _news_of_the_moment(verb):
        return False
    if verb.lemma_.lower() == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return False
    if _passive(verb):
        by, patient = _by_agent(verb), subject_of(verb)
        return (by is None or (_is_agent(by, **agency) and not other_side(by))) and \
            not (patient is not None and (other_side(patient) or patient.pos_ == "PRON"))
    subject = subject_of(verb)
    return _is_agent(subject, **agency) and not other_side(subject)


FORCES = lexicon("commitments", "forces_nouns").words
MILITARY_ACTS = lexicon("kinds", "military_actions")


def _order_to_forces(verb: Token, other_side) -> bool:
    """An order to armed forces given by the speaker's side (GUIDELINES.md: orders to own forces are pledges): a verb
    of ordering, not negated, asked about or dated in the past, addressed to forces ("ordered the units to pull back")
    or to an act of war ("instructed to cease fire"), with no other party giving or receiving it."""
    if verb.lemma_.lower() not in DIRECTIVES or _negated(verb) or _asked(verb) or _dated_past(verb):
        return False
    act = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
    if act is None:
        return False
    told = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if not (any(t.lemma_.lower() in FORCES for t in told) or
            MILITARY_ACTS.search(" ".join(t.text for t in act.subtree))):
        return False
    giver = _by_agent(verb) if _passive(verb) else subject_of(verb)
    return not any(other_side(t) for t in [*told, *([giver] if giver is not None else [])])


def negative_assurance(content: Span) -> bool:
    """A side's own conduct in war denied in the present by "we" ("we do not allow foreign bases on our soil", "we
    do not shell their villages"): an assurance about its conduct (GUIDELINES.md: negative intent is a pledge). Only
    acts of the class of ``ASSURED_CONDUCT``: on the press texts any verb so denied was mostly an attitude (not
    caring, not blaming). Not a question, a condition or a clause that describes."""
    if any(t.text == "?" for t in content):
        return False
    for verb in content:
        if verb.pos_ != "VERB" or not _negated(verb) or verb.dep_ in ("relcl", "acl", "advcl", "pcomp", "xcomp"):
            continue
        auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        present = verb.tag_ in ("VBP", "VBZ") or verb.tag_ == "VB" and bool(auxes & {"do", "does"}) or \
            verb.tag_ == "VBG" and bool(auxes & {"am", "are", "is", "'re", "'m"})
        if not present or any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children):
            continue
        subject = subject_of(verb)
        if subject is None or subject.lower_ != "we" or verb.lemma_.lower() not in ASSURED_CONDUCT or _asked(verb) or \
                any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in verb.children):
            continue
        return True
    return False


def _obliged(verb: Token) -> bool:
    """Is the verb under "must"/"should", itself ("must be agreed") or as the complement of such a verb ("we must
    ensure that they are allowed")? Not as a conjunct of one ("residents should go back, and buses will be
    provided")."""
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATIONS for c in verb.children):
            return True
        if verb.dep_ not in ("ccomp", "xcomp"):
            return False
        verb = verb.head
    return False


def _by_agent(verb: Token) -> Token | None:
    return next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)


def _impersonal(verb: Token, future: bool, other_side) -> bool:
    """A commitment made without naming who acts, which the announcing side makes: a passive future ("the bodies
    will be returned"), an arrangement made in the passive in any tense ("the exchange has been agreed", "it was
    decided to ease off", "the evacuation is postponed to Monday"), a schedule or standing rule in the present
    passive ("the visit is planned for May", "navigation is banned"). Not when a "by" phrase or the patient is another
    party, nor under an obligation ("must be agreed": a demand)."""
    if verb.pos_ != "VERB" or not _passive(verb):
        return False
    if _obliged(verb):
        return False  # "must be agreed", "we must ensure that they are allowed to travel": a demand
    by, patient = _by_agent(verb), subject_of(verb)
    if (by is not None and other_side(by)) or \
            (patient is not None and other_side(patient) and verb.lemma_.lower() not in GRANTING):
        return False  # "they will be defeated" is about the other side; "they will be guaranteed safety" is a grant
    if by is not None and (by.lemma_.lower() in POPULACE or by.ent_type_ == "NORP" and by.tag_ in ("NNS", "NNPS")):
        return False  # "will be decided by the voters": no party acts
    if patient is not None and patient.tag_ in ("WP", "WDT"):
        return False  # "about what is planned": a thing talked about, not a plan announced
    lemma = verb.lemma_.lower()
    if lemma in NON_ACTS and lemma not in PERMITTING:
        return False  # "independence will be lost"; "ships will be allowed to leave" is the announcer's permission
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SCHEDULE_HEADS and _passive(verb.head):
        future = True  # "the next round is expected to be held soon": set on a schedule
    if future:
        # "will be returned", not "will be called Freedom Square"; a verb with a particle is another verb ("will be
        # called up", "will be seen off")
        return lemma not in NAMING_VERBS or any(c.dep_ == "prt" for c in verb.children)
    if any(c.dep_ == "prt" for c in verb.children):
        return False  # "centres have been set up": done, not arranged
    if lemma in ARRANGING_VERBS:  # "has been agreed", "was decided"; "are agreed with each partner" is a routine
        return any(c.dep_ == "auxpass" and c.tag_ == "VBD" or c.dep_ == "aux" and c.lemma_ == "have"
                   for c in verb.children)
    if lemma in DEFERRING_VERBS:  # "postponed to Monday" sets a new time; "postponed" alone reports a delay
        return any(c.dep_ == "prep" and c.lower_ in ("to", "until", "till") for c in verb.children)
    present = any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in verb.children)
    return present and (lemma in RULE_VERBS or lemma in SCHEDULING_VERBS)


def _pullback_under_way(verb: Token, future: bool, other_side) -> bool:
    """"A planned regrouping of troops is under way", "the withdrawal has begun": the first announcement of a pullback
    of forces, phrased as already going on (GUIDELINES.md: it implies no further operations there)."""
    subject = subject_of(verb)
    if future or subject is None or subject.lemma_.lower() not in PULLBACKS or other_side(subject):
        return False
    if verb.lemma_ == "be":
        return any(c.lemma_.lower() in ("underway", "ongoing") or
                   (c.lower_ == "under" and any(o.lower_ == "way" for o in c.children)) for c in verb.children)
    return verb.lemma_.lower() in ("begin", "start", "commence") and verb.tag_ in ("VBZ", "VBD", "VBN")


SCHEDULE_HEADS = {"expect", "schedule", "set", "due", "plan", "slate"}


def _arrangement_onset(verb: Token, future: bool) -> bool:
    """"The truce will start at noon", "the talks are to begin in an hour", "the corridor should open on Tuesday",
    "the agreement will remain in place": an arrangement set going on schedule. A copula counts only with a place or
    time ("will be in force until"), not with an evaluation ("the talks will be difficult")."""
    lemma = verb.lemma_.lower()
    if lemma == "be" and future and any(c.dep_ == "expl" for c in verb.children):
        return _existential_arrangement(verb)
    if lemma not in ONSET_VERBS or _passive(verb):
        return False
    should = any(c.dep_ == "aux" and c.lower_ == "should" for c in verb.children)
    # "the next round is expected to take place in June", "the talks are due to resume": set on a schedule
    scheduled = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in SCHEDULE_HEADS
    if not (future or should or scheduled):  # "the meeting is taking place" describes the present
        return False
    if lemma in ("be", "remain", "stay") and not any(c.dep_ == "prep" or c.dep_ == "acomp" and c.lemma_ in IN_FORCE
                                                     for c in verb.children):
        return False  # "will stay open until Sunday", "will be in force", not "will be difficult"
    subject = subject_of(verb)
    if lemma == "take" and not any(c.dep_ == "dobj" and c.lemma_ in ("place", "effect") for c in verb.children) \
            and not (subject is not None and subject.lemma_.lower() in VEHICLES):
        return False  # "will take place", "will take effect", "the buses will take residents", not "will take months"
    if lemma in ("come", "enter") and not any(c.dep_ == "prep" and c.lower_ in ("into", "in") for c in verb.children):
        return False  # "will come into force"
    return subject is not None and subject.lemma_.lower() in ARRANGEMENT_HEADS and _timed(verb, subject)


def _existential_arrangement(verb: Token) -> bool:
    """"There will be a round of consultations on Friday": the existential form of "the round will take place on
    Friday", an arrangement set on schedule when its time is given; not "there will be no talks" (a refusal, read by
    the commissive phrases) nor "there will be talks eventually" (no time)."""
    thing = next((c for c in verb.children if c.dep_ in ("attr", "nsubj") and c.lemma_.lower() in ARRANGEMENT_HEADS),
                 None)
    if thing is None or any(c.dep_ == "neg" for c in verb.children) or \
            any(c.dep_ == "det" and c.lower_ == "no" for c in thing.children):
        return False
    return _timed(verb, next(c for c in verb.children if c.dep_ == "expl"))


_TIME_WORDS = {"immediately", "soon", "shortly", "today", "tomorrow", "tonight", "now", "noon", "midnight", "dawn"}
_CLOCK_PREPS = {"at", "by", "until", "till", "from"}  # "at nine", "from 10 to 16": a number on the clock


def _timed(verb: Token, subject: Token) -> bool:
    """Does the onset carry its time ("at 10:00", "on Tuesday", "for four months", "immediately")? A schedule is what
    GUIDELINES.md counts as announced; "the talks will take place in the Middle East" gives none (on never-read news
    such onsets without a time were pledges 0 times in 5)."""
    own = {t.i for t in subject.subtree}
    return any(t.i not in own and (t.ent_type_ in ("DATE", "TIME") or t.lower_ in _TIME_WORDS or
                                   t.like_num and t.head.lower_ in _CLOCK_PREPS)
               for t in verb.subtree)


def _passive(verb: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in verb.children)


def _future_marked(verb: Token) -> bool:
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True
    if verb.dep_ == "xcomp" and verb.tag_ == "VB":
        head = verb.head
        if head.lemma_ in INTENT_HEADS:
            return True
        if head.lemma_ == "be":
            return True  # "the ceasefire is to start at noon"; "our task is to win" too, whose subject is no agent
    if verb.dep_ == "xcomp" and verb.tag_ == "VBG" and verb.head.lemma_ in INTENT_HEADS and \
            any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ == "VB" for c in verb.children) and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # the progressive infinitive: "we are going to be shipping them more shells"
    if verb.dep_ == "xcomp" and verb.tag_ == "VBN" and verb.head.lemma_ == "be" and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
            any(c.dep_ == "auxpass" and c.lower_ == "be" for c in verb.children):
        # "the wounded are to be exchanged on Friday": "be to" in the passive; not "it is necessary to be
        # registered", "what is to be done", "our border is not to be redrawn"
        subject = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and subject.tag_ not in ("WP", "WDT", "PRP", "DT") and \
            not any(c.dep_ in ("acomp", "neg") for c in verb.head.children)
    return False


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, looking through coordination and infinitive complements ("Russia declared a ceasefire and
    will open corridors", "Ukraine is ready to export") and relative pronouns ("a state that will ...")."""
    token = verb
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is None:
            # a subject misparsed onto the auxiliary when a time phrase splits the verb from it ("the forces will
            # from 9 a.m. on Friday open a corridor")
            subject = next((c for aux in token.children if aux.dep_ in ("aux", "auxpass") and aux.i < token.i
                            for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                return token.head
            return subject
        if token.dep_ in ("conj", "xcomp", "acomp") and token.head.i != token.i:
            token = token.head
            continue
        if token.dep_ == "relcl":
            return token.head
        return None
    return None


def _ancestors_within(token: Token, content: Span, self_too: bool = False) -> list[Token]:
    chain = [token] if self_too else []
    chain += [a for a in token.ancestors if content.start <= a.i < content.end]
    return chain


def _is_agent(subject: Token | None, *, institution: bool, reported: bool, quoted: bool, person: bool) -> bool:
    if subject is None:
        return False
    word = subject.lower_
    if word in ("we", "i", "you", "they", "us"):
        return True
    if word == "it":
        return institution and reported and not quoted  # "the ministry said it would": the institution itself
    if word in ("he", "she"):
        return person or quoted
    if subject.dep_ == "expl" or subject.pos_ in ("PRON", "DET") or word in ("this", "that", "which", "what"):
        return False
    if subject.lemma_.lower() in PURPOSE_NOUNS:
        return False
    if subject.ent_type_ == "NORP" and subject.tag_ in ("NNS", "NNPS") or subject.lemma_.lower() in POPULACE:
        return False  # "Ukrainians will rebuild", "the voters will decide": the population, of whom a future predicts
    if subject.pos_ == "PROPN" or subject.ent_type_ in AGENT_ENTS:
        return True
    if subject.lemma_.lower() in AGENT_NOUNS or word in AGENT_NOUNS:
        return True
    # "Presidents Putin and Zelensky", "the Ukrainian side": a conjoined or compound name
    return any(t.pos_ == "PROPN" and t.dep_ in ("compound", "conj", "appos") for t in subject.children)


PERMITTING = {"allow", "permit", "enable"}
# verbs of granting: "the soldiers who surrender will be guaranteed their lives" grants something to the patient, who
# may be the other party; the grantor is the announcing side
GRANTING = {"guarantee", "give", "grant", "offer", "provide", "allow", "permit", "promise", "assure", "afford",
            "supply", "ensure"}


def _permits(verb: Token) -> bool:
    """"Russia will allow civilians to leave": a party permitting someone an act commits to it; "this will allow us to
    rebuild" (a thing as subject) predicts an outcome."""
    subject = subject_of(verb)
    return verb.lemma_ in PERMITTING and subject is not None and \
        subject.lower_ not in ("it", "this", "that", "which", "what") and \
        (subject.pos_ in ("PROPN", "PRON") or subject.lemma_.lower() in AGENT_NOUNS)


def _stays_put(verb: Token) -> bool:
    """"Our experts will remain at the plant": staying somewhere is an act, unlike "prices will remain high"."""
    return verb.lemma_ in ("remain", "stay") and any(c.dep_ == "prep" and c.lower_ in ("at", "in", "on", "inside")
                                                     for c in verb.children)


def _takes_up(verb: Token) -> bool:
    """"Moscow will consider the proposal": taking up what was put forward, not "will consider it an attack"."""
    return verb.lemma_ in ("consider", "study", "review", "examine") and \
        any(c.dep_ == "dobj" and c.lemma_.lower() in PROPOSALS for c in verb.children) and \
        not any(c.dep_ in ("oprd", "ccomp", "xcomp") or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)


PROPOSALS = {"proposal", "offer", "plan", "request", "initiative", "draft", "idea", "option", "proposition", "appeal",
             "question", "issue", "matter"}


FEELINGS = {"glad", "happy", "pleased", "delighted", "proud", "grateful", "sorry", "honoured", "honored"}
_NOW = {"today", "now", "tonight", "first", "then", "next", "briefly", "later", "also", "again", "minute", "moment",
        "second", "shortly"}  # "I will explain in a minute": the speech itself


def _names_party(prep: Token) -> bool:
    return any(o.pos_ == "PROPN" or o.ent_type_ in ("PERSON", "NORP", "GPE") for o in prep.subtree)


_REFLEXIVE = {"myself", "ourselves", "me", "us", "himself", "herself"}
OPENING_VERBS = {"start", "begin"}
_ATTEMPTS = {"try", "attempt"}
_AUDIENCE = {"you", "everyone", "everybody", "colleagues", "all"}


def _audience(prep: Token) -> bool:
    """"share this with you", "with all of you, colleagues": the people the speaker addresses, no other party."""
    objects = [o for o in prep.children if o.dep_ == "pobj"]
    return bool(objects) and all(o.lower_ in _AUDIENCE for o in objects)


def _negated(verb: Token) -> bool:
    """"will not list", "am not going to list": a negation on the verb or on the "going" of its future."""
    heads = [verb] + ([verb.head] if verb.dep_ == "xcomp" and verb.head.lemma_ == "go" else [])
    return any(c.dep_ == "neg" for h in heads for c in h.children)


def _passed_over(verb: Token) -> bool:
    """What a speaker says he will not go into at the meeting ("I will not list them all", "I will not go into
    detail", "I am not going to give you the figures"): a speech act of the meeting, not a refusal that commits."""
    lemma = verb.lemma_.lower()
    if lemma in PROCEDURE_VERBS or lemma in PASSED_OVER_VERBS:
        return True
    if lemma == "go" and any(c.dep_ == "prep" and c.lower_ == "into" for c in verb.children):
        return True  # "go into detail", "go into other areas"
    return any(c.dep_ == "dobj" and c.lemma_.lower() in PASSED_OVER_OBJECTS for c in verb.children)


def _procedure(verb: Token, subject: Token | None) -> bool:
    """A speaker ordering the meeting he speaks at ("today we will discuss the budget", "I will give two examples",
    "she will share her view"), not an arrangement with another party ("we will discuss it with Ankara on Monday")."""
    if subject is None or subject.lower_ not in ("i", "we", "he", "she"):
        return False
    if _negated(verb):
        # "we will not share details while the convoy moves": a refusal, which commits; "I will not go into detail"
        return subject.lower_ == "i" and _passed_over(verb)
    complement = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB"), None)
    if verb.lemma_.lower() in PERMITTING | {"let"} and complement is not None and \
            any(c.dep_ in ("dobj", "nsubj") and c.lower_ in _REFLEXIVE for c in [*verb.children, *complement.children]):
        verb = complement  # "I will allow myself to outline ...": the act is the infinitive
    elif verb.lemma_.lower() in _ATTEMPTS and complement is not None:
        verb = complement  # "I will try to answer your questions": the act tried is the one to read
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "I will start with general matters", "we will begin the meeting with this"
    opening = lemma in OPENING_VERBS and (subject.lower_ == "i" or any(o.lemma_.lower() in PROCEDURE_OBJECTS
                                                                        for o in objects))
    if lemma not in PROCEDURE_VERBS and not opening and not any(o.lemma_.lower() in PROCEDURE_OBJECTS for o in objects):
        return False
    if _purpose(verb):
        return False  # "we will continue that work to free every captive": work with an aim beyond the meeting
    if any(c.dep_ == "prep" and (c.lower_ == "with" and not (opening and not _names_party(c)) and not _audience(c)
                                 or c.lower_ == "to" and _names_party(c)
                                 or any(o.lemma_.lower() in ARRANGEMENT_HEADS for o in c.children))
           for c in verb.children):
        return False  # with or to another party ("talk to President X"), or at another meeting ("at the next round")
    # a date set for it ("on Monday"), not one inside what is discussed ("the decisions made 11 years ago")
    own = [t for c in verb.children if c.dep_ not in ("dobj", "xcomp", "ccomp", "conj") for t in c.subtree]
    return not any(t.ent_type_ in ("DATE", "TIME") and t.pos_ not in ("DET", "ADP") and t.lower_ not in _NOW
                   and t.lemma_.lower() not in _NOW for t in own)


def _purpose(verb: Token) -> bool:
    """Does an infinitive of purpose with an act of its own hang on the verb or its object ("continue the work to
    return them", "the work to rebuild the grid")? Speaking acts ("to explain") keep it a procedure."""
    heads = [verb] + [c for c in verb.children if c.dep_ == "dobj"]
    return any(c.dep_ in ("advcl", "acl", "relcl", "xcomp") and c.tag_ == "VB" and
               c.lemma_.lower() not in PROCEDURE_VERBS and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
               for h in heads for c in h.children)


def _evaluates(verb: Token) -> bool:
    """"We will find their experience very useful": finding something so is an evaluation, not an act."""
    return verb.lemma_.lower() == "find" and any(c.dep_ in ("oprd", "acomp", "ccomp") and
                                                  any(t.pos_ == "ADJ" for t in c.subtree) for c in verb.children)


def _is_act(verb: Token) -> bool:
    """Is the verb an act someone can commit to? Through infinitives: "will have to create" and "will be ready to
    help" are acts, "will continue to be" is not; an ability ("will be able to use it") predicts, and a wish
    ("would like to thank") never commits."""
    for _ in range(4):
        if verb.lemma_ in DESIRES:
            return False
        if verb.lemma_ in NO_COMMENT and _negated(verb):
            return False  # "the Kremlin would not comment": a reply to the press, not conduct one is held to
        infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
        if infinitive is None:
            acomp = next((c for c in verb.children if c.dep_ == "acomp"), None)
            if acomp is not None and acomp.lemma_.lower() in FEELINGS:
                return False  # "I will be glad to welcome them": a feeling, not an undertaking
            if acomp is not None and acomp.lemma_ in READINESS:
                infinitive = next((c for c in acomp.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
                if infinitive is None:
                    return True
        if infinitive is None:
            if _evaluates(verb):
                return False
            return verb.lemma_ not in NON_ACTS or _permits(verb) or _stays_put(verb) or _takes_up(verb) or \
                _examines(verb)
        verb = infinitive
    return verb.lemma_ not in NON_ACTS


def _examines(verb: Token) -> bool:
    """"We will consider every request": considering a thing is examining it, an act; "we consider it necessary", "will
    consider them partners" and "will consider whether" are views."""
    return verb.lemma_ == "consider" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in verb.children) and \
        not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") for c in verb.children)


def _under_belief(verb: Token, content: Span) -> bool:
    """Is this future the complement of a belief ("I think we will", "convinced that X will", "I am sure that ...") or
    framed by one in parentheses ("it will, I am sure, be resolved")?"""
    if any(c.dep_ == "parataxis" and believes(c) for c in verb.children):
        return True
    for ancestor in verb.ancestors:
        if ancestor.i < content.start - 1 or ancestor.i >= content.end:
            break
        if ancestor.lemma_.lower() in BELIEF or ancestor.lower_ in BELIEF:
            # "the round is expected to take place in June": a schedule in the passive, nobody's belief
            return not (_passive(ancestor) and ancestor.lemma_.lower() in SCHEDULE_HEADS)
        if ancestor.lemma_ == "be" and any(c.dep_ in ("acomp", "nsubj") and c.lemma_.lower() in BELIEF
                                           for c in ancestor.children):
            return True  # "I am sure that ...", and with a noun "the fear was that ...", "our hope is that ..."
    return False


def believes(token: Token) -> bool:
    return token.lemma_.lower() in BELIEF or (token.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower()
                                                                           in BELIEF for c in token.children))


def _belief_report(reporting: Token, content: Span) -> bool:
    """"X believes/hopes/expects that ...", "X expressed hope/confidence that ...", "X is convinced that ..."."""
    if reporting.lemma_ in BELIEF and reporting.lemma_ not in ("view", "opinion", "trust"):
        return True
    if reporting.lemma_ == "express":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in BELIEF for c in reporting.children)
    return any(c.dep_ == "acomp" and c.lemma_.lower() in BELIEF for c in reporting.children)


COMMIT_WORDS = lexicon("commitments", "commitment_words").words


def commitment_text(content: Span, other_side=lambda token: False) -> str:
    """The words of ``content`` for cue patterns, with commitment words that commit no one here blanked:
    - nouns for a thing rather than an undertaking: without a complement saying what is undertaken ("security
      guarantees", "his proposal", "submitted its proposals"), unless made or taken ("a decision was made to");
      "Moscow's readiness to talk", "a commitment to the truce" still commit their owner;
    - adjectives and participles describing a noun ("the declared values", "a promising plan", "the proposed format");
    - describing something in a relative or participial clause ("the country whose parliament decided to",
      "the support we have agreed upon", "patronage undertaken by X", "the opportunities they offer");
    - another party's ("the Commission's decision to", "Boris for his readiness to", "Russia had decided to"), or a
      thing's ("the document proposes", "the new line will offer transfers");
    - an obligation ("the package must be agreed upon": a demand) or an inability ("I cannot offer anything");
    - a past act the sentence dates from ("since the regime declared a blockade")."""
    parts = []
    for token in content:
        if _idle_commitment(token, content, other_side) or _passing_over(token):
            parts.append("_" * len(token.text) + token.whitespace_)
        else:
            parts.append(token.text_with_ws)
    return "".join(parts)


def _passing_over(token: Token) -> bool:
    """The "going" of "I am not going to give you the figures": what a speaker passes over at a meeting, not the
    negative intent "not going to" commits to."""
    act = next((c for c in token.children if c.dep_ == "xcomp"), None) if token.lower_ == "going" else None
    return act is not None and _procedure(act, subject_of(act))


TAKING_UP = {"accept", "endorse", "back", "support"}
LACKING = {"lack", "absence", "want", "shortage"}
OCCASIONS = {"opportunity", "chance", "occasion", "moment", "time"}
EVIDENCING = lexicon("commitments", "evidencing_verbs").words
REJECTING = {"reject", "decline", "dismiss", "refuse", "rebuff", "spurn"}
# verbs of calling on someone to act
ASKING = lexicon("kinds", "demand_verbs").words | {"press", "encourage", "push", "implore", "exhort", "beg"}
PRAISING = {"praise", "hail", "commend", "admire", "salute", "applaud", "laud", "appreciate", "thank"}


def _asked_of(verb: Token) -> bool:
    """Is the verb the infinitive of a call or request addressed to someone named as its object ("urged the other side
    to guarantee", "asked the allies to provide", "called on the sides to agree")? What is asked is the addressee's to
    do."""
    head = verb.head
    if verb.dep_ != "xcomp" or head.lemma_.lower() not in ASKING:
        return False
    addressed = [c for c in head.children if c.dep_ == "dobj"]
    addressed += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children
                  if g.dep_ == "pobj"]
    return bool(addressed)


def _object_of(noun: Token) -> Token | None:
    """The verb a noun is the direct object of ("accepted the offer" -> accepted), else None."""
    return noun.head if noun.dep_ == "dobj" and noun.head.pos_ == "VERB" else None


def _taken_up(noun: Token) -> bool:
    """An offer or proposal that is the object of a verb taking it up, not negated ("accepted the offer", "agreed with
    the proposal")."""
    verb = _object_of(noun)
    if verb is None and noun.dep_ == "pobj" and noun.head.lower_ == "with" and noun.head.head.lemma_ == "agree":
        verb = noun.head.head  # "we agree with the proposal": taken up as accepting it is
        return not any(c.dep_ == "neg" for c in verb.children)
    return verb is not None and verb.lemma_.lower() in TAKING_UP and not any(c.dep_ == "neg" for c in verb.children)


def _turned_down(noun: Token) -> bool:
    """An offer or proposal that is the object of a verb refusing it ("rejected the offer", "turned down the plan")."""
    verb = _object_of(noun)
    return verb is not None and (verb.lemma_.lower() in REJECTING or verb.lemma_.lower() == "turn" and
                                 any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children))


def _idle_commitment(token: Token, content: Span, other_side) -> bool:
    word = token.lemma_.lower()
    if word not in COMMIT_WORDS:
        return False
    if _dated_past(token):
        return True  # "in 2011 we took the final decision to build the reservoir": a year gone by
    if token.pos_ in ("NOUN", "PROPN") or token.dep_ in NOMINAL_DEPS:  # "on the security guarantees treaty"
        if _taken_up(token):
            return False  # "Moscow accepted Ankara's offer": taking up another's offer commits the side taking it
        if _turned_down(token):
            return True  # "Kyiv rejected the offer to meet in Minsk": a refusal, no undertaking
        if _object_of(token) is not None and _object_of(token).lemma_.lower() in EVIDENCING:
            return True  # "the visit shows your commitment to our ties": an evaluation of what shows it
        if _object_of(token) is not None and _object_of(token).lemma_.lower() in PRAISING:
            return True  # "praised the determination to resist": someone's commitment admired, none given
        if word == "guarantee" or not _undertaking_noun(token):
            return True
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lemma_.lower() in LACKING:
            return True  # "the lack of willingness to compromise": a readiness missing, not given
        owner = _possessor(token)
        if owner is not None and (owner.lower_ == "your" or owner.pos_ == "NOUN" and
                                  owner.lemma_.lower() not in AGENT_NOUNS and owner.lower_ not in AGENT_NOUNS and
                                  owner.ent_type_ not in AGENT_ENTS):
            return True  # "I trust your commitment", "the continent's willingness to help": another's
    elif token.pos_ == "VERB":
        if token.dep_ == "amod":
            return True
        if _passive(token) and word in ("offer", "propose", "promise", "guarantee"):
            return True  # "we are offered surrender": its subject receives the offer
        if any(c.dep_ == "dobj" and c.lemma_.lower() in COURTESIES for c in token.children):
            return True  # "I would like to offer my condolences": words offered, nothing undertaken
        if token.tag_ == "VBD" and any(c.dep_ == "mark" and c.lower_ in PAST_MARKS for c in token.children):
            return True  # "since the regime declared a blockade": the past the sentence dates from
        if any(c.dep_ == "aux" and c.lower_ in OBLIGATIONS for c in token.children):
            return True
        if _asked_of(token):
            return True  # "Minsk urged Vilnius to guarantee the transit": asked of the one addressed, a demand
        if token.dep_ in ("advcl", "acl") and token.tag_ == "VB" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
                token.head.lemma_.lower() not in OCCASIONS:  # "take this chance to offer you" does offer
            return True  # "we need trucks to guarantee deliveries": a purpose, the main clause says what is done
        if any(c.dep_ == "neg" for c in token.children) and \
                any(c.dep_ == "aux" and c.lemma_ in ("can", "could") for c in token.children):
            return True
        owner = _by_agent(token) or subject_of(token)
        if owner is not None and owner.pos_ == "NOUN" and owner.lemma_.lower() not in AGENT_NOUNS and \
                owner.lower_ not in AGENT_NOUNS and owner.ent_type_ not in AGENT_ENTS:
            return True
    elif token.pos_ == "ADJ":
        if token.dep_ == "amod" and not any(c.dep_ == "xcomp" for c in token.children):
            return True
        if any(c.dep_ == "xcomp" and (_passive(c) or c.lemma_ in NON_ACTS) for c in token.children):
            return True  # "forces ready to be used against us", "ready to say": no act undertaken
        owner = subject_of(token) if token.dep_ == "acomp" else token.head
    else:
        return False
    if any(a.dep_ in ("relcl", "acl") for a in _ancestors_within(token, content, self_too=True)):
        return True
    return owner is not None and owner.i != token.i and bool(other_side(owner))


_YEAR = re.compile(r"(?:19|20)\d\d")


def _dated_past(token: Token) -> bool:
    """Is the commitment word told in the past tense (its verb, or the verb it is the object of) in a sentence that
    dates it by a year outside what is committed to ("in 2014 the sides agreed to ...", not "agreed to hold the vote
    in 2024")?"""
    verb = token if token.pos_ == "VERB" else token.head
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBD":
        return False
    own = {t.i for t in token.subtree} if token.i != verb.i else \
        {t.i for c in token.children if c.dep_ in ("xcomp", "ccomp", "dobj", "prep") for t in c.subtree}
    return any(t.ent_type_ == "DATE" and _YEAR.fullmatch(t.text) and t.i not in own for t in token.sent)


RESTATING = lexicon("commitments", "restating_verbs").words
BACKING = {"support", "backing", "assistance", "aid"}
PARTY_NOUNS = {"people", "country", "nation", "ally", "allies", "partner", "partners", "government"}


def restated_support(content: Span, other_side=lambda token: False) -> bool:
    """A side restating its own support for a party ("reaffirmed Norway's steady support for Moldova", "reiterates its
    support to the people of X"): support it goes on giving, so a commitment. Not support for a cause or a wish
    ("support for Moldova's membership bid", "for the mediation"), nor someone else's support, nor a negated verb."""
    sent = content[0].sent if len(content) else None
    for noun in sent if sent is not None else ():
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in BACKING or noun.dep_ != "dobj":
            continue
        verb = noun.head
        if verb.lemma_.lower() not in RESTATING or any(c.dep_ == "neg" for c in verb.children):
            continue
        owner = _possessor(noun)
        if owner is not None and (owner.lower_ == "your" or other_side(owner)):
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("for", "to")):
            party = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if party is not None and (party.ent_type_ in ("GPE", "NORP") or party.lemma_.lower() in PARTY_NOUNS
                                      or party.pos_ == "PROPN" and actor_of_name(party.text) is not None):
                return True
    return False


def _possessor(noun: Token) -> Token | None:
    """The noun's possessor, shared by conjoined nouns ("their care and willingness to help")."""
    for _ in range(4):
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        if owner is not None or noun.dep_ != "conj":
            return owner
        noun = noun.head
    return None


def _undertaking_noun(noun: Token) -> bool:
    """A commitment noun that says what is undertaken ("decision to withdraw", "readiness for talks", "commitment to
    the truce", "offer of help") or is made ("a decision was made to", "we took the decision"); not one only talked
    about: thanked or supported ("support for our proposal to"), or evaluated ("the decision to X will be
    symbolic")."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("for", "with", "about", "on"):
        return False
    if noun.dep_ == "nsubj" and noun.head.lemma_ in ("be", "become", "seem") and \
            any(c.dep_ == "acomp" for c in noun.head.children):
        return False
    if any(c.dep_ in ("acl", "xcomp") and c.tag_ == "VB" for c in noun.children):
        return True
    doc = noun.doc
    if noun.dep_ == "dobj" and noun.i + 2 < len(doc) and doc[noun.i + 1].lower_ == "to" and \
            doc[noun.i + 2].dep_ == "xcomp" and doc[noun.i + 2].head.i == noun.head.i:
        return True  # "confirmed readiness to resume talks", its infinitive misparsed onto the verb
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True  # "there are no such plans": negative intent
    for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in ("to", "for", "of")):
        if not any(o.pos_ == "PROPN" or o.ent_type_ in AGENT_ENTS for o in prep.children):
            return True  # "a commitment to the truce", not "proposals to Russia" (the addressee)
    return noun.dep_ in ("nsubjpass", "dobj") and noun.head.lemma_ in ("make", "take", "adopt", "reach")


def long_ago(reporting: Token | None, content: Span) -> bool:
    """Is a commitment reported as made well before the report ("promised two years ago", "was instructed in 2011",
    "had agreed back in March")? Read on the past-tense commitment verbs (the reporting verb among them) and the time
    adverbials that modify them."""
    verbs = [t for t in content if t.pos_ == "VERB" and t.lemma_.lower() in COMMIT_WORDS]
    if reporting is not None:
        verbs.append(reporting)
    for verb in verbs:
        if verb.tag_ not in ("VBD", "VBN"):
            continue
        for child in verb.children:
            if child.dep_ in ("npadvmod", "advmod", "prep") and \
                    LONG_AGO.search(" ".join(t.text for t in child.subtree)):
                return True
    return False


def stative(content: Span, future: Futures, reporting: Token | None = None) -> bool:
    """Is what was said a finite clause about the present or past, with no future or intention in it ("assured that
    he is doing everything possible", "... were destroyed, the ministry assures")? Not an assurance of something
    ("assured them of support")."""
    if future.marked:
        return False
    root = content.root
    if reporting is not None and root.i == reporting.i:
        clauses = [c for c in reporting.children if c.dep_ in ("ccomp", "parataxis")]
        return bool(clauses) and all(_finite(c) for c in clauses)
    return _finite(root)


def _finite(verb: Token) -> bool:
    """A finite clause in the present or past: "they are", "it was destroyed", "he is doing"."""
    if verb.tag_ in ("VBZ", "VBP", "VBD"):
        return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    # "it was destroyed" (passive), "they had reached" (perfect), "he is doing" (progressive)
    auxes = ("auxpass", "aux") if verb.tag_ == "VBN" else ("aux",) if verb.tag_ == "VBG" else ()
    return any(c.dep_ in auxes and c.tag_ in ("VBZ", "VBP", "VBD") for c in verb.children)


AID_NOUNS = {"help", "assistance", "support", "aid", "service", "shelter", "food", "care"}


def _standing_offer(verb: Token) -> bool:
    """An offer or proposal in the progressive that still stands ("they are offering the garrison a way out", "we are
    proposing to meet in Geneva"), not help being given ("our teams are offering help")."""
    if verb.lemma_.lower() not in ("offer", "propose"):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    return bool(objects) and not any(c.dep_ == "dobj" and c.lemma_.lower() in AID_NOUNS for c in objects)


def not_made(reporting: Token | None, content: Span) -> str | None:
    """Why a commitment in what was said is talked about rather than made, or None when it is made:
    - "question": what was said is a question ("what are we going to do?");
    - "hypothetical": the commitment verb reporting it stands in a condition or a relative clause ("if the army is
      ordered to", "Putin, who threatens to");
    - "ongoing": that verb describes conduct under way ("they are threatening", "our teams are offering help");
    - "courtesy": what is offered is words, not acts ("offered comments", "offered condolences");
    - "thing": a thing, not a party, offers or proposes ("the plan proposes"); "unnamed": a commitment in the passive
      with no one named as its maker ("it has been approved in many countries"), unless it is an order;
    - "long-ago": the commitment is recalled or reported as made well before ("promised two years ago", "I would
      like to recall that X proposed")."""
    doc = content.doc
    if any(t.text == "?" for t in (content[-1], doc[min(content.end, len(doc) - 1)])):
        return "question"
    if reporting is not None and reporting.lemma_.lower() in PLEDGE_VERBS:
        chain = [reporting, *reporting.ancestors]
        if any(t.dep_ in ("relcl", "acl") and not _reported_aside(t) and not root_noun_predicate(t)
               for t in chain[:3]) or \
                any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for t in chain[:3] for c in t.children):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in PAST_MARKS for c in reporting.children) and reporting.tag_ == "VBD":
            return "long-ago"  # "since Russia declared war": a past act the sentence dates from
        if reporting.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in reporting.children) and \
                not _standing_offer(reporting):
            return "ongoing"
        if any(c.dep_ == "dobj" and c.lemma_.lower() in COURTESIES for c in reporting.children):
            return "courtesy"
        maker = _by_agent(reporting) or next((c for c in reporting.children if c.dep_ == "nsubj"), None)
        if maker is not None and maker.pos_ == "NOUN" and not _is_agent(maker, institution=False, reported=False,
                                                                          quoted=False, person=False):
            return "thing"  # "the plan offers to", "the new line will offer transfers": no party speaks
        if maker is None and _passive(reporting) and reporting.lemma_.lower() not in DIRECTIVES:
            return "unnamed"  # "it has been approved in many countries": whose approval, the sentence does not say
        if any(t.lemma_.lower() in RECALLING for t in chain[:3]):
            return "long-ago"
    if long_ago(reporting, content):
        return "long-ago"
    return None


def root_noun_predicate(verb: Token) -> bool:
    """"The Czech president, Petr Pavel, offered to host talks", "The minister, who led the delegation, announced
    that ...": the parser made the subject the sentence's root and hung the finite verb on it as a clause (taking a
    past tense with a "that" clause for a participle); the verb, after the aside's closing comma, is the sentence's
    predicate."""
    head = verb.head
    finite = verb.tag_ in ("VBD", "VBZ", "VBP") or \
        verb.tag_ == "VBN" and any(c.dep_ == "ccomp" for c in verb.children) and \
        not any(c.dep_ == "auxpass" for c in verb.children)
    return verb.dep_ == "acl" and finite and head.dep_ == "ROOT" and \
        head.pos_ in ("NOUN", "PROPN") and verb.i > 0 and verb.doc[verb.i - 1].text == "," and \
        any(c.dep_ in ("appos", "relcl") for c in head.children)


ASIDE_VERBS = {"offer", "assure", "reassure", "promise", "pledge", "vow", "threaten", "guarantee"}


def _reported_aside(verb: Token) -> bool:
    """A commitment reported in a relative clause set off by a comma, in the past ("the Danish minister, who assured
    them that Denmark will keep supplying shells, ...", "the summit, where she promised to"): an event told in passing,
    not a characterisation ("the president, who threatens to", "the aid that was pledged") nor an order."""
    if verb.dep_ != "relcl" or verb.tag_ != "VBD" or verb.lemma_.lower() not in ASIDE_VERBS:
        return False
    first = min((t.i for t in verb.subtree), default=verb.i)
    return first > 0 and verb.doc[first - 1].text == ","


JOINT_VERBS = lexicon("commitments", "joint_undertaking_verbs").words


def joint_parties(content: Span, reporting: Token | None = None) -> list[str]:
    """The parties of a commitment explicitly attributed to two or more of them ("Russia and Ukraine undertook not
    to target the convoys", "Kyiv and Moscow have agreed to", "Turkey and the UN are ready to host"): the words of
    the subject of a verb of commitment and of each of its conjuncts; empty when there is none."""
    verbs = ([reporting] if reporting is not None else []) + [t for t in content if t.pos_ in ("VERB", "AUX")]
    for verb in verbs:
        if not _joint_commitment(verb):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not subject.conjuncts:
            continue
        return [conjunct_words(t) for t in (subject, *subject.conjuncts)]
    return []


# the nouns of a settlement whose terms a clause spells out ("a deal under which both will open ...")
SETTLEMENTS = {"agreement", "deal", "accord", "arrangement", "understanding", "memorandum"}


def _joint_commitment(verb: Token) -> bool:
    if verb.dep_ in ("relcl", "acl") and verb.head.lemma_.lower() in SETTLEMENTS and \
            any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children):
        return True  # the terms of a settlement, each party's to keep: "a deal under which A and B will ..."
    if verb.lemma_.lower() in JOINT_VERBS:
        return not any(c.dep_ == "aux" and c.lower_ in OBLIGATIONS for c in verb.children)
    return any(c.dep_ == "acomp" and c.lemma_ in ("ready", "prepared", "willing", "determined") and
               any(x.dep_ == "xcomp" for x in c.children) for c in verb.children)


def conjunct_words(token: Token) -> str:
    """A conjunct's words without the conjuncts and coordinators hanging on it ("Russia" of "Russia and Ukraine")."""
    skip = {x.i for c in token.children if c.dep_ in ("conj", "cc", "punct", "appos", "relcl")
            for x in c.subtree}
    return " ".join(t.text for t in token.subtree if t.i not in skip)
