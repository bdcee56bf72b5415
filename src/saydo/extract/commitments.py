"""Whether a future in what was said is someone's commitment or a prediction, read from the parse.

"We will open the corridor" commits the speaker's side; "it will help us a lot", "our victory will be faster" and
"Ukraine will become a strong state" do not: their subject is not an agent acting (an outcome, an event, an abstract
noun, "it"), or the verb is a copula or a state of mind rather than an act. A future under a verb or adjective of
belief, hope or expectation ("I am sure that ... will", "expressed hope that ... would") is an opinion, whoever its
subject is.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from saydo.extract.lexicon import lexicon

FUTURE_AUX = {"will", "would", "shall", "'ll", "’ll", "wo"}
# "ready to V", "plans to V", "is going to V", "determined to V": the infinitive is what the subject commits to
INTENT_HEADS = lexicon("commitments", "intent_heads").words
# copulas, states of mind and outcomes: with these a future predicts, it does not commit
NON_ACTS = lexicon("commitments", "non_acts").words
# "I would like to thank", "we want to show": a wish, whatever is wished
DESIRES = lexicon("commitments", "desires").words
# nouns for who can act: people, groups, institutions and states
AGENT_NOUNS = lexicon("commitments", "agent_nouns").words
AGENT_ENTS = {"PERSON", "ORG", "GPE", "NORP"}
# "our task is to win": a stated purpose, not an announced act
PURPOSE_NOUNS = lexicon("commitments", "purpose_nouns").words
BELIEF = lexicon("commitments", "belief_words").words


@dataclass(frozen=True)
class Futures:
    """The futures in what was said: whether any commits an agent acting, and whether a belief frames one."""

    marked: bool = False  # some verb is marked for the future or intention
    agent_acts: bool = False  # ... and one of them has an agent subject and an action verb
    believed: bool = False  # a verb or adjective of belief, hope or expectation governs one of them


def futures(content: Span, reporting: Token | None = None, *, institution: bool = False,
            quoted: bool = False, person: bool = False, other_side=lambda subject: False) -> Futures:
    """Read the future-marked verbs of ``content``. ``institution``: the speaker is an institution (its "it" is itself);
    ``person`` and not ``quoted``: a "he"/"she" in indirect speech is the speaker; ``other_side(subject)``: the subject
    is another party than the speaker's (whose acts the speaker cannot commit to)."""
    marked = agent = believed = False
    if reporting is not None and _belief_report(reporting, content):
        believed = True
    for verb in content:
        if not _future_marked(verb):
            continue
        marked = True
        if _under_belief(verb, content):
            believed = True
        if any(a.dep_ in ("relcl", "acl") for a in _ancestors_within(verb, content, self_too=True)):
            continue  # "a state that will take patronage": describes the antecedent, commits no one
        if _passive(verb):
            # "a military response would be required", "corridors will be opened": the act's agent is left unsaid
            # (the announcing side) unless a "by" phrase names it; "they will be exhausted" is about the other side
            by = next((o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None)
            patient = _subject(verb)
            if by is None and not (patient is not None and other_side(patient)):
                agent = True
            elif by is not None and _is_agent(by, institution=institution, reported=reporting is not None,
                                              quoted=quoted, person=person) and not other_side(by):
                agent = True
            continue
        subject = _subject(verb)
        if _is_agent(subject, institution=institution, reported=reporting is not None, quoted=quoted,
                     person=person) and _is_act(verb) and not other_side(subject):
            agent = True
    return Futures(marked=marked, agent_acts=agent, believed=believed)


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
    return False


def _subject(verb: Token) -> Token | None:
    """The verb's subject, looking through coordination and infinitive complements ("Russia declared a ceasefire and
    will open corridors", "Ukraine is ready to export") and relative pronouns ("a state that will ...")."""
    token = verb
    for _ in range(4):
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None:
            if subject.tag_ in ("WDT", "WP") and token.dep_ == "relcl":
                return token.head
            return subject
        if token.dep_ in ("conj", "xcomp", "acomp") and token.head is not token:
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
    if subject.pos_ == "PROPN" or subject.ent_type_ in AGENT_ENTS:
        return True
    if subject.lemma_.lower() in AGENT_NOUNS or word in AGENT_NOUNS:
        return True
    # "Presidents Putin and Zelensky", "the Ukrainian side": a conjoined or compound name
    return any(t.pos_ == "PROPN" and t.dep_ in ("compound", "conj", "appos") for t in subject.children)


def _is_act(verb: Token) -> bool:
    """Is the verb an act someone can commit to? Through infinitives: "will have to create" and "will be ready to
    help" are acts, "will continue to be" is not; an ability ("will be able to use it") predicts, and a wish
    ("would like to thank") never commits."""
    for _ in range(4):
        if verb.lemma_ in DESIRES:
            return False
        infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
        if infinitive is None:
            acomp = next((c for c in verb.children if c.dep_ == "acomp"), None)
            if acomp is not None and acomp.lemma_ in ("ready", "prepared", "willing", "determined"):
                infinitive = next((c for c in acomp.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
                if infinitive is None:
                    return True
        if infinitive is None:
            return verb.lemma_ not in NON_ACTS
        verb = infinitive
    return verb.lemma_ not in NON_ACTS


def _under_belief(verb: Token, content: Span) -> bool:
    """Is this future the complement of a belief ("I think we will", "convinced that X will", "I am sure that ...")?"""
    for ancestor in verb.ancestors:
        if ancestor.i < content.start - 1 or ancestor.i >= content.end:
            break
        if ancestor.lemma_.lower() in BELIEF or ancestor.lower_ in BELIEF:
            return True
        if ancestor.lemma_ == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in BELIEF
                                           for c in ancestor.children):
            return True
    return False


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
    - used as nouns for a thing ("security guarantees", "the third proposal"); a proposal or offer with a possessor
      ("his proposal") is still that side's offer;
    - describing something in a relative or participial clause ("the country whose parliament decided to",
      "the support we have agreed upon", "patronage undertaken by X");
    - another party's ("the Commission's decision to", "Boris for his readiness to", "Russia had decided to");
    - an obligation ("the package must be agreed upon": a demand)."""
    parts = []
    for token in content:
        if _idle_commitment(token, content, other_side):
            parts.append("_" * len(token.text) + token.whitespace_)
        else:
            parts.append(token.text_with_ws)
    return "".join(parts)


def _idle_commitment(token: Token, content: Span, other_side) -> bool:
    word = token.lemma_.lower()
    if word not in COMMIT_WORDS:
        return False
    if token.pos_ in ("NOUN", "PROPN"):
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if word == "guarantee" or (word in ("proposal", "offer") and owner is None):
            return True
    elif token.pos_ == "VERB":
        if any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in token.children):
            return True
        owner = next((o for c in token.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"), None) \
            or _subject(token)
    elif token.pos_ == "ADJ":
        owner = _subject(token) if token.dep_ == "acomp" else token.head
    else:
        return False
    if any(a.dep_ in ("relcl", "acl") for a in _ancestors_within(token, content, self_too=True)):
        return True
    return owner is not None and owner is not token and bool(other_side(owner))
