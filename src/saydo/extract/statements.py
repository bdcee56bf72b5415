"""From a parsed article to attributed statements.

For each sentence: find a speech act (a reporting verb outside quotation marks, "according to X", or a quotation
continuing the previous speaker's), resolve the speaker and actor, classify the kind, decide direct or indirect, and
attach places and a time window. Hedges ("this is not a ceasefire, but our aspiration") are linked to the pledge of the
same side they qualify.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from saydo.extract.events import events_from_doc
from saydo.extract.kinds import Cues, classify
from saydo.extract.pipeline import load_nlp
from saydo.extract.quotes import inside_quote, quote_spans, quoted_words
from saydo.extract.speakers import Registry, Speaker, speaker_from_subject
from saydo.extract.windows import window_near
from saydo.records import Article, Observation, Statement, Window
from saydo.resolve.actors import actor_in_phrase, actor_of_name
from saydo.resolve.gazetteer import lookup

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
CHUNK = 100_000
_GOVERNMENT_NOUNS = {"government", "position", "proposal", "proposals", "delegation", "negotiators", "response",
                     "side", "leadership", "authorities", "regime", "officials", "offer", "stance", "team", "allies"}
_SURROUNDINGS = re.compile(r"\b(around|near|outside|direction|towards?|outskirts|suburbs?|approaches|region|oblast|"
                           r"province|area)\b", re.I)
_HEDGE = re.compile(r"\b(not a ceasefire|not a truce|not a withdrawal|does not mean|doesn't mean|aspiration|"
                    r"gradually|only if|on condition|conditional|depends on|not yet|not necessarily)\b", re.I)
_OWN_INSTITUTION = re.compile(r"\b(we|our|us|i|my|its|their|ministry|army|forces|troops|military|government|"
                              r"command|side|country|delegation|units)\b", re.I)


def extract(article: Article, nlp=None) -> list[Statement]:
    return next(extract_many([article], nlp=nlp))


def extract_events(article: Article, nlp=None) -> list[Observation]:
    """Events the article reports (strikes, shelling) as observations of source ``news`` citing the span."""
    events: list[Observation] = []
    next(extract_many([article], nlp=nlp, events=events))
    return events


def extract_many(articles: Iterable[Article], nlp=None, n_process: int = 1, events: list | None = None
                 ) -> Iterator[list[Statement]]:
    """One list of statements per article, in order. Long articles are parsed in paragraph-aligned chunks. When
    ``events`` is a list, events the articles report are appended to it (observations of source ``news``)."""
    nlp = nlp or load_nlp()
    articles = list(articles)
    jobs: list[tuple[int, int, str]] = []  # (article index, offset, text)
    for i, article in enumerate(articles):
        for offset, text in _chunks(article.text):
            jobs.append((i, offset, text))
    results: list[list[Statement]] = [[] for _ in articles]
    texts = (text for _, _, text in jobs)
    for (i, offset, _), doc in zip(jobs, nlp.pipe(texts, n_process=n_process, batch_size=16)):
        results[i].extend(statements_from_doc(articles[i], doc, offset))
        if events is not None:
            events.extend(events_from_doc(articles[i], doc, offset))
    for statements in results:
        yield _link_hedges(statements)


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= CHUNK:
        return [(0, text)]
    chunks, start = [], 0
    while start < len(text):
        end = min(start + CHUNK, len(text))
        if end < len(text):
            cut = text.rfind("\n", start + CHUNK // 2, end)
            end = cut + 1 if cut > 0 else end
        chunks.append((start, text[start:end]))
        start = end
    return chunks


def statements_from_doc(article: Article, doc: Doc, offset: int = 0) -> list[Statement]:
    text = doc.text
    quotes = quote_spans(text)
    registry = Registry(doc, quotes)
    found: list[Statement] = []
    places_by_sentence: dict[int, list[Span]] = {}
    for span in doc.spans.get("places", []):
        places_by_sentence.setdefault(doc[span.start].sent.start, []).append(span)
    breaks = [m.start() for m in re.finditer(r"\n\n", text)]
    sentences = list(doc.sents)
    attributed = _attribute(sentences, text, quotes, registry, breaks)
    for index, sent in enumerate(sentences):
        if attributed[index] is None:
            continue
        verb, speaker = attributed[index]
        start, end = _trim(text, sent.start_char, sent.end_char)
        paragraph = bisect.bisect_left(breaks, start)
        content = _content(sent, verb)
        quote = "direct" if quoted_words(text, quotes, start, end) >= 4 else "indirect"
        cues = _cues(content, speaker, verb, quoted=quote == "direct")
        negated = bool(verb is not None and any(c.dep_ == "neg" for c in verb.children))
        kind = classify(verb.lemma_ if verb is not None else None, _plain(content.text), cues, negated_verb=negated)
        places = _places(sent, places_by_sentence.get(sent.start, []))
        window = Window()
        if kind == "pledge":
            near = [sentences[i].text for i in (index, index + 1, index - 1, index + 2)
                    if 0 <= i < len(sentences) and abs(bisect.bisect_left(breaks, sentences[i].start_char)
                                                       - paragraph) <= 1]
            window = Window(*window_near(near, article.published, speaker.actor))
        found.append(Statement(
            article=article.name, article_id=article.id, published=article.published, speaker=speaker.name,
            actor=speaker.actor, kind=kind, quote=quote, text=text[start:end], start=start + offset,
            end=end + offset, places=places, window=window,
        ))
    return found


def _attribute(sentences: list[Span], text: str, quotes, registry: Registry, breaks: list[int]
               ) -> list[tuple[Token | None, Speaker] | None]:
    """Who speaks in each sentence, or None. First the sentences with their own speech act; then sentences inside a
    quotation whose attribution stands elsewhere in it (“A. B. C,” she said: A and B are hers too); then a quotation
    that opens right after the previous speaker's statement."""
    found: list[tuple[Token | None, Speaker] | None] = [None] * len(sentences)
    usable = [False] * len(sentences)
    previous: tuple[Speaker, int] | None = None
    for index, sent in enumerate(sentences):
        start, end = _trim(text, sent.start_char, sent.end_char)
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
        start, end = _trim(text, sent.start_char, sent.end_char)
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


def _content(sent: Span, verb: Token | None) -> Span:
    """What was said: the verb's clausal complement when there is one, else the whole sentence."""
    if verb is not None:
        for child in verb.children:
            if child.dep_ in ("ccomp", "xcomp", "dobj") and child.i > verb.i - 40:
                tokens = list(child.subtree)
                if len(tokens) >= 3:
                    return sent.doc[tokens[0].i:tokens[-1].i + 1]
    return sent


def _commits(verb: Token) -> bool:
    """Does this verb carry a commitment marker: a future or modal auxiliary, or an infinitive complement ("ready to",
    "decided to", "plans to")?"""
    return any((c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo", "ca", "can")) or
               c.dep_ == "xcomp" for c in verb.children)


def _cues(content: Span, speaker: Speaker, verb: Token | None, quoted: bool = False) -> Cues:
    """Who acts in what was said: the speaker's own side, another party, or nobody named."""
    state = speaker.actor not in (None, "CIV")
    own = other = False
    subjects = sorted((t for t in content if t.dep_ in ("nsubj", "nsubjpass")), key=lambda t: not _commits(t.head))
    for subject in subjects[:2]:
        phrase = " ".join(t.text for t in subject.subtree)[:80]
        if subject.lower_ in ("we", "i", "us"):
            own = True
            break
        named = actor_of_name(phrase) or actor_in_phrase(phrase)
        if named and speaker.actor and named == speaker.actor:
            own = True
            break
        if named and named != speaker.actor:
            other = True
            break
        if subject.lower_ in ("they", "he", "she", "you") or re.search(r"\b(enemy|opponents?|other side|"
                                                                        r"adversary)\b", phrase, re.I):
            # in indirect speech "he" is usually the speaker; inside a quotation it is someone else
            other = subject.lower_ not in ("he", "she") or speaker.person is None or quoted
            break
        if state and _OWN_INSTITUTION.search(phrase):
            own = True
            break
    if not subjects and verb is not None and verb.lemma_ in ("order", "instruct", "promise", "pledge", "vow",
                                                             "agree", "offer", "propose"):
        own = True
    root = content.root if len(content) else None
    first = next((t for t in content if not t.is_punct and not t.is_space), None)
    imperative = bool(root is not None and first is not None and root.tag_ == "VB" and root.i == first.i
                      and not any(c.dep_ in ("nsubj", "aux") for c in root.children))
    return Cues(own_side=own, other_side=other, state_speaker=state, imperative=imperative)


def _places(sent: Span, spans: list[Span]) -> tuple[str, ...]:
    codes: list[str] = []
    for span in spans:
        place = lookup(span.text)
        if place is None:
            continue
        if "UA-30" in place.codes and _means_government(span):
            continue
        for code in place.codes:
            if code not in codes:
                codes.append(code)
        if place.codes == ("UA-30",) and _SURROUNDINGS.search(sent.doc[max(span.start - 4, sent.start):
                                                                   min(span.end + 2, sent.end)].text):
            if "UA-32" not in codes:
                codes.append("UA-32")
    return tuple(sorted(codes))


def _means_government(span: Span) -> bool:
    """"Kyiv" as the Ukrainian government (a speaker, a party, "Kyiv's proposals") rather than the city."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH | {"want", "accept", "agree", "refuse",
                                                                             "insist", "seek", "respond"}:
        return True
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text in ("'s", "’s") and span.end + 1 < len(doc):
        following = doc[span.end + 1: min(span.end + 4, len(doc))]
        if any(t.lower_ in _GOVERNMENT_NOUNS for t in following):
            return True
    window = doc[max(span.start - 3, 0):min(span.end + 3, len(doc))].text.lower()
    return bool(re.search(r"\b(moscow and ky|moscow and kiev|between moscow|ky[iy]v and moscow|kiev and moscow)",
                          window))


def _plain(text: str) -> str:
    """Content without quotation marks and with straight apostrophes, so cue patterns match across them."""
    return re.sub(r"[“”\"«»„]", "", text).replace("’", "'")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


def _link_hedges(statements: list[Statement]) -> list[Statement]:
    from dataclasses import replace

    linked: list[Statement] = []
    for s in statements:
        if s.kind != "pledge" and _HEDGE.search(s.text):
            pledge = next((p for p in reversed(linked) if p.kind == "pledge" and p.actor and p.actor == s.actor),
                          None)
            if pledge is not None:
                s = replace(s, qualifies=pledge.id)
        linked.append(s)
    return linked
