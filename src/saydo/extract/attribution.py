"""Who speaks in each sentence: reporting verbs, "according to X", quotations attributed elsewhere in them, and
reported speech that runs on without a verb of its own.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span, Token

from saydo.extract.quotes import inside_quote, quoted_words
from saydo.extract.speakers import Registry, Speaker, speaker_from_subject

SPEECH = {
    "say", "tell", "announce", "state", "declare", "promise", "pledge", "vow", "assure", "guarantee", "order",
    "instruct", "warn", "threaten", "urge", "call", "demand", "ask", "accuse", "claim", "deny", "reject", "refute",
    "dismiss", "add", "note", "stress", "emphasize", "emphasise", "write", "tweet", "post", "insist", "explain",
    "clarify", "report", "confirm", "propose", "offer", "suggest", "argue", "describe", "comment", "reply",
    "respond", "acknowledge", "admit", "allege", "predict", "welcome", "condemn", "criticize", "criticise", "blame",
    "reiterate", "repeat", "signal", "inform", "express", "allude", "believe", "hope", "expect", "appeal",
    "recall", "remark", "observe", "underline", "assert", "maintain", "estimate", "brief", "caution", "approve",
    "specify", "stipulate",
}


def attribute(sentences: list[Span], text: str, quotes, registry: Registry, breaks: list[int]
               ) -> list[tuple[Token | None, Speaker] | None]:
    """Who speaks in each sentence, or None. First the sentences with their own speech act; then sentences inside a
    quotation whose attribution stands elsewhere in it (“A. B. C,” she said: A and B are hers too); then a quotation
    that opens right after the previous speaker's statement."""
    found: list[tuple[Token | None, Speaker] | None] = [None] * len(sentences)
    usable = [False] * len(sentences)
    previous: tuple[Speaker, int] | None = None
    for index, sent in enumerate(sentences):
        start, end = trim(text, sent.start_char, sent.end_char)
        if end - start < 12 or _is_heading(text, start, end):
            continue
        usable[index] = True
        paragraph = bisect.bisect_left(breaks, start)
        group = previous[0] if previous and previous[0].person is None and paragraph - previous[1] <= 1 else None
        verb, speaker = _attribution(sent, quotes, registry, group)
        if speaker is not None:
            found[index] = (verb, speaker)
            previous = (speaker, paragraph)
    quote_speaker: dict[tuple[int, int], Speaker] = {}
    for index, item in enumerate(found):
        if item is not None and item[0] is not None:
            sent = sentences[index]
            for q in quotes:
                if q[0] < sent.end_char and sent.start_char < q[1]:
                    quote_speaker.setdefault(q, item[1])
    previous = None
    for index, sent in enumerate(sentences):
        start, end = trim(text, sent.start_char, sent.end_char)
        paragraph = bisect.bisect_left(breaks, start)
        if found[index] is not None:
            previous = (found[index][1], paragraph)
            continue
        if not usable[index] or quoted_words(text, quotes, start, end) < 4:
            continue
        inside = [quote_speaker[q] for q in quotes if q in quote_speaker and q[0] < end and start < q[1]]
        if inside:
            found[index] = (None, inside[0])
        elif previous and paragraph - previous[1] <= 1 and _opens_with_quote(text, start, quotes):
            found[index] = (None, previous[0])
        if found[index] is not None:
            previous = (found[index][1], paragraph)
    return found


def _attribution(sent: Span, quotes, registry: Registry, group: Speaker | None = None
                 ) -> tuple[Token | None, Speaker | None]:
    """The speech verb of a sentence and who performs it; ``group`` is the institution that spoke just before, for
    "It added that ..." and "They said ..."."""
    candidates = [t for t in sent if t.lemma_.lower() in SPEECH and t.pos_ in ("VERB", "AUX")
                  and not inside_quote(quotes, t.idx) and not _hypothetical(t)]
    candidates.sort(key=lambda t: (t.dep_ != "ROOT", t.i))
    for verb in candidates:
        subject = _subject_of(verb)
        if subject is None:
            continue
        speaker = speaker_from_subject(subject, registry, sent.start)
        if speaker is None and group is not None and subject.lower_ in ("it", "they"):
            speaker = group
        if speaker is not None:
            return verb, speaker
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 2 <= sent.end and tok.nbor(1).lower_ == "to":
            objs = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
            if objs:
                speaker = speaker_from_subject(objs[0], registry, sent.start)
                if speaker is not None:
                    return None, speaker
    return None, None


def _hypothetical(verb: Token) -> bool:
    """"would have to agree", "could say": not a reported speech act."""
    if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "should", "might", "may", "must") for c in verb.children):
        return True
    if verb.dep_ in ("pcomp", "pobj", "amod", "acl", "csubj") or any(
            c.lower_ in ("what", "whatever") for c in verb.children):
        return True  # "no confidence in what Russia promised": a reference to speech, not a report of it
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ("have", "need", "want", "try", "refuse", "seem")


def _subject_of(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "agent":  # "was announced by Kremlin spokesman Dmitry Peskov"
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            if child.lower_ in ("who", "which", "that") and verb.dep_ == "relcl":
                return _relative_antecedent(verb)
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _subject_of(verb.head)
    if verb.dep_ == "relcl":
        return _relative_antecedent(verb)
    return None


def _relative_antecedent(verb: Token) -> Token:
    """"remarks from Sergei Rudskoi, the head of the ... Directorate, who said": the person, not the nearest noun."""
    token = verb.head
    for _ in range(6):
        if token.ent_type_ == "PERSON" or (token.pos_ == "PROPN" and token.ent_type_ in ("ORG", "NORP") and
                                           token.dep_ in ("pobj", "nsubj", "dobj", "appos")
                                           and token.head.dep_ != "appos"):
            return token
        if token.dep_ in ("appos", "pobj", "prep", "compound", "poss") and token.head is not token:
            token = token.head
            continue
        break
    return verb.head


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_heading(text: str, start: int, end: int) -> bool:
    """A headline or caption line: stands alone on its line and ends without sentence punctuation."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    return end >= line_end and text[end - 1] not in ".!?\"”’»:;" and (start == 0 or text[start - 1] == "\n")


def _opens_with_quote(text: str, start: int, quotes) -> bool:
    return inside_quote(quotes, start + 1) or text[start] in "“\"«"

