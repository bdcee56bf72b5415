"""Statements made jointly by several speakers, and the words that refer back to them.

GUIDELINES.md annotates a statement attributed jointly to several speakers once per identifiable speaker. Besides the
joint subjects of a speech verb that ``saydo.extract.speakers`` splits (people: "Macron and Scholz assured ...";
states: "France and Britain said in a joint statement ..."), this module knows:

1. **Sides coordinated inside one group** ("Czech and Slovak officials said", "according to Polish and Lithuanian
   officials", "the Turkish and Ukrainian defence ministers"): one speaker per side, named as the text names the group
   ("Czech officials", "Slovak officials"). Bodies of different sides coordinated ("according to the Polish foreign
   ministry and the Lithuanian defence ministry") likewise, one per body.
2. **A joint source** is the subject of any sentence that names two or more such speakers, people or states, whatever
   its verb ("Duda and Nauseda met in Vilnius", "Poland and Lithuania signed a joint declaration").
3. **A reference back to it**: "they", "the leaders" ("the two leaders", "both presidents": a plural head of state's or
   government's title), or the joint text itself ("the statement", "the joint declaration", "the communique") as the
   subject of a speech verb in the joint source's paragraph or the next two (each reference renewing the reach), with
   no other speaker between them; a counted "both countries", "the two governments" also refers to the parties the
   sentence itself names first ("Moldova and Romania will ..., both countries said"). The
   statement is then each of the joint source's speakers'.
"""

from __future__ import annotations

from spacy.tokens import Token

from saydo.extract.speakers import Registry, Speaker, people_of, states_of
from saydo.resolve.actors import actor_in_phrase, actor_of_name, looks_official

# plural nouns of a group that speaks for a side ("Czech and Slovak officials", "Russian and Ukrainian negotiators")
GROUP_NOUNS = {"official", "leader", "minister", "diplomat", "negotiator", "delegation", "authority", "government",
               "president", "representative", "envoy", "source", "commander", "spokesperson", "spokesman", "ministry"}
# plural titles that refer back to the people of a joint source ("the two leaders", "both presidents")
LEADER_NOUNS = {"leader", "president", "minister", "premier", "chancellor", "head", "counterpart", "delegation",
                "envoy", "negotiator"}
# plural nouns for the states or governments of a joint source, counted ("both countries", "the two governments")
PARTY_NOUNS = {"country", "government", "state", "nation", "side", "party"}
# the joint text itself ("the joint statement said", "the declaration reads")
JOINT_TEXTS = {"statement", "declaration", "communique", "communiqué", "document", "text", "letter", "memorandum"}
REACH = 2  # paragraphs after the joint source's in which a reference back holds


def joint_speakers(subject: Token, registry: Registry) -> list[Speaker]:
    """The speakers a coordinated subject names, one each (people, states, sides of one group, bodies of several
    sides), or [] when it names fewer than two."""
    found = people_of(subject, registry) or states_of(subject) or _sides_of_group(subject) or _bodies(subject)
    return found if len({s.name for s in found}) >= 2 else []


def sides_and_bodies(subject: Token) -> list[Speaker]:
    """The sides of one group ("Czech and Slovak officials") or the bodies of several sides a subject names, or []."""
    return _sides_of_group(subject) or _bodies(subject)


def _sides_of_group(subject: Token) -> list[Speaker]:
    """"Czech and Slovak officials": a plural group noun whose coordinated modifiers each name a side."""
    if subject.tag_ != "NNS" or subject.lemma_.lower() not in GROUP_NOUNS:
        return []
    side = next((c for c in subject.subtree if c.i < subject.i and c.dep_ in ("amod", "nmod", "compound")
                 and any(g.dep_ == "conj" for g in c.children)), None)
    if side is None:
        return []
    sides = [side, *side.conjuncts]
    # the words of the group after the coordinated sides ("defence ministers"), said once per side
    last = max(t.i for s in sides for t in s.subtree)
    rest = " ".join(t.text for t in subject.doc[last + 1:subject.i + 1])
    found = []
    for token in sides:
        others = {x.i for c in token.children if c.dep_ in ("conj", "cc", "punct") for x in c.subtree}
        name = " ".join(t.text for t in token.subtree if t.i not in others)
        actor = actor_of_name(name) or actor_in_phrase(name)
        if actor is None:
            return []
        found.append(Speaker(f"{name} {rest}", actor))
    return found if len({s.actor for s in found}) == len(found) else []


def _bodies(subject: Token) -> list[Speaker]:
    """"the Polish foreign ministry and the Lithuanian defence ministry": bodies of different sides, coordinated."""
    if not subject.conjuncts:
        return []
    found = []
    for token in (subject, *subject.conjuncts):
        words = [t for t in token.subtree if t.i <= token.i and t.dep_ not in ("det", "cc", "punct")]
        name = " ".join(t.text for t in words)
        actor = actor_of_name(name) or actor_in_phrase(name)
        if token.pos_ not in ("NOUN", "PROPN") or actor is None or not looks_official(name):
            return []
        found.append(Speaker(name, actor))
    return found if len({s.actor for s in found}) == len(found) else []


def refers_back(subject: Token) -> bool:
    """Is a speech verb's subject one that refers back to a joint source: "they", "the (two) leaders", "both
    presidents", "the (joint) statement"?"""
    lowered = subject.lemma_.lower()
    if subject.lower_ == "they":
        return True
    if subject.pos_ != "NOUN" or subject.conjuncts:
        return False
    dets = {c.lower_ for c in subject.children if c.dep_ in ("det", "nummod", "predet")}
    if lowered in LEADER_NOUNS and subject.tag_ == "NNS":
        return bool(dets & {"the", "both", "two", "three", "four", "all"}) and \
            not any(c.dep_ in ("amod", "compound", "prep", "poss") for c in subject.children)
    if lowered in PARTY_NOUNS and subject.tag_ == "NNS":
        # "both countries", "the two governments": counted, not "the countries" (any countries)
        return bool(dets & {"both", "two", "three", "four"}) and \
            not any(c.dep_ in ("amod", "compound", "prep", "poss") for c in subject.children)
    return lowered in JOINT_TEXTS and bool(dets & {"the", "their", "this"}) and \
        not any(c.dep_ in ("prep", "poss", "compound") for c in subject.children)


def standing_for(members: list[Speaker], rule: str) -> Speaker:
    """One speaker that stands for the members of a joint source (its statements are made once by each); ``rule``:
    the rule's name ("speaker:joint-sides", "speaker:joint-reference", "speaker:joint-relayed")."""
    # the first member's side stands for them all where one side is asked for (whose "we", whose commitment)
    return Speaker(" and ".join(m.name for m in members), members[0].actor, members=tuple(members), joint_rule=rule)
