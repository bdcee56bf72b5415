"""Speaker turns of transcripts: who speaks in each stretch of a text labelled "Title Name Surname: ...".

Transcripts of meetings, interviews and press conferences (a presidency's site, a ministry's briefing) label each turn
with its speaker and nothing else: "Governor of the Region Anna Kovalenko: We will open two schools." Everything in
the turn is that speaker's, though no sentence says so; a sentence that gives a point to someone else inside the turn
("According to the ministry, ...", "He said that ...") is that other party's, and only that sentence.

``find_turns(text)`` reads the labels from the text alone (it also runs before the parser, as the pipeline component
``saydo_turns_v1``, so that a label and the first words of its turn are never parsed as one sentence):

1. **Labels.** A capitalised word and up to 17 more (capitalised words, initials such as "Mr.", connectors such as
   "of", "the", "and"), optionally a bracketed note ("(retranslated)"), then a colon and a space. At the start of a
   line, ALL-CAPS labels too ("MS. NOVAK:", "THE PRESIDENT:"). Labels of the floor ("Question:", "Remark:",
   ``floor_labels``) and of an unnamed answer ("Reply:", ``reply_labels``) count only where a sentence starts.
2. **The name** is the label's last words that are neither title words (official words, ``label_titles``) nor
   connectors: two of them after a title ("Governor of the Region Anna Kovalenko" -> "Anna Kovalenko"), up to three
   without one ("Maria Luisa Rossi"); before a doubled word, the two words ending at it (a site's tooltip glued to
   the label: "Anna Kovalenko Kovalenko AnnaGovernor of ...").
3. **Which labels are turns.** A text is a transcript when a speaker labels two turns or more, a label carries a title,
   or a two-word label opens the text. Its turns are the labels where a sentence starts (the text's or a line's
   start, after . ! ? … > * and a space), and anywhere else the labels with a title or a name already labelling a
   turn (texts whose line breaks were lost: "... and so on Anna Kovalenko: ..."). A one-word label is a turn only when
   it is the surname of a named speaker of the text. "Remark: ..." in a text of no other turns still ends nothing.
4. **A turn** runs from the end of its label to the start of the next label, or to the end of the text.

``sentence_defaults`` gives attribution each sentence's default speaker (the hook in ``attribution.attribute``):
the turn's speaker, resolved to a person and actor through the article's registry; nobody for a turn of the floor;
the event's principal speaker for "Reply:". ``apply_defaults`` then fills the sentences without an attribution of
their own, and keeps a sentence's own attribution for that sentence only.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc, Span

from saydo.extract.documents import document_author
from saydo.extract.lexicon import lexicon
from saydo.extract.readouts import Readout, apply_readout, find_readout, issuing_site, own_site, site_actor
from saydo.extract.speakers import Person, Registry, Speaker, _default_actor, similar_surnames
from saydo.resolve.actors import actor_in_phrase, actor_of_name, actor_of_person, looks_official

_CONNECTORS = {"of", "the", "and", "for", "on", "in", "at", "to", "de", "da", "du", "von", "van", "der", "al", "bin",
               "el", "la", "le", "–", "-", "&"}
_CAPITALISED = r"(?:(?:Mr|Ms|Mrs|Dr|St|Jr|Sr|[A-Z])\.|[A-Z][\w'’–-]*)"  # a word, or an initial or honorific
_WORD = rf"(?:{_CAPITALISED}|" + "|".join(re.escape(c) for c in sorted(_CONNECTORS)) + ")"
_LABEL = re.compile(rf"(?<![\w'’.,;:&-])(?P<label>{_CAPITALISED}(?:,?[ \t]{_WORD}){{0,17}})"
                    rf"(?:[ \t]?\([^()\n]{{1,40}}\))?[ \t]?:[ \t]+(?=\S)")
_CAPS_LABEL = re.compile(r"(?m)^[ \t]*(?P<label>[A-Z][A-Z'’.-]*(?:[ \t][A-Z][A-Z'’.-]*){0,4})"
                         r"(?:[ \t]?\([^()\n]{1,40}\))?:[ \t]+(?=\S)")
_OPENS = re.compile(r"(?:[.!?…>*\n][\"”’»)]?[ \t]*|\n[ \t]*)$")
_HONORIFICS = {"mr", "mrs", "ms", "dr"}
_CAPS_TITLES = {"mr", "mrs", "ms", "dr", "the", "president", "vice", "secretary", "general", "admiral", "ambassador",
                "senator", "governor", "minister", "prime", "deputy", "press", "chancellor", "foreign", "defense",
                "defence", "spokesperson", "spokesman", "spokeswoman", "sir", "madam", "mayor", "colonel", "major"}


@dataclass(frozen=True)
class Turn:
    label_start: int  # first character of the label
    start: int  # first character of the turn's words (after the colon)
    end: int  # where the next label starts, or the end of the text
    label: str  # the label's words: "Governor of the Region Anna Kovalenko"
    name: str  # the speaker's name: "Anna Kovalenko"; "" when the label names a role or the floor
    title: str  # the words before the name: "Governor of the Region"; "the President" for "THE PRESIDENT:"
    floor: str = ""  # "question" for floor labels (Question:, Remark:), "reply" for Reply:/Answer:, else ""


@dataclass
class _Label:
    label_start: int
    start: int
    label: str
    name: str
    title: str
    floor: str
    opens: bool
    caps: bool = False


def find_turns(text: str) -> list[Turn]:
    """The speaker turns of a transcript, in order; [] for a text with no turn labels (see the module)."""
    labels = _candidates(text)
    if not labels:
        return []
    named = [c for c in labels if c.name and (c.title or len(c.name.split()) >= 2)]  # not a bare "Kovalenko:"
    full = {id(c) for c in named}
    counts = Counter(c.name.split()[-1] for c in named)
    opening = {c.name.split()[-1] for c in named if c.opens}
    # "SECRETARY KOWALSKA:", and "MR KOWALSKI:" at the start of a line: a briefing's form even when the excerpt
    # holds one turn
    titled = {c.name.split()[-1] for c in named if c.title and (_is_office(c.title) or
                                                                 c.caps and _HONORIFICS & set(c.title.split()))}
    known = {s for s in opening if counts[s] >= 2} | titled
    if not any(c.opens and (c.name.split()[-1] in known or c.label_start == 0) for c in named):
        return []  # a transcript has a turn where a sentence starts; "quoted President Novak: ..." alone is none
    kept: list[_Label] = []
    for c in labels:
        surname = c.name.split()[-1] if c.name else ""
        if c.floor:
            keep = c.opens
        elif c.caps:
            keep = not c.name or surname in known
        elif id(c) in full:
            keep = c.opens or surname in known
        else:
            keep = surname in known  # "Kovalenko:" alone: the surname of a named speaker of the text
        if keep:
            kept.append(c)
    return [Turn(c.label_start, c.start, kept[i + 1].label_start if i + 1 < len(kept) else len(text), c.label,
                 c.name, c.title, c.floor) for i, c in enumerate(kept)]


def _candidates(text: str) -> list[_Label]:
    floor_words, reply_words = lexicon("turns", "floor_labels"), lexicon("turns", "reply_labels")
    page_words = lexicon("turns", "page_labels")
    found: dict[int, _Label] = {}
    for m in _LABEL.finditer(text):
        start, label = m.start("label"), m.group("label")
        if label.lower() in page_words:
            continue  # "Read More:", "Photo:": the page's furniture
        words = label.split()
        opens = start == 0 or bool(_OPENS.search(text, max(0, start - 4), start))
        if words[-1].lower() in _CONNECTORS:
            continue
        if len(words) == 1 and label.lower() in floor_words:
            found[start] = _Label(start, m.end(), label, "", "", "question", opens)
        elif len(words) == 1 and label.lower() in reply_words:
            found[start] = _Label(start, m.end(), label, "", "", "reply", opens)
        elif not label.isupper() or len(words) > 1 and not all(w.isupper() for w in words):
            name, title = _split_name(words)
            if name:
                # a heading whose line break was lost runs into the label: "... of the summit President of
                # Ruritania Anna Kovalenko: ...": a full name after an office of three words or more, or after
                # a word that does not bind it to the sentence ("quoted President Jan Novak:" continues it)
                opens = opens or (len(name.split()) >= 2 and bool(title) and _is_office(title)
                                  and (len(title.split()) >= 3 or not _bound(text, start)))
                found[start] = _Label(start, m.end(), label, name, title, "", opens)
    for m in _CAPS_LABEL.finditer(text):
        start, label = m.start("label"), m.group("label")
        if label.lower() in page_words:
            continue
        if not label.isupper() and label not in ("Q", "A"):
            continue
        lowered = label.lower()
        if lowered in floor_words:
            found[start] = _Label(start, m.end(), label, "", "", "question", True, caps=True)
        elif lowered in reply_words:
            found[start] = _Label(start, m.end(), label, "", "", "reply", True, caps=True)
        else:
            words = [w.strip(".").lower() for w in label.split()]
            name_words = [w for w in words if w not in _CAPS_TITLES]
            title = " ".join(w for w in words if w in _CAPS_TITLES)
            name = " ".join(w.capitalize() for w in name_words)
            if name or title:
                title = "the " + title.removeprefix("the ").capitalize() if not name else title
                found[start] = _Label(start, m.end(), label, name, title, "", True, caps=True)
    return [found[k] for k in sorted(found)]


def _bound(text: str, start: int) -> bool:
    """Is the word before ``start`` one that makes what follows part of its sentence ("by", "to", "quoted")?"""
    before = re.search(r"([\w'’]+)[ \t]*$", text[max(0, start - 30):start])
    return before is not None and before.group(1).lower() in lexicon("turns", "label_not_after")


def _split_name(words: list[str]) -> tuple[str, str]:
    """(name, title) of a label's words; the name is "" when the label holds no personal name."""
    comma = next((i for i, w in enumerate(words) if w.endswith(",")), None)
    if comma in (1, 2) and comma + 1 < len(words) and all(_name_word(w.rstrip(",")) for w in words[:comma + 1]) \
            and _is_title(" ".join(words[comma + 1:])):
        # "Anna Kovalenko, Head of the Federal Service for Roads": the name first, its office after a comma
        return " ".join(w.rstrip(",") for w in words[:comma + 1]), " ".join(words[comma + 1:])
    for i in range(1, len(words) - 1):
        if words[i] == words[i + 1] and _name_word(words[i]):  # "... Anna Kovalenko Kovalenko AnnaGovernor of ..."
            first = i - 1 if _name_word(words[i - 1]) else i
            return " ".join(words[first:i + 1]), " ".join(words[:first])
    tail: list[str] = []
    for word in reversed(words):
        if len(tail) == 3 or not _name_word(word):
            break
        tail.insert(0, word)
    if len(tail) == 3 and len(words) > 3 and not _is_title(words[-4]):
        tail = tail[1:]  # "Minister of Transport Anna Kovalenko": the title's last word; not "Minister Anna Maria X"
    if not tail or (len(tail) == 1 and len(words) > 1 and not _is_title(words[-2])):
        return "", " ".join(words)  # "Republic of Ruritania:", "Plan B:": no personal name
    return " ".join(tail), " ".join(words[:len(words) - len(tail)])


def _is_office(words: str) -> bool:
    """A title that names an office ("Governor of the Region"), not only an honorific ("Mr")."""
    honorifics = lexicon("turns", "honorifics")
    return _is_title(" ".join(w for w in words.split() if w.lower() not in honorifics))


def _name_word(word: str) -> bool:
    if word.endswith(",") or (word.endswith(".") and len(word) > 2):
        return False  # "Yes. Anna Kovalenko:", "Well, Anna Kovalenko:": not part of a name
    bare = word.strip(".,")
    return bool(bare[:1].isupper() and bare not in _CONNECTORS and not _is_title(bare)
                and (not actor_of_name(bare) or actor_of_person(bare))  # "Ruritania" no, "Zelenskyy" yes
                and re.fullmatch(r"[\w'’-]+", bare) and not bare.isdigit())


def _is_title(words: str) -> bool:
    titles, honorifics = lexicon("turns", "label_titles"), lexicon("turns", "honorifics")
    return looks_official(words) or any(w.lower() in titles or w.lower() in honorifics for w in words.split())


# --- before the parser: a label and its turn are separate sentences --------------------------------------------------

class TurnBreaks:
    """Pipeline component ``saydo_turns_v1``: a turn label and the first word of its turn start sentences, so "Anna
    Kovalenko: We will ..." is never one sentence with the name as subject, and a label glued to the previous turn's
    last words ("... and so on Anna Kovalenko:") still opens its own sentence. Runs before the parser."""

    def __call__(self, doc: Doc) -> Doc:
        turns = find_turns(doc.text)
        if not turns:
            return doc
        starts = {t.label_start for t in turns} | {t.start for t in turns}
        for token in doc[1:]:
            if token.idx in starts:
                token.is_sent_start = True
        return doc


@Language.factory("saydo_turns_v1", assigns=["token.is_sent_start"])
def make_turn_breaks(nlp: Language, name: str) -> TurnBreaks:
    return TurnBreaks()


# --- the hook for attribution: each sentence's default speaker -------------------------------------------------------

@dataclass
class Default:
    """Who speaks in a sentence that names no speaker: ``speaker`` (None: nobody a party speaks for, e.g. a question
    from the floor) and where it comes from (``source``: "turn", "reply", "floor", or a readout's "readout")."""

    speaker: Speaker | None
    source: str
    turn: Turn | None = None
    readout: Readout | None = None


@dataclass
class Defaults:
    """Per sentence, the default speaker (or None) and, once applied, the rule names that decided it."""

    items: list[Default | None]
    rules: list[tuple[str, ...]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rules = [() for _ in self.items]


def sentence_defaults(text: str, url: str | None, sentences: list[Span], registry: Registry, quotes,
                      offset: int = 0, title: str | None = None, day: date | None = None) -> Defaults:
    """Each sentence's default speaker: its turn's speaker inside a transcript's turns, the issuer in a readout, the
    author of a document its title names as one author's (``saydo.extract.documents``) elsewhere (``text``: the
    whole article, of which the parsed sentences start at ``offset``; ``url``: its link; ``title``: its title;
    ``day``: its date, for the holder of an office a readout or a title names without a name)."""
    turns = find_turns(text)
    where = _turn_of(sentences, turns, offset)
    readout = find_readout(url, sentences, [t is not None for t in where], registry, quotes, day)
    principal = readout.issuer if readout is not None and readout.issuer.person is not None else None
    author = document_author(title, text, sentences, registry, issuing_site(url), day, own_site(url, day)) \
        if readout is None else None
    items: list[Default | None] = []
    speakers: dict[str, Speaker | None] = {}
    for turn in where:
        if turn is None:
            if readout is not None:
                items.append(Default(readout.issuer, "readout", readout=readout))
            else:
                items.append(Default(author, "document") if author is not None else None)
        elif turn.floor == "question":
            items.append(Default(None, "floor", turn))
        elif turn.floor == "reply":
            if "reply" not in speakers:
                speakers["reply"] = principal or _principal(turns, registry)
            items.append(Default(speakers["reply"], "reply", turn))
        else:
            key = turn.name or turn.title
            if key not in speakers:
                press = bool(turn.name) and any(_introduces_press(text, t) for t in turns if t.name == turn.name)
                speakers[key] = _turn_speaker(turn, registry, principal, "CIV" if press else site_actor(url))
            items.append(Default(speakers[key], "turn", turn))
    return Defaults(items)


def _turn_of(sentences: list[Span], turns: list[Turn], offset: int) -> list[Turn | None]:
    """The turn each sentence starts in, or None."""
    starts = [t.start for t in turns]
    out: list[Turn | None] = []
    for sent in sentences:
        at = sent.start_char + offset
        i = bisect.bisect_right(starts, at) - 1
        out.append(turns[i] if i >= 0 and at < turns[i].end else None)
    return out


_PRESS = lexicon("turns", "press_introductions")
_SELF_INTRODUCTION = re.compile(r"\b(?:my name is|i am|i'm|i represent|i work for|i write for)\b", re.I)
INTRODUCTION_REACH = 300  # characters at a turn's start in which a speaker says who they are


def _introduces_press(text: str, turn: Turn) -> bool:
    """A questioner at a news conference: the turn opens with a sentence in which the speaker says who they are and
    names their trade or outlet ("Anna Kovalenko, Channel 5, Lviv.", "My name is ..., I represent the ... newspaper").
    The site's government does not speak through them; they speak for themselves (GUIDELINES.md: journalists, CIV)."""
    surname = re.compile(rf"\b{re.escape(turn.name.split()[-1])}\b")
    opening = text[turn.start:min(turn.end, turn.start + INTRODUCTION_REACH)]
    return any(_PRESS.search(sentence) and (_SELF_INTRODUCTION.search(sentence) or surname.search(sentence))
               for sentence in re.split(r"(?<=[.!?])\s+", opening))


def _turn_speaker(turn: Turn, registry: Registry, principal: Speaker | None, site: str | None = None) -> Speaker:
    """The speaker a label names: the person of the article's registry with that name (or surname), with the actor
    their role or the label's title gives, else the side whose own site the transcript is on (``site``: "MR
    KOWALSKI:" in a briefing on a foreign ministry's site); a role label ("THE PRESIDENT:") is the issuing side's
    principal, or the person last named with that role."""
    if not turn.name:
        if principal is not None:
            return principal
        person = registry.by_role(turn.title, len(registry.doc))
        if person is not None:
            return Speaker(person.name, person.actor or actor_in_phrase(turn.title), person)
        return Speaker(turn.title, actor_in_phrase(turn.title))
    person = registry.find(turn.name)
    if person is None:
        actor = actor_in_phrase(turn.title) if turn.title else None
        actor = actor or actor_of_person(turn.name) or site or (None if _is_title(turn.title) else "CIV")
        if actor == "CIV":  # a private person by name (a questioner from the press), not a named organisation
            return Speaker(turn.name, actor, Person(turn.name, turn.name.split()[-1], -1, turn.title, actor))
        return Speaker(turn.name, actor)
    surname, words = turn.name.split()[-1].lower(), person.name.split()
    longer = len(turn.name) > len(person.name) and turn.name.endswith(person.name)  # "Anna-Maria Kovalenko"
    titled = person.name.endswith(" " + turn.name) and person.name[:-len(turn.name)].split()[-1] in turn.title.split()
    if len(turn.name.split()) >= 2 and (len(words) < 2 or len(set(words)) < len(words) or longer or titled) and (
            surname == person.surname.lower() or similar_surnames(surname, person.surname.lower())):
        person.name = turn.name  # "Mr Kovalenko" met first, a doubled word, a title word taken into the name
    if person.actor is None and turn.title:
        person.actor = actor_in_phrase(turn.title)
    if not person.role and turn.title:
        person.role = turn.title
    return Speaker(person.name, person.actor or actor_of_person(person.name) or site or _default_actor(person),
                   person)


def _principal(turns: list[Turn], registry: Registry) -> Speaker | None:
    """Who answers in an interview whose answers are labelled "Reply:": the named speaker with the most turns."""
    named = Counter(t.name for t in turns if t.name and not t.floor)
    if not named:
        return None
    name = named.most_common(1)[0][0]
    return _turn_speaker(next(t for t in turns if t.name == name), registry, None)


# --- applying the defaults inside attribution ------------------------------------------------------------------------

def apply_defaults(sentences: list[Span], found: list, meta: list[bool], usable: list[bool], defaults: Defaults
                   ) -> None:
    """Fill each sentence of a turn that has no attribution of its own with the turn's speaker, before reported
    speech may run on: an attribution inside a turn ("According to the ministry, ...") stays with its sentence and
    never carries over to the next. Sentences that say nothing (questions, greetings of three words, no verb), the
    editor's bracketed notes and the sentences of a turn from the floor are closed to any speaker. Readout sentences
    are handled by ``saydo.extract.readouts.apply_readout``."""
    notes = _stage_directions(sentences[0].doc.text) if sentences else []
    for index, default in enumerate(defaults.items):
        if default is None:
            continue
        if default.source == "readout":
            apply_readout(sentences[index], index, found, default, defaults)
            continue
        if found[index] is not None and _own_attribution(sentences[index], found[index][0]):
            defaults.rules[index] = ("attribution:turn-other",)  # "According to X, ...": that sentence only
            continue
        source = _according_to(sentences[index]) if found[index] is None else None
        if source is not None:  # "According to the national bank, ...": the bank's, even if no side is known
            found[index] = (None, source, False)
            defaults.rules[index] = ("attribution:turn-other",)
            continue
        start = sentences[index].start_char
        noted = any(a <= start < b for a, b in notes)  # "(The minister went on to describe ...)": the editor's
        if default.speaker is None or noted or not usable[index] or not says_something(sentences[index]) or \
                default.source == "document" and not _ends_as_sentence(sentences[index]):
            meta[index] = True  # closed: no statement, and reported speech does not run through it
            continue
        found[index] = (None, default.speaker, False)
        if default.source == "document":
            defaults.rules[index] = ("attribution:document", "speaker:document")
        else:
            defaults.rules[index] = ("attribution:turn", "speaker:turn-reply" if default.source == "reply"
                                     else "speaker:turn")


def _stage_directions(text: str) -> list[tuple[int, int]]:
    """Bracketed notes of the transcript's editor inside turns ("(Applause.)", "(The minister then described the
    new routes. He added ...)"): from an opening bracket to its closing one, four words or more, or one word that
    stands alone; the turn's speaker does not say them."""
    spans, depth, opened = [], 0, 0
    for m in re.finditer(r"[()]", text):
        if m.group() == "(":
            depth, opened = depth + 1, (m.start() if depth == 0 else opened)
        elif depth:
            depth -= 1
            if depth == 0:
                inner = text[opened + 1:m.start()]
                if len(inner.split()) >= 4 or inner.rstrip(".").istitle():
                    spans.append((opened, m.end()))
    return spans


def _according_to(sent: Span) -> Speaker | None:
    """The source of "according to X" that attribution could not resolve to a known person or side: X's words up
    to a comma ("the national bank"), with the side they name, if any."""
    for token in sent:
        if token.lower_ == "according" and token.i + 1 < sent.end and token.nbor(1).lower_ == "to":
            obj = next((c for c in token.nbor(1).children if c.dep_ == "pobj"), None)
            if obj is None:
                return None
            words = []
            for t in obj.subtree:
                if t.text == "," and t.i > obj.i:
                    break
                words.append(t.text_with_ws)
            name = re.sub(r"^(?:the|a|an)\s+", "", "".join(words).strip(), flags=re.I)
            return Speaker(name, actor_of_name(name) or actor_in_phrase(name)) if name else None
    return None


def _own_attribution(sent: Span, verb) -> bool:
    """Does a sentence inside a turn give its words to someone else by itself: a speech verb whose subject names
    someone ("the minister told me", "he said"), or "according to X"? Not when the subject is "it" or "they", which
    news narration reads as the institution that spoke last but which in a turn is rarely a speaker ("They are to
    blame"), nor a name the speaker addresses ("Mr Novak, I can say ..."), nor "This was explained by X" in the next
    sentence."""
    from saydo.extract.attribution import _subject_of

    if verb is None:
        return any(t.lower_ == "according" and t.i + 1 < sent.end and t.nbor(1).lower_ == "to" for t in sent)
    subject = _subject_of(verb)
    if subject is None:
        return True
    words = sorted(t.i for t in subject.subtree)
    vocative = words[0] == sent.start and words[-1] + 1 < sent.end and sent.doc[words[-1] + 1].text == ","
    return subject.lower_ not in ("it", "they") and not vocative  # "Mr Novak, I can say ...": addressed, not quoted


def _ends_as_sentence(sent: Span) -> bool:
    """Does the sentence end with a full stop, question or exclamation mark (a heading or a byline does not)?"""
    return bool(re.search(r"[.!?…][\"”’»)\]]*\s*$", sent.text))


def says_something(sent: Span) -> bool:
    """A sentence that can carry a statement: not a question, with a verb and four words or more ("Thank you.",
    "Good afternoon, colleagues." and "Is that so?" are not statements)."""
    text = sent.text.strip()
    if text.endswith("?") or text.endswith("?”") or text.endswith('?"'):
        return False
    words = [t for t in sent if t.is_alpha]
    return len(words) >= 4 and any(t.pos_ in ("VERB", "AUX") for t in sent)
