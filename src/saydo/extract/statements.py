"""From a parsed article to attributed statements.

For each sentence: find a speech act (a reporting verb outside quotation marks, "according to X", or a quotation
continuing the previous speaker's), resolve the speaker and actor, classify the kind, decide direct or indirect, and
attach places and a time window. Hedges ("this is not a ceasefire, but our aspiration") are linked to the pledge of the
same side they qualify.
"""

from __future__ import annotations

import bisect
import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from saydo.extract.attribution import (
    active_speech,
    attribute,
    cites,
    inverted_speaker,
    joins_previous,
    person_named,
    relayed_by_outlet,
    speech_acts,
    trim,
)
from saydo.extract.commitments import (
    AGENT_NOUNS,
    ARRANGEMENT_HEADS,
    ASKING,
    GRANTING,
    READINESS,
    VEHICLES,
    believes,
    commitment_text,
    conjunct_words,
    futures,
    joint_parties,
    negative_assurance,
    not_made,
    restated_support,
    stative,
    subject_of,
)
from saydo.extract.events import events_from_doc
from saydo.extract.kinds import ARRANGEMENT, Cues, classify_rule
from saydo.extract.lexicon import lexicon
from saydo.extract.pipeline import load_nlp
from saydo.extract.place_codes import Context, Mention, decide, sentence_mention, title_places
from saydo.extract.quotes import inside_quote, quote_spans, quoted_words
from saydo.extract.readouts import home_country
from saydo.extract.speakers import PERSON_ROLE, Registry, Speaker, co_speakers, joint_states
from saydo.extract.turns import sentence_defaults
from saydo.extract.windows import window_near
from saydo.records import Article, Observation, Statement, Window
from saydo.resolve.actors import ORGANISATIONS, actor_in_phrase, actor_of_capital, actor_of_name, actor_of_person

CHUNK = 100_000
BATCH = 16  # texts parsed together (nlp.pipe's batch_size); also what a worker is given at a time
_HEDGE = lexicon("kinds", "hedges")
_POSSESSIVES = {"our": "we", "my": "i", "his": "he", "her": "she", "their": "they", "its": "it", "your": "you"}
_OWN_INSTITUTION = lexicon("kinds", "own_institution_words")
# their heads' titles, however a hyphen is tokenised: "Secretary-General", "the director general"
_BODY_HEAD = re.compile(r"\b(?:secretary|director)\W{0,3}general\b|\bhigh commissioner\b", re.I)
_READY = READINESS | {"open", "committed"}  # "it was ready for talks", "it is committed to": the institution itself
_OTHER_PARTY = lexicon("kinds", "other_party_words")
ORGANISATION_ROLES = lexicon("kinds", "organisation_roles").words


def extract(article: Article, nlp=None, learned: Callable[[str], bool] | None = None) -> list[Statement]:
    return next(extract_many([article], nlp=nlp, learned=learned))


def extract_events(article: Article, nlp=None) -> list[Observation]:
    """Events the article reports (strikes, shelling) as observations of source ``news`` citing the span."""
    events: list[Observation] = []
    next(extract_many([article], nlp=nlp, events=events))
    return events


def extract_many(articles: Iterable[Article], nlp=None, n_process: int = 1, events: list | None = None,
                 learned: Callable[[str], bool] | None = None) -> Iterator[list[Statement]]:
    """One list of statements per article, in order. Long articles are parsed in paragraph-aligned chunks. When
    ``events`` is a list, events the articles report are appended to it (observations of source ``news``).
    ``learned``: a second opinion on a statement's text (``saydo.extract.learned.pledge_reader``) that makes a pledge
    of what the rules call a claim only by default; None (the default) for the rules alone. With ``n_process`` > 1
    (where processes can be forked) each worker parses a batch and builds its statements itself."""
    nlp = nlp or load_nlp()
    articles = list(articles)
    jobs: list[tuple[int, int, str]] = []  # (article index, offset, text)
    for i, article in enumerate(articles):
        for offset, text in _chunks(article.text):
            jobs.append((i, offset, text))
    results: list[list[Statement]] = [[] for _ in articles]
    if n_process > 1 and len(jobs) > BATCH and "fork" in multiprocessing.get_all_start_methods():
        done = _in_workers(nlp, articles, jobs, n_process, events is not None, learned)
    else:
        texts = (text for _, _, text in jobs)
        docs = nlp.pipe(texts, n_process=n_process, batch_size=BATCH)
        done = (_from_doc(articles[i], doc, offset, events is not None, learned)
                for (i, offset, _), doc in zip(jobs, docs))
    for (i, _, _), (statements, found) in zip(jobs, done):
        results[i].extend(statements)
        if events is not None:
            events.extend(found)
    for statements in results:
        yield _link_hedges(_elaborations(statements))


def _from_doc(article: Article, doc: Doc, offset: int, want_events: bool,
              learned: Callable[[str], bool] | None) -> tuple[list[Statement], list[Observation]]:
    return (statements_from_doc(article, doc, offset, learned=learned),
            events_from_doc(article, doc, offset) if want_events else [])


# what forked workers read (set in the parent just before the fork, so nothing is pickled on the way in)
_SHARED: tuple | None = None


def _in_workers(nlp, articles: list[Article], jobs: list[tuple[int, int, str]], n_process: int, want_events: bool,
                learned: Callable[[str], bool] | None) -> Iterator[tuple[list[Statement], list[Observation]]]:
    """Parse and build statements in ``n_process`` forked workers, a batch of chunks at a time, in order. Each worker
    sends back the statements (small records), not the parsed Doc, so building them runs in parallel too and no Doc
    is serialised (``nlp.pipe(n_process=...)`` would parse in parallel but build every statement in this process)."""
    global _SHARED
    _SHARED = (nlp, articles, jobs, want_events, learned)
    batches = [(start, min(start + BATCH, len(jobs))) for start in range(0, len(jobs), BATCH)]
    try:
        with multiprocessing.get_context("fork").Pool(n_process) as pool:
            for batch in pool.imap(_work, batches):
                yield from batch
    finally:
        _SHARED = None


def _work(batch: tuple[int, int]) -> list[tuple[list[Statement], list[Observation]]]:
    nlp, articles, jobs, want_events, learned = _SHARED
    chosen = jobs[batch[0]:batch[1]]
    docs = nlp.pipe((text for _, _, text in chosen), batch_size=BATCH)
    return [_from_doc(articles[i], doc, offset, want_events, learned) for (i, offset, _), doc in zip(chosen, docs)]


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


def statements_from_doc(article: Article, doc: Doc, offset: int = 0,
                        learned: Callable[[str], bool] | None = None) -> list[Statement]:
    text = doc.text
    quotes = quote_spans(text)
    registry = Registry(doc, quotes)
    registry.home = home_country(article.source_url)
    registry.day = article.published
    found: list[Statement] = []
    places_by_sentence: dict[int, list[Span]] = {}
    for span in doc.spans.get("places", []):
        places_by_sentence.setdefault(doc[span.start].sent.start, []).append(span)
    breaks = [m.start() for m in re.finditer(r"\n\n", text)]
    sentences = list(doc.sents)
    mentions = [sentence_mention(sent, places_by_sentence.get(sent.start, [])) for sent in sentences]
    para_of = [bisect.bisect_left(breaks, sent.start_char) for sent in sentences]
    defaults = sentence_defaults(article.text, article.source_url, sentences, registry, quotes, offset,
                                 title=article.title, day=article.published)
    attributed = attribute(sentences, text, quotes, registry, breaks, defaults=defaults)
    for index, sent in enumerate(sentences):
        if attributed[index] is None:
            continue
        verb, speaker, lost_opening = attributed[index]
        acts = []
        parts = speech_acts(sent, verb, speaker, quotes, registry)
        named = person_named(sent, verb, speaker, registry) if any(p[2] is speaker for p in parts) else None
        if named is not None:  # "Putin agreed ..., the Kremlin said": Putin's words, told by his side (each part)
            parts = [(part, part_verb, named if part_speaker is speaker else part_speaker, merge)
                     for part, part_verb, part_speaker, merge in parts]
        for part, part_verb, part_speaker, merge in parts:
            start, end = trim(text, part.start_char, part.end_char)
            if len(parts) > 1:
                start, end = _strip_edges(text, start, end)
            content = _content(part, part_verb)
            quote = "direct" if lost_opening or quoted_words(text, quotes, start, end) >= 4 else "indirect"
            # a word is read as quoted when it lies inside the quotation marks: in 'he said he was "committed to
            # talks"' the "he" is the reporter's, the speaker himself (the whole quotation when its opening was lost)
            marks = None if lost_opening else quotes
            cues = _cues(content, part_speaker, part_verb, quoted=quote == "direct", quotes=marks,
                         spoken="attribution:turn" in defaults.rules[index])
            words = commitment_text(content, lambda t, sp=part_speaker, q=quote == "direct", m=marks:
                                    _side(t, sp, sp.actor not in (None, "CIV"), _quoted_at(t, q, m)) == "other")
            negated = bool(part_verb is not None and any(c.dep_ == "neg" for c in part_verb.children))
            # a speech act told in the passive ("Also invited were ...") commits no one by its verb
            told = part_verb if part_verb is not None and active_speech(part_verb) else None
            kind, rule = classify_rule(told.lemma_ if told is not None else None, _plain(content.text),
                                       cues, negated_verb=negated, commitments=_plain(words))
            if acts and joins_previous(merge, kind, acts[-1][3]) and acts[-1][4].name == part_speaker.name:
                acts[-1] = (acts[-1][0], end, acts[-1][2], kind, part_speaker, acts[-1][5])  # one proposition
                continue
            made = tuple(r for r in defaults.rules[index] if part_speaker is speaker or r.startswith("attribution:"))
            if named is not None and part_speaker is named:
                made += ("speaker:person-named",)
            elif len(parts) == 1 and part_speaker is not speaker:
                made += ("speaker:relayed-commitment",)  # "A said B had agreed to ...": B's commitment
            if part_verb is not None and inverted_speaker(part_verb, sent) is not None:
                made += ("attribution:inverted",)  # "..., reported the city council"
            if part_verb is not None and cites(part_verb) and part_speaker is speaker:
                made += ("speaker:cited",)  # "the agency reported, citing the ministry": the ministry's words
            elif part_verb is not None and part_speaker is speaker and relayed_by_outlet(part_verb, sent):
                made += ("speaker:relayed-by-outlet",)  # "the ministry said ..., the agency said": the ministry's
            elif part_verb is not None and part_verb.tag_ == "VBG" and part.start == part_verb.i and len(parts) > 1:
                made += ("attribution:participle",)  # "..., adding that ...": its own statement
            parties = _joint_undertaking(content, part_verb, part_speaker)
            for party in parties:  # one pledge per party of a joint undertaking, on the same words
                acts.append((start, end, quote, "pledge", party,
                             made + ("kind:pledge-joint-undertaking", "speaker:joint-undertaking")))
            states = joint_states(part_verb) if not parties and part_speaker is speaker else []
            for state in states:  # "France, Germany and Britain said in a joint statement ...": one per state
                acts.append((start, end, quote, kind, state, made + (rule, "speaker:joint-statement")))
            if not parties and not states and part_speaker.members:
                for member in part_speaker.members:
                    # "they said" after "A and B met", "Czech and Slovak officials said": once by each
                    # (saydo.extract.groups)
                    acts.append((start, end, quote, kind, member, made + (rule, part_speaker.joint_rule)))
            elif not parties and not states:
                acts.append((start, end, quote, kind, part_speaker, made + (rule,)))
                for other in co_speakers(part_verb, part_speaker, registry):  # "Macron and Scholz assured ..."
                    acts.append((start, end, quote, kind, other, made + (rule, "speaker:joint-statement")))
        for start, end, quote, kind, act_speaker, rules in acts:
            if learned is not None and "kind:claim-default" in rules and act_speaker.actor not in (None, "CIV") \
                    and learned(text[start:end]):
                kind = "pledge"  # the learned second opinion (saydo.extract.learned), asked for
                rules = tuple(r for r in rules if r != "kind:claim-default") + ("kind:pledge-learned",)
            paragraph = bisect.bisect_left(breaks, start)
            context = _place_context(index, sentences, mentions, para_of, text, act_speaker, paragraph)
            decision = decide(sent, places_by_sentence.get(sent.start, []), context, kind)
            places = decision.codes
            rules = rules + ((decision.rule,) if decision.rule else ())
            found.append(_statement(article, text, offset, index, sentences, breaks, start, end, quote, kind,
                                    act_speaker, places, rules))
    return found


def _joint_undertaking(content: Span, verb: Token | None, speaker: Speaker) -> list[Speaker]:
    """The parties of a commitment explicitly attributed to two or more of them, each a speaker (GUIDELINES.md: one
    entry per party), when the one who reports it is not one of them, or relays it from them ("Russia and Ukraine
    undertook not to ...", said by the UN or found in "Russia and Ukraine promised"). An announcement by one of the
    parties that "we and they agreed" stays one pledge, the announcer's."""
    names = joint_parties(content, verb)
    parties = [Speaker(name=name, actor=actor_of_name(name) or actor_in_phrase(name)) for name in names]
    actors = {p.actor for p in parties}
    if len(parties) < 2 or None in actors or len(actors) < len(parties):
        return []
    relayed = any(p.name in speaker.name or speaker.name in p.name for p in parties)
    return parties if relayed or speaker.actor not in actors else []


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    """A part of a sentence without the comma or dash it was cut at."""
    while end > start and text[end - 1] in ",;—–- ":
        end -= 1
    return start, end


def _statement(article: Article, text: str, offset: int, index: int, sentences: list[Span], breaks: list[int],
               start: int, end: int, quote: str, kind: str, speaker: Speaker, places: tuple[str, ...],
               rules: tuple[str, ...] = ()) -> Statement:
    paragraph = bisect.bisect_left(breaks, start)
    window = Window()
    if kind == "pledge":
        near = [sentences[i].text for i in (index, index + 1, index - 1, index + 2)
                if 0 <= i < len(sentences) and abs(bisect.bisect_left(breaks, sentences[i].start_char)
                                                   - paragraph) <= 1]
        window = Window(*window_near(near, article.published, speaker.actor))
    return Statement(
        article=article.name, article_id=article.id, published=article.published, speaker=speaker.name,
        actor=speaker.actor, kind=kind, quote=quote, text=text[start:end], start=start + offset,
        end=end + offset, places=places, window=window, rules=rules,
    )


def _place_context(index: int, sentences: list[Span], mentions: list[Mention], para_of: list[int], text: str,
                   speaker: Speaker, paragraph: int) -> Context:
    """Where a statement stands among the article's places: the sentences before it (up to six back, within two
    paragraphs, and all of them), the corridor sentences around it (eight back within three paragraphs, fifteen
    ahead: route lists follow their announcement), the agreement named last before it, the places named after it on
    its line, the speaker's side and the places of a local official's title."""
    earlier = [mentions[j] for j in range(index - 1, max(index - 7, -1), -1) if paragraph - para_of[j] <= 2]
    corridor: list[str] = []
    for j in range(max(index - 8, 0), min(index + 16, len(sentences))):
        if j != index and mentions[j].corridor and (j > index or paragraph - para_of[j] <= 3):
            corridor.extend(c for c in mentions[j].codes if c not in corridor)
    following: list[str] = []
    for j in range(index + 1, len(sentences)):
        if "\n" in text[sentences[j - 1].end_char - 1:sentences[j].start_char + 1]:
            break
        following.extend(c for c in mentions[j].codes if c not in following)
    deal = next((mentions[j].codes for j in range(index - 1, -1, -1) if mentions[j].deal), ())
    title = f"{speaker.person.role} {speaker.name}" if speaker.person is not None else speaker.name
    return Context(earlier=earlier, corridor=tuple(sorted(corridor)), deal=deal, following=tuple(sorted(following)),
                   before=mentions[index - 1::-1] if index else (), actor=speaker.actor,
                   speaker_places=title_places(title))


# verbs whose object is the thing made known ("announced new funding"), not someone addressed
_ANNOUNCING = {"announce", "unveil", "declare", "confirm", "pledge", "promise", "offer"}
# verbs whose object is the one addressed ("told reporters", "briefed the president"; "assured" may take the thing)
_ADDRESSING = {"tell", "inform", "warn", "brief", "remind", "notify"}


def _content(sent: Span, verb: Token | None) -> Span:
    """What was said: the verb's clausal complement when there is one, else the whole sentence (or part of one)."""
    if verb is not None and sent.start <= verb.i < sent.end:
        speaker = inverted_speaker(verb, sent)  # "..., reported the city council": the object is who spoke
        if speaker is not None:
            return sent.doc[sent.start:verb.i - 1] if verb.i - 1 > sent.start + 2 else sent
        # "announced new credit to buy shells": what is announced is the thing and what it is for, not the purpose
        # clause a small model hangs on the verb (an object naming someone, "urged Vilnius to", is not a thing)
        thing = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "NUM")), None)
        purpose = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
        if verb.lemma_ in _ANNOUNCING and thing is not None and purpose is not None and thing.i < purpose.i:
            tokens = [t for t in [*thing.subtree, *purpose.subtree] if sent.start <= t.i < sent.end]
            if len(tokens) >= 3:
                return sent.doc[min(t.i for t in tokens):max(t.i for t in tokens) + 1]
        # "told the Turkish president that ...": the clause said, not the one it was said to
        for child in sorted(verb.children, key=lambda c: c.dep_ == "dobj"):
            if child.dep_ == "dobj" and verb.lemma_ in _ADDRESSING:
                continue  # "..., Putin told leaders of the alliance": whom it was said to, not what
            if child.dep_ in ("ccomp", "xcomp", "dobj") and child.i > verb.i - 40:
                tokens = [t for t in child.subtree if sent.start <= t.i < sent.end]
                if len(tokens) >= 3:
                    return sent.doc[tokens[0].i:tokens[-1].i + 1]
    return sent


def _commits(verb: Token) -> bool:
    """Does this verb carry a commitment marker: a future or modal auxiliary, or an infinitive complement ("ready to",
    "decided to", "plans to")?"""
    return any((c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "'ll", "wo", "ca", "can")) or
               c.dep_ == "xcomp" for c in verb.children)


def _quoted_at(token: Token, quoted: bool, quotes: list[tuple[int, int]] | None) -> bool:
    """Whether ``token`` of a statement quoted directly (``quoted``) lies inside the quotation marks (``quotes``:
    their character spans; None when not known, and then every word of a direct quotation is quoted)."""
    return quoted and (quotes is None or inside_quote(quotes, token.idx))


def _cues(content: Span, speaker: Speaker, verb: Token | None, quoted: bool = False,
          quotes: list[tuple[int, int]] | None = None, spoken: bool = False) -> Cues:
    """Who acts in what was said: the speaker's own side, another party, or nobody named."""
    state = speaker.actor not in (None, "CIV")
    # a named organisation that is no party of the war (a company, an agency, a charity) commits itself too ("the
    # company said it would publish new images"); a group named by a common noun ("residents") or a person does not
    body = not state and _named_body(speaker)
    own = other = False
    # the one granted something ("the soldiers will be guaranteed safe passage") is not who acts
    subjects = [t for t in content if t.dep_ == "nsubj" or t.dep_ == "nsubjpass" and t.head.lemma_ not in GRANTING]
    # "people will be evacuated to X, from where they would be flown on", "if they attack, we will": a subordinate
    # clause's subject is not the one who commits
    subjects = [t for t in subjects if t.head.dep_ not in ("relcl", "pcomp", "acl", "advcl")] or subjects
    # "I believe that the other side is committed to this": who holds a belief is not who acts in it
    subjects = [t for t in subjects if not (believes(t.head) and any(c.dep_ == "ccomp" for c in t.head.children))] \
        or subjects
    cut = next((t for t in content if t.dep_ == "conj" and not content.start <= t.head.i < content.end), None)
    if not subjects and cut is not None:
        # a predicate cut from its subject ("... and will keep freeing its land"): the subject it shares
        shared = subject_of(cut)
        subjects = [shared] if shared is not None and not content.start <= shared.i < content.end else []
    subjects.sort(key=lambda t: not _commits(t.head))
    in_person = False
    # "Sweden and Finland announced that they will ...": "they" of speakers reported together is themselves
    together = bool(speaker.members) or verb is not None and any(c.dep_ == "nsubj" and c.conjuncts
                                                                 for c in verb.children)
    for subject in subjects[:2]:
        side = _side(subject, speaker, state or body, _quoted_at(subject, quoted, quotes), together)
        if side is not None:
            own, other, in_person = side == "own", side == "other", side == "speaker"
            break
    if not subjects and verb is not None and verb.lemma_ in _OWN_ACT_VERBS:
        own = True  # "announced a decision to", "reiterated the proposal to": the speaker's own, nobody else named
    elif not subjects and verb is not None and len(content) and content.root.dep_ == "xcomp" and \
            content.root.head.i == verb.i and any(c.dep_ == "nsubj" for c in verb.children) and \
            verb.lemma_ not in ASKING and not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        # "the governor claimed to be ready for talks": an infinitive whose subject is the one speaking (not "asked to
        # consider", "appealed to the police to", where the one asked is to act)
        own = True
    if _announces_arrangement(content, verb):
        own = True  # "Putin announced a three-day ceasefire from May 8": the announcer's own arrangement
    root = content.root if len(content) else None
    first = next((t for t in content if not t.is_punct and not t.is_space), None)
    imperative = bool(root is not None and first is not None and root.tag_ == "VB" and root.i == first.i
                      and not any(c.dep_ in ("nsubj", "aux") for c in root.children))
    future = futures(content, verb, institution=(state and speaker.person is None) or body, quoted=quoted,
                     person=_a_person(speaker),
                     other_side=lambda t: _side(t, speaker, state or body, _quoted_at(t, quoted, quotes),
                                                together) == "other", quotes=quotes)
    if in_person and state and future.agent_acts:
        own = True  # "the minister said he would vote for it": an official committing in person to an act
    return Cues(own_side=own, other_side=other, state_speaker=state, body_speaker=body, imperative=imperative,
                agent_future=future.agent_acts, belief=future.believed, impersonal=future.impersonal,
                arrangement=future.arrangement, under_way=future.under_way, measure=future.measure,
                ordered=future.ordered, negative=own and state and negative_assurance(content),
                not_made=not_made(verb, content),
                stative=stative(content, future, verb), spoken=spoken, in_person=in_person,
                restated_support=restated_support(
                    content, lambda t: _side(t, speaker, state or body, False) == "other"))


def _announces_arrangement(content: Span, verb: Token | None) -> bool:
    """Is what an "announce"/"declare" reports an arrangement noun ("announced a three-day truce")? The object is
    the content's root, or the verb's object when the content is the whole sentence."""
    if verb is None or verb.lemma_ not in ("announce", "declare"):
        return False
    if len(content) and content.root.i != verb.i:
        announced = content.root
    else:
        announced = next((c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "attr")), None)
    return announced is not None and announced.pos_ == "NOUN" and announced.lemma_.lower() in ARRANGEMENT_HEADS


# verbs whose content with no subject is the speaker's own act or stance: "ordered a pullback", "announced a decision
# to", "expressed readiness for talks"
_OWN_ACT_VERBS = {"order", "instruct", "promise", "pledge", "vow", "agree", "offer", "propose", "commit", "undertake",
                  "invite", "announce", "reaffirm", "reiterate", "express", "signal", "declare"}
_JOINT_PLURALS = {"sides", "parties", "leaders", "presidents", "ministers", "delegations", "negotiators"}
_BOTH_PARTIES = {"nations", "countries", "states", "sides", "parties", "governments"}  # "both countries' ministers"


def _side(subject: Token, speaker: Speaker, state: bool, quoted: bool, together: bool = False) -> str | None:
    """Whose side a subject is: "own" (the speaker's), "other" (another party's), "speaker" (the speaker in person, in
    indirect speech) or None (nobody named). ``together``: the speaker is one of several reported together ("Sweden
    and Finland announced that they will ..."), whose "they" in indirect speech is themselves."""
    if subject.tag_ in ("WP", "WDT"):
        return None  # "who", "which": a relative pronoun (not the World Health Organization)
    phrase = _bare_phrase(subject)
    word = subject.lower_
    owner = next((c.lower_ for c in subject.children if c.dep_ == "poss" and c.lower_ in _POSSESSIVES), None)
    # a possessed party is on the possessor's side: "our troops" the speaker's, "their army" another party's; in
    # indirect speech "he said his fighters would hand over" names the speaker's own forces, inside a quotation "his
    # troops" are someone else's
    if subject.lemma_.lower() == "counterpart":
        return "other"  # "his counterpart will host the talks": the one facing the speaker, whose side is the other
    if subject.lemma_.lower() in VEHICLES:
        return None  # "the Panama-flagged vessel will leave at eight": a flag or owner named on a ship acts for no side
    if owner is not None and subject.lower_ in AGENT_NOUNS:
        if owner in ("their", "your") or (owner in ("his", "her") and quoted):
            return "other"
        if owner in ("our", "my", "his", "her") and subject.lower_ not in ("partners", "allies"):
            return "own"
    if word in ("we", "i", "us") or word == "they" and not quoted and (
            together or speaker.person is None and _bound_by_reporter(subject)):  # "they added that they ...": a body
        return "own"
    if word in _JOINT_PLURALS and any(c.lower_ in ("both", "two", "the") for c in subject.children) and \
            not any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in subject.children):
        # "the two sides will ...", "the leaders agreed to ...": the speaker's side is one of them (a joint
        # undertaking); not "the European leaders", whose side the modifier names
        return "own"
    owners = next((c for c in subject.children if c.dep_ == "poss"), None)
    if word in _JOINT_PLURALS and owners is not None and owners.lower_ in _BOTH_PARTIES and \
            any(c.lower_ in ("both", "two") for c in owners.children):
        return "own"  # "both countries' ministers agreed to": the speaker's side is one of the two (joint)
    conjuncts = [subject, *subject.conjuncts]
    if len(conjuncts) > 1:
        if "own" in {_side_alone(c, speaker) for c in conjuncts}:
            return "own"  # "Russia and Ukraine will create channels", said by one of them: its own undertaking too
    if subject.pos_ == "PROPN" and speaker.name.split() and subject.text == speaker.name.split()[-1]:
        return "speaker"  # "Nowicki will visit Kharkiv, his spokeswoman said": the speaker named in person
    named = actor_of_name(phrase) or actor_in_phrase(phrase) or _figure_side(subject) or _capital_side(subject)
    if named and speaker.actor and named == speaker.actor:
        return "own"
    if named and named != speaker.actor:
        return "other"
    if word == "it" and state and (speaker.person is None or _named_body(speaker)) and not quoted and \
            (subject.head.lemma_ != "be" or any(c.dep_ == "acomp" and c.lemma_.lower() in _READY
                                                 for c in subject.head.children)):
        # "Russia said it had pulled its forces", "the ministry said it was ready for talks": an institution speaking
        # of itself (not "it is important")
        return "own"
    if word == "they" and not _OTHER_PARTY.search(phrase):
        # in indirect speech "they" may mean the speaker's own group named just before ("his fighters were
        # exhausted; he said they would withdraw"), and anywhere "the two sides" just named; otherwise, as always,
        # another party
        group = _antecedent_group(subject)
        if group is not None and (not quoted or group.lower_ in ("sides", "parties")) and \
                _side(group, speaker, state, quoted) == "own":
            return "own"
    if word in ("they", "he", "she", "you") or _OTHER_PARTY.search(phrase):
        # in indirect speech "he" is usually the speaker; inside a quotation it is someone else
        if word not in ("he", "she") or not _a_person(speaker) or quoted:
            return "other"
        return "speaker"  # the speaker in person: neither a side's institution nor another party
    if state and _OWN_INSTITUTION.search(phrase):
        return "own"
    if speaker.actor in ORGANISATIONS and _BODY_HEAD.search(" ".join(t.text for t in subject.subtree)):
        return "own"  # "the Secretary-General will launch an appeal", said for the UN: the body's own head
    return None


def _a_person(speaker: Speaker) -> bool:
    """Whether the speaker is one person: a registered one, or one named by office alone ("the Polish prime
    minister", "a Kremlin spokesman"), whose "he" or "she" in indirect speech is themself."""
    if speaker.person is not None:
        return True
    words = speaker.name.split()
    return bool(words) and PERSON_ROLE.fullmatch(words[-1]) is not None


def _bound_by_reporter(pronoun: Token) -> bool:
    """Is this "they" of indirect speech the same word as the subject of the verb that reports it ("they added that
    they were ready to ...")? Then it is bound to the reporters, as "he said he would" is to the speaker (asked only
    for a body or group speaking, and of a report told as past: "they say that they will not stop" reports others)."""
    for verb in pronoun.ancestors:
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != pronoun.i), None)
        if subject is not None:
            # told as said then ("they said", "they have added"), not a general "they say", which reports others
            told = verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
            return subject.lower_ == pronoun.lower_ and verb.i < pronoun.i and told
    return False


def _side_alone(subject: Token, speaker: Speaker) -> str | None:
    """The side of one conjunct's own words ("Russia" of "Russia and Ukraine")."""
    words = conjunct_words(subject)
    named = actor_of_name(words) or actor_in_phrase(words) or _figure_side(subject)
    if named is None:
        return None
    return "own" if named == speaker.actor else "other"


def _figure_side(subject: Token) -> str | None:
    """The side of a public figure named as the subject ("Putin will meet ...", "President Biden and ...")."""
    if subject.pos_ != "PROPN":
        return None
    return actor_of_person(subject.text)


def _capital_side(subject: Token) -> str | None:
    """The state whose capital stands alone as the subject or possessor ("Ottawa would provide", "Prague's
    determination"), not inside a longer name ("the Budapest Memorandum") or a list of cities."""
    if subject.pos_ != "PROPN" or subject.conjuncts or any(c.dep_ in ("compound", "amod") for c in subject.children) \
            or subject.dep_ == "compound":
        return None
    return actor_of_capital(subject.text)


def _antecedent_group(pronoun: Token) -> Token | None:
    """The plural party a "they" refers back to: the nearest plural noun for people acting together ("troops",
    "fighters", "the sides") or plural nationality ("the Russians") in the 40 words before it."""
    doc = pronoun.doc
    for token in reversed(doc[max(pronoun.i - 40, 0):pronoun.i]):
        if token.tag_ in ("NNS", "NNPS") and (token.lemma_.lower() in AGENT_NOUNS or token.lower_ in AGENT_NOUNS or
                                              token.ent_type_ == "NORP"):
            return token
    return None


def _named_body(speaker: Speaker) -> bool:
    """A speaker named as an organisation is ("the Red Cross", "the satellite company Orbitview"), not a group of
    people ("local residents") or a person."""
    if speaker.person is not None:
        return any(w in ORGANISATION_ROLES for w in re.findall(r"[a-z]+", (speaker.person.role or "").lower()))
    words = [w for w in speaker.name.split() if w.lower() not in ("the", "a", "an")]
    return bool(words) and (words[0][:1].isupper() or any(w.lower() in ORGANISATION_ROLES for w in words))


def _bare_phrase(subject: Token) -> str:
    """The subject's words without appositions and relative clauses ("their government, ... demands of Russian
    President X" is still their government)."""
    aside = {t.i for c in subject.children if c.dep_ in ("appos", "relcl", "acl") for t in c.subtree}
    return " ".join(t.text for t in subject.subtree if t.i not in aside)[:80]


def _plain(text: str) -> str:
    """Content without quotation marks and with straight apostrophes, so cue patterns match across them."""
    return re.sub(r"[“”\"«»„]", "", text).replace("’", "'")


def _elaborations(statements: list[Statement]) -> list[Statement]:
    """An arrangement announced on schedule after a pledge of the same side names the same kind of arrangement ("the
    corridor will open at ten", after "Russia will open a corridor from the city") elaborates that pledge, which
    GUIDELINES.md leaves unannotated: a claim (``kind:claim-elaboration``), no new commitment."""
    def nouns(text: str) -> set[str]:  # head nouns: "humanitarian corridors" -> "corridor", talks and negotiations one
        regex = ARRANGEMENT.regex
        heads = {m.group(0).lower().split()[-1].rstrip("s") for m in regex.finditer(text)} if regex else set()
        return {"talk" if h == "negotiation" else h for h in heads}

    pledged: set[tuple[str | None, str]] = set()  # (side, arrangement noun) of the pledges so far
    out: list[Statement] = []
    for s in statements:
        if "kind:pledge-arrangement" in s.rules and any((s.actor, n) in pledged for n in nouns(s.text)):
            rules = tuple("kind:claim-elaboration" if r == "kind:pledge-arrangement" else r for r in s.rules)
            s = replace(s, kind="claim", window=Window(), rules=rules)
        elif s.kind == "pledge":
            pledged |= {(s.actor, n) for n in nouns(s.text)}
        out.append(s)
    return out


def _link_hedges(statements: list[Statement]) -> list[Statement]:
    linked: list[Statement] = []
    for s in statements:
        if s.kind != "pledge" and _HEDGE.search(s.text):
            pledge = next((p for p in reversed(linked) if p.kind == "pledge" and p.actor and p.actor == s.actor),
                          None)
            if pledge is not None:
                s = replace(s, qualifies=pledge.id)
        linked.append(s)
    return linked
