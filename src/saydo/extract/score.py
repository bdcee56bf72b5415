"""Scoring extraction against a gold corpus (the format of ../shared/corpus/dev/gold.json).

The rule is the one the project's figures are quoted with, so the number ``saydo eval`` prints is the number that
counts:

- **Match.** A predicted statement matches a gold one of the same article when their character spans overlap by at
  least half of the shorter span; pairs are made one-to-one, largest overlap first. A pledge is found when a gold
  pledge is matched by a predicted pledge in that one matching (a gold pledge matched by a predicted claim is a miss,
  a predicted pledge matched to a gold claim a false alarm).
- **Duplicates** (GUIDELINES.md: one entry per speaker and proposition): a prediction left unmatched is neither hit
  nor false alarm when it repeats a gold statement of the article — the same speaker (below) and the same
  proposition: half of the content words of the shorter text are shared, at least two of them, or its span lies
  mostly inside that gold statement's span (one annotated statement split in two). For pledges, only a repeat of a
  gold pledge is forgiven.
- **Speaker** is the same person or body, never a substring: persons by surname after folding transliteration
  (Zelensky, Zelenskyy and Zelenskiy; Vereshchuk and Vereschuk; Lukashenko and Lukashenka), with given names (the
  word before the surname, so "President of Ukraine Volodymyr Zelensky" is Volodymyr Zelensky), when both have one,
  starting alike; bodies by their words after dropping titles, articles and nationality words and
  folding spelling (defence/defense; "Ministry of Defense of the Russian Federation" = "Russian defense ministry";
  "Kremlin's press service" = "Kremlin"; an acronym in brackets = the name it abbreviates); a state by its name, its
  capital or "the X side" (Russia = Moscow = the Russian Federation). A person never equals a body, except that a
  head of state's or government's office named without a name ("President of Ukraine") is whoever held it on the
  article's date (``saydo.resolve.offices``): the gold speaker is read as that person.

Reported: precision, recall and F1 over all statements and over pledges; on matched pairs, the accuracy of speaker,
actor and kind; micro-averaged F1 of the place codes of matched pairs; the duplicates set aside; and, with
``rules=True``, for each rule an extraction step names on a statement (``Statement.rules``), how often it fired and
how often the statement it made was right.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from saydo.errors import InputError, MissingFile
from saydo.ingest.articles import read_article
from saydo.records import Statement
from saydo.resolve.offices import office_holder


@dataclass
class Gold:
    speaker: str
    actor: str | None
    kind: str
    quote: str
    text: str
    places: tuple[str, ...]
    start: int
    end: int


@dataclass
class ArticleScore:
    file: str
    gold: int = 0
    predicted: int = 0
    duplicates: int = 0
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)
    wrong: list[dict] = field(default_factory=list)


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def prf(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": self.tp, "fp": self.fp,
                "fn": self.fn}


def load_gold(corpus: Path) -> list[dict]:
    path = corpus / "gold.json"
    if not corpus.is_dir():
        raise MissingFile("corpus folder not found", where=str(corpus), hint="give a folder holding gold.json")
    if not path.exists():
        raise MissingFile("no gold.json in the corpus folder", where=str(corpus),
                          hint="see ../shared/corpus/dev/gold.json for the format")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data:
            entry["file"], entry["statements"]  # noqa: B018 (shape check)
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"gold.json is not in the expected format ({exc})", where=str(path),
                         hint="a list of {file, date, statements: [...]}") from None
    return data


# --- speakers -------------------------------------------------------------------------------------------------------

# Words of a title or description around a person's name: dropped before the name is compared.
_TITLES = {
    "mr", "mrs", "ms", "dr", "sir", "president", "prime", "minister", "deputy", "vice", "foreign", "defence", "defense",
    "spokesman", "spokeswoman", "spokesperson", "general", "colonel", "lieutenant", "major", "lt", "gen", "col",
    "adviser", "advisor", "head", "chief", "governor", "mayor", "secretary", "chairman", "chairwoman", "commander",
    "ambassador", "patriarch", "pope", "king", "chancellor", "senator", "presidential", "secretary-general",
    "representative", "envoy", "negotiator", "director", "first", "acting", "former", "the", "of", "a", "an",
}
# A name holding one of these is a body (an institution, a group, an account), not a person.
_BODY_WORDS = {
    "ministry", "council", "office", "service", "kremlin", "government", "staff", "command", "administration",
    "agency", "committee", "army", "forces", "navy", "embassy", "channel", "official", "officials", "military", "side",
    "mission", "department", "parliament", "duma", "rada", "headquarters", "un", "nato", "icrc", "iaea", "leaders",
    "negotiators", "delegation", "website", "company", "union", "nations", "federation", "republic", "unesco", "g7",
    "mfa", "authorities", "troops", "guard", "police", "defence", "defense", "cross", "media", "outlet", "newspaper",
}
# Words that qualify a body without naming another one: dropped before bodies are compared.
_QUALIFIERS = {"the", "of", "a", "an", "and", "in", "senior", "top", "local", "regional", "unnamed", "high-ranking",
               "press", "official's", "its", "his", "her", "their", "for"}
# Nationality words and state names: a body's side. Two bodies of different sides are different bodies.
_SIDES = {
    "russia": "RU", "russian": "RU", "moscow": "RU", "federation": "RU", "ukraine": "UA", "ukrainian": "UA",
    "kyiv": "UA", "kiev": "UA", "belarus": "BY", "belarusian": "BY", "us": "US", "u.s.": "US", "american": "US",
    "turkish": "TR", "turkey": "TR", "french": "FR", "france": "FR", "british": "GB", "german": "DE", "saudi": "SA",
}
# A state named by itself, its capital or "the X side".
_STATES = {
    "russia": "RU", "russian federation": "RU", "moscow": "RU", "russian side": "RU", "ukraine": "UA", "kyiv": "UA",
    "kiev": "UA", "ukrainian side": "UA", "belarus": "BY", "minsk": "BY", "united states": "US", "washington": "US",
    "us": "US", "u.s.": "US", "turkey": "TR", "ankara": "TR", "turkiye": "TR", "france": "FR", "paris": "FR",
}
_SPELLING = {"defence": "defense", "programme": "program", "centre": "center", "organisation": "organization"}
_OTHER_HEADS = {"foreign", "health", "interior", "emergency", "emergencies", "economy", "energy", "justice", "finance",
                "navy", "army", "council", "parliament", "duma", "rada", "guard", "police"}


def same_speaker(a: str, b: str) -> bool:
    """Whether two speaker names are the same person or body (see the module's rule); never a mere substring."""
    ka, kb = _speaker_key(a), _speaker_key(b)
    if ka is None or kb is None or ka[0] != kb[0]:
        return False
    if ka[0] == "person":
        (_, given_a, surname_a), (_, given_b, surname_b) = ka, kb
        if surname_a != surname_b:
            return False
        if not (given_a and given_b):
            return True
        return given_a[0] == given_b[0] or (given_a[0] in "aeiou" and given_b[0] in "aeiou")
    if ka[0] == "state":
        return ka[1] == kb[1]
    (_, words_a, side_a, also_a), (_, words_b, side_b, also_b) = ka, kb
    if side_a and side_b and side_a != side_b:
        return False
    if words_a & also_b or words_b & also_a:
        return True  # "ICRC" and "International Committee of the Red Cross (ICRC)"
    if not (words_a & words_b) or not (words_a <= words_b or words_b <= words_a):
        return False
    return not ((words_a ^ words_b) & _OTHER_HEADS)  # "defense ministry" is not "foreign ministry"


def _speaker_key(name: str) -> tuple | None:
    """("person", given name skeleton, surname skeleton), ("state", code) or ("body", words, side, other names)."""
    text = name.replace("’", "'")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().strip()
    aliases = re.findall(r"\(([^)]*)\)", text)
    text = re.sub(r"\([^)]*\)", " ", text)
    text = re.sub(r"['’]s\b", " ", text)
    text = re.sub(r"[^a-z0-9@_. -]+", " ", text)
    text = re.sub(r"^(?:the )?press service of |\s+press service$", "", text.strip())  # X's press service is X
    text = re.sub(r"\s+(?:in|at|on) [a-z .-]+$", "", text) if len(text.split()) > 3 else text  # "... staff in Ukraine"
    words = [w.strip(".") for w in text.split() if w.strip(".")]
    if not words:
        return None
    bare = " ".join(w for w in words if w != "the")
    if bare in _STATES:
        return ("state", _STATES[bare])
    titled = _titled_name(name)
    if titled:
        words = titled  # "Kremlin spokesman Dmitry Peskov": a person with a body in the title
    elif any(w in _BODY_WORDS or w.startswith("@") for w in words) or (aliases and len(words) > 3):
        return _body(words, aliases)
    names = [w for w in words if w not in _TITLES]
    if not names:
        return _body(words, aliases)
    names = [w for w in names if len(w) > 1] or names  # a middle initial: "Donald J. Trump" is Donald Trump
    # the given name is the word before the surname: "President of Ukraine Volodymyr Zelensky" is Volodymyr Zelensky
    return ("person", _fold(names[-2]) if len(names) > 1 else "", _fold(names[-1]))


def _titled_name(name: str) -> list[str]:
    """The name after a person's title ("Kremlin spokesman Dmitry Peskov" -> dmitry peskov), or [] when the words
    end in no capitalised name after a title word."""
    tokens = re.findall(r"[\w'’.-]+", name)
    lowered = [t.lower().strip(".") for t in tokens]
    for i in range(len(tokens) - 1, -1, -1):
        if lowered[i] in _TITLES - {"the", "of", "a", "an"} and i < len(tokens) - 1:
            tail = tokens[i + 1:]
            if all(t[:1].isupper() and t.lower() not in _BODY_WORDS | set(_SIDES) for t in tail) and len(tail) <= 3:
                return [t.lower().strip(".") for t in tail]
            return []
    return []


def _body(words: list[str], aliases: list[str]) -> tuple:
    sides = {_SIDES[w] for w in words if w in _SIDES}
    core = [_SPELLING.get(w, w).lstrip("@").replace("_", " ") for w in words
            if w not in _SIDES and w not in _QUALIFIERS]
    core = [w[:-1] if w.endswith("s") and len(w) > 4 else w for w in core]  # officials = official
    also = {"".join(w[0] for w in core)} if len(core) > 1 else set()  # "UN", "ICRC": a name by its initials
    for alias in aliases:
        also |= {a.lstrip("@").replace("_", " ") for a in alias.split() if a not in _QUALIFIERS}
    return ("body", frozenset(core), "".join(sorted(sides)), frozenset(also))


def _fold(word: str) -> str:
    """A transliteration skeleton of one name: shch/sch/sh -> s, ch -> c, kh -> h, zh -> z, ts -> c, x -> ks,
    w -> v, y/j -> i, doubled letters once, final vowels dropped (Zelenskyy = Zelensky, Lukashenka = Lukashenko)."""
    w = re.sub(r"[^a-z]", "", word)
    for a, b in (("shch", "s"), ("sch", "s"), ("sh", "s"), ("ch", "c"), ("kh", "h"), ("zh", "z"), ("ts", "c"),
                 ("x", "ks"), ("w", "v"), ("y", "i"), ("j", "i"), ("ie", "e"), ("ei", "e")):
        w = w.replace(a, b)
    w = re.sub(r"(.)\1+", r"\1", w)
    return w.rstrip("aeiou") or w


# --- propositions -----------------------------------------------------------------------------------------------------

_STOP = set("""a an the and or but if of to in on at by for with from as is are was were be been being that this these
those it its they them their he him his she her we our us i my you your not no so than then there here which who whom
what when where will would shall should can could may might must have has had do does did said says say told tell
also about after before into over under more most said according""".split())


def _content_words(text: str, speaker: str) -> set[str]:
    drop = {w.lower() for w in re.findall(r"[A-Za-z]+", speaker)}
    words = set()
    for w in re.findall(r"[A-Za-z]+", text.lower()):
        if len(w) < 3 or w in _STOP or w in drop:
            continue
        words.add(w[:5])  # a crude stem: reduce/reducing/reduction share "reduc"
    return words


def _repeats(p: Statement, g: Gold) -> bool:
    """Whether prediction ``p`` is a further mention of gold statement ``g``'s proposition by the same speaker."""
    if not same_speaker(g.speaker, p.speaker):
        return False
    inside = min(p.end, g.end) - max(p.start, g.start)
    if inside > 0 and inside >= 0.5 * (p.end - p.start):
        return True
    a, b = _content_words(p.text, p.speaker), _content_words(g.text, g.speaker)
    shared = len(a & b)
    return shared >= 2 and shared >= 0.5 * min(len(a), len(b))


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    shorter = min(a[1] - a[0], b[1] - b[0])
    return inter / shorter if inter > 0 and shorter > 0 else 0.0


def _match(gold: list[Gold], pred: list[Statement]) -> list[tuple[int, int]]:
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = _overlap((g.start, g.end), (p.start, p.end))
            if ov >= 0.5:
                pairs.append((-ov, not same_speaker(g.speaker, p.speaker), gi, pi))
    # the largest overlap first; of equal overlaps, the same speaker first (a statement made jointly is one entry per
    # speaker on the same words, GUIDELINES.md)
    pairs.sort()
    used_g, used_p, matched = set(), set(), []
    for _, _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    return matched


# --- scoring ----------------------------------------------------------------------------------------------------------

@dataclass
class _Tally:
    overall: Counts = field(default_factory=Counts)
    pledges: Counts = field(default_factory=Counts)
    places: Counts = field(default_factory=Counts)
    speaker_ok: int = 0
    actor_ok: int = 0
    kind_ok: int = 0
    matched: int = 0
    duplicates: int = 0
    rules: dict = field(default_factory=dict)


def score_predictions(entries: list[dict], texts: list[str], predictions: list[list[Statement]]) -> dict:
    """Score predictions already made (one list per gold entry, in order) against the gold entries."""
    tally = _Tally()
    per_article = []
    for entry, text, pred in zip(entries, texts, predictions):
        per_article.append(_score_article(entry, text, pred, tally))
    t = tally

    def acc(n: int) -> float:
        return round(n / t.matched, 4) if t.matched else 0.0

    return {
        "articles": len(entries),
        "gold_statements": sum(a.gold for a in per_article),
        "predicted_statements": sum(a.predicted for a in per_article),
        "duplicates": t.duplicates,
        "all": t.overall.prf(),
        "pledges": t.pledges.prf(),
        "matched": t.matched,
        "speaker_accuracy": acc(t.speaker_ok),
        "actor_accuracy": acc(t.actor_ok),
        "kind_accuracy": acc(t.kind_ok),
        "places": t.places.prf(),
        "rules": merge_rule_counts([t.rules]),
        "per_article": [a.__dict__ for a in per_article],
    }


def _score_article(entry: dict, text: str, pred: list[Statement], t: _Tally) -> ArticleScore:
    gold = _gold_for(entry, text)
    result = ArticleScore(file=entry["file"], gold=len(gold), predicted=len(pred))
    matched = _match(gold, pred)
    m_g = {g for g, _ in matched}
    m_p = {p: g for g, p in matched}
    for gi, pi in matched:
        g, p = gold[gi], pred[pi]
        t.matched += 1
        speaker = same_speaker(g.speaker, p.speaker)
        t.speaker_ok += speaker
        t.actor_ok += g.actor == p.actor
        t.kind_ok += g.kind == p.kind
        gp, pp = set(g.places), set(p.places)
        t.places.tp += len(gp & pp)
        t.places.fp += len(pp - gp)
        t.places.fn += len(gp - pp)
        if not speaker or g.actor != p.actor or g.kind != p.kind or gp != pp:
            result.wrong.append({"text": g.text[:120], "gold": [g.speaker, g.actor, g.kind, sorted(gp)],
                                 "predicted": [p.speaker, p.actor, p.kind, sorted(pp)]})
    t.overall.tp += len(matched)
    t.overall.fn += len(gold) - len(matched)
    for gi, g in enumerate(gold):
        if gi not in m_g:
            result.misses.append({"speaker": g.speaker, "kind": g.kind, "text": g.text[:120]})
    duplicate = [pi not in m_p and any(_repeats(p, g) for g in gold) for pi, p in enumerate(pred)]
    for pi, p in enumerate(pred):
        if pi in m_p:
            continue
        if duplicate[pi]:
            result.duplicates += 1
            t.duplicates += 1
            continue
        t.overall.fp += 1
        result.false_alarms.append({"speaker": p.speaker, "kind": p.kind, "text": p.text[:120]})
    for gi, g in enumerate(gold):
        if g.kind != "pledge":
            continue
        if any(gi == m_g_i and pred[pi].kind == "pledge" for m_g_i, pi in matched):
            t.pledges.tp += 1
        else:
            t.pledges.fn += 1
    for pi, p in enumerate(pred):
        if p.kind != "pledge":
            continue
        if pi in m_p:
            if gold[m_p[pi]].kind != "pledge":
                t.pledges.fp += 1
        elif not any(g.kind == "pledge" and _repeats(p, g) for g in gold):
            t.pledges.fp += 1
    for pi, p in enumerate(pred):
        g = gold[m_p[pi]] if pi in m_p else None
        for rule in getattr(p, "rules", ()) or ():
            _credit(t.rules, rule, p, g, duplicate[pi])
    return result


def _credit(rules: dict, rule: str, p: Statement, g: Gold | None, duplicate: bool) -> None:
    """Count one firing of ``rule`` and whether what it decided was right. The stage is the rule name's prefix:
    ``attribution:`` (a statement where the gold has one, or a duplicate of one), ``speaker:`` (the same speaker),
    ``actor:``, ``kind:`` (the kind; a pledge rule is right when the gold says pledge), ``places:`` (the same
    places). A firing on a statement the gold does not have counts as wrong; ``on_gold`` counts a rule that decides
    something about a statement (every stage but ``attribution:``) only where the gold has that statement, so what
    the rule decided is told apart from the attribution's error in making the statement at all."""
    stage = rule.split(":", 1)[0]
    if stage == "attribution":
        right = g is not None or duplicate
    elif g is None:
        if duplicate:
            return  # a duplicate says nothing about the speaker, kind or places it was given
        right = False
    elif stage == "speaker":
        right = same_speaker(g.speaker, p.speaker)
    elif stage == "actor":
        right = g.actor == p.actor
    elif stage == "kind":
        right = g.kind == p.kind
    elif stage == "places":
        right = set(g.places) == set(p.places)
    else:
        right = g is not None
    count = rules.setdefault(rule, {"fired": 0, "right": 0, "on_gold": {"fired": 0, "right": 0}})
    count["fired"] += 1
    count["right"] += bool(right)
    if g is not None and stage != "attribution":
        count["on_gold"]["fired"] += 1
        count["on_gold"]["right"] += bool(right)


def score_corpus(corpus: str | Path, extract_many) -> dict:
    """Extract every gold article with ``extract_many`` and score it. Returns the numbers and per-article lists."""
    corpus = Path(corpus)
    entries = load_gold(corpus)
    articles = [read_article(corpus / e["file"]) for e in entries]
    predictions = list(extract_many(articles))
    return {"corpus": str(corpus), **score_predictions(entries, [a.text for a in articles], predictions)}


def merge_rule_counts(per_corpus: list[dict]) -> dict:
    """The per-rule counts of several corpora added up, with precision recomputed."""
    total: dict[str, dict] = {}
    for counts in per_corpus:
        for name, c in counts.items():
            t = total.setdefault(name, {"fired": 0, "right": 0, "on_gold": {"fired": 0, "right": 0}})
            t["fired"] += c["fired"]
            t["right"] += c["right"]
            t["on_gold"]["fired"] += c["on_gold"]["fired"]
            t["on_gold"]["right"] += c["on_gold"]["right"]
    return {name: {**_with_precision(c), "on_gold": _with_precision(c["on_gold"])}
            for name, c in sorted(total.items())}


def _with_precision(c: dict) -> dict:
    return {**c, "precision": round(c["right"] / c["fired"], 4) if c["fired"] else None}


def rule_rates(statements_per_text: list[list[Statement]], sentences: int) -> dict:
    """How often each rule fires on unannotated text: firings and firings per 1,000 sentences."""
    counts = Counter(rule for statements in statements_per_text for s in statements
                     for rule in (getattr(s, "rules", ()) or ()))
    per = 1000 / sentences if sentences else 0.0
    return {rule: {"fired": n, "per_1000_sentences": round(n * per, 2)} for rule, n in sorted(counts.items())}


def _gold_for(entry: dict, text: str) -> list[Gold]:
    found = []
    day = _day(entry.get("date"))
    for g in entry["statements"]:
        start = text.find(g["text"])
        if start < 0:
            continue  # the gold span lies in a header line the reader does not keep
        speaker = g.get("speaker", "")
        held = office_holder(speaker, day, g.get("actor")) if day is not None else None
        found.append(Gold(held[0] if held else speaker, g.get("actor"), g.get("kind", ""), g.get("quote", ""),
                          g["text"], tuple(g.get("places") or ()), start, start + len(g["text"])))
    return found


def _day(value) -> date | None:
    """An entry's date, or None when it has none or not in ISO form."""
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None
