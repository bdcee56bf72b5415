"""Documents that are one author's words throughout: an address, a speech, a statement a ministry issues.

A text whose title names it as one author's speech act ("Address by the President of Ruritania to the nation", "Speech
by Minister Jan Novak at the forum", "Statement of the Ministry of Foreign Affairs on the vote", "Our ports stay open –
address by President Anna Kovalenko") is that author's from the first sentence to the last, though no sentence says
so. The title is the article's own (a table's headline, a page's title) or, for a plain text, its first line when that
line is a heading (it ends without a full stop).

``document_author`` finds the author:

1. **The title** has a document noun (``document_nouns``: address, speech, statement, appeal, remarks …) at its start
   or after a dash, then "by", "of" or "from" and the author's words, which run to a word that starts what the
   document is about or where it was given ("to", "at", "on", "in" …), a comma, a bracket or the end; or it opens
   with the author's words in the possessive before the noun ("Minister Anna Kovalenko's remarks after the forum",
   "the Director General's introductory statement"). Words naming several authors ("by X and Y") give none. A plain
   text's title is one of its opening lines (``OPENING_LINES``, a page's menu and date lines before it; a stored
   page's leading "date YYYY-MM-DD" marker is no part of it) that ends without a full stop, or with one when the line
   has no finite verb (a title, not a sentence); the lines after the first that reads as a sentence are the body.
2. **The author** is the personal name those words end with after an office ("President of Ruritania Anna
   Kovalenko" -> Anna Kovalenko), with the side the office or the name gives. Without a name, a head of state's
   office is whoever held it on the text's day (``saydo.resolve.offices``: "the President of Ukraine" in 2023 is
   Volodymyr Zelenskyy); another office or body is named as the words name it ("the Ministry of Foreign Affairs"), as
   fully as the text names it ("the Ministry of Foreign Affairs of Ruritania"), with the side that naming, or else the
   issuing site, gives.
3. **News about a document is not the document.** A text that reports its author speaking in the past tense ("the
   ministry said", "Kovalenko told reporters") is a report on the address, not the address: it has no author.
4. **A speech saved without its title.** On a head of state's own site (``saydo.extract.readouts.ISSUERS``), a text
   with no such title that has "I" or "we" as a subject within its first ``OPENING`` sentences, speaks in the first
   person outside quotation marks in more than ``readouts.FIRST_PERSON_SHARE`` of its sentences (the share that
   tells a speech from a readout), and never names the head of state of its day or "the President", and reports no
   one else speaking ("she said"), outside quotation marks (as news of the President's day does), is the head of
   state's (else the issuing body's): an address whose heading was not kept.

Which sentences are the author's is decided with the transcripts' defaults (``saydo.extract.turns``): every sentence
outside a turn or a readout that says something and ends as a sentence ends (not a heading or a byline), unless it
gives its words to someone else ("According to the bank, ..."), which holds for that sentence only.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from spacy.tokens import Span

from saydo.extract.lexicon import lexicon
from saydo.extract.quotes import quote_spans
from saydo.extract.readouts import FIRST_PERSON_SHARE
from saydo.extract.speakers import ORG_WORDS, PERSON_ROLE, REPORTING_VERBS, Registry, Speaker
from saydo.resolve.actors import actor_in_phrase, actor_of_name, actor_of_person, looks_official
from saydo.resolve.offices import holder, office_holder

# where the author's words end: a word that starts what the document is about or where it was given, a stop, a dash
_ENDS = (r"(?=\s+(?:to|at|on|in|during|before|for|regarding|about|concerning|after|with|marking|dedicated)\s"
         r"|\s*[,;:.(\[]|\s+[-–—|]\s|\s*$)")
_CONNECTORS = {"of", "the", "and", "for", "de", "von", "van", "der"}


# words before a document noun that say what kind it is: "press statement", "introductory statement", "video address"
_KINDS = (r"(?:video|televised|evening|annual|new\s+year'?s?|official|special|press|introductory|opening|closing|"
          r"keynote|written|joint|[a-z]+(?:-[a-z]+)+)")  # and a hyphened word of when: "pre-summit", "year-end"
# whom a document is given to, between its noun and its author: "Remarks to the press by the Secretary-General"
_AUDIENCE = r"(?:to\s+(?:the\s+)?(?:press|media|reporters|journalists|nation|parliament)\s+)?"


def _nouns() -> str:
    """The document nouns as one alternation, longest first."""
    return "|".join(sorted((re.escape(w) for w in lexicon("turns", "document_nouns").words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    nouns = _nouns()
    return re.compile(rf"(?:^|\s[-–—|:]\s)\W*(?:{_KINDS}\s+)*"
                      rf"(?:{nouns})\s+{_AUDIENCE}(?:by|of|from)\s+(?P<author>[^,;:.()\[\]]+?){_ENDS}", re.I)


# the author first, a dash or colon, then the document noun heading the rest: "THE DIRECTOR-GENERAL -- STATEMENT TO
# THE BOARD", "Ministry of Foreign Affairs: statement on the vote"
@lru_cache(maxsize=1)
def _author_first_pattern() -> re.Pattern:
    nouns = _nouns()
    return re.compile(rf"^\W*(?P<author>[A-Z][^,;:.()\[\]|–—]*?)(?:\s+(?:-{{1,2}}|[–—|])|\s*:)\s+(?:{_KINDS}\s+)*"
                      rf"(?:{nouns})(?=\s+(?:to|at|on|in|before|after|during|for|following)\s|\s*$)", re.I)


# the author's words in the possessive before a document noun, at the start of a title: "Minister Anna Kovalenko's
# remarks", "the Director General's introductory statement" (up to two words between, none a preposition or article)
@lru_cache(maxsize=1)
def _possessive_pattern() -> re.Pattern:
    nouns = _nouns()
    return re.compile(rf"(?:^|\s[-–—|:]\s)\W*(?P<author>(?:[Tt]he\s+)?[A-Z][^,;:.()\[\]'’–—|-]*?)['’]s\s+"
                      rf"(?:(?!(?:to|on|of|by|at|in|for|about|with|the|a|an)\b)[\w-]+\s+){{0,2}}(?i:{nouns})\b")


OPENING_LINES = 12  # non-empty lines at a page's top among which its title stands (menus, a date, a section name)
_MARKER = re.compile(r"^date \d{4}-\d{2}-\d{2}\s+")  # a stored page's leading date marker
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_SENTENCE_END = re.compile(r"[.!?…][\"”’»)]?$")  # a line that ends as a sentence does, not as a heading


def opening_titles(text: str, sentences: list[Span] | None = None) -> list[str]:
    """The opening lines of a plain text that can be its title, in order: up to 30 words, ending without a full stop
    or, when ``sentences`` show the line has no finite verb, with one; scanning stops at the first line that reads as
    a sentence."""
    out = []
    for line in [line.strip() for line in text.lstrip().split("\n", 4 * OPENING_LINES)][:4 * OPENING_LINES]:
        line = _MARKER.sub("", line)
        if not line:
            continue
        if len(out) == OPENING_LINES or len(line.split()) > 30:
            break
        if _SENTENCE_END.search(line):
            if line.endswith(".") and sentences is not None and _verbless(line, sentences):
                out.append(line.rstrip("."))
            break
        out.append(line)
    return out


def _verbless(line: str, sentences: list[Span]) -> bool:
    """Is the parsed sentence that ends with this line without a finite verb in the line?"""
    for sent in sentences:
        if sent.text.rstrip().endswith(line[-40:]):
            start = sent.end_char - len(sent.text) + len(sent.text.rstrip()) - len(line)
            return not any(t.tag_ in _FINITE for t in sent if t.idx >= start)
    return False


def heading(text: str) -> str | None:
    """A plain text's first line, when it is a heading: up to 30 words, ending without a full stop. A page that sets
    the document's kind apart from its author ("Press conference", then "by the Secretary General ...") gives the
    two lines as one."""
    lines = [line.strip() for line in text.lstrip().split("\n", 4)[:4] if line.strip()]
    first = lines[0] if lines else ""
    if len(lines) > 1 and len(first.split()) <= 4 and re.match(r"(?:by|of|from)\s", lines[1]):
        first = f"{first} {lines[1]}"
    if not first or len(first.split()) > 30 or _SENTENCE_END.search(first):
        return None
    return first


def author_words(title: str | None) -> str | None:
    """The author's words in a title that names a document by one author, or None."""
    if not title:
        return None
    m = _title_pattern().search(title.strip())
    if m is None:
        m = _possessive_pattern().search(title.strip())
        # before a possessive, every word is the author's name or office: "Minister Anna Kovalenko's remarks", not
        # "Remembering the victory means ... - President Kovalenko's address" read from its first word
        if m is not None and any(w[:1].islower() and w not in _CONNECTORS for w in m.group("author").split()):
            m = None
    if m is None:
        m = _author_first_pattern().search(title.strip())
        # only an office or a body written before the noun ("The Director-General -- Statement"), not a name that a
        # news headline quotes ("Kovalenko: statement by the envoy is a lie" has its own "by")
        if m is not None and not (looks_official(m.group("author")) or ORG_WORDS.search(m.group("author"))):
            m = None
    if m is None:
        return None
    words = re.sub(r"\s+", " ", m.group("author")).strip()
    # a name or an office is written with capitals: a lower-case word other than a connector ends it ("President
    # Anna Kovalenko following her visit")
    kept = []
    for word in words.split():
        if word[:1].islower() and word not in _CONNECTORS:
            break
        kept.append(word)
    while kept and kept[-1] in _CONNECTORS:
        kept.pop()
    words = " ".join(kept)
    rest = title.strip()[m.end("author"):]
    if re.search(r"\s(?:and|&)\s", words) or re.match(r"\s*,[^–—|]*\s(?:and|&)\s", rest) or \
            not re.search(r"[A-Z]", words):
        # several authors ("by the presidents of X and Y", "by the President, the Speaker and the Prime Minister"),
        # or no one named ("statement of intent")
        return None
    return words


def document_author(title: str | None, text: str, sentences: list[Span], registry: Registry,
                    site: tuple[str, str] | None = None, day: date | None = None,
                    body: tuple[str, str] | None = None) -> Speaker | None:
    """The author a document's title names (``title``: the article's; else the first line of ``text`` when it is a
    heading), or None when it names none or the text reports the author speaking (see the module). ``site``: the
    issuing site's (actor, body) when the link is a known one (``saydo.extract.readouts.issuing_site``); ``day``: the
    text's date, for who held an office the title names without a name ("the President of Ruritania"); ``body``:
    (actor, name) of another government's or international body's own site (``saydo.extract.readouts.own_site``),
    whose speech saved without its title is the body's, as no table says which of its officials gave it."""
    words = author_words(title) or author_words(heading(text)) or \
        next((w for line in opening_titles(text, sentences) if (w := author_words(line))), None)
    if words is None:
        return _own_site_speech(text, site, day, registry) if site is not None else \
            _own_site_speech(text, body, None, registry)
    author = _author(words, text, registry, site or body, day)
    if author is None or _reported(author, sentences):
        return None
    return author


OPENING = 6  # sentences within which a speech says "I" or "we" (after its greetings)
_SUBJECT = re.compile(r"(?:^|[\s,;:(—–-])(?:I|[Ww]e)\s+(?!and\b|or\b)[a-z’']+")  # "we will", "I am", not "you and I"
_FIRST = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y|us|me)\b")
# someone told of in the third person, as news of a head of state's day does: "the President noted", "the Head of
# State", "she said", "Kovalenko stressed"
_THIRD = re.compile(r"\b[Tt]he (?:Head of (?:the )?State|President)\b(?! of)|"
                    r"\b(?!We\b)(?:[Ss]he|[Hh]e|[A-Z][\w’'-]+) "
                    r"(?:said|noted|stressed|emphasi[sz]ed|added|stated|told)\b")


def _own_site_speech(text: str, site: tuple[str, str] | None, day: date | None, registry: Registry
                     ) -> Speaker | None:
    """An address saved without its title on a head of state's own site (4.): the head of state's of that day, else
    the issuing body. Read from the whole text, so that every part of a long one gets the same answer."""
    if site is None:
        return None
    actor, body = site
    name = holder(actor, day)
    if not _spoken(text, name.split()[-1] if name else None):
        return None
    person = registry.find(name) if name else None
    return Speaker(person.name, actor, person) if person is not None else Speaker(name or body, actor)


@lru_cache(maxsize=16)
def _spoken(text: str, surname: str | None) -> bool:
    """Does the text speak in the first person from its opening on, outside quotation marks, and never name the head
    of state (``surname``) or "the President" in the third person there?"""
    parts, at = [], 0
    for start, end in quote_spans(text):  # the words outside quotation marks, the quoted ones blanked
        parts += [text[at:start], " " * (end - start)]
        at = end
    plain = "".join(parts) + text[at:]
    sentences = [s for s in re.split(r"(?<=[.!?…])[\"”’»]?\s+", plain) if s.strip()]
    if len(sentences) < 3 or _THIRD.search(plain) or (surname and re.search(rf"\b{re.escape(surname)}\b", plain)):
        return False
    first = sum(1 for s in sentences if _FIRST.search(s))
    return any(_SUBJECT.search(s) for s in sentences[:OPENING]) and first > FIRST_PERSON_SHARE * len(sentences)


def _author(words: str, text: str, registry: Registry, site: tuple[str, str] | None, day: date | None
            ) -> Speaker | None:
    bare = re.sub(r"^(?:the|a|an)\s+", "", words, flags=re.I)
    held = office_holder(words, day, site[0] if site else None)
    if held is not None:  # "the President of Ruritania": who held the office that day
        person = registry.find(held[0])
        return Speaker(person.name, held[1], person) if person is not None else Speaker(*held)
    name, office = _name_and_office(bare)
    if name:
        person = registry.find(name)
        actor = actor_in_phrase(office) or actor_of_person(name) or (site[0] if site else None)
        if person is not None:
            return Speaker(person.name, person.actor or actor, person)
        return Speaker(name, actor)
    if not (looks_official(bare) or ORG_WORDS.search(bare) or actor_of_name(bare)):
        return None  # "Statement of Principles": no office or body
    full = _fuller_naming(bare, text)
    actor = actor_of_name(full) or actor_in_phrase(full) or (site[0] if site else None)
    return Speaker(full, actor)


def _name_and_office(words: str) -> tuple[str, str]:
    """("Anna Kovalenko", "President of Ruritania") of "President of Ruritania Anna Kovalenko"; ("", words) when the
    words end with no personal name after an office."""
    parts = words.split()
    tail: list[str] = []
    for word in reversed(parts):
        if len(tail) == 3 or not _name_word(word):
            break
        tail.insert(0, word)
    office = " ".join(parts[:len(parts) - len(tail)])
    if len(tail) >= 2 and (not office or PERSON_ROLE.search(office)) or tail and actor_of_person(" ".join(tail)):
        return " ".join(tail), office
    return "", words


def _name_word(word: str) -> bool:
    return bool(re.fullmatch(r"[A-ZÀ-Þ][\w'’-]+", word)) and word.lower() not in _CONNECTORS and \
        not looks_official(word) and not ORG_WORDS.search(word) and \
        (actor_of_name(word) is None or actor_of_person(word) is not None)


def _fuller_naming(words: str, text: str) -> str:
    """The body as fully as the text names it: "Ministry of Foreign Affairs" -> "Ministry of Foreign Affairs of
    Ruritania" when the text has that and it names a side; else the words as they are."""
    if actor_of_name(words) or actor_in_phrase(words):
        return words
    escaped = re.escape(words)
    for pattern in (rf"{escaped}\s+of\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?", rf"[A-Z][\w'’-]+\s+{escaped}"):
        for m in re.finditer(pattern, text):
            fuller = m.group(0)
            if actor_in_phrase(fuller):
                return fuller
    return words


def _reported(author: Speaker, sentences: list[Span]) -> bool:
    """Does the text report its author speaking in the past tense ("the ministry said", "Kovalenko told")?"""
    keys = {w.lower() for w in re.findall(r"[A-Za-z]+", author.name)} - _CONNECTORS
    surname = author.name.split()[-1].lower() if author.person is not None else None
    for sent in sentences:
        for token in sent:
            if token.lemma_.lower() not in REPORTING_VERBS or token.tag_ != "VBD":
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.pos_ == "PRON":
                continue
            if surname is not None and any(t.lower_ == surname for t in subject.subtree):
                return True
            if surname is None and subject.lemma_.lower() in keys and subject.pos_ in ("NOUN", "PROPN"):
                return True
    return False
