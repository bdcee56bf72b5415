"""Who is who inside an article: people and groups, their roles, and the actor each speaks for.

A person introduced once ("Russia's deputy defence minister, Alexander Fomin") is registered with the role words around
the name; later mentions — the surname, "Mr. Fomin", "he", "the minister", "Moscow's lead negotiator" — resolve to the
same entry. The actor comes from the role ("Russia's ... minister" -> RUS), from an institution named as speaker
("the Kremlin" -> RUS), and is CIV for a person described only by age, occupation or as a resident.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from saydo.extract.call_signs import without_call_sign
from saydo.extract.lexicon import lexicon
from saydo.extract.quotes import inside_quote
from saydo.resolve.actors import actor_in_phrase, actor_of_name, actor_of_person, looks_civilian, looks_official
from saydo.resolve.offices import has_office, holder, office_holder, office_of

_TITLES = re.compile(r"^(mr|mrs|ms|miss|dr|prof|gen|col|lt|maj|capt|sgt|president|minister|general)\.?\s+", re.I)
# what the small model may leave of "Secretary of State Rubio" before a known figure's name ("State Rubio"); not the
# "State" of "State Duma"
_CUT_TITLES = {"state", "secretary"}
PRONOUNS = {"he", "she", "him", "her", "his"}
_FEMALE = lexicon("speakers", "female_person_words")
_MALE = lexicon("speakers", "male_person_words")
# the gender a pronoun of PRONOUNS can't mean: "she" no man, "he" no woman
_NOT_MEANT = {"she": "male", "her": "male", "he": "female", "him": "female", "his": "female"}
GROUP_PRONOUNS = {"they", "we", "it"}


@dataclass
class Person:
    name: str
    surname: str
    first: int  # token index of the first mention
    role: str = ""
    actor: str | None = None
    mentions: list[int] = field(default_factory=list)
    subject_mentions: set[int] = field(default_factory=set)
    quoted_mentions: set[int] = field(default_factory=set)  # mentions inside quotation marks
    # role nouns read as this person ("the Ukrainian president said"): mentions for a later pronoun only, so that one
    # role misread does not make him the latest holder of every role after it
    role_mentions: list[int] = field(default_factory=list)


def gender(person: Person) -> str | None:
    """"female" or "male" when the title and name the text gives say so (``female_person_words``,
    ``male_person_words``: "spokeswoman", "Mr", Petrova / Petrov), else None."""
    words = f"{person.role} {person.name}".strip()
    female, male = bool(_FEMALE.search(words)), bool(_MALE.search(words))
    return "female" if female and not male else "male" if male and not female else None


class Registry:
    """The people of one article, in order of first mention."""

    def __init__(self, doc: Doc, quotes: list[tuple[int, int]] = ()) -> None:
        self.doc = doc
        self.text = doc.text  # built once: Doc.text joins every token each time it is read
        self.quotes = list(quotes)
        self.institutions: dict[str, Speaker] = {}  # head noun -> the institution last named with it
        self.last_speaker: Speaker | None = None  # set by attribution as it goes through the article
        self.last_institution: Speaker | None = None  # the latest institution that spoke ("It says ...")
        # the state the text is published in (saydo.extract.readouts.home_country), set by the extraction: whose "the
        # Prime Minister" a text means when it names no one and no side
        self.home: str | None = None
        self.day: date | None = None  # the text's date, set by the extraction: who held an office it names that day
        self.people: list[Person] = []
        # not a plural common noun the small model took for a name at a sentence's start ("Trains will run")
        spans = [ent for ent in doc.ents
                 if (ent.label_ == "PERSON" and not (len(ent) == 1 and ent.root.tag_ == "NNS"))
                 or (ent.label_ in ("ORG", "NORP") and looks_like_person(ent))]
        spans += [name for ent in doc.ents if ent.label_ in ("ORG", "NORP", "GPE") and (name := _name_after_place(ent))]
        spans = [_with_first_name(ent) for ent in spans]
        covered = {i for ent in spans for i in range(ent.start, ent.end)}
        runs = [run for run in name_runs(doc) if not any(i in covered for i in range(run.start, run.end))]
        spans += runs
        covered |= {i for run in runs for i in range(run.start, run.end)}
        # a known public figure's name the small model missed or took for a common noun ("Zelenskyy later said",
        # "Volodymyr Zelenskyy stressed"): a name, so that a later "he" can mean him (not a modifier, "the Trump
        # administration"); with the capitalised words just before it ("Emine Erdoğan" is not her husband)
        spans += [_with_given_names(doc, t, covered) for t in doc
                  if t.i not in covered and t.pos_ in ("PROPN", "NOUN") and t.text[:1].isupper() and
                  t.dep_ != "compound" and actor_of_person(t.text)]
        designations = _designations(doc)
        for ent in sorted(spans, key=lambda e: e.start):
            if not _not_a_name(ent) and ent.text not in designations:
                self._register(ent)
        self._surname_mentions(spans)

    def _surname_mentions(self, spans: list[Span]) -> None:
        """A registered person's surname used alone where the small model tagged no name ("Sandu said she ...") is
        a mention too: a later "she" may mean that person, not one named before. Only a surname one person bears,
        written as a name (the small model tags some as common nouns), never in lower case in the text, not after
        "of" or "the" (not the "State" of "the Head of State") and not modifying a noun after it (not the "Court" of
        "the Court Prosecutor", when the court was taken for a person)."""
        covered = {i for ent in spans for i in range(ent.start, ent.end)}
        common = {t.lower_ for t in self.doc if t.is_lower}  # a word the text also writes in lower case is no name
        bearers: dict[str, list[Person]] = {}
        for person in self.people:
            if not PERSON_ROLE.fullmatch(person.surname) and not ORG_WORDS.fullmatch(person.surname):
                bearers.setdefault(person.surname, []).append(person)  # not "Prosecutor" of a title taken for a name
        for token in self.doc:
            people = bearers.get(token.text)
            if token.i in covered or token.pos_ not in ("PROPN", "NOUN") or people is None or len(people) != 1 or \
                    token.lower_ in common or token.i > 0 and self.doc[token.i - 1].lower_ in ("of", "the") or \
                    token.dep_ == "compound" or \
                    token.ent_type_ not in ("", "PERSON", "ORG", "NORP"):
                continue
            person = people[0]
            if token.i < person.first:
                continue
            self._mention(person, token)
        for person in self.people:
            person.mentions.sort()

    def _register(self, ent: Span) -> None:
        name = _personal_name(ent.text)
        if not name:
            return
        person = self.find(name)
        role = role_phrase(ent)
        if not role and ent[0].lower_ in _HONORIFICS and actor_in_phrase(ent[0].text):
            role = ent[0].text  # "Pope Leo": an office as the name's first word that says whose he speaks for
        if person is None:
            parts = name.split()
            person = Person(name=name, surname=parts[-1], first=ent.start)
            self.people.append(person)
        elif " " not in person.name and name.split()[-1] == person.surname:
            person.name = name  # "Zelenska" named in full later ("Olena Zelenska"): the fullest form
        person.mentions.append(ent.start)
        if in_subject(ent.root):
            person.subject_mentions.add(ent.start)
        if inside_quote(self.quotes, ent[0].idx):
            person.quoted_mentions.add(ent.start)
        if role and not person.role:
            person.role = role
        if person.actor is None:
            by_role = actor_for_role(role, ent)
            known = actor_of_person(person.name)
            # a public figure known to speak for a side is not made a private person by a word near his name
            # ("businessman Yevgeny Prigozhin" still speaks for Russia's side, GUIDELINES.md)
            person.actor = (known if by_role == "CIV" and known else by_role or known
                            or (actor_near(ent, self.quotes) if looks_official(role) else None))

    def find(self, name: str) -> Person | None:
        name = _TITLES.sub("", name.strip()).strip(" ,.")
        lowered = name.lower()
        for person in self.people:
            if person.name.lower() == lowered:
                return person
        last = lowered.split()[-1] if lowered.split() else lowered
        for person in self.people:
            if person.surname.lower() == last:
                return person
        for person in self.people:  # transliterations: Medinsky/Medinski, Vereshchuk/Vereschuk, Shoigu/Shoygu
            if similar_surnames(person.surname.lower(), last):
                return person
        if " " not in lowered and len(lowered) <= 5 and lowered not in _HONORIFICS:
            # a family name written first ("Xi Jinping", "Kim Jong-un", "Wang Yi": one short syllable) and then used
            # alone: the one person of a known side named before whose first word it is (not "Lavrov" of a
            # headline's "Lavrov Calls", nor a company's "Maxar Technologies")
            first = [p for p in self.people if " " in p.name and p.name.lower().split()[0] == lowered
                     and p.actor not in (None, "CIV")]
            if len(first) == 1:
                return first[0]
        return None

    def latest_before(self, token_index: int) -> Person | None:
        """The person a pronoun most likely means: in the nearest earlier sentence that mentions people, the one
        in subject position, else the latest mentioned."""
        doc = self.doc
        here = doc[token_index].sent.start
        sentences = [s for s in doc.sents if s.start < token_index]
        pronoun = doc[token_index]
        # "..., he said": the people named inside what he said are not he
        said = {t.i for c in pronoun.head.children if c.dep_ == "ccomp" and c.i < pronoun.i for t in c.subtree} \
            if pronoun.dep_ == "nsubj" else set()
        # '"... Putin wants. ... peace," he told MPs': nor are those named anywhere in the quotation he closes
        said |= self._quoted_before(pronoun) if pronoun.dep_ == "nsubj" else set()
        last = self.last_speaker.person if self.last_speaker is not None else None
        # "she" never means a man the text named as one, nor "he" a woman (a title or a Slavic surname tells)
        wrong = _NOT_MEANT.get(pronoun.lower_)
        excluded = {id(p) for p in self.people if wrong is not None and gender(p) == wrong}  # read once per person
        if last is not None and id(last) in excluded:
            last = None
        # the reporter's "he" means someone the reporter named, not someone named inside a quotation
        narrated = not inside_quote(self.quotes, pronoun.idx)
        speaking = pronoun.dep_ == "nsubj" and pronoun.head.lemma_.lower() in REPORTING_VERBS
        for sent in reversed(sentences):
            upto = token_index if sent.start == here else sent.end
            mentioned = [(at, p) for p in self.people for at in p.mentions + p.role_mentions
                         if sent.start <= at < upto and at not in said and not (narrated and at in p.quoted_mentions)
                         and id(p) not in excluded]
            if not mentioned:
                continue
            if speaking and sent.start != here:
                # "X said Putin had miscalculated. He said ...": the one who goes on speaking is X, never someone
                # named inside what X said; when only such people are named there, it is the speaker before
                reported = _reported_content(sent)
                told = [(at, p) for at, p in mentioned if at not in reported]
                if not told:
                    return last
                mentioned = told
            subjects = [(at, p) for at, p in mentioned if at in p.subject_mentions]
            near = min((token_index - m for m in last.mentions + last.role_mentions if m < token_index), default=999) \
                if last is not None else 999
            if not subjects and sent.start != here and near < 120:
                # "He said" after a sentence that names people only as objects ("... talks with Putin"): the person
                # quoted last, named in the last 120 words (in the pronoun's own sentence, the one named before it)
                return last
            pool = subjects or mentioned
            return max(pool, key=lambda item: item[0])[1]
        return None

    def _head_of(self, side: str, token_index: int) -> Person | None:
        """The side's head of state (else of government) on the text's day, when the text named him before
        ``token_index``: "the Ukrainian leader", "the head of the Russian state" is its president, not the last
        Ukrainian or Russian named."""
        for office in HEAD_OFFICES:
            name = holder(side, self.day, office)
            if name is not None:
                person = self.find(name)
                return person if person is not None and any(m < token_index for m in person.mentions) else None
        return None

    def _head(self, person: Person) -> bool:
        """Does the table of offices have ``person`` as his side's head of state or government on the text's day?"""
        return any((name := holder(person.actor, self.day, office)) is not None and self.find(name) is person
                   for office in HEAD_OFFICES)

    def mentioned(self, person: Person, token: Token, words: str) -> None:
        """A role noun read as ``person`` ("the Ukrainian president said") is a mention of him for a pronoun: a "he"
        after it means him, not someone named before the role. Only for a head the table of offices knows."""
        if token.i in person.mentions or token.i in person.role_mentions or not self._head(person) or \
                not _HEAD_OFFICE.search(_own_office(words)):
            # only a head of state or government known to hold the office that day, named by a head's title (not
            # "the Head of the President's Office"): a guess is not repeated
            return
        self._mention(person, token, role=True)

    def _mention(self, person: Person, token: Token, role: bool = False) -> None:
        """Note ``token`` as a mention of ``person`` (a role mention: for pronouns only), in subject position or
        inside a quotation as it is."""
        (person.role_mentions if role else person.mentions).append(token.i)
        if in_subject(token):
            person.subject_mentions.add(token.i)
        if inside_quote(self.quotes, token.idx):
            person.quoted_mentions.add(token.i)

    def _quoted_before(self, pronoun: Token) -> set[int]:
        """The tokens of the quotation that closes just before a pronoun ('"...," he said'), in the same paragraph."""
        doc, text = self.doc, self.text
        for start, end in reversed(self.quotes):
            if end > pronoun.idx:
                continue
            between = text[end:pronoun.idx]
            if len(between) > 4 or "\n" in between or any(ch.isalnum() for ch in between):
                return set()
            quoted = doc.char_span(start, end, alignment_mode="expand")
            return set(range(quoted.start, quoted.end)) if quoted is not None else set()
        return set()

    def by_role(self, words: str, token_index: int) -> Person | None:
        """The person a role noun means ("the minister", "the Russian leader", "the head of state"): the latest one
        before ``token_index`` whose role shares a role word (of the side the words name, when they name one); else
        the latest official of that side; else, when they name no side, the latest official mentioned."""
        keys = {w for w in _role_words(words) if w not in {"the", "a", "an", "of", "s"}}
        keys |= {w for key in keys for w in _OFFICE_EPITHETS.get(key, ())}
        side = actor_in_phrase(words)
        bare = re.sub(r"^(?:the|a)\s+", "", words.strip(), flags=re.I)
        if side is None and self.home is not None and _BARE_STATE_HEAD.fullmatch(bare) and \
                has_office(self.home, "chancellor" if "chancellor" in bare.lower() else "president"):
            side = self.home  # "the President" of a Ukrainian site is Ukraine's, not the last president named

        # the reporter's "the President" means someone the reporter named, not one named only inside a quotation
        narrated = not inside_quote(self.quotes, self.doc[token_index].idx)

        def latest(test) -> Person | None:
            best, best_at = None, -1
            for person in self.people:
                if test(person):
                    at = max((m for m in person.mentions if m < token_index and
                              not (narrated and m in person.quoted_mentions)), default=-1)
                    if at > best_at:
                        best, best_at = person, at
            return best

        if not PERSON_ROLE.search(words):
            return None  # "the staff", "the ministry": an institution, not a person's role
        # words any holder of the side's top office answers to ("the IAEA chief" is its director general, "the
        # Belarusian strongman" its president)
        generic = {"russia", "ukraine", "russian", "ukrainian", "head", "chief", "state", "leader", "new", "dictator",
                   "strongman", "autocrat", "despot",
                   # functions at talks, not offices: whoever leads a delegation ("the chief negotiator")
                   "negotiator", "delegate", "mediator"}
        # "Ukraine's energy minister" is never an official of another side, however the roles read
        sided_fit = (lambda p: p.actor in (side, None)) if side else (lambda p: True)
        # "the Head of the Office of the President" serves a head of state, and is never one
        serves_head = bool(_HEAD_OFFICE.search(words)) and not _HEAD_OFFICE.search(_own_office(words))
        fits = (lambda p: sided_fit(p) and not self._head(p)) if serves_head else sided_fit
        # a specific office ("the governor", "the mayor") is never someone whose known office is another ("the
        # governor said" after the president spoke); a generic one ("the Russian leader") may be anyone of the side
        specific = {w for w in keys if PERSON_ROLE.fullmatch(w)} - generic
        # "the energy minister" is not the defence minister named before: a portfolio the words name must be the
        # person's too ("the foreign minister" after "Foreign Minister Sergei Lavrov"); the small model may fold the
        # portfolio into the name ("Infrastructure Oleksandr Kubrakov")
        said = {_SPELLINGS.get(w, w) for w in _role_words(words)}
        portfolio = said & _PORTFOLIOS

        def role_words(p) -> set[str]:
            return {_SPELLINGS.get(w, w) for w in _role_words(f"{p.role} {p.name}")}

        # nor someone known to hold another office: a head of state is not "the Prime Minister" of a release; and a
        # ministry named is not guessed at among the people of unknown office, unless their words echo its name
        # ("the Minister for Reintegration of the Occupied Territories" after "... of the Occupied Territories") or
        # the one of them who spoke last is meant ("'The route is open,' the Minister for Reintegration added")
        last = self.last_speaker.person if self.last_speaker is not None else None
        if side is None and last is not None and _HEAD_OF_SIDE.search(bare) and \
                office_of(last.name) in HEAD_OFFICES:
            return last  # "..., the leader added": the head of state who was speaking, not the last one named
        free = (lambda p: len(said & role_words(p) - _FILLER) >= 2 or p is last and not PERSON_ROLE.search(p.role)) \
            if portfolio - {"prime"} else \
            (lambda p: not PERSON_ROLE.search(p.role) and _office_fits(office_of(p.name), keys)) if specific \
            else (lambda p: True)
        # a word naming the side or body alone is shared by its officials: "the Kremlin aide" is not "Kremlin leader X"
        sided = {w for w in keys if actor_of_name(w) and not PERSON_ROLE.fullmatch(w)}
        return (latest(lambda p: fits(p) and bool(keys & role_words(p) - generic - sided) and
                       portfolio <= role_words(p))
                or (self._head_of(side, token_index) if side and _HEAD_OF_SIDE.search(bare) else None)
                or (latest(lambda p: p.actor == side and free(p) and fits(p)) if side else None)
                or (latest(lambda p: p.actor not in (None, "CIV") and free(p) and fits(p)) if not side else None))


def _own_office(words: str) -> str:
    """The words of a role that name the person's own office, not the body or the principal he serves: "the Head of
    the Office of the President" and "the Head of the President's Office" are a head, no president (the whole of
    "the President of Ukraine" and "the Minister of Defence" stays: there "of" names the side or the portfolio, which
    the first word's office already is)."""
    own = re.sub(r"\b[\w-]+['’]s\b", " ", words)  # a possessor: whose office it is
    first, of, rest = own.partition(" of ")
    if of and _SERVED_BODY.search(rest):
        return first  # "of" names the body he heads or serves in
    return own


def _office_fits(office: str | None, keys: set[str]) -> bool:
    """Is a known office (of ``saydo.resolve.offices``; None: none known) the one the role words name ("prime
    minister" by "the Prime Minister")?"""
    return office is None or set(office.split()) <= keys


# offices named "... general" that are no general: "the general" after "Secretary General X" is someone else
_GENERAL_OFFICES = re.compile(r"\b(secretary|director|attorney|prosecutor|procurator|solicitor|inspector|auditor)"
                              r"[\s-]+general\b")


def _fold_general(words: str) -> str:
    """"secretary general" as one role word ("secretarygeneral"), so its "general" is no military rank."""
    return _GENERAL_OFFICES.sub(r"\1general", words)


def _role_words(text: str) -> list[str]:
    """The lower-case words of a title or a role phrase, "... general" offices folded into one (``_fold_general``)."""
    return re.findall(r"[a-z]+", _fold_general(text.lower()))


# the words of a government portfolio ("the energy minister", "the prime minister"), after _SPELLINGS; defence spelt
# two ways, the interior named three
_PORTFOLIOS = {"defence", "foreign", "energy", "interior", "finance", "economy",
               "economic", "health", "justice", "agriculture", "agrarian", "education", "culture", "infrastructure",
               "digital", "emergency", "emergencies", "environment", "trade", "industry", "transport", "veterans",
               "social", "reintegration", "prime"}
_SPELLINGS = {"defense": "defence", "internal": "interior", "home": "interior"}
_FILLER = {"the", "of", "for", "and", "a", "an", "s", "minister", "deputy", "first", "head"}

# the offices of a side's head, of state first (saydo.resolve.offices)
HEAD_OFFICES = ("president", "prime minister", "chancellor")
# a side's head, whatever his office: "the Ukrainian leader", "the head of the Russian state", "the strongman"
_HEAD_OF_SIDE = re.compile(r"\b(leader|head of (?:the )?(?:\w+ )?state|dictator|strongman|autocrat|despot)\b", re.I)
# the titles of a head of state or government: his offices' names, "premier", and the words for any side's head
_HEAD_OFFICE = re.compile(r"\b(president|prime minister|premier|chancellor)\b|" + _HEAD_OF_SIDE.pattern, re.I)
# bodies an official heads or serves in ("the Head of the Office of the President")
_SERVED_BODY = re.compile(r"\b(office|administration|staff|council|service|committee|ministry|department|"
                          r"secretariat|directorate|agency|headquarters|cabinet|chancellery|apparatus)\b", re.I)

# a journalist's other word for an office: "the pontiff" is the pope, "the top diplomat" the foreign minister (or the
# secretary of state), "the envoy" an ambassador or representative; whose role words these are
_OFFICE_EPITHETS = {"pontiff": ("pope",), "diplomat": ("foreign", "state"),
                    "envoy": ("ambassador", "representative"), "ambassador": ("envoy", "representative")}

PERSON_ROLE = re.compile(r"\b(minister|president|premier|leader|spokes\w+|official|head|chief|adviser|advisor|"
                          r"governor|mayor|commander|general|negotiator|delegate|envoy|ambassador|secretary|deputy|"
                          r"chancellor|patriarch|diplomat|prosecutor|ombuds\w+|representative|officer|"
                          r"lawmaker|senator|director|aide|coordinator|commissioner|chair(?:man|woman|person)|"
                          r"mediator|inspector|consul|emissary|dictator|strongman|autocrat|despot|pope|pontiff)\b",
                          re.I)
ORG_WORDS = re.compile(r"\b(ministry|service|news|mail|times|post|agency|council|committee|company|bank|group|"
                        r"army|forces|office|directorate|staff|command|union|party|church|university|institute|"
                        r"poshta|television|tv|radio|press|media|network|center|centre|fund|foundation|embassy|consulate|"
                        r"mission|cross|crescent|nations|republic|federation|department|house|channel|telegram|"
                        r"convention|treaty|accord|charter|protocol|initiative|strategy|programme|program|"
                        r"corridor|formula)\b",
                        re.I)


def _reported_content(sent: Span) -> set[int]:
    """Token indices of what a sentence reports as said: the clausal complements of its verbs of speaking."""
    inside: set[int] = set()
    for token in sent:
        if token.lemma_.lower() in REPORTING_VERBS and token.pos_ in ("VERB", "AUX"):
            for child in token.children:
                if child.dep_ in ("ccomp", "xcomp"):
                    inside.update(t.i for t in child.subtree)
    return inside


def _name_after_place(ent: Span) -> Span | None:
    """A personal name the small model glued to the country of the title before it ("President of [Ukraine Volodymyr
    Zelenskyy]", labelled an organisation): the two or three name words after the words that name a side."""
    words = list(ent)
    for cut in range(1, len(words) - 1):
        head, tail = ent.doc[ent.start:ent.start + cut], ent.doc[ent.start + cut:ent.end]
        if (actor_of_name(head.text) or actor_in_phrase(head.text)) and 2 <= len(tail) <= 3 and \
                all(_NAME_TOKEN.match(t.text) and t.pos_ == "PROPN" and not ORG_WORDS.search(t.text)
                    and not looks_official(t.text) and (actor_of_name(t.text) is None or actor_of_person(t.text))
                    for t in tail):
            return Span(ent.doc, tail.start, tail.end, label="PERSON")
    return None


def _with_first_name(ent: Span) -> Span:
    """A one-word name with the first name the small model left out of it ("Oleksii" before "Reznikov")."""
    doc = ent.doc
    first = doc[ent.start - 1] if ent.start else None
    if len(ent) == 1 and first is not None and first.dep_ == "compound" and first.head.i == ent.start and \
            _name_like(first) and not first.ent_type_:
        return Span(doc, ent.start - 1, ent.end, label=ent.label_)
    return ent


def _with_given_names(doc: Doc, surname: Token, covered: set[int]) -> Span:
    """A surname with up to two capitalised proper nouns right before it (given names, or a title that
    ``_personal_name`` strips; not the last word of an institution's name, "Digital Transformation"), as a person's
    span."""
    start = surname.i
    while start > 0 and surname.i - start < 2 and start - 1 not in covered and doc[start - 1].pos_ == "PROPN" and \
            doc[start - 1].text[:1].isupper() and doc[start - 1].ent_type_ in ("", "PERSON"):
        start -= 1
    return Span(doc, start, surname.i + 1, label="PERSON")


def _not_a_name(ent: Span) -> bool:
    """A mention the small model labels a person that no personal name has: a designation with digits (an aircraft
    or weapon, "the An-26"), a name under an article ("through the Bosphorus", "the State Emergency Service":
    personal names take none) or a single letter (the platform "X")."""
    before = ent.doc[ent.start - 1] if ent.start else None
    return any(c.isdigit() for c in ent.text) or (before is not None and before.lower_ in ("the", "a", "an")) or \
        len(ent.text.strip(" .")) <= 1  # "on X", "Mr. X": a letter is no name


def _demonym(ent: Span) -> bool:
    """A one-word "person" that modifies a noun and names a side, and is no known figure: a demonym ("The Moldovan
    leader"), which the small model sometimes labels a person."""
    return len(ent) == 1 and ent.root.dep_ in ("amod", "compound") and \
        ent.root.head.pos_ in ("NOUN", "PROPN") and \
        actor_in_phrase(ent.text) is not None and actor_of_person(ent.text) is None


def looks_like_person(ent: Span) -> bool:
    """An ORG/NORP label the small model gives to a two- or three-word personal name ("Sergei Rudskoi")."""
    words = ent.text.split()
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)
            and not ORG_WORDS.search(ent.text) and actor_of_name(ent.text) is None
            and actor_in_phrase(ent.text) is None and all(t.pos_ == "PROPN" for t in ent))


def _personal_name(text: str) -> str:
    """The name in an entity's text: titles, roles and a possessive removed ("Deputy Mayor Orlov's" -> "Orlov");
    empty when nothing name-like is left ("Embassy", "the Kremlin")."""
    words = re.sub(r"['’]s$", "", _TITLES.sub("", without_call_sign(text.strip()))).strip(" ,.'’").split()
    # a public figure's surname stays a name even where it also stands for the side ("Zelensky said ... He said"):
    # dropped, its mentions were lost and a later "he" went to someone named before
    while words and not actor_of_person(words[0]) and (looks_official(words[0]) or ORG_WORDS.search(words[0]) or
                                                      actor_in_phrase(words[0]) or not words[0][:1].isupper()):
        words.pop(0)
    if len(words) > 1 and words[0].lower() in _CUT_TITLES and actor_of_person(" ".join(words[1:])):
        words.pop(0)
    name = " ".join(words)
    if not name or ORG_WORDS.search(name) or looks_official(name) or actor_of_name(name) and not actor_of_person(name):
        return ""
    return name


def actor_near(ent: Span, quotes: list[tuple[int, int]], reach: int = 12) -> str | None:
    """The side named nearest to an official's name in its sentence, outside quotations ("on the Russian side,
    Deputy Defence Minister X said" -> RUS); for roles that do not say whose official the person is."""
    sent = ent.sent
    best, best_distance = None, reach + 1
    # what the verb after the name reports is what was said, not who says it ("X said Ukrainian soldiers ...")
    # (not a relative clause on the name, "X, who commands the Ukrainian forces, said": that describes X)
    verb = next((t for t in sent if t.i >= ent.end and t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl")
                 and not (t.pos_ == "AUX" and t.head.dep_ in ("relcl", "acl"))), None)
    said = {x.i for c in (verb.children if verb is not None else ()) if c.dep_ in ("ccomp", "xcomp", "dobj")
            for x in c.subtree}
    for token in sent:
        if ent.start <= token.i < ent.end or token.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        if token.i in said and token.i > ent.end and not (token.dep_ in ("nsubj", "nsubjpass") and
                                                          token.pos_ == "PROPN"):
            continue  # in what was said only a state named as its subject ("said Russia would") tells the side
        if any(s <= token.idx < e for s, e in quotes):
            continue
        distance = ent.start - token.i if token.i < ent.start else token.i - ent.end + 1
        if distance >= best_distance:
            continue
        actor = actor_of_name(token.text) or actor_in_phrase(token.text)
        if actor:
            best, best_distance = actor, distance
    return best


def similar_surnames(a: str, b: str) -> bool:
    """Two spellings of one transliterated surname: same first two letters, long enough, at most two edits apart
    (and one for shorter names)."""
    if a[:2] != b[:2] or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 2:
        return False
    return _edits(a, b) <= (2 if min(len(a), len(b)) >= 7 else 1)


def _edits(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


_NAME_TOKEN = re.compile(r"^[A-Z][a-zà-ÿ'’\-]+[a-zà-ÿ]$")
_NOT_NAME_ENTS = {"GPE", "LOC", "FAC", "DATE", "TIME", "EVENT", "LAW", "PRODUCT", "MONEY", "CARDINAL", "ORDINAL",
                  "QUANTITY", "PERCENT", "WORK_OF_ART", "LANGUAGE"}
_CALENDAR = re.compile(r"^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|"
                       r"may|june|july|august|september|october|november|december)$", re.I)


def name_runs(doc: Doc) -> list[Span]:
    """Two or three capitalised proper nouns in a row that name no place, institution, title or date: a personal
    name the small model labelled as an organisation or missed ("... Territories of Ukraine Iryna Vereshchuk")."""
    runs: list[Span] = []
    i = 0
    while i < len(doc):
        j = i
        while j < len(doc) and j - i < 4 and _name_like(doc[j]):
            j += 1
        # not a run that goes on with "of" or a hyphen ("National Anti-Terrorism Committee"), nor the first words of a
        # title ("Emergency Relief Coordinator": English puts a title before a name, not after it)
        if 2 <= j - i <= 3 and not (j < len(doc) and (doc[j].lower_ in ("of", "-") or
                                                      doc[j].text[:1].isupper() and looks_official(doc[j].text))):
            runs.append(Span(doc, i, j, label="PERSON"))
        i = max(j, i + 1)
    return runs


EQUIPMENT = lexicon("speakers", "equipment_nouns").words


def _designations(doc: Doc) -> set[str]:
    """Names the text uses for weapons or machines ("Storm Shadow missiles", "Leopard tanks"): capitalised words right
    before an equipment noun, never a person elsewhere in the text ("Storm Shadow is a long-range missile")."""
    found = set()
    for token in doc:
        if token.lemma_.lower() in EQUIPMENT and token.pos_ == "NOUN":
            compounds = [c for c in token.children if c.dep_ == "compound"]
            run = [c for c in compounds if c.i == token.i - 1]
            name = doc[min(c.left_edge.i for c in compounds):token.i] if run else None
            if name is None:
                continue
            # "Storm Shadow": capitalised words; "Patriot air defence": the capitalised words before the generic ones
            capitalised = 0
            while capitalised < len(name) and name[capitalised].text[:1].isupper():
                capitalised += 1
            if capitalised and all(not t.text[:1].isupper() for t in name[capitalised:]):
                found.add(name[:capitalised].text)
    return found


_MEMBERSHIP = {"including", "among", "like"}


def _member_named(token: Token, group: Token) -> bool:
    """Is ``token`` named inside an "including"/"among" phrase on ``group`` (a member, not the group)?"""
    while token.i != group.i and token.head.i != token.i:
        if token.lower_ in _MEMBERSHIP:
            return True
        token = token.head
    return False


def _name_like(token: Token) -> bool:
    text = token.text
    return (token.pos_ == "PROPN" and token.tag_ != "NNPS" and bool(_NAME_TOKEN.match(text))
            and token.ent_type_ not in _NOT_NAME_ENTS
            and not ORG_WORDS.search(text) and not looks_official(text) and not _CALENDAR.match(text)
            and actor_of_name(text) is None and actor_in_phrase(text) is None)


def in_subject(token: Token) -> bool:
    """Is the token inside the grammatical subject of its clause?"""
    for _ in range(6):
        if token.dep_ in ("nsubj", "nsubjpass"):
            return True
        if token.dep_ in ("ROOT", "ccomp", "relcl", "advcl", "xcomp", "conj") or token.head.i == token.i:
            return False
        token = token.head
    return False


def role_phrase(ent: Span) -> str:
    """Words describing a person around the name: the noun phrase it sits in and an appositive beside it."""
    root = ent.root
    doc = ent.doc
    pieces: list[str] = []
    if root.dep_ in ("appos", "compound", "flat") and root.head.i not in range(ent.start, ent.end):
        head = root.head
        for _ in range(3):
            # "the commander of Russian troops in Ukraine, General X": the parser hangs the name on the last noun
            # of the title; the role is the title's head ("commander"), not the place
            if looks_official(head.text) or head.dep_ != "pobj" or head.head.head.i == head.head.i:
                break
            head = head.head.head
        words = [t for t in head.subtree if not (ent.start <= t.i < ent.end) and t.dep_ not in ("relcl", "acl")
                 and t.i < ent.start + 12]
        # "President of A X and Prime Minister of B Y": Y's title is what follows the last "and" before Y
        joined = [t.i for t in words if t.dep_ == "cc" and t.i < ent.start]
        pieces.append(" ".join(t.text for t in words if not joined or t.i > joined[-1]))
    for child in root.children:
        if child.dep_ == "appos" and not (ent.start <= child.i < ent.end):
            pieces.append(" ".join(t.text for t in child.subtree)[:160])
    left = [t for t in root.subtree if t.i < ent.start]
    if left and not (left[0].i > 0 and doc[left[0].i - 1].lower_ == "in" and left[0].ent_type_ == "GPE"):
        pieces.append(" ".join(t.text for t in left))
    else:
        # "Kyiv's senior envoy in Poland Colonel X": the parse gives the name only the country after "in"; the
        # title runs back to its head ("... Committee in the Polish Senate Jan X" keeps its senate)
        pieces.append(_words_before(ent))
    # ", 26," ages and ", a resident of Kyiv," appositions the parser attaches loosely
    after = doc[ent.end:min(ent.end + 8, len(doc))]
    if len(after) > 1 and after[0].text == ",":
        tail = []
        for t in after[1:]:
            if t.text in (",", ".", ";") or t.pos_ == "VERB":
                break
            tail.append(t.text)
        pieces.append(" ".join(tail))
    return " ".join(p for p in pieces if p).strip()


def _words_before(ent: Span, reach: int = 7) -> str:
    """"... peacetime, member of the Ukrainian delegation David Arakhamiya said": a title the parser left unattached,
    read back from the name to the nearest punctuation or verb."""
    doc = ent.doc
    words: list[str] = []
    for i in range(ent.start - 1, max(ent.start - reach, ent.sent.start) - 1, -1):
        token = doc[i]
        if token.is_punct or token.pos_ in ("VERB", "AUX") or token.ent_type_ == "PERSON":
            break
        words.insert(0, token.text)
    text = " ".join(words)
    return text if looks_official(text) else ""


_LOCAL_OFFICE = re.compile(r"\b(mayor|governor|regional|city council|city hall|municipal|local|oblast|district|"
                           r"village head|military administration|hromada)\b", re.I)


_PRIVATE = re.compile(r"\bprivate(?:ly[- ]owned)?\s+(?:[\w.-]+\s+){0,2}(?:company|firm|business|operator|contractor|"
                      r"enterprise|group)\b", re.I)


def actor_for_role(role: str, ent: Span | None = None) -> str | None:
    if role and _PRIVATE.search(role):
        return "CIV"  # "a private U.S. company": a non-state voice, whatever country it is from (GUIDELINES.md)
    actor = actor_in_phrase(role) if role else None
    if actor:
        return actor
    if role and _LOCAL_OFFICE.search(role) and (ent is None or _in_ukraine(role, ent)):
        return "UKR"  # a mayor or governor with no other side named: Ukraine's local government
    if role and (looks_civilian(role) or re.fullmatch(r"\d{1,3}", role.strip())):
        return "CIV"
    return None


def _in_ukraine(role: str, ent: Span) -> bool:
    """Is this local official in Ukraine: the article names Ukrainian places (the gazetteer holds only those) and the
    role names no other side."""
    return bool(ent.doc.spans.get("places")) and actor_in_phrase(role) in (None, "UKR")


@dataclass
class Speaker:
    name: str
    actor: str | None
    person: Person | None = None
    # the speakers of a statement made jointly, when this one stands for them all ("they", "the joint statement"
    # after "A and B met"; saydo.extract.groups): the statement is made once by each
    members: tuple[Speaker, ...] = ()
    joint_rule: str = ""  # the rule that made it stand for them (a name of Statement.rules)


AIDES = lexicon("speakers", "aides").words
OUTLET_WORDS = lexicon("speakers", "news_outlets").words


INSTITUTIONS = lexicon("speakers", "institutions").words


def names_institution(name: str) -> bool:
    """Whether a name is a state or one of its institutions ("Russia", "the Kremlin", "Ukraine's defence ministry"),
    not a person a text gives no name to (a release's default speaker is a name without a person behind it)."""
    return actor_of_name(name) is not None or bool(_words_of(name) & INSTITUTIONS)


def names_outlet(name: str, strict: bool = False) -> bool:
    """Whether a name holds a word for a news outlet ("the state news agency TASS", "Interfax"), which relays what
    others said; ``strict``: not by "agency" alone (an atomic energy agency is no outlet)."""
    words = set(re.findall(r"[\w.]+", name.lower()))
    return bool(words & (OUTLET_WORDS - {"agency"} if strict else OUTLET_WORDS))


def _principal(subject: Token, registry: Registry) -> Person | None:
    """"Guterres will travel to Kyiv, his spokesman said": an unnamed aide speaks for the principal "his" points to,
    the person named in the same sentence before it, else the one a pronoun would mean (GUIDELINES.md: an
    institution or person and its spokesperson are one speaker). A named aide ("his spokesman, Stephane Dujarric") is
    the named person."""
    if subject.lemma_.lower() not in AIDES or not any(c.dep_ == "poss" and c.lower_ in ("his", "her")
                                                      for c in subject.children):
        return None
    if any(c.dep_ == "appos" for c in subject.children) or \
            any(e.label_ == "PERSON" and e.start > subject.i for e in subject.sent.ents if e.start <= subject.i + 3):
        return None
    sent = subject.sent
    before = [(at, p) for p in registry.people for at in p.mentions if sent.start <= at < subject.i]
    if before:
        return min(before, key=lambda item: item[0])[1]  # the sentence's first person: the one the report is about
    return registry.latest_before(subject.i)


def speaker_from_subject(subject: Token, registry: Registry, sentence_start: int, span: Span | None = None
                         ) -> Speaker | None:
    """Resolve the subject of a speech verb to a speaker (``span``: the subject's words when the parse is broken)."""
    doc = subject.doc
    span = span if span is not None else _subject_span(subject)
    text = span.text.strip()
    lowered = subject.text.lower()
    if lowered in PRONOUNS:
        person = registry.latest_before(subject.i)
        if person is None:
            return registry.last_speaker  # "he said" with no person named yet: the source quoted before
        return Speaker(person.name, person.actor or _default_actor(person, registry), person)
    if lowered in ("i", "we"):
        return None
    principal = _principal(subject, registry)
    if principal is not None:
        return Speaker(principal.name, principal.actor or _default_actor(principal, registry), principal)
    # a demonym the small model labels a person ("The Moldovan leader") has no personal name in it
    persons = [e for e in ents_in(doc, span.start, span.end)
               if (e.label_ == "PERSON" and not _demonym(e)) or registry.find(e.text)]
    if subject.tag_ == "NNS":
        # "Lithuanian officials, including the foreign minister, called ...": the group speaks, not its member
        persons = [e for e in persons if not _member_named(e.root, subject)]
    # "Putin's spokesman, Dmitry Peskov, said": whose spokesman he is does not speak; the apposition's name does
    possessors = [e for e in persons if e.root.dep_ == "poss" and e.root.head == subject]
    if persons and possessors == persons and any(c.dep_ == "appos" for c in subject.children):
        persons = []
    if not persons:
        # "Russia's deputy defence minister, Alexander Fomin": the name is an apposition of the subject, or, when the
        # closing comma is missing, a second subject of the same verb right after it ("The head of the delegation,
        # Ivan Petrov confirmed")
        for child in list(subject.children) + _second_subjects(subject):
            if child.dep_ in ("appos", subject.dep_):
                around = ents_in(doc, max(child.i - 3, 0), min(child.i + 4, len(doc)))
                persons = [e for e in around if e.start <= child.i < e.end and
                           (e.label_ == "PERSON" or registry.find(e.text))]
                if persons:
                    text = text + " " + persons[-1].text
                    break
    if not persons and looks_official(text):
        # "Deputy Prime Minister, Minister for ... Iryna Vereshchuk": the name deep in a long apposition
        tree = list(subject.subtree)
        lo, hi = tree[0].i, min(tree[-1].i + 1, subject.i + 16)
        named = [(at, p) for p in registry.people for at in p.mentions if lo <= at < hi and
                 not (subject.tag_ == "NNS" and _member_named(doc[at], subject))]
        if named:
            at, person = max(named, key=lambda item: item[0])
            end = at + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1  # the name as the text writes it (with a call sign, 'Oleh "Falcon" Ivanenko')
            persons = [doc[at:end if doc[at].ent_iob_ == "B" else at + len(person.name.split())]]
    if persons:
        person = registry.find(persons[-1].text)
        if person:
            actor = person.actor or actor_for_role(text.replace(persons[-1].text, ""))
            if person.actor is None and actor:
                person.actor = actor
            return Speaker(person.name, actor or _default_actor(person, registry), person)
        name = persons[-1].text
        return Speaker(name, actor_for_role(text) or actor_of_person(name))
    if subject.pos_ == "PROPN" and (subject.ent_type_ not in ("GPE", "LOC", "FAC") or not doc.spans.get("places")
                                    or not any(p.start <= subject.i < p.end for p in doc.spans["places"])):
        person = registry.find(subject.text)
        if person:
            return Speaker(person.name, person.actor or _default_actor(person, registry), person)
    if lowered in GROUP_PRONOUNS:
        return None
    # a role ("the minister", "Moscow's lead negotiator") that names a registered person
    # ("The Russian Defense Minister" too; "a senior official" is someone not named before)
    possessed = subject.pos_ == "PROPN" and PERSON_ROLE.fullmatch(subject.text) is not None and \
        any(c.dep_ == "poss" and actor_in_phrase(c.text) for c in subject.children)  # "Moldova's President"
    if (subject.pos_ == "NOUN" or re.match(r"the\s", text, re.I) or possessed) and looks_official(text) and \
            subject.tag_ != "NNS" and not re.match(r"(a|an|another|one)\s", text, re.I) and \
            (subject.pos_ != "NOUN" or PERSON_ROLE.fullmatch(subject.text)):  # "the general staff" is no general
        person = registry.by_role(text, subject.i)
        if person:
            registry.mentioned(person, subject, text)
            return Speaker(person.name, person.actor or actor_in_phrase(text), person)
    body = _described_body(subject, span)
    if body is not None:
        # "the state news agency TASS", "Ukraine's nuclear operator Energoatom": the body is its proper name; the
        # description before it tells its side
        whole = text + " " + body.text if body.text not in text else text
        if names_outlet(whole, strict=True):
            return Speaker(body.text, "CIV")  # a news outlet relays; it is no party ("the state news agency TASS")
        return Speaker(body.text, actor_of_name(body.text) or actor_in_phrase(whole) or actor_for_role(whole, span))
    actor = actor_of_name(text) or actor_in_phrase(text) or actor_for_role(text, span)
    head = subject.lemma_.lower()
    named = registry.institutions.get(head)
    if actor is None and named is not None and _words_of(text) <= _words_of(named.name, aliases=True):
        # "The Embassy added": the institution named in full earlier ("the Russian Embassy in India"); "the defence
        # ministry" is not the foreign ministry named last
        return named
    if actor is None and looks_civilian(text):
        actor = "CIV"
    if actor is None and not looks_official(text):
        return _proper_subject(subject, span)
    name = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    name = re.sub(r"\s*\([^()]{1,12}\)$", "", name)  # "Ministry of Foreign Affairs (MoFA)": the abbreviation aside
    if actor is None and registry.home is not None and _BARE_HEAD.fullmatch(name):
        actor = registry.home  # "the Prime Minister" of a British outlet or release, naming no one: Britain's
    held = office_holder(name, registry.day, actor) if registry.day is not None else None
    if held is not None:
        # a head named by office alone, no one of it named before: the holder of the day, a person from here on
        person = registry.find(held[0])
        if person is not None:
            registry.mentioned(person, subject, name)
        if person is None:
            person = Person(name=held[0], surname=held[0].split()[-1], first=subject.i, role=name, actor=held[1],
                            mentions=[subject.i])
            registry.people.append(person)
        return Speaker(person.name, held[1], person)
    if actor is None:
        if subject.tag_ == "NNS" and any(p.sent.start == subject.sent.start for p in doc.spans.get("places", [])):
            actor = "UKR"  # "officials reported" about a Ukrainian town: its local officials
        elif subject.tag_ != "NNS" and registry.last_speaker is not None and \
                registry.last_speaker.actor not in (None, "CIV"):
            actor = registry.last_speaker.actor  # "the defence ministry said" right after Moscow spoke: its ministry
    speaker = Speaker(name, actor)
    if (actor is not None and subject.pos_ in ("NOUN", "PROPN")) or (subject.pos_ == "PROPN" and len(span) > 1):
        # the latest named: "the ministry" is the nearest one before; a body named in full ("the Ministry of Foreign
        # Affairs") is one even when nothing names its side
        registry.institutions[head] = speaker
        for t in span:
            if t.lower_ in _BRANCH_NOUNS:
                registry.institutions[_BRANCH_NOUNS[t.lower_]] = speaker  # "the Naval Forces", then "the navy"
    return speaker


# words of address and rank a small model may keep at a name's start ("Lady Olena Zelenska"), never a family name
_HONORIFICS = {"lady", "lord", "sir", "dame", "king", "queen", "prince", "pope", "emir", "sheik", "mr", "mrs", "ms",
               "dr", "saint", "st"}

# a head of state's or government's title on its own, with no name and no side
HEAD_TITLES = r"prime\s+minister|premier|pm|president|chancellor|head\s+of\s+(?:state|(?:the\s+)?government)"
_BARE_HEAD = re.compile(f"(?:{HEAD_TITLES})", re.I)
_BARE_STATE_HEAD = re.compile(r"president|head\s+of\s+state|chancellor", re.I)

# an adjective naming a service in a body's name, and the noun that refers back to the body
_BRANCH_NOUNS = {"naval": "navy"}

_JOINT_OFFICES = {"leader", "minister", "government", "president", "head", "official", "premier", "chancellor",
                  "representative", "delegation"}


def _speech_subject(verb: Token | None) -> Token | None:
    return next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None


def joint_states(verb: Token | None) -> list[Speaker]:
    """The states of a statement made jointly by several ("France, Germany and Britain said in a joint statement",
    "the leaders of France, Germany and Poland called for ..."): one speaker per state (GUIDELINES.md: once per
    identifiable actor), named as the text names them ("leaders of Germany"); [] when the subject is not such a list."""
    subject = _speech_subject(verb)
    return states_of(subject) if subject is not None else []


def states_of(subject: Token) -> list[Speaker]:
    """The states a coordinated subject names ("France and Britain", "the leaders of France and Poland"), one speaker
    each, or [] when it is not such a list."""
    office = ""
    names = subject
    if subject.lemma_.lower() in _JOINT_OFFICES and subject.tag_ == "NNS":
        of = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        names = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if names is None:
            return []
        office = " ".join(t.text for t in subject.subtree if t.i <= subject.i and t.dep_ != "det") + " of "
    states = [names, *names.conjuncts]
    if len(states) < 2 or any(t.pos_ != "PROPN" for t in states):
        return []
    found = []
    for token in states:
        name = " ".join([*(t.text for t in token.children if t.dep_ == "compound" and t.i < token.i), token.text])
        actor = actor_of_name(name)
        if actor is None:
            return []
        found.append(Speaker(office + name, actor))
    return found if len({s.actor for s in found}) == len(found) else []


def co_speakers(verb: Token | None, speaker: Speaker, registry: Registry) -> list[Speaker]:
    """The other people of a coordinated subject of a speech verb ("Macron and Scholz assured Kyiv ..."): GUIDELINES.md
    annotates a statement attributed jointly once per identifiable speaker. Only people named in the registry or known
    public figures; an institution or a state among them ("Putin and the Kremlin") makes it no joint statement."""
    subject = _speech_subject(verb)
    found = people_of(subject, registry) if subject is not None else []
    names = {s.name for s in found}
    if len(names) < 2 or not any(similar_surnames(n.split()[-1].lower(), speaker.name.split()[-1].lower())
                                 for n in names):
        return []
    last = speaker.name.split()[-1].lower()
    return [s for s in found if not similar_surnames(s.name.split()[-1].lower(), last)]


def people_of(subject: Token, registry: Registry) -> list[Speaker]:
    """The people a coordinated subject names ("Macron and Scholz"), one speaker each: people named in the registry
    or known public figures; [] when it is no such list (an institution or a state among them: "Putin and the
    Kremlin")."""
    if not subject.conjuncts:
        return []
    found = []
    for token in (subject, *subject.conjuncts):
        if token.pos_ != "PROPN":
            return []
        person = registry.find(token.text)
        if person is not None:
            found.append(Speaker(person.name, person.actor or _default_actor(person, registry), person))
        elif actor_of_person(token.text) and not actor_of_name(token.text):
            found.append(Speaker(token.text, actor_of_person(token.text)))
        else:
            return []
    return found


REPORTING_VERBS = {"say", "tell", "add", "state", "announce", "declare", "claim", "write", "warn", "insist", "confirm",
              "report", "note", "stress", "explain", "comment", "reply", "respond", "deny", "promise", "pledge"}


def proper_name_speaker(source: Token) -> Speaker | None:
    """The speaker a proper name stands for when the model missed it, as the object of "according to X"."""
    return _proper_subject(source, _subject_span(source), source=True)


def _proper_subject(subject: Token, span: Span, source: bool = False) -> Speaker | None:
    """A proper name as the subject of a speech verb that the small model missed or took for a place ("Erdogan",
    "Gazprom said"), or as the source of "according to" (``source``): the named person or body, of the side its name
    is known for. Never a place, a pronoun or a common noun."""
    doc = subject.doc
    if subject.pos_ != "PROPN" or subject.dep_ not in (("pobj",) if source else ("nsubj", "nsubjpass")) or \
            any(p.start <= subject.i < p.end for p in doc.spans.get("places", [])):
        return None  # "as reported by Censor.NET": a source credited, not a speaker
    verb = subject.head
    if not source and (verb.lemma_.lower() not in REPORTING_VERBS or verb.tag_ not in ("VBD", "VBZ", "VBP") or
                       any(c.dep_ == "aux" for c in verb.children)):
        return None  # "Sberbank will report profits", "Bureaucracy is to blame": no one speaking
    words = [t for t in span if not (t.is_punct or t.lower_ in ("the", "a", "an"))]
    if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in words) or len(words) > 4:
        return None
    name = doc[words[0].i:words[-1].i + 1].text  # as written, hyphens kept ("Anti-Terrorism")
    role = " ".join(t.text for c in subject.children if c.dep_ == "appos" for t in c.subtree)  # ", a navy spokesman"
    return Speaker(name, actor_of_person(name) or actor_of_name(name) or (actor_for_role(role) if role else None))


def _second_subjects(subject: Token) -> list[Token]:
    """Another subject of the subject's verb that follows the subject's phrase after a comma: the parse of an
    apposition whose closing comma is missing."""
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.pos_ != "NOUN":
        return []
    end = max(t.i for t in subject.subtree) + 1
    doc = subject.doc
    if end >= len(doc) or doc[end].text != ",":
        return []
    return [t for t in subject.head.children if t.dep_ == subject.dep_ and t.i > end and t.ent_type_ == "PERSON"
            and all(doc[k].pos_ == "PROPN" for k in range(end + 1, t.i))]


def _described_body(subject: Token, span: Span) -> Span | None:
    """The proper name of an organisation introduced by a common-noun description: "the news agency TASS" (parsed as
    an apposition, a second subject or a compound), "the carmaker Volkswagen"; None when the subject has no such
    name or the name is all there is ("the Russian Defence Ministry")."""
    doc = subject.doc
    after = doc[subject.i + 1] if subject.i + 1 < len(doc) else None
    named = None
    between = doc[subject.i + 2] if after is not None and after.text == "," and subject.i + 2 < len(doc) else None
    if between is not None and between.dep_ == "appos" and between.head == subject and between.pos_ == "PROPN" and \
            subject.pos_ == "NOUN" and between.ent_type_ != "PERSON" and ORG_WORDS.fullmatch(subject.text):
        named = between  # "Ukraine's state nuclear company, Energoatom, said": the name between commas
    # a name the small model left untagged counts after an organisation's noun ("the state news agency BelTA")
    elif subject.pos_ == "NOUN" and after is not None and after.pos_ == "PROPN" and \
            (after.ent_type_ == "ORG" or not after.ent_type_ and ORG_WORDS.fullmatch(subject.text)) and \
            (after.dep_ == "appos" and after.head == subject or
             after.dep_ == subject.dep_ and after.head == subject.head):
        named = after
    elif subject.pos_ == "PROPN" and subject.ent_type_ == "ORG":
        named = subject
    if named is None:
        return None
    ent = next((e for e in doc.ents if e.start <= named.i < e.end and e.label_ == "ORG"), None)
    if ent is None and (not named.ent_type_ or named is between):  # between commas, whatever the model took it for
        ent = doc[min(t.i for t in named.subtree if t.pos_ == "PROPN"):named.i + 1]
    if ent is None:
        return None
    ent = doc[ent.start + (ent[0].lower_ == "the"):ent.end]
    before = [t for t in doc[span.start:ent.start] if not (t.is_punct or t.lower_ in ("the", "a", "an"))]
    if not len(ent) or not any(t.pos_ == "NOUN" and t.is_lower for t in before):
        return None  # no description before the name
    return ent


def _words_of(name: str, aliases: bool = False) -> set[str]:
    """The words of a name; with ``aliases``, also the nouns that refer back to it ("navy" for "Naval Forces")."""
    words = {w for w in re.findall(r"[a-z]+", name.lower()) if w not in ("the", "a", "an", "s")}
    return words | {_BRANCH_NOUNS[w] for w in words if w in _BRANCH_NOUNS} if aliases else words


def ents_in(doc: Doc, start: int, end: int) -> list[Span]:
    """Entities wholly inside tokens [start, end), read from the tokens (``doc.ents`` would scan the whole doc)."""
    found, i = [], start
    while i < end:
        token = doc[i]
        if token.ent_iob_ == "B":
            j = i + 1
            while j < len(doc) and doc[j].ent_iob_ == "I":
                j += 1
            if j <= end:
                found.append(Span(doc, i, j, label=token.ent_type_))
            i = j
        else:
            i += 1
    return found


def _default_actor(person: Person, registry: Registry | None = None) -> str | None:
    """A named person with no affiliation anywhere in the article speaks as a private citizen; an official whose
    side nothing names ("Col. Gen. X said") speaks for the side whose institution or official spoke last (the
    report goes on about that side's statement), else for no side known."""
    if person.actor:
        return person.actor
    if not looks_official(person.role):
        return "CIV"
    last = registry.last_speaker if registry is not None else None
    if last is not None and last.actor not in (None, "CIV") and last.name != person.name:
        person.actor = last.actor  # later mentions ("he added") keep the side found here
        return last.actor
    return None


def _subject_span(subject: Token) -> Span:
    """The subject without relative clauses or long appositions that follow it."""
    tokens = [t for t in subject.subtree]
    cut = len(tokens)
    for k, t in enumerate(tokens):
        if t.dep_ in ("relcl", "acl") or (t.text == "," and t.i > subject.i):
            cut = k
            break
    tokens = tokens[:cut] or [subject]
    return subject.doc[tokens[0].i:tokens[-1].i + 1]
