"""Who speaks in each sentence: reporting verbs, "according to X", quotations attributed elsewhere in them, and
reported speech that runs on without a verb of its own.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Span, Token

from saydo.extract.commitments import FUTURE_AUX, conjunct_words, joint_parties, root_noun_predicate, subject_of
from saydo.extract.groups import REACH, joint_speakers, refers_back, sides_and_bodies, standing_for
from saydo.extract.lexicon import lexicon
from saydo.extract.quotes import inside_quote, quoted_words
from saydo.extract.readouts import FIRST_PERSON
from saydo.extract.speakers import (
    AIDES,
    PERSON_ROLE,
    Registry,
    Speaker,
    names_institution,
    names_outlet,
    proper_name_speaker,
    speaker_from_subject,
)
from saydo.extract.turns import Defaults, apply_defaults
from saydo.resolve.actors import actor_of_name, looks_official

SPEECH = {
    "say", "tell", "announce", "state", "declare", "promise", "pledge", "vow", "assure", "guarantee", "order",
    "instruct", "warn", "threaten", "urge", "call", "demand", "ask", "accuse", "claim", "deny", "reject", "refute",
    "dismiss", "add", "note", "stress", "emphasize", "emphasise", "write", "tweet", "post", "insist", "explain",
    "clarify", "report", "confirm", "propose", "offer", "suggest", "argue", "describe", "comment", "reply",
    "respond", "acknowledge", "admit", "allege", "predict", "welcome", "condemn", "criticize", "criticise", "blame",
    "reiterate", "repeat", "signal", "inform", "express", "allude", "believe", "hope", "expect", "appeal",
    "recall", "remark", "observe", "underline", "assert", "maintain", "estimate", "brief", "caution",
    "specify", "stipulate", "label", "brand", "dub", "affirm", "reaffirm", "underscore", "highlight",
    "praise", "hail", "commend", "applaud", "laud", "thank", "deplore", "decry", "denounce", "slam", "lament",
    # speech acts a readout or report tells without "said": undertaking ("committed to tighten the sanctions",
    # only with what is undertaken, see _undertaken), reassuring, conceding, inviting, unveiling a plan ("convey"
    # went: on the never-read news-u..x it cost one matched pledge, counted and not read)
    "commit", "undertake", "reassure", "concede", "invite", "unveil",
    # only with a clause of what was said (CLAUSE_ONLY): making known, "revealed that the sides had agreed on a plan"
    "indicate", "mention", "reveal", "disclose",
}
# speech verbs that report speech only with a "to" of what is undertaken: "committed to send more", not "committed
# crimes"; and those told without "said" that report speech only in the active voice
UNDERTAKING_VERBS = {"commit", "undertake"}
# speech verbs that report speech only with a clause of what was said: "indicated that talks would resume", not
# "indicated the villages on a map" nor "recaptured the town, revealing the destruction"
CLAUSE_ONLY = {"indicate", "mention", "reveal", "disclose"}
ACTIVE_ONLY = UNDERTAKING_VERBS | {"reassure", "concede", "invite", "unveil"}
# verbs by which a readout tells what was settled or discussed: a clause of theirs before a said-clause is a statement
READOUT_VERBS = lexicon("turns", "readout_verbs").words


Attribution = tuple[Token | None, Speaker, bool]  # (speech verb or None, speaker, direct despite no opening mark)

STATEMENT_NOUNS = {"statement", "statements", "message", "announcement", "communique", "communiqué", "release",
                   "letter", "post", "text", "notice", "declaration", "address", "report", "document", "remarks",
                   "resolution", "readout", "update", "summary", "transcript",
                   # the items of what is said next ("shared several points:", "outlined the main theses")
                   "point", "points", "detail", "details", "comment", "comments", "thesis", "theses", "takeaway",
                   "takeaways", "highlight", "highlights", "conclusion", "conclusions"}
_INTRODUCING_VERBS = {"make", "issue", "release", "publish", "deliver", "circulate", "share", "outline", "list"}
_CLOSING_FIRST = re.compile(r"[^“«\"]*?[\w.,!?…)\]](”|\")(?=[\s,.;:—–-]|$)", re.S)
TRUNCATED_WORDS = 12  # a last line this long that ends without punctuation was cut off, not a heading
CONTINUATION_REACH = 4  # sentences of reported speech that may run on after one attribution


def attribute(sentences: list[Span], text: str, quotes, registry: Registry, breaks: list[int],
              defaults: Defaults | None = None) -> list[Attribution | None]:
    """Who speaks in each sentence, or None.

    1. Sentences with their own speech act; "This was stated by X" gives X the sentence before it; "X made a number
       of statements" and "the message reads" introduce what follows.
    2. Sentences inside a quotation whose attribution stands elsewhere in it (“A. B. C,” she said: A and B are hers
       too), and a quotation that opens right after the previous speaker's statement.
    3. A quotation whose opening mark was lost (“... commitments,” X said with no opening mark in the paragraph): the
       paragraph and the unattributed paragraphs before it, back to the previous attribution.
    4. Reported speech that runs on: unattributed sentences in the present or future tense right after an indirect
       statement in the same paragraph (or after an introduction, across paragraphs) are the same speaker's.

    ``defaults`` (``saydo.extract.turns.sentence_defaults``) give each sentence of a transcript's turn, or of a
    readout, its default speaker; they are applied after step 1, so an attribution inside a turn stays with its own
    sentence and steps 2-4 never carry it on through the turn.
    """
    n = len(sentences)
    found: list[Attribution | None] = [None] * n
    usable = [False] * n
    meta = [False] * n  # sentences that only say who said something else
    introduced_by: list[Speaker | None] = [None] * n  # "X made a number of statements": X, for what follows
    spans = [trim(text, s.start_char, s.end_char) for s in sentences]
    paragraphs = [bisect.bisect_left(breaks, start) for start, _ in spans]
    previous: tuple[Speaker, int] | None = None
    joint: tuple[list[Speaker], int] | None = None  # the latest joint source (its speakers, its paragraph)
    for index, sent in enumerate(sentences):
        start, end = spans[index]
        if end - start < 12 or _is_heading(text, start, end):
            continue
        usable[index] = True
        paragraph = paragraphs[index]
        group = previous[0] if previous and previous[0].person is None and paragraph - previous[1] <= 1 else None
        members = joint[0] if joint is not None and paragraph - joint[1] <= REACH else None
        verb, speaker = _attribution(sent, quotes, registry, group, members)
        if members and speaker is not None and _relays_joint(sent, verb, speaker, members):
            # "Both presidents settled ..., the foreign ministry said": each president's
            speaker = standing_for(members, "speaker:joint-relayed")
        source = _joint_source(sent, quotes, registry)
        if source:
            joint = (source, paragraph)
        elif joint is not None and speaker is not None and speaker.joint_rule == "speaker:joint-reference":
            joint = (joint[0], paragraph)  # "they said" renews the reach of the source it refers back to
        elif speaker is not None and not speaker.members:
            joint = None  # someone else spoke since: "they" is no longer the joint source
        if speaker is None:
            verb, speaker = _after_quote(sent, quotes, registry)
        if speaker is not None:
            registry.last_speaker = speaker
            if speaker.person is None and speaker.actor not in (None, "CIV"):
                registry.last_institution = speaker
        if speaker is None:
            speaker = _document_source(sentences, index, quotes, registry)
            if speaker is not None:
                found[index] = (None, speaker, False)
                previous = (speaker, paragraph)
            continue
        if _refers_back(verb) and index > 0 and usable[index - 1] and found[index - 1] is None:
            # the unattributed sentences right before it, back to the start of their paragraph ("He said this in
            # his video address" after a paragraph of the address)
            j, block = index - 1, paragraphs[index - 1]
            while j >= 0 and index - j <= REFERRED_REACH and paragraphs[j] == block and found[j] is None and \
                    not meta[j] and not text[spans[j][0]:spans[j][1]].rstrip().endswith(":"):  # a turn's label
                if usable[j]:
                    found[j] = (None, speaker, False)
                j -= 1
            meta[index] = True
        elif _states(verb):
            meta[index] = True
            introduced_by[index] = speaker
        else:
            found[index] = (verb, speaker, False)
        previous = (speaker, paragraph)
    if defaults is not None:
        apply_defaults(sentences, found, meta, usable, defaults)
    _quoted_elsewhere(sentences, spans, paragraphs, text, quotes, found, usable)
    _lost_openings(sentences, spans, paragraphs, text, found, usable, meta, breaks)
    _dashed_quotes(sentences, spans, paragraphs, text, found, usable, meta)
    _running_on(sentences, spans, paragraphs, text, quotes, found, usable, meta, introduced_by)
    _joint_settlements(sentences, spans, paragraphs, text, found, usable, meta, defaults)
    for index in range(n):
        if meta[index]:
            found[index] = None
    return found


def _quoted_elsewhere(sentences, spans, paragraphs, text, quotes, found, usable) -> None:
    quote_speaker: dict[tuple[int, int], Speaker] = {}
    for index, item in enumerate(found):
        if item is not None and item[0] is not None:
            sent = sentences[index]
            for q in quotes:
                if q[0] < sent.end_char and sent.start_char < q[1]:
                    quote_speaker.setdefault(q, item[1])
    previous = None
    for index in range(len(sentences)):
        start, end = spans[index]
        paragraph = paragraphs[index]
        if found[index] is not None:
            previous = (found[index][1], paragraph)
            continue
        if not usable[index] or quoted_words(text, quotes, start, end) < 4:
            continue
        inside = [quote_speaker[q] for q in quotes if q in quote_speaker and q[0] < end and start < q[1]]
        if inside:
            found[index] = (None, inside[0], False)
        elif previous and paragraph - previous[1] <= 1 and _opens_with_quote(text, start, quotes):
            found[index] = (None, previous[0], False)
        if found[index] is not None:
            previous = (found[index][1], paragraph)


def _lost_openings(sentences, spans, paragraphs, text, found, usable, meta, breaks) -> None:
    """“... our commitments,” she said — with no opening mark anywhere before it in the paragraph."""
    for index in range(len(sentences)):
        item = found[index]
        if item is None or item[0] is None:
            continue
        para_start = breaks[paragraphs[index] - 1] if paragraphs[index] > 0 else 0
        verb_at = item[0].idx
        if not _CLOSING_FIRST.match(text, para_start, verb_at):
            continue
        found[index] = (item[0], item[1], True)
        _give_back(index, item[1], True, lambda j, at=index: at - j > 25, spans, text, found, usable, meta)


_QUOTE_MARKS = "“”\"«»"


def _give_back(index, speaker, direct, beyond, spans, text, found, usable, meta) -> None:
    """The unattributed sentences before ``index`` are ``speaker``'s, back to one with a quotation mark, one already
    attributed or a meta sentence, or to where ``beyond(j)`` says the reach ends."""
    j = index - 1
    while j >= 0 and not beyond(j) and found[j] is None and not meta[j]:
        if any(mark in text[spans[j][0]:spans[j][1]] for mark in _QUOTE_MARKS):
            break
        if usable[j]:
            found[j] = (None, speaker, direct)
        j -= 1


# a quotation closed by a dash and its attribution, as Ukrainian agencies print them: "... we will go on - X said."
_DASH_TAIL = re.compile(r"\s[-–—]\s+(?:[A-Z][\w.'’-]*\s+){1,4}$")


def _dashed_quotes(sentences, spans, paragraphs, text, found, usable, meta) -> None:
    """"... I will be there soon. The crews work day and night - X said.": a paragraph that ends with a dash and its
    attribution, with no quotation marks, is the speaker's words from its start (the unattributed sentences of that
    paragraph before it)."""
    for index in range(len(sentences)):
        item = found[index]
        if item is None or item[0] is None or (index + 1 < len(sentences) and
                                               paragraphs[index + 1] == paragraphs[index]):
            continue
        start, end = spans[index]
        if not _DASH_TAIL.search(text, start, item[0].idx) or any(m in text[start:end] for m in _QUOTE_MARKS):
            continue
        _give_back(index, item[1], False, lambda j, at=index: paragraphs[j] != paragraphs[at], spans, text, found,
                   usable, meta)


def _running_on(sentences, spans, paragraphs, text, quotes, found, usable, meta, introduced_by) -> None:
    """Unattributed present- or future-tense sentences right after a statement continue it: within its paragraph, or
    across paragraphs after an introduction ("X made a number of statements", "X said:")."""
    carrier: Speaker | None = None
    crosses = announced = False  # announced: an introduction ("X shared several points:") opened what follows
    run = scheduled = 0
    for index in range(len(sentences)):
        start, end = spans[index]
        if introduced_by[index] is not None:
            carrier, crosses, run, scheduled, announced = introduced_by[index], True, 0, 0, True
            continue
        if not any(ch.isalnum() for ch in text[start:end]):
            continue  # a stray mark left between paragraphs
        item = found[index]
        if item is not None:
            # an introduced speaker's own attributed sentence keeps the introduction going across paragraphs
            introduced = crosses and carrier is not None and item[1].name == carrier.name
            colon = end > start and text[end - 1] == ":"
            carrier, crosses, run = item[1], introduced or colon, 0
            scheduled, announced = 0, (introduced and announced) or colon
            continue
        if carrier is not None and _bulleted(text, start):
            crosses, run = True, 0  # "X announced the outcomes:" then one bulleted item after another: X's list
        listed = carrier is not None and crosses and _in_bulleted_line(text, start)
        if carrier is None or not usable[index] or meta[index] or run >= CONTINUATION_REACH or (
                not crosses and index > 0 and paragraphs[index] != paragraphs[index - 1]):
            carrier = None
            continue
        # the items of a list an introduction announced are the speaker's in any tense ("Moscow received four more
        # documents"); elsewhere a past-tense sentence may be the reporter's narration
        if quoted_words(text, quotes, start, end) > 0 or not (_reported_tense(sentences[index]) or
                                                               listed and announced):
            if not listed:
                carrier = None  # an item of the list that quotes or tells the past is left, and the list goes on
            continue
        found[index] = (None, carrier, False)
        scheduled += _future(sentences[index])
        # a schedule read out item by item ("From A, people will be evacuated via ...") runs on further
        run += 0 if _future(sentences[index]) and scheduled <= CONTINUATION_REACH else 1


_BULLETS = "▪•●‣◦∙·■□➢►"


def _bulleted(text: str, start: int) -> bool:
    """Does the sentence open a paragraph that is an item of a bulleted list ("▪ We see ...", "• The sides ...")?"""
    line = text.rfind("\n", 0, start) + 1
    return _in_bulleted_line(text, start) and not any(ch.isalnum() for ch in text[line:start])


def _in_bulleted_line(text: str, start: int) -> bool:
    """Does the sentence lie on a line that is an item of a bulleted list (its first sentence or a later one)?"""
    line = text.rfind("\n", 0, start) + 1
    head = text[line:start + 2].lstrip()
    return bool(head) and (head[0] in _BULLETS or head[:2] in ("- ", "* "))


JOINT_SETTLERS = lexicon("turns", "joint_settlers")
SETTLING = {"agree", "confirm", "express", "reaffirm", "reiterate", "decide", "pledge", "commit", "vow", "undertake"}
PREVIOUSLY = {"previously", "earlier", "already", "once", "then"}
SETTLEMENT_REACH = 3  # sentences back to the account that a joint settlement continues


def _joint_settlements(sentences, spans, paragraphs, text, found, usable, meta, defaults) -> None:
    """An unattributed sentence telling what the parties settled together ("The two leaders agreed to meet again in
    the spring.") right after a speaker's account of the meeting, in that paragraph or the next, goes on with that
    account: the speaker's. Not a headline (no closing stop), not a subject that names whose parties ("Western
    leaders"), and not what is told as settled before (a date before the verb, "previously")."""
    for index, sent in enumerate(sentences):
        start, end = spans[index]
        if found[index] is not None or not usable[index] or meta[index] or text[start:end].rstrip("”\"’' ")[-1:] != ".":
            continue
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if root.lemma_.lower() not in SETTLING or subject is None or \
                not JOINT_SETTLERS.regex.fullmatch(" ".join(t.lower_ for t in subject.subtree)):
            continue
        if any(t.ent_type_ == "DATE" for t in sent[:root.i - sent.start]) or \
                any(c.dep_ == "advmod" and c.lower_ in PREVIOUSLY for c in root.children):
            continue  # "On July 14, the parties previously agreed to ...": narration of what was settled before
        back = next((j for j in range(index - 1, max(-1, index - 1 - SETTLEMENT_REACH), -1) if found[j] is not None),
                    None)
        if back is None or paragraphs[index] - paragraphs[back] > 1 or meta[back]:
            continue
        found[index] = (None, found[back][1], False)
        if defaults is not None:
            defaults.rules[index] = ("attribution:joint-settlement",)


def _reported_tense(sent: Span) -> bool:
    """Present, perfect or future main clause ("this is", "will be evacuated", "have been coordinated"), which news
    narration rarely uses for past events; a past-tense main verb ends a run of reported speech."""
    root = sent.root
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    if "VBD" in tags and not tags & {"MD"}:
        return False
    return bool(tags & {"VBZ", "VBP", "MD"})


def _future(sent: Span) -> bool:
    """A main clause with a modal ("will be evacuated", "would be transported")."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" for c in sent.root.children)


REFERRED_REACH = 8  # sentences back that "He said this" can take


def _refers_back(verb: Token | None) -> bool:
    """"This was stated by X", "That was announced by X", "He said this in his address": the statement is what came
    right before."""
    if verb is None or verb.dep_ in ("relcl", "acl"):
        return False  # "the days that were announced by the Government": a relative clause
    if any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "that", "it") for c in verb.children):
        return any(c.dep_ == "agent" for c in verb.children)
    doc = verb.doc
    return any(c.dep_ == "dobj" and not list(c.children) and
               (c.lower_ == "this" or c.lower_ == "that" and c.i + 1 < len(doc) and
                (doc[c.i + 1].is_punct or doc[c.i + 1].pos_ == "ADP"))  # "said that in", not "said that today ..."
               for c in verb.children) and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)


def _document_source(sentences: list[Span], index: int, quotes, registry: Registry) -> Speaker | None:
    """"The message reads", "the statement says": the institution named as the source in the sentences before."""
    sent = sentences[index]
    verb = next((t for t in sent if t.lemma_ in ("read", "say", "state") and t.pos_ == "VERB"
                 and not inside_quote(quotes, t.idx)), None)
    if verb is None:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    for back in range(index - 1, max(index - 4, -1), -1):
        for ent in reversed(sentences[back].ents):
            if ent.label_ in ("ORG", "NORP", "GPE"):
                # the name's head ("The Russian Defence Ministry": Ministry, not its article), or what a name
                # qualifies ("the Kremlin press service": service)
                token = ent.root.head if ent.root.dep_ == "compound" else ent.root
                speaker = speaker_from_subject(token, registry, sentences[back].start)
                if speaker is not None and speaker.actor not in (None, "CIV"):
                    return speaker
    return None


def _joint_source(sent: Span, quotes, registry: Registry, besides: Span | None = None) -> list[Speaker]:
    """The speakers of the sentence's first subject that names several (``saydo.extract.groups``), or []; not one
    inside ``besides`` (the words that refer back to them)."""
    for token in sent:
        if besides is not None and besides.start <= token.i < besides.end:
            continue
        if token.dep_ in ("nsubj", "nsubjpass") and not inside_quote(quotes, token.idx):
            found = joint_speakers(token, registry)
            if found:
                return found
    return []


def _attribution(sent: Span, quotes, registry: Registry, group: Speaker | None = None,
                 joint: list[Speaker] | None = None) -> tuple[Token | None, Speaker | None]:
    """The speech verb of a sentence and who performs it; ``group`` is the institution that spoke just before, for
    "It added that ..." and "They said ..."; ``joint``, the speakers of a joint source just before, for "they", "the
    leaders" or "the joint statement" (``saydo.extract.groups``)."""
    # not an infinitive that qualifies a noun ("Greece has a great deal to offer"): no one speaks in it
    candidates = [t for t in sent if (t.lemma_.lower() in SPEECH or _states(t) or _makes_clear(t))
                  and t.pos_ in ("VERB", "AUX")
                  and not inside_quote(quotes, t.idx) and not _hypothetical(t)
                  and not (t.tag_ == "VB" and t.dep_ in ("acl", "relcl")
                           and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children))
                  and not _listed_act(t) and _undertaken(t)]
    personal = _according_to_person(sent, quotes, registry)
    if personal is not None and not any(_personal_subject(t) or _another_side(t, personal) for t in candidates):
        # "According to him, Russia has offered talks": the person is the source of all of it, and a verb of speaking
        # inside it ("offered") is what he says Russia did
        return None, personal
    tails = {t.i: _tail_subject(t, sent) for t in candidates}
    candidates.sort(key=lambda t: (not (tails[t.i] is not None or _reporting_tail(t, sent)), t.dep_ != "ROOT", t.i))
    for verb in candidates:
        tail = tails[verb.i]
        subject = tail.root if tail is not None else (inverted_speaker(verb, sent) or _subject_of(verb))
        if subject is None:
            tail = _opener_subject(verb, sent)
            subject = tail.root if tail is not None else None
        if subject is None:
            continue
        cited = _cited_source(verb, registry, sent)
        if cited is not None:
            return verb, cited  # "the agency reported, citing the defence ministry": the ministry's words
        if refers_back(subject) and (tail is None or subject.lower_ != "they"):
            # "they said", "the joint statement reads": each of them; "Poland and Lithuania will hold drills in May,
            # both countries said": the parties the sentence itself names first
            words = sent.doc[subject.left_edge.i:subject.right_edge.i + 1]
            here = _joint_source(sent, quotes, registry, besides=words) if subject.lower_ != "they" else []
            if here or joint:
                return verb, standing_for(here or joint, "speaker:joint-reference")
        sides = sides_and_bodies(subject) if tail is None else []
        if sides:
            return verb, standing_for(sides, "speaker:joint-sides")  # "Czech and Slovak officials said": each side's
        speaker = speaker_from_subject(subject, registry, sent.start, span=tail)
        if speaker is not None and (names_outlet(speaker.name) or _unnamed_group(subject)):
            inner = _relayed_report(sent, verb, quotes, registry)
            if inner is not None and (names_outlet(speaker.name) or inner[1].person is not None):
                # "the ministry said ..., the agency said": the ministry's words, relayed; "the minister told the
                # cabinet that ..., officials said": the minister's, whoever passed them on; "the President said ...,
                # his office said": the President's
                return inner
        if speaker is None and group is not None and subject.lower_ in ("it", "they"):
            speaker = group
        if speaker is None and subject.lower_ == "it" and not _expletive(subject):
            speaker = registry.last_institution  # "It says ..." a few paragraphs on: an institution, never a person
        if speaker is None and subject.pos_ in ("NOUN", "PROPN") and len(joint_parties(sent)) >= 2:
            # "Russia and Ukraine agreed to swap prisoners, the heads of both delegations said": whoever reports it,
            # the undertaking is the parties' own (one pledge each, saydo.extract.statements)
            speaker = Speaker(" ".join(t.text for t in subject.subtree), None)
        if speaker is not None:
            return verb, speaker
    for _according, source in _according_to(sent):
        # "according to plan" names no one; "according to our data", said by someone quoted, is still that one
        if source is not None and not _bare_noun(source) and not _ours(source):
            source = _issued_by(source) or source  # "according to a statement from the presidency": the presidency
            sides = sides_and_bodies(source)
            if sides:
                # "according to Polish and Lithuanian officials"
                return None, standing_for(sides, "speaker:joint-sides")
            speaker = speaker_from_subject(source, registry, sent.start) or \
                proper_name_speaker(source) or _document_issuer(source, registry)
            if speaker is not None:
                return None, speaker
    return None, None


def _according_to(sent: Span):
    """Each "according to X" of the sentence: the word "according" and the source X (None when the parse gives none)."""
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 2 <= sent.end and tok.nbor(1).lower_ == "to":
            yield tok, next((c for c in tok.nbor(1).children if c.dep_ == "pobj"), None)


def _according_to_person(sent: Span, quotes, registry: Registry) -> Speaker | None:
    """The person the first "according to him/her/<name>" outside quotation marks names, or None (a body, a document or
    an outlet named there leaves the sentence's speech verbs to decide)."""
    for according, source in _according_to(sent):
        if inside_quote(quotes, according.idx):
            continue
        # "according to him", "according to Zelensky", and "according to the head of state" when the title is a
        # person named in the text: a body, a document or an outlet leaves it to the speech verbs
        if source is not None and (source.lower_ in ("him", "her") or source.ent_type_ == "PERSON" or
                                   registry.find(source.text) is not None or
                                   source.pos_ == "NOUN" and PERSON_ROLE.fullmatch(source.lower_)):
            speaker = speaker_from_subject(source, registry, sent.start)
            return speaker if speaker is not None and speaker.person is not None else None
        return None
    return None


def _ours(token: Token) -> bool:
    """A source the one speaking owns ("our data", "my information"): no one else's words."""
    return any(c.dep_ == "poss" and c.lower_ in ("our", "my") for c in token.children)


def _bare_noun(token: Token) -> bool:
    """A common noun standing alone ("plan", "schedule", "tradition"), which names no source."""
    return token.pos_ == "NOUN" and token.n_lefts + token.n_rights == 0


def _another_side(verb: Token, source: Speaker) -> bool:
    """Does a speech verb's subject name a state other than the source's ("According to the Lithuanian president,
    Ukraine reaffirmed its commitment"): a relayed commitment, the state's own (GUIDELINES.md)?"""
    subject = _subject_of(verb)
    actor = actor_of_name(subject.text) if subject is not None else None
    return actor is not None and source.actor is not None and actor != source.actor


def _personal_subject(verb: Token) -> bool:
    """Is a speech verb's subject a person ("Putin told him", "she said", "Russia's president told them"), who speaks in
    his own right?"""
    subject = _subject_of(verb)
    if subject is None:
        return False
    return subject.lower_ in ("he", "she", "i") or subject.ent_type_ == "PERSON" or \
        subject.pos_ in ("NOUN", "PROPN") and PERSON_ROLE.fullmatch(subject.lower_) is not None


def _listed_act(verb: Token) -> bool:
    """A speech verb in its acting sense listed with acts of another kind ("plans to open shelters and admit
    monitors", "will hold the line and report losses"): a base form coordinated with a verb that is no speech verb,
    with no subject or clause of its own, is one more act of that list, not a report (the small model tags some of
    them as present tense: "plans to open shelters, admit monitors")."""
    return verb.tag_ in ("VB", "VBP") and verb.dep_ == "conj" and verb.head.lemma_.lower() not in SPEECH and \
        _acting(verb) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _undertaken(verb: Token) -> bool:
    """Whether a speech act told without "said" is one: in the active voice (the subject of "was invited" or "is
    committed to" is no speaker), and for a verb of undertaking with what is undertaken ("committed to send",
    "undertook to return", not "committed crimes"); any other verb passes."""
    lemma = verb.lemma_.lower()
    if lemma in CLAUSE_ONLY:  # and no object: "X also mentioned this" after a clause of someone else's
        return active_speech(verb) and any(c.dep_ == "ccomp" for c in verb.children) and \
            not any(c.dep_ == "dobj" for c in verb.children)
    return active_speech(verb) and (lemma not in UNDERTAKING_VERBS or any(
        c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ == "to" for c in verb.children))


def active_speech(verb: Token) -> bool:
    """Whether a speech act told without "said" (``ACTIVE_ONLY``) is told in the active voice: not "was invited",
    "is committed to", nor a participle with no subject ("Also invited were the ministers"); any other verb is."""
    if verb.lemma_.lower() not in ACTIVE_ONLY:
        return True
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return False
    return not (verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children))


def _issued_by(source: Token) -> Token | None:
    """The issuer a document noun names after "from", "by" or "of" ("a statement from the Polish presidency", "the
    readout of the ministry"), or None."""
    if source.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    for prep in source.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "by", "of"):
            issuer = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if issuer is not None and (issuer.pos_ == "PROPN" or issuer.ent_type_ in ("ORG", "PERSON", "GPE", "NORP")
                                       or looks_official(" ".join(t.text for t in issuer.subtree))):
                return issuer
    return None


def _document_issuer(source: Token, registry: Registry) -> Speaker | None:
    """"According to the statement, ...": the institution or person that issued it, the last one that spoke."""
    determiners = ("the", "this", "that", "its", "their", "his", "her")
    if source.lemma_.lower() not in STATEMENT_NOUNS:
        return None
    if any(c.lower_ == "joint" for c in source.children):
        # "X will resume the deliveries, according to a joint statement": each party's share of it is its own
        # (GUIDELINES.md: one entry per party), here that of the state the sentence is about
        subject = _subject_of(source.sent.root)
        party = speaker_from_subject(subject, registry, source.sent.start) if subject is not None else None
        return party if party is not None and party.actor not in (None, "CIV") else None
    if not any(c.lower_ in determiners for c in source.children):
        return None
    return registry.last_institution or registry.last_speaker


# (part of a sentence, its speech verb, speaker, when it joins the part before: ``SEPARATE`` never, ``SAME_KIND`` when
# of the same kind but two pledges stay two commitments, ``ONE_UTTERANCE`` when both are pledges: one commitment told
# in two clauses, which GUIDELINES.md annotates once, while two facts are two propositions)
Act = tuple[Span, Token | None, Speaker, str]
SEPARATE, SAME_KIND, ONE_UTTERANCE = "", "same-kind", "one-utterance"


def joins_previous(merge: str, kind: str, previous_kind: str) -> bool:
    """Whether a part of a sentence (its ``merge`` mode, of ``Act``) is one proposition with the part before it."""
    if merge == SEPARATE or kind != previous_kind:
        return False
    return kind == "pledge" if merge == ONE_UTTERANCE else kind != "pledge"


_COORDINATORS = {"and", "but", "while", "whereas"}
# verbs of speaking only: their object or phrase is the audience or the occasion more often than what was said
SPEAKING_ONLY = lexicon("places", "speaking_verbs").words
AUDIENCE_NOUNS = {"reporter", "journalist", "nation", "audience", "media", "press", "public", "people", "crowd",
                  "viewer", "listener", "parliament", "lawmaker", "participant", "counterpart", "colleague", "meeting",
                  "conference", "summit", "session"}
# speech verbs that as often name an act ("maintain positions", "observe the truce", "admit the inspectors",
# "respond to the attack", "post guards", "signal the convoy", "report for duty")
ACTING_SENSES = {"maintain", "observe", "admit", "respond", "post", "signal", "report"}


def _says_something(verb: Token) -> bool:
    """Does a participle of speech without a clause say something through its object or phrase ("..., stressing the
    value of a lasting truce", "..., accusing the neighbour of stalling", "..., calling for talks", "..., noting the
    anniversary")? Not a speech verb in its acting sense ("..., maintaining their positions"), and not a verb of
    speaking whose object or phrase is only the audience or the occasion ("..., addressing the nation", "...,
    commenting on the document", "..., speaking to reporters")."""
    if _acting(verb):
        return False
    if verb.lemma_.lower() in SPEAKING_ONLY:
        return any(c.dep_ == "dobj" and not _audience(c) for c in verb.children)
    return any(c.dep_ in ("dobj", "prep") for c in verb.children)


def _audience(token: Token) -> bool:
    """Is an object whom the words were told to: a pronoun, a person, a people, a state or a body, or a noun of the
    audience ("reporters", "the nation")?"""
    return token.pos_ in ("PRON", "PROPN") or token.ent_type_ in ("PERSON", "NORP", "GPE", "ORG") or \
        token.lemma_.lower() in AUDIENCE_NOUNS


def _hung_on_speech(conj: Token, verb: Token) -> bool:
    """Is a clause the parser hung on the speech verb after its complement one that goes on with the report ("X stated
    that A, but she would try B"), not a speech verb of its own nor after a while-clause between them, whose speaker
    it goes on with?"""
    return conj.head.i == verb.i and conj.i > verb.i + 2 and conj.lemma_.lower() not in SPEECH and \
        any(c.dep_ == "ccomp" and c.i < conj.i for c in verb.children) and \
        not any(c.dep_ == "advcl" and verb.i < c.i < conj.i for c in verb.children)


def _acting(verb: Token) -> bool:
    """A speech verb in its everyday acting sense, without a clause of its own ("troops would observe the truce and
    maintain their positions": the troops' acts, no speech act)."""
    return verb.lemma_.lower() in ACTING_SENSES and not any(c.dep_ == "ccomp" for c in verb.children)


def speech_acts(sent: Span, verb: Token | None, speaker: Speaker, quotes, registry: Registry) -> list[Act]:
    """The speech acts of one sentence, each on its own stretch of words, left to right:

    - a second speech verb coordinated with the first ("X alluded to A ..., and stressed B", "X said A and said B")
      is the same speaker's separate statement;
    - an adverbial clause with a speech verb and a subject of its own ("... since Russia announced it would ease
      off") is that subject's statement;
    - a second complement of the same verb ("It says A, and that B") is a separate statement only when its kind
      differs from the first (``SAME_KIND``);
    - a participle after a comma that reports on its own ("X condemned A, adding that B", "..., accusing Y of C")
      is the same speaker's separate statement, whatever its kind (GUIDELINES.md annotates it apart);
    - a predicate that turns to the future with an auxiliary of its own ("Ukraine rejects the vote and will keep
      freeing its land") is a separate statement when its kind differs (``SAME_KIND``);
    - a second clause with its own subject in one utterance ("we saw no truce, and we are ready to meet", "the crews
      repaired two lines and the trains are running", "X stated that A, but she would try B" with the second clause
      hung on the speech verb) is a separate statement unless both parts are pledges (``ONE_UTTERANCE``: "the
      corridor will open at eight and the buses will leave at nine" is one arrangement).

    Without such a break the sentence is one act."""
    speaker = _principal_relayed(sent, verb, speaker, registry) or speaker
    relayed = _relayed_commitment(sent, speaker, registry)
    if relayed is not None:
        return [(sent, relayed[0], relayed[1], SEPARATE)]
    whole = [(sent, verb, speaker, SEPARATE)]
    if verb is None:
        return whole
    doc = sent.doc
    cuts: list[tuple[int, int, Token, Speaker, str]] = []  # (last token + 1 of the part before, first token, ...)
    speech = [t for t in sent if t.lemma_.lower() in SPEECH and t.pos_ == "VERB" and not inside_quote(quotes, t.idx)]
    for t in speech:
        if t.i <= sent.start + 2:
            continue
        before = doc[t.i - 1]
        # "expressed A, stressed B and ...": a list of the same speaker's acts, joined by a comma
        listed = before.text == "," and t.dep_ == "conj" and t.head in speech and t.tag_ != "VBG"
        if (listed or before.lower_ in _COORDINATORS and before.dep_ == "cc") and \
                any(o.i < t.i for o in speech if o is not t) and not _acting(t):
            own = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if own is None:
                cuts.append((_before_comma(doc, t.i - 1), t.i, t, speaker, SEPARATE))
            continue
        if t.tag_ == "VBG" and _after_comma(doc, t.i) and t.i > verb.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and \
                (any(c.dep_ in ("ccomp", "xcomp") for c in t.children) or _says_something(t)):
            # "X thanked the rescuers, adding that the convoy would leave at nine": a participle that reports on its
            # own, the same speaker's; with an object or a phrase of what it says too (``_says_something``)
            cuts.append((_before_comma(doc, t.i - 1 if before.is_quote else t.i), t.i, t, speaker, SEPARATE))
            continue
        if t.dep_ == "conj" and t.head.i == verb.i and t.i > verb.i:
            # "A threatened X, and B has ordered Y": a second speech act with a subject of its own, another
            # speaker's statement
            own = next((c for c in t.children if c.dep_ == "nsubj"), None)
            left = min(x.i for x in t.subtree)
            # told as done, not asked for or foreseen ("..., but B must also declare that ...")
            modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in t.children)
            if own is not None and own.lower_ not in _PRONOUN_SUBJECTS and left > sent.start + 2 and not modal and \
                    doc[left - 1].lower_ in _COORDINATORS:
                other = speaker_from_subject(own, registry, sent.start)
                if other is not None and other.actor not in (None, "CIV") and other.name != speaker.name:
                    cuts.append((_before_comma(doc, left - 1), left, t, other, SEPARATE))
                    continue
        mark = next((c for c in t.children if c.dep_ == "mark" and c.i < t.i), None)
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        # after the speech verb, or before it as a clause of its own ("Two days after Moscow said ..., the navy said")
        # ("as X noted, ..." says whose words the rest are: it needs words of its own)
        placed = t.i > verb.i or t.head.i == verb.i and max(x.i for x in t.subtree) < verb.i and \
            any(c.dep_ in ("ccomp", "xcomp", "dobj") for c in t.children)
        if t.dep_ == "advcl" and mark is not None and subject is not None and placed and \
                subject.lower_ not in ("he", "she", "it", "they", "i", "we"):
            other = speaker_from_subject(subject, registry, sent.start)
            if other is not None and other.actor not in (None, "CIV") and other.name != speaker.name:
                first = mark.i
                cuts.append((_before_comma(doc, first), first, t, other, SEPARATE))
                last = max(x.i for x in t.subtree) + 1
                # "while B said A and the talks showed C": the clause ends on an "and" with nothing joined to it, or
                # the rest opens with a bare "and", the parser having hung it on the outer verb; the rest is still B's
                dangling = doc[last - 1].dep_ == "cc" and not any(c.dep_ == "conj" for c in t.children) or \
                    last < sent.end and doc[last].lower_ == "and"
                if not dangling and any(not (x.is_punct or x.is_space) for x in doc[last:sent.end]):
                    # the act of the outer speaker goes on after the clause (words, not just the full stop)
                    resume = last + 1 if doc[last].text == "," and last < verb.i else last  # not its comma
                    cuts.append((last, resume, None, speaker, SEPARATE))
    for t in sent:
        if t.dep_ != "conj" or t.pos_ not in ("VERB", "AUX"):
            continue
        left = min(x.i for x in t.subtree)
        if left < sent.start + 3 or doc[left - 1].lower_ not in _COORDINATORS:
            continue
        if (t.head.i == verb.i or (t.head.dep_ == "ccomp" and t.head.head.i == verb.i)) and t.i > verb.i + 2 and \
                any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children):
            cuts.append((_before_comma(doc, left - 1), left, verb, speaker, SAME_KIND))
        elif any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children) and \
                (t.head.dep_ == "ccomp" and t.head.head.i == verb.i or _hung_on_speech(t, verb)):
            # "A (,) and B" reported, each clause with a subject of its own ("we expect them to stop, and we are
            # ready to meet"): a second statement unless both are pledges
            cuts.append((_before_comma(doc, left - 1), left, verb, speaker, ONE_UTTERANCE))
        elif t.head.dep_ == "ccomp" and t.head.head.i == verb.i and _own_future(t) and not _own_future(t.head):
            # "Ukraine rejects the vote and will keep freeing its land": a predicate that turns to the future with an
            # auxiliary of its own says something else of the same subject, a second statement when its kind differs
            cuts.append((_before_comma(doc, left - 1), left, verb, speaker, SAME_KIND))
    narrated = _narration_before(sent, verb, quotes)
    if narrated is not None:
        # "Both leaders agreed on X, and the Prime Minister said the UK would ...": the speech verb's clause, with a
        # subject of its own, joined to a clause before it that tells no speech, is its own statement; that clause
        # is one too when it tells what was settled or discussed (a readout verb), else narration, no one's words
        cuts.append((_before_comma(doc, narrated - 1), narrated, verb, speaker, SEPARATE))
    if not cuts:
        return whole
    cuts.sort(key=lambda c: c[1])
    acts: list[Act] = []
    start, current_verb, current_speaker, merge = sent.start, None, speaker, SEPARATE
    for end, next_start, next_verb, next_speaker, next_merge in cuts:
        if end - start >= 3:
            acts.append((doc[start:end], current_verb, current_speaker, merge))
        start, current_verb, current_speaker, merge = next_start, next_verb, next_speaker, next_merge
    acts.append((doc[start:sent.end], current_verb, current_speaker, merge))
    # the first part's verb: the speech verb inside it (the attributed one when it lies there)
    first_span = acts[0][0]
    inside = [t for t in speech if first_span.start <= t.i < first_span.end]
    first_verb = verb if first_span.start <= verb.i < first_span.end else (inside[0] if inside else verb)
    acts[0] = (first_span, first_verb, acts[0][2], SEPARATE)
    acts = [(span, v if v is not None else _outer_verb(span, speech, verb), who, m) for span, v, who, m in acts]
    if narrated is not None and verb.head.lemma_.lower() not in READOUT_VERBS:
        acts = [act for act in acts if act[0].start >= narrated or act[0].end > verb.i]
    return acts


def _narration_before(sent: Span, verb: Token, quotes) -> int | None:
    """The first token of a speech verb's clause joined by "and"/"but" to a clause before it that tells no speech
    ("Both leaders agreed on X, and the Prime Minister said ..."): the clause opens with the verb's own subject, and
    the clause before has no first person (in "I spoke to him twice, and he never told me" someone speaks all along)
    and no quotation; None otherwise."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ != "conj" or verb.head.i > verb.i or verb.head.lemma_.lower() in SPEECH or subject is None:
        return None
    left = min(x.i for x in subject.subtree)
    doc = sent.doc
    if left < sent.start + 3 or doc[left - 1].lower_ not in _COORDINATORS or left != min(x.i for x in verb.subtree):
        return None
    before = doc[sent.start:left]
    if any(t.lower_ in FIRST_PERSON or inside_quote(quotes, t.idx) or t.is_quote for t in before):
        return None
    return left


_PRONOUN_SUBJECTS = {"he", "she", "it", "they", "i", "we", "who", "which", "that", "you"}  # no party named
RELAYING_VERBS = {"approve", "promise", "pledge", "guarantee", "vow", "undertake", "agree", "offer", "propose",
                  "assure"}
# acts by which a side's leader commits it ("the Kremlin said Putin ordered a truce"): relayed by the same side, the
# leader's commitment; relayed by another party, a report of what the leader did
ORDERING_VERBS = {"order", "declare", "announce", "instruct", "decide"}
# speech verbs whose complement, when it holds the subject's own future ("B told C he would ..."), is B's commitment
# relayed by someone else
TELLING_VERBS = {"tell", "say", "inform", "write", "reply", "respond", "state"}
_BACK_REFERENCES = {"he", "she", "it", "they", "we", "i"}


def _own_future(verb: Token) -> bool:
    """Whether a verb carries a future or conditional auxiliary of its own ("will keep", "would open")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _commits_to_something(verb: Token) -> bool:
    """'agreed to stop', 'agreed to a truce', 'offered talks': the verb has what is committed to, not 'agreed with
    Macron that the talks were useful' (an opinion shared)."""
    if verb.lemma_.lower() not in ("agree", "offer", "propose"):
        return True
    return any(c.dep_ in ("xcomp", "dobj") or c.dep_ == "prep" and c.lower_ in ("to", "on") and
               any(o.dep_ == "pobj" for o in c.children) for c in verb.children)


def _relayed_commitment(sent: Span, speaker: Speaker, registry: Registry
                        ) -> tuple[Token, Speaker] | None:
    """"This was officially approved by the Russian Ministry of Defense", "the occupiers promised to cease fire" told
    by someone else: the commitment binds the party that approved or promised it, not the one relaying it (inside a
    quotation too)."""
    for t in sent:
        lemma = t.lemma_.lower()
        # only a speech act reported inside another ("A said B told C he would"), never a sentence's own reporting verb
        telling = lemma in TELLING_VERBS and t.dep_ == "ccomp" and t.head.lemma_.lower() in SPEECH
        # the attributed verb itself may be the act relayed ("Putin ordered a pause, the Kremlin said")
        relaying = lemma in RELAYING_VERBS | ORDERING_VERBS
        if not (relaying or telling) or t.pos_ != "VERB" or \
                _hypothetical(t) or any(c.dep_ == "neg" for c in t.children) or not _commits_to_something(t) or \
                _conditional(t):
            continue
        agent = next((p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        subject = agent or next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in _PRONOUN_SUBJECTS:
            continue
        if any(c.lower_ in ("i", "we") for c in subject.conjuncts):
            continue  # "Mr Prime Minister and I agreed": the speaker's own announcement of a joint undertaking
        other = speaker_from_subject(subject, registry, sent.start)
        if other is None or other.actor in (None, "CIV") or other.name == speaker.name:
            continue
        told = telling and _tells_own_future(t, other.actor)
        if not (relaying or told):
            continue
        if (lemma in RELAYING_VERBS or told) and other.actor != speaker.actor:
            return t, other
        if other.actor == speaker.actor and other.person is not None and (speaker.person is None or
                                                                          _aide(speaker)):
            # "the Kremlin said Putin had ordered a truce", "his spokesman said Putin had agreed": the leader's own
            return t, other
    return None


def _tells_own_future(verb: Token, side: str | None = None) -> bool:
    """"told Putin he would take it into account", "said it would send a team": the complement is the subject's own
    future act (its subject a pronoun that can only point back, or none); with the teller's ``side``, also a future of
    the teller's state named ("told Putin that France would send a team")."""
    for c in verb.children:
        if c.dep_ == "ccomp" and c.pos_ == "VERB" and _own_future(c):
            subject = subject_of(c)
            return subject is None or subject.lower_ in _BACK_REFERENCES or \
                (side is not None and subject.pos_ == "PROPN" and actor_of_name(conjunct_words(subject)) == side)
    return False


# the acts a report tells of a named person beside the reporting verb: speech verbs, what readouts tell, and two more
NAMED_ACTS = SPEECH | READOUT_VERBS | {"mention", "speak"}
# clauses that describe a person rather than tell what he said ("Putin, who thanked ...", "after Putin spoke")
_DESCRIBING = {"relcl", "acl", "advcl", "amod", "pcomp", "pobj"}


def person_named(sent: Span, verb: Token | None, speaker: Speaker, registry: Registry) -> Speaker | None:
    """"Putin agreed with Macron that the talks should go on, the Kremlin said": an institution that tells what a
    person of its own side said or settled gives that person's words (GUIDELINES.md: an institution and its
    spokesperson count as one speaker, and the person named in the span is used). The teller must be a state's body
    with no person of its own, or an aide ("X stressed that ..., his spokesman said"), and the person the named
    subject of a speech or readout verb other than the reporting one, on the same side; None otherwise. Asked of a
    sentence with a part told by that teller (``speech_acts``: "Putin said A, and that he hoped B, the Kremlin said"
    is two of Putin's), a part that relays another party's commitment keeping its own; the kind is still read from
    the reporting verb ("agreed with Macron that ..." is no undertaking)."""
    if verb is None or speaker.actor in (None, "CIV") or \
            not (names_institution(speaker.name) and speaker.person is None or _aide(speaker)):
        return None
    for subject in _relayed_subjects(sent, verb):
        if subject.ent_type_ != "PERSON" and not (subject.pos_ == "PROPN" and registry.find(subject.text)):
            continue  # a name, not a title ("the President of Ukraine" may be anyone the reader last met)
        other = speaker_from_subject(subject, registry, sent.start)
        if other is not None and other.person is not None and other.actor == speaker.actor and \
                other.name != speaker.name:
            return other
    return None


def _relays_joint(sent: Span, verb: Token | None, speaker: Speaker, members: list[Speaker]) -> bool:
    """"Both presidents underlined ..., the ministry said": an institution that tells what the speakers of a joint
    source said or settled together gives their words (GUIDELINES.md: a relayed commitment is the relayed party's)."""
    if verb is None or speaker.members or speaker.person is not None or not names_institution(speaker.name):
        return False
    return any(refers_back(subject) for subject in _relayed_subjects(sent, verb))


def _relayed_subjects(sent: Span, verb: Token):
    """The subjects of the sentence's speech or readout verbs other than its reporting ``verb``: whose words the
    reporter relays ("Putin agreed ..., the Kremlin said", "X has made it clear that ..., his spokesman said")."""
    for t in sent:
        if t.i == verb.i or t.pos_ != "VERB" or t.dep_ in _DESCRIBING or \
                not (t.lemma_.lower() in NAMED_ACTS or _makes_clear(t)):
            continue
        subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            yield subject


def _principal_relayed(sent: Span, verb: Token | None, speaker: Speaker, registry: Registry) -> Speaker | None:
    """"The IAEA chief regrets the delay and will send a second team to the plant, spokeswoman X said":
    an aide relaying what the principal will do speaks the principal's words (GUIDELINES.md: a relayed commitment
    binds the one who made it), the whole sentence."""
    if verb is None or not _aide(speaker):
        return None
    for t in sent:
        if t.pos_ == "VERB" and t.i != verb.i and _own_future(t) and not _hypothetical(t) and not _conditional(t):
            principal = _principal_of_aide(t, speaker, registry, sent)
            if principal is not None:
                return principal
    return None


def _principal_of_aide(verb: Token, speaker: Speaker, registry: Registry, sent: Span) -> Speaker | None:
    """The principal whose future act an aide reports: the future's subject, a person or an office holder ("the
    chief", "the president") of the aide's side, or of a side when the aide has none of its own."""
    subject = subject_of(verb)
    if subject is None and verb.dep_ in ("conj", "ccomp") and verb.head.pos_ == "VERB":
        subject = subject_of(verb.head)  # "the chief regrets ... and will send", parsed as a complement
    if subject is None or not sent.start <= subject.i < sent.end or subject.lower_ in _PRONOUN_SUBJECTS:
        return None
    other = speaker_from_subject(subject, registry, sent.start)
    if other is None or other.actor in (None, "CIV") or other.name == speaker.name or \
            speaker.actor not in (None, other.actor):
        return None
    words = other.name.split()
    # a person, or an office (named as such, or by its holder on the day: "the Turkish president")
    return other if other.person is not None or (words and PERSON_ROLE.fullmatch(words[-1].lower())) or \
        PERSON_ROLE.fullmatch(subject.lower_) else None


def _aide(speaker: Speaker) -> bool:
    """A spokesperson, press secretary or adviser: someone who speaks for a principal (GUIDELINES.md: one speaker)."""
    role = speaker.person.role.lower() if speaker.person is not None and speaker.person.role else ""
    return any(word in AIDES for word in re.findall(r"[a-z]+", role))


def _after_comma(doc, i: int) -> bool:
    """Does a comma come right before token ``i``, or a comma and the closing mark of a quotation ('completed,"
    adding')?"""
    before = doc[i - 1] if i > 0 else None
    if before is not None and before.is_quote and i > 1:
        before = doc[i - 2]
    return before is not None and before.text == ","


def _before_comma(doc, i: int) -> int:
    """The end of the part before a coordinator at ``i``, without the comma before it."""
    return i - 1 if i > 0 and doc[i - 1].text == "," else i


def _outer_verb(span: Span, speech: list[Token], verb: Token) -> Token:
    return next((t for t in speech if span.start <= t.i < span.end), verb)


def _reporting_tail(verb: Token, sent: Span) -> bool:
    """"Russia has declared a ceasefire ..., the staff said on Monday": the clause after the last comma that reports
    the rest of the sentence, whatever the parser made its root."""
    if any(c.dep_ == "mark" for c in verb.children):
        return False  # "... since Russia announced": a subordinate clause, not the reporting clause
    if verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False  # '...," adding that': a participle goes on from the clause before it, it does not report it
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) and \
            inverted_speaker(verb, sent) is None:
        return False  # "plans to reopen the port, admit the first barges and ...": a predicate of the clause before it
    reported = {t.i for c in verb.children if c.dep_ in ("ccomp", "parataxis") for t in c.subtree}
    left = min((t.i for t in verb.subtree if t.i not in reported), default=verb.i)
    doc = sent.doc
    return left > sent.start + 2 and doc[left - 1].text in (",", "”", '"') and \
        not any(t.text == "," for t in doc[left:verb.i])


CITING_VERBS = {"cite", "quote"}
CITED_EVIDENCE = lexicon("speakers", "cited_evidence").words  # cited as evidence, not as a source whose words these are


def relayed_by_outlet(verb: Token, sent: Span) -> bool:
    """Whether the report of ``verb`` is relayed by an outlet's speech verb later in the sentence (for naming the
    rule that gave the words to the relayed speaker)."""
    for t in sent:
        if t.i > verb.i and t.lemma_.lower() in SPEECH and t.pos_ == "VERB":
            subject = _subject_of(t)
            if subject is not None and names_outlet(" ".join(x.text for x in subject.subtree)):
                return True
    return False


def _unnamed_group(subject: Token) -> bool:
    """A plural common noun with no name in it ("officials", "Russian officials", "sources"): who passes words on."""
    return subject.tag_ == "NNS" and not any(t.pos_ == "PROPN" for t in subject.subtree)


def _relayed_report(sent: Span, verb: Token, quotes, registry: Registry) -> tuple[Token, Speaker] | None:
    """The report an outlet relays: a speech verb inside what it said, with a subject of its own that names a speaker
    who is no outlet ("In Moscow, the ministry said ... and accused ..., the agency said")."""
    for t in sent:
        if t.i == verb.i or t.lemma_.lower() not in SPEECH or t.pos_ != "VERB" or inside_quote(quotes, t.idx) or \
                _hypothetical(t) or not any(a.i == verb.i for a in t.ancestors) and t.i > verb.i:
            continue
        subject = _subject_of(t)
        if subject is None or subject.lower_ in ("it", "they", "he", "she", "i", "we", "who", "which", "that"):
            continue
        inner = speaker_from_subject(subject, registry, sent.start)
        if inner is not None and not names_outlet(inner.name):
            return t, inner
    return None


def cites(verb: Token) -> bool:
    """Whether a speech verb relays a source it names ("reported, citing the ministry")."""
    return bool(_cited(verb))


def _cited(verb: Token) -> list[Token]:
    """The sources a speech verb's participle of citing names ("reported, citing the ministry"); not what is cited as
    evidence ("citing radar logs, the minister said": the minister's own claim, however it was sourced)."""
    participles = [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")]
    for content in (c for c in verb.children if c.dep_ == "ccomp"):
        # "reported, citing the ministry, that ...": the parser hangs the participle on what was reported; it stands
        # before that clause's "that" or subject
        opening = min((c.i for c in content.children if c.dep_ in ("mark", "nsubj", "nsubjpass")), default=-1)
        participles += [c for c in content.children if c.dep_ == "advcl" and verb.i < c.i < opening]
    return [source for c in participles if c.lemma_.lower() in CITING_VERBS and c.tag_ == "VBG"
            for source in c.children if source.dep_ == "dobj" and source.lemma_.lower() not in CITED_EVIDENCE]


def _cited_source(verb: Token, registry: Registry, sent: Span) -> Speaker | None:
    """"X reported, citing Y", "X, quoting Y, said that ...": the words are Y's, relayed by X (an outlet, a channel, an
    official). The participle of citing hangs on the speech verb; its object is the source."""
    for source in _cited(verb):
        cited = speaker_from_subject(source, registry, sent.start)
        if cited is not None:
            return cited
    return None


def inverted_speaker(verb: Token, sent: Span) -> Token | None:
    """"..., informed the city council." / "...," reported the ministry on Monday: a reporting verb right after a comma
    or a closing quote with its speaker after it, which the parser takes for the verb's object. Only when the verb
    ends the sentence's clauses (no verb after it) and the phrase names someone (a noun, not a pronoun)."""
    doc = sent.doc
    if verb.i <= sent.start + 2 or doc[verb.i - 1].text not in (",", "”", '"') or verb.tag_ not in ("VBD", "VBZ"):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:sent.end]) or \
            any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children):
        return None
    after = [c for c in verb.children if c.i > verb.i and c.dep_ in ("dobj", "attr", "dative")]
    if not after or after[0].pos_ not in ("NOUN", "PROPN") or after[0].i > verb.i + 6:
        return None
    return after[0]


def _expletive(subject: Token) -> bool:
    """"It is said", "it was reported": no one in particular."""
    return subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in subject.head.children)


def _tail_subject(verb: Token, sent: Span) -> Span | None:
    """"..., the Russian interagency staff in Ukraine said on Monday." when the parser hung the reporting clause on the
    report (the speech verb without a subject of its own): the noun phrase between the last comma and the verb, with
    nothing but adverbials after the verb."""
    doc = sent.doc
    if any(t.pos_ in ("VERB", "AUX") for t in doc[verb.i + 1:sent.end]):
        return None
    phrase = _after_last_comma(verb, sent, reach=14, lead=3)
    if phrase is None:
        return None
    comma = phrase.start - 1
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj") and c.i > comma for c in verb.children):
        return None  # an ordinary subject right before the verb
    if any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ") for t in phrase) or \
            not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None
    if doc[comma - 1].ent_type_ == "PERSON" and not any(t.ent_type_ == "PERSON" for t in phrase):
        start = comma - 1  # "..., Alexander Chaly, a member of the delegation said": the name and its apposition
        while start > sent.start and doc[start].ent_iob_ == "I":
            start -= 1
        phrase = doc[start:verb.i]
    return phrase


def _opener_subject(verb: Token, sent: Span) -> Span | None:
    """"Speaking at a news conference in Prague, Prime Minister X said that ...", when the parser hung the name on the
    opening phrase and left the speech verb without a subject: the noun phrase between the comma that ends the opening
    and the verb, when the verb reports a clause."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "agent", "csubj", "expl") for c in verb.children) or \
            not any(c.dep_ == "ccomp" for c in verb.children):
        return None
    phrase = _after_last_comma(verb, sent, reach=10, lead=2)
    if phrase is None or any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ", "CCONJ", "ADP", "DET") and
                             not (t.pos_ == "DET" and t.i == phrase.start) for t in phrase) or \
            not any(t.pos_ == "PROPN" or t.ent_type_ == "PERSON" for t in phrase):
        return None
    return phrase


def _after_last_comma(verb: Token, sent: Span, reach: int, lead: int) -> Span | None:
    """The words between the last comma in the ``reach`` tokens before the verb and the verb, when the comma has at
    least ``lead`` words of the sentence before it and some word after it; None otherwise."""
    doc = sent.doc
    comma = next((i for i in range(verb.i - 1, max(verb.i - reach, sent.start) - 1, -1) if doc[i].text == ","), None)
    if comma is None or comma < sent.start + lead or comma + 1 >= verb.i:
        return None
    return doc[comma + 1:verb.i]


def _after_quote(sent: Span, quotes, registry: Registry) -> tuple[Token | None, Speaker | None]:
    """“...,” the Ministry assures. — read from the words after the closing mark when the parse of the attribution
    is broken (the small model often takes the speech verb for a noun there)."""
    end_of_quote = max((q[1] for q in quotes if sent.start_char <= q[1] <= sent.end_char), default=None)
    if end_of_quote is None:
        return None, None
    tail = [t for t in sent if t.idx > end_of_quote and not t.is_punct]
    # a speech word that modifies or is listed with a noun is none ("... public order and state interests")
    verb = next((t for t in tail if t.lemma_.lower() in SPEECH and
                 not (t.pos_ == "NOUN" and t.dep_ in ("compound", "amod", "nmod", "conj", "poss"))), None)
    if verb is None or len(tail) > 14:
        return None, None
    words = [t for t in tail if t.i > verb.i] if verb.i == tail[0].i else [t for t in tail if t.i < verb.i]
    words = [t for t in words if t.pos_ not in ("ADP", "ADV") or t.i < words[-1].i] if words else words
    if not words:
        return None, None
    phrase = sent.doc[words[0].i:words[-1].i + 1]
    return verb, speaker_from_subject(phrase.root, registry, sent.start, span=phrase)


def _states(verb: Token | None) -> bool:
    """"made a number of statements", "issued a statement": a speech act phrased with a noun."""
    if verb is None or verb.lemma_ not in _INTRODUCING_VERBS:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        heads = [obj] + [g for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children]
        if any(h.lemma_.lower() in STATEMENT_NOUNS for h in heads):  # "a number of statements"
            return True
    return False


def _makes_clear(verb: Token) -> bool:
    """"X has made it clear that ...", "the minister made clear that ...": a speech act told with "make clear"."""
    return verb.lemma_.lower() == "make" and any(c.lower_ == "clear" and c.dep_ in ("ccomp", "acomp", "oprd", "xcomp")
                                                 for c in verb.children)


def _conditional(verb: Token) -> bool:
    """"... will follow if the troops agree to leave", "until they agree to a truce, we will ...": a condition set for
    the other party, not its commitment."""
    return any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "once", "when", "provided", "until", "till")
               for c in verb.children)


def _hypothetical(verb: Token) -> bool:
    """"would have to agree", "could say": not a reported speech act."""
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "should", "might", "may", "must") for c in verb.children):
        return True
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ == "with" and \
            any(c.dep_ == "nsubj" for c in verb.children):
        return False  # "..., with the ministry adding that ...": a report in an absolute clause
    if _opening(verb) or _quoted_as(verb) is not None or root_noun_predicate(verb):
        return False  # "The Prime Minister began by reiterating ...", "X was quoted as saying": a report
    if verb.dep_ in ("pcomp", "pobj", "amod", "acl", "csubj") or any(
            c.lower_ in ("what", "whatever") for c in verb.children):
        return True  # "no confidence in what Russia promised": a reference to speech, not a report of it
    if verb.dep_ == "xcomp" and verb.tag_ == "VB" and verb.head.lemma_.lower() not in SPEECH and \
            any(c.dep_ == "dobj" for c in verb.head.children):
        return True  # "preparing its people to believe that ...", "forced them to admit": caused, not reported
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "need", "want", "try", "refuse", "seem")


# speech verbs whose passive subject is the one addressed, never the speaker ("they were told", "he was assured")
ADDRESSED = {"tell", "ask", "urge", "offer", "invite", "inform", "assure", "reassure", "warn", "brief", "order",
             "instruct", "promise", "guarantee", "thank", "call", "caution", "advise", "remind"}


def _subject_of(verb: Token) -> Token | None:
    # an active subject wins over a "by" phrase the parser made an agent ("The Prime Minister condemned the strikes by
    # X": X struck, the Prime Minister spoke)
    active = any(c.dep_ == "nsubj" for c in verb.children)
    for child in verb.children:
        if child.dep_ == "agent" and not active:  # "was announced by Kremlin spokesman Dmitry Peskov"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1 and any(t.tag_ == "''" or t.text in (":", "(") for t in verb.doc[subjects[0].i:subjects[1].i]):
        # a quotation run into its attribution, parsed with its own subject as a first subject of the verb ("'... Our
        # partners, our neighbours, all who can ...,' the president said"), or a dateline ("KYIV: The UN chief said"):
        # the one after the closing mark or the colon speaks
        subjects = subjects[1:]
    if subjects and subjects[0].dep_ == "nsubjpass" and verb.lemma_.lower() in ADDRESSED:
        return None  # "the deputies were offered ...", "residents were urged to leave": whom it was said to
    if subjects:
        if subjects[0].lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
            return _relative_antecedent(verb)
        if subjects[0].tag_ in ("WP", "WDT"):
            # "..., Sergei Surovikin, who said ..." parsed as a clause of its own: the name just before, never "who"
            return _name_before(subjects[0])
        return subjects[0]
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        return _subject_of(verb.head)
    if verb.dep_ == "relcl":
        return _relative_antecedent(verb)
    if _opening(verb):
        return _subject_of(verb.head.head)  # "The Prime Minister began by reiterating ...": the one who began
    if root_noun_predicate(verb):
        return verb.head  # "The Turkish president, X, offered to host talks": the president
    return _quoted_as(verb)


QUOTING = {"quote", "cite"}


def _quoted_as(verb: Token) -> Token | None:
    """"X was quoted (by the agency) as saying ...": the one quoted, X, speaks; the agency only relays."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_.lower() not in QUOTING:
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)


def _opening(verb: Token) -> bool:
    """A speech verb placed in a conversation's order: "began by thanking", "ended by reaffirming"."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "by" and \
        verb.head.head.lemma_.lower() in _OPENING_VERBS


# verbs that place a speech act in a conversation's order ("began by thanking", "ended by reaffirming")
_OPENING_VERBS = {"begin", "start", "open", "end", "conclude", "close", "finish"}


def _name_before(pronoun: Token) -> Token | None:
    """The person or body named right before a relative pronoun (past a comma), or None."""
    at = pronoun.i - 1
    while at >= 0 and pronoun.doc[at].is_punct:
        at -= 1
    token = pronoun.doc[at] if at >= 0 else None
    if token is None:
        return None
    named = token.ent_type_ == "PERSON" or token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "NORP")
    return token if named else None


def _relative_antecedent(verb: Token) -> Token:
    """"remarks from Sergei Rudskoi, the head of the ... Directorate, who said": the person, not the nearest noun."""
    token = verb.head
    for _ in range(6):
        if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "NORP") and
                                           token.dep_ in ("pobj", "nsubj", "dobj", "appos")
                                           and token.head.dep_ != "appos"):
            return token
        if token.dep_ in ("appos", "pobj", "prep", "compound", "poss") and token.head.i != token.i:
            token = token.head
            continue
        break
    return verb.head


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in _BULLETS):  # a list item's mark is no part of it
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(text: str, start: int, end: int) -> bool:
    """A headline or caption line: stands alone on its line and ends without sentence punctuation. The last line of an
    excerpt cut off mid-sentence is no heading when it is as long as a body sentence."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    if start > 0 and not text[line_end:].strip() and len(text[start:end].split()) >= TRUNCATED_WORDS:
        return False
    # a line that trails off ("...", "…") is speech broken into lines, not a heading
    indent = text[text.rfind("\n", 0, start) + 1:start]  # a line indented by the page's layout starts after it
    return end >= line_end and text[end - 1] not in ".!?\"”’»:;…" and not indent.strip()


def _opens_with_quote(text: str, start: int, quotes) -> bool:
    return inside_quote(quotes, start + 1) or text[start] in "“\"«"

