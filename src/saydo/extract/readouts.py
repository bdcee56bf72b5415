"""Readouts: a side's own account of a call or meeting, told in the third person ("The President informed his
counterpart of ...", "The leaders discussed ...", "It was agreed to ...").

A readout is the issuing side's statement: what it reports its leader said, and what it says the two sides settled,
is its word, not the other leader's — unless a sentence gives a point to the other leader by name ("Prime Minister X
expressed support for ..." is X's).

1. **The issuer** is the site the text comes from when it is a known head of state's or government's
   (``ISSUERS``: ``Article.source_url``'s host, kremlin.ru -> RUS, president.gov.ua -> UKR, whitehouse.gov -> USA),
   speaking through its principal: the person of that side who is most often the subject of the readout's verbs of
   speech or conversation ("had a conversation", "stressed", "agreed"); when no person is, the head of state in
   office on the text's day (``saydo.resolve.offices``), else the issuing body.
   On an unknown site, the principal is the subject of the first sentence, which tells of the conversation, when no
   one is more often the subject and they are named again, by name or role ("the President of Ruritania"), as a
   subject; the side is theirs.
2. **A readout** is a text (or the part of it outside speaker turns) that tells of a conversation
   (``conversation_words``: a call, talks, a meeting) in the third person: under one sentence in five in the first
   person outside quotations. On a site not known to issue readouts, news about a call is told apart by its
   quotations (four words or more) and its "said": a readout has neither.
3. **Its sentences** (``apply_readout``): an attribution whose subject stands for both parties (``joint_subjects``:
   "the leaders", "both sides", "they") or names the issuing side's leader by role ("the President of Ruritania", "the
   Head of State" on its own site) is the issuer's (``speaker:readout-issuer``). A sentence with no attribution of its
   own whose verb reports what was said or settled (``readout_verbs``: discussed, agreed, thanked, congratulated …)
   is a statement (``attribution:readout``): the issuer's when its subject is such a joint or role subject, absent,
   or passive ("It was agreed", "Hope was expressed"); the person's when its subject names one ("Prime Minister X
   thanked ..."), with ``speaker:readout-subject``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlparse

import pycountry
from spacy.tokens import Span, Token

from saydo.extract.lexicon import lexicon
from saydo.extract.quotes import inside_quote
from saydo.extract.speakers import HEAD_TITLES, Registry, Speaker, speaker_from_subject
from saydo.resolve.actors import actor_in_phrase, actor_of_person, looks_official
from saydo.resolve.offices import holder

# Sites of heads of state and government: host suffix -> (actor, the body that issues their readouts).
ISSUERS: dict[str, tuple[str, str]] = {
    "kremlin.ru": ("RUS", "the Kremlin"),
    "president.gov.ua": ("UKR", "the Office of the President of Ukraine"),
    "whitehouse.gov": ("USA", "the White House"),
    "elysee.fr": ("FRA", "the Élysée"),
    "bundeskanzler.de": ("DEU", "the Federal Chancellery"),
    "bundesregierung.de": ("DEU", "the Federal Government of Germany"),
    "president.gov.by": ("BLR", "the Office of the President of Belarus"),
    "tccb.gov.tr": ("TUR", "the Presidency of Türkiye"),
}
FIRST_PERSON_SHARE = 0.2  # a text with more first-person sentences outside quotations is a speech, not a readout
FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}
_SELF_ROLE = re.compile(rf"^(?:the\s+)?(?:{HEAD_TITLES}|leader)$", re.I)  # a leader named by role alone


@dataclass
class Readout:
    issuer: Speaker  # the principal (a person) or, when none is named, the issuing body
    actor: str
    known_site: bool
    registry: Registry
    quotes: list


def _host(url: str | None) -> str:
    """A link's host, lower case ("" for none)."""
    return (urlparse(url if "//" in url else "//" + url).hostname or "").lower() if url else ""


def _on(host: str, suffix: str) -> bool:
    return host == suffix or host.endswith("." + suffix)


def issuing_site(url: str | None) -> tuple[str, str] | None:
    """(actor, body) of a known head of state's or government's site, from a link's host; None otherwise."""
    host = _host(url)
    return next((issuer for suffix, issuer in ISSUERS.items() if _on(host, suffix)), None) if host else None


# Sites of governments and international bodies that publish their own briefings, beyond ``ISSUERS``.
_OWN_SITES = {"mid.ru": "RUS", "mil.ru": "RUS", "government.ru": "RUS", "un.org": "UN", "iaea.org": "IAEA",
              "nato.int": "NATO", "europa.eu": "EU", "osce.org": "OSCE"}
# a government's second-level domain and the country code after it: "mfa.gov.ua", "diplomatie.gouv.fr"
_GOVERNMENT_HOST = re.compile(r"\.(?:gov|gouv|gob|govt|gv)\.(?P<cc>[a-z]{2})$")


def site_actor(url: str | None) -> str | None:
    """The side whose own site a link is on: a head of state's (``ISSUERS``), a government's domain ("state.gov",
    "mfa.gov.ua", "www.gov.uk") or an international body's ("un.org"); None for any other site, a news site among
    them."""
    host = _host(url)
    if not host:
        return None
    issuer = issuing_site(url)
    if issuer is not None:
        return issuer[0]
    for suffix, actor in _OWN_SITES.items():
        if _on(host, suffix):
            return actor
    if host.endswith((".gov", ".mil")) or host == "gov":
        return "USA"
    m = _GOVERNMENT_HOST.search(host) or re.search(r"(?:^|\.)gov\.(?P<cc>[a-z]{2})$", host)
    if m is None:
        return None
    code = m.group("cc").upper()
    country = pycountry.countries.get(alpha_2="GB" if code == "UK" else code)
    return country.alpha_3 if country is not None else None


# the names the international bodies of ``_OWN_SITES`` speak under
_BODIES = {"UN": "the United Nations", "IAEA": "the IAEA", "NATO": "NATO", "EU": "the European Union",
           "OSCE": "the OSCE"}


# a head's office named in a link's path ("/pm-statement-at-...", "/secretary-general-statement-on-...")
# (not a clock's "3-pm")
_PATH_OFFICE = re.compile(r"(?:^|(?<!\d)[/_-])(?P<office>pm|prime-minister|president|chancellor|secretary-general|"
                          r"director-general)(?=[/_.-]|$)", re.I)


def own_site(url: str | None, day: date | None = None) -> tuple[str, str] | None:
    """(actor, name) of a government's or international body's own site other than a head of state's
    (``issuing_site``): "www.gov.uk" -> ("GBR", "the Government of the United Kingdom"), "un.org" -> ("UN", "the
    United Nations"), or the holder on ``day`` of an office the link's path names ("www.gov.uk/.../pm-statement" ->
    the Prime Minister of the day); None for a head of state's site and for any other site."""
    if issuing_site(url) is not None:
        return None
    actor = site_actor(url)
    if actor is None:
        return None
    m = _PATH_OFFICE.search(urlparse(url if "//" in url else "//" + url).path)
    if m is not None:
        office = m.group("office").lower().replace("-", " ")
        name = holder(actor, day, "prime minister" if office == "pm" else office)
        if name:
            return actor, name
    if actor in _BODIES:
        return actor, _BODIES[actor]
    country = pycountry.countries.get(alpha_3=actor)
    if country is None:
        return None
    name = getattr(country, "common_name", None) or country.name
    return actor, f"the Government of {'the ' if name.startswith('United') else ''}{name}"


# country-code domains sold for other uses than their country's ("io", "tv", "fm"): they tell no home country
_GENERIC_CCTLDS = {"io", "co", "tv", "me", "ly", "fm", "ai", "ws", "cc", "to", "gg", "nu", "tk", "su", "eu"}


def home_country(url: str | None) -> str | None:
    """The state a text is published in, from its link: a government's own site (``site_actor``), else the country of
    the host's country-code domain ("ukpol.co.uk" -> GBR, "pravda.com.ua" -> UKR); None for ".com", an international
    body's site or a country code used generically (".tv")."""
    actor = site_actor(url)
    if actor is not None:
        return actor if pycountry.countries.get(alpha_3=actor) is not None else None
    code = _host(url).rsplit(".", 1)[-1]
    if len(code) != 2 or code in _GENERIC_CCTLDS:
        return None
    country = pycountry.countries.get(alpha_2="GB" if code == "uk" else code.upper())
    return country.alpha_3 if country is not None else None


def find_readout(url: str | None, sentences: list[Span], in_turn: list[bool], registry: Registry, quotes,
                 day: date | None = None) -> Readout | None:
    """The readout a text holds, outside its speaker turns, or None (see the module). On a known site whose readout
    names no principal, the issuer is the head of state in office on ``day`` (``saydo.resolve.offices``), else the
    issuing body."""
    outside = [s for s, turned in zip(sentences, in_turn) if not turned]
    if not outside:
        return None
    talk = lexicon("turns", "conversation_words")
    if not any(talk.search(s.text) for s in outside):
        return None
    first = sum(1 for s in outside if any(t.lower_ in FIRST_PERSON and not inside_quote(quotes, t.idx)
                                          and t.dep_ in ("nsubj", "nsubjpass", "poss") for t in s))
    if first > FIRST_PERSON_SHARE * len(outside):
        return None
    site = issuing_site(url)
    subjects: Counter = Counter()
    roles: Counter = Counter()
    named: dict[str, Speaker] = {}
    for sent in outside:
        for token in sent:
            if token.dep_ in ("nsubj", "nsubjpass") and not inside_quote(quotes, token.idx) and _reports(token.head):
                speaker = _person(token, registry)
                if speaker is not None:
                    subjects[speaker.name] += 1
                    named.setdefault(speaker.name, speaker)
                elif looks_official(words := _phrase(token)) and actor_in_phrase(words):
                    roles[actor_in_phrase(words)] += 1  # "the President of Ruritania informed ..."
    if site is not None:
        actor, body = site
        ranked = [name for name, _ in subjects.most_common() if named[name].actor == actor]
        issuer = named[ranked[0]] if ranked else Speaker(holder(actor, day) or body, actor)
        return Readout(issuer, actor, True, registry, quotes)
    if not subjects or not _told_as_readout(outside, quotes, registry):
        return None
    opener = _person(next((t for t in outside[0] if t.dep_ == "nsubj"), outside[0][0]), registry)
    if opener is None or opener.actor in (None, "CIV") or subjects[opener.name] + roles[opener.actor] < 2 or \
            subjects[opener.name] < max(subjects.values()):
        return None
    return Readout(named[opener.name], opener.actor, False, registry, quotes)


def _told_as_readout(sentences: list[Span], quotes, registry: Registry) -> bool:
    """On a site not known to issue readouts, news about a call is no readout: it quotes (a quotation of four words or
    more) and says who "said" what; a readout does neither, and opens with its principal and the conversation."""
    from saydo.extract.quotes import quoted_words

    talk = lexicon("turns", "conversation_words")
    if not talk.search(sentences[0].text):
        return False
    text = sentences[0].doc.text
    for sent in sentences:
        if quoted_words(text, quotes, sent.start_char, sent.end_char) >= 4:
            return False
        if any(t.lemma_ == "say" and t.pos_ == "VERB" and not inside_quote(quotes, t.idx) for t in sent):
            return False
    return True


def _reports(verb: Token) -> bool:
    """A verb by which a readout reports what someone said or did in the conversation."""
    from saydo.extract.attribution import SPEECH

    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (lemma in SPEECH or lemma in lexicon("turns", "readout_verbs")
                                    or lemma in ("have", "hold", "meet", "speak", "talk"))


def _person(token: Token, registry: Registry) -> Speaker | None:
    """The person a subject names, also through a title ("President of Ruritania Anna Kovalenko"): one of the
    registry, or a head of state or minister known by surname that the registry missed; None otherwise."""
    inside = sorted(t.i for t in token.subtree if "relcl" not in (t.dep_, t.head.dep_) and "acl" not in
                    (t.dep_, t.head.dep_))
    for person in registry.people:
        if any(at in inside for at in person.mentions):
            return Speaker(person.name, person.actor or actor_of_person(person.name), person)
    doc = token.doc
    for i in inside:
        if doc[i].pos_ == "PROPN" and actor_of_person(doc[i].text):
            start = i
            while start - 1 in inside and i - start < 2 and _given_name(doc[start - 1]):
                start -= 1
            return Speaker(doc[start:i + 1].text, actor_of_person(doc[i].text))
    return None


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree if t.dep_ not in ("relcl", "acl", "appos"))


def _given_name(token: Token) -> bool:
    return token.pos_ == "PROPN" and not looks_official(token.text) and not actor_in_phrase(token.text)


def apply_readout(sent: Span, index: int, found: list, default, defaults) -> None:
    """Decide one sentence of a readout (see the module, step 3); ``default.speaker`` is the issuer."""
    readout: Readout = default.readout
    item = found[index]
    if item is not None:
        verb = item[0]
        subject = _subject(verb) if verb is not None else None
        if subject is not None and _issuers_subject(subject, readout):
            found[index] = (verb, readout.issuer, item[2])
            defaults.rules[index] = ("speaker:readout-issuer",)
        return
    verb = _readout_verb(sent, readout)
    if verb is None:
        return
    subject = _subject(verb)
    if subject is None or subject.dep_ == "nsubjpass" or _expletive(subject) or _issuers_subject(subject, readout):
        found[index] = (verb, readout.issuer, False)
        defaults.rules[index] = ("attribution:readout", "speaker:readout-issuer")
        return
    if subject.lower_ in FIRST_PERSON or subject.pos_ not in ("PROPN", "NOUN"):
        return
    speaker = speaker_from_subject(subject, readout.registry, sent.start)
    if speaker is not None and speaker.person is not None:
        found[index] = (verb, speaker, False)
        defaults.rules[index] = ("attribution:readout", "speaker:readout-subject")


def _readout_verb(sent: Span, readout: Readout) -> Token | None:
    """The main clause's verb when it reports what was said or settled ("discussed", "agreed", "was noted")."""
    verbs = lexicon("turns", "readout_verbs")
    from saydo.extract.attribution import SPEECH

    for token in sent:
        if token.pos_ != "VERB" or inside_quote(readout.quotes, token.idx):
            continue
        if token.dep_ not in ("ROOT", "conj") or (token.dep_ == "conj" and token.head.dep_ != "ROOT"):
            continue
        if token.lemma_.lower() in verbs or token.lemma_.lower() in SPEECH:
            return token
    return None


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    if verb.dep_ == "conj":
        return _subject(verb.head)
    return None


def _expletive(subject: Token) -> bool:
    return subject.lower_ == "it" and any(c.dep_ in ("auxpass", "ccomp", "xcomp") for c in subject.head.children)


def _issuers_subject(subject: Token, readout: Readout) -> bool:
    """Does the subject stand for both parties ("the leaders", "both sides", "they") or for the issuing side's leader
    by role ("the President of Ruritania", "the Head of State" on the issuer's own site)?"""
    words = _phrase(subject).strip()
    lowered = re.sub(r"\s+", " ", words.lower())
    if lexicon("turns", "joint_subjects").regex.fullmatch(lowered):
        return True
    if any(t.ent_type_ == "PERSON" for t in subject.subtree) or _person(subject, readout.registry) is not None:
        return False  # a person named, though the small model may not tag the name ("Minister ... Dmytro Kuleba")
    side = actor_in_phrase(words)
    if side is not None and (looks_official(words) or re.search(r"\bsides?\b", lowered)):
        return side == readout.actor  # "the President of Ruritania", "the Ruritanian side"
    return readout.known_site and bool(_SELF_ROLE.match(lowered))
