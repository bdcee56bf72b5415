"""Scoring extraction against a gold corpus (the format of ../shared/corpus/dev/gold.json).

Matching: a predicted statement matches a gold one in the same article when their character spans overlap by at least
half of the shorter span; pairs are matched one-to-one, largest overlap first. A predicted statement left unmatched
that repeats a gold proposition (same speaker and kind as a gold statement of the article) is a further mention the gold
annotates once: it counts as neither hit nor false alarm.

Reported: precision, recall and F1 over all statements and over pledges alone (matching pledges to pledges); on matched
pairs, the accuracy of speaker (same person: equal names or equal surnames), actor and kind; and micro-averaged F1 of
the place codes of matched pairs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from saydo.errors import InputError, MissingFile
from saydo.ingest.articles import read_article
from saydo.records import Statement


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
    misses: list[dict] = field(default_factory=list)
    false_alarms: list[dict] = field(default_factory=list)


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


def same_speaker(a: str, b: str) -> bool:
    na, nb = _name(a), _name(b)
    if not na or not nb:
        return False
    return na == nb or na.split()[-1] == nb.split()[-1] or na in nb or nb in na


def _name(text: str) -> str:
    text = re.sub(r"^(the|mr|mrs|ms|dr)\.?\s+", "", text.strip().lower())
    return re.sub(r"[^a-z0-9 ]+", "", text).strip()


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
                pairs.append((ov, gi, pi))
    pairs.sort(reverse=True)
    used_g, used_p, matched = set(), set(), []
    for _, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        matched.append((gi, pi))
    return matched


def score_corpus(corpus: str | Path, extract_many) -> dict:
    """Extract every gold article with ``extract_many`` and score it. Returns the numbers and per-article lists."""
    corpus = Path(corpus)
    entries = load_gold(corpus)
    articles = [read_article(corpus / e["file"]) for e in entries]
    predictions = list(extract_many(articles))
    overall, pledges, places = Counts(), Counts(), Counts()
    speaker_ok = actor_ok = kind_ok = matched_n = 0
    per_article = []
    for entry, article, pred in zip(entries, articles, predictions):
        gold = _gold_for(entry, article.text)
        result = ArticleScore(file=entry["file"], gold=len(gold), predicted=len(pred))
        matched = _match(gold, pred)
        m_g = {g for g, _ in matched}
        m_p = {p for _, p in matched}
        for gi, pi in matched:
            g, p = gold[gi], pred[pi]
            matched_n += 1
            speaker_ok += same_speaker(g.speaker, p.speaker)
            actor_ok += (g.actor == p.actor)
            kind_ok += (g.kind == p.kind)
            gp, pp = set(g.places), set(p.places)
            places.tp += len(gp & pp)
            places.fp += len(pp - gp)
            places.fn += len(gp - pp)
        overall.tp += len(matched)
        overall.fn += len(gold) - len(matched)
        for gi, g in enumerate(gold):
            if gi not in m_g:
                result.misses.append({"speaker": g.speaker, "kind": g.kind, "text": g.text[:120]})
        for pi, p in enumerate(pred):
            if pi in m_p or _repeats(p, gold):
                continue
            overall.fp += 1
            result.false_alarms.append({"speaker": p.speaker, "kind": p.kind, "text": p.text[:120]})
        g_pl = [g for g in gold if g.kind == "pledge"]
        p_pl = [p for p in pred if p.kind == "pledge"]
        pl_matched = _match(g_pl, p_pl)
        pl_mp = {p for _, p in pl_matched}
        pledges.tp += len(pl_matched)
        pledges.fn += len(g_pl) - len(pl_matched)
        pledges.fp += sum(1 for pi, p in enumerate(p_pl) if pi not in pl_mp and not _repeats(p, g_pl))
        per_article.append(result)
    def acc(n: int) -> float:
        return round(n / matched_n, 4) if matched_n else 0.0

    return {
        "corpus": str(corpus),
        "articles": len(entries),
        "gold_statements": sum(a.gold for a in per_article),
        "predicted_statements": sum(a.predicted for a in per_article),
        "all": overall.prf(),
        "pledges": pledges.prf(),
        "matched": matched_n,
        "speaker_accuracy": acc(speaker_ok),
        "actor_accuracy": acc(actor_ok),
        "kind_accuracy": acc(kind_ok),
        "places": places.prf(),
        "per_article": [a.__dict__ for a in per_article],
    }


def _repeats(p: Statement, gold: list[Gold]) -> bool:
    return any(g.kind == p.kind and same_speaker(g.speaker, p.speaker) for g in gold)


def _gold_for(entry: dict, text: str) -> list[Gold]:
    found = []
    for g in entry["statements"]:
        start = text.find(g["text"])
        if start < 0:
            continue  # the gold span lies in a header line the reader does not keep
        found.append(Gold(g.get("speaker", ""), g.get("actor"), g.get("kind", ""), g.get("quote", ""), g["text"],
                          tuple(g.get("places") or ()), start, start + len(g["text"])))
    return found
