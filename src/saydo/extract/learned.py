"""A learned second opinion on kinds, off unless asked for (``--learned-kinds``).

The kind rules (``saydo.extract.kinds``) miss most pledges on news they were not written on, and miss them the same
way: the statement is found, and read as a claim because no rule names its wording. This module holds a small text
classifier (spaCy ``textcat``, bag of words and word pairs, five kinds) trained on the shared gold corpora's matched
statements and on the material written for saydo to train it (``corpus/written``: fictional articles with gold, and
labelled sentences). With it, a statement the rules call a claim only by default (rule ``kind:claim-default``),
said for a state or an organisation, becomes a pledge when the classifier gives "pledge" a probability of
``THRESHOLD`` or more and the statement looks ahead or binds (the gate, ``pledge_reader``); its rule is then
``kind:pledge-learned``. Nothing else changes.

What it is worth (docs/extraction.md, "Where it stands", eleventh session): on four news sets built and scored
before any use (161 gold pledges) the retrained model took pledge F1 from 0.403 (rules alone) to 0.480, recall 0.311
-> 0.509, but precision fell from 0.575 to 0.453. The gate (``pledge_reader(gate=True)``, the default) then kept it
from most reports of what was done; on three sets built after the gate was written (130 gold pledges): rules alone
0.675 / 0.400 / 0.502, ungated 0.486 / 0.523 / 0.504, gated 0.581 / 0.523 / 0.551. It stays off by default: the bar
written before those sets were scored (F1 0.03 above the rules' and precision 0.60 or more) is met on F1, not on
precision.

Training is reproducible: ``make model`` (``python -m saydo.extract.learned CORPUS... --sentences FILE... --out
DIR``) extracts each gold corpus with the rules, matches predictions to gold by the scorer's rule and trains on
(statement text, gold kind), with the labelled sentences added, with a fixed seed.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

from saydo.errors import BadValue, ModelMissing
from saydo.extract.kinds import FORWARD

MODEL = Path(__file__).parent / "models" / "kinds"
# chosen on the never-read news sets h, i, j, k and the blind halves of f and g (pooled pledge F1 at 0.5 ... 0.95),
# then judged once on news-l and news-m (docs/extraction.md, tenth session); kept for the eleventh session's model
THRESHOLD = 0.6
KINDS = ("pledge", "claim", "denial", "demand", "opinion")
EPOCHS = 20
SEED = 0


def training_pairs(corpora: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(predicted statement text, gold kind) for every prediction the scorer matches to a gold statement."""
    from saydo.extract.score import _gold_for, _match, load_gold
    from saydo.extract.statements import extract_many
    from saydo.ingest.articles import read_article

    pairs: list[tuple[str, str]] = []
    for corpus in corpora:
        corpus = Path(corpus)
        entries = load_gold(corpus)
        articles = [read_article(corpus / e["file"]) for e in entries]
        for entry, article, predicted in zip(entries, articles, extract_many(articles)):
            gold = _gold_for(entry, article.text)
            for gi, pi in _match(gold, predicted):
                pairs.append((predicted[pi].text, gold[gi].kind))
    return pairs


def sentence_pairs(paths: Iterable[str | Path]) -> list[tuple[str, str]]:
    """(text, kind) of labelled sentences, JSON Lines of ``{"text": ..., "kind": ...}`` (written for saydo)."""
    pairs: list[tuple[str, str]] = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError:
                item = None
            if not isinstance(item, dict) or item.get("kind") not in KINDS or not str(item.get("text", "")).strip():
                raise BadValue(f"line {number} is not an object with a text and a kind, one of {', '.join(KINDS)}",
                               where=str(path), hint='write each line as {"text": "...", "kind": "pledge"}')
            pairs.append((item["text"], item["kind"]))
    return pairs


def train(pairs: list[tuple[str, str]], *, seed: int = SEED, epochs: int = EPOCHS):
    """A spaCy pipeline with one ``textcat`` over the five kinds, trained on ``pairs``."""
    import spacy
    from spacy.training import Example
    from spacy.util import compounding, fix_random_seed, minibatch

    fix_random_seed(seed)
    nlp = spacy.blank("en")
    textcat = nlp.add_pipe("textcat", config={"model": {
        "@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": True, "ngram_size": 2,
        "no_output_layer": False, "length": 262144}})
    for kind in KINDS:
        textcat.add_label(kind)
    examples = [Example.from_dict(nlp.make_doc(text), {"cats": {k: float(k == kind) for k in KINDS}})
                for text, kind in pairs]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(examples)
        for batch in minibatch(examples, size=compounding(4.0, 32.0, 1.001)):
            nlp.update(batch, sgd=optimizer, drop=0.2)
    return nlp


@lru_cache(maxsize=2)
def load(path: str | Path = MODEL):
    """The trained classifier (cached)."""
    import spacy

    path = Path(path)
    if not (path / "config.cfg").exists():
        raise ModelMissing("the learned kind classifier is not installed", where=str(path),
                           hint="run 'make model' to train it from ../shared/corpus, or leave out --learned-kinds")
    return spacy.load(path)


def pledge_reader(threshold: float = THRESHOLD, path: str | Path = MODEL, gate: bool = True) -> Callable[[str], bool]:
    """A test on a statement's text: does the classifier read it as a pledge (probability >= ``threshold``)? With
    ``gate``, only a text that looks ahead or binds can be one (``forward_markers`` in lexicons/kinds.toml: a future,
    a modal, readiness, a plan, going on, agreeing): a report of what was done ("the alliance has responded and is
    assessing") is left a claim whatever the classifier reads in its words."""
    nlp = load(path)
    return lambda text: (not gate or bool(FORWARD.search(text))) and nlp(text).cats["pledge"] >= threshold


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m saydo.extract.learned",
                                     description="Train the learned kind classifier on gold corpora.")
    parser.add_argument("corpora", nargs="+", help="folders with article files and gold.json")
    parser.add_argument("--out", default=str(MODEL), help="where to save the model")
    parser.add_argument("--sentences", nargs="*", default=[], help="JSON Lines of labelled sentences to add")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    pairs = training_pairs(args.corpora) + sentence_pairs(args.sentences)
    nlp = train(pairs, seed=args.seed)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta["name"] = "saydo_kinds"
    nlp.meta["description"] = "saydo's learned kind classifier (docs/extraction.md)"
    nlp.meta["saydo_training"] = {"corpora": [Path(c).name for c in args.corpora],
                                  "sentences": [Path(c).name for c in args.sentences], "pairs": len(pairs),
                                  "pledges": sum(kind == "pledge" for _, kind in pairs), "seed": args.seed,
                                  "epochs": EPOCHS}
    nlp.to_disk(out)
    print(json.dumps({"model": str(out), **nlp.meta["saydo_training"]}))


if __name__ == "__main__":
    main()
