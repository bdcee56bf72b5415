"""`saydo eval CORPUS_DIR...`: score extraction against each corpus's gold.json, and what each rule is worth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table

from saydo.serve.cli import app
from saydo.serve.cli.options import JsonOption, LearnedKindsOption, console, print_json

UnannotatedOption = Annotated[
    Optional[list[Path]],
    typer.Option("--unannotated", help="With --rules: tables of articles (CSV or JSON Lines with a body column) on "
                                       "which to count how often each rule fires (e.g. the press corpora).",
                 show_default=False),
]
TurnsOption = Annotated[
    Optional[list[Path]],
    typer.Option("--turns", help="Tables of transcripts (CSV or JSON Lines with a body column): the share of "
                                 "statements inside a named speaker's turn credited to that speaker.",
                 show_default=False),
]


@app.command("eval")
def evaluate(corpora: Annotated[Optional[list[Path]], typer.Argument(help="Folders with article files and gold.json.",
                                                                     show_default=False)] = None,
             json_out: JsonOption = False,
             details: Annotated[bool, typer.Option("--details", help="List misses, false alarms and wrong fields "
                                                                     "per article.")] = False,
             rules: Annotated[bool, typer.Option("--rules", help="Per extraction rule: how often it fired on the "
                                                                 "gold corpora and how often it was right.")] = False,
             unannotated: UnannotatedOption = None,
             turns: TurnsOption = None, learned_kinds: LearnedKindsOption = False) -> None:
    """Score extraction against gold corpora: precision, recall, F1, speaker/actor/kind accuracy, places F1.

    Matching (docs/extraction.md, "Measuring it"): spans overlapping by half of the shorter; a further mention of an
    annotated proposition by the same speaker is neither hit nor false alarm; speakers compared as the same person or
    body. ``--turns`` measures speaker turns of transcripts instead (docs/extraction.md, "Transcripts")."""
    from saydo.errors import InputError
    from saydo.extract import extract_many
    from saydo.extract.score import merge_rule_counts, rule_rates, score_corpus

    if turns:
        _turns(turns, json_out, details)
        if not corpora:
            return
    if not corpora:
        raise InputError("nothing to score", hint="give corpus folders with gold.json, or --turns TABLE")
    if learned_kinds:
        from functools import partial

        from saydo.extract.learned import pledge_reader

        extract_many = partial(extract_many, learned=pledge_reader())
    results = [score_corpus(corpus, extract_many) for corpus in corpora]
    rates = None
    if rules and unannotated:
        rates = _unannotated_rates(unannotated, extract_many, rule_rates)
    if json_out:
        out = [{k: v for k, v in r.items() if (details or k != "per_article") and k != "rules"} for r in results]
        if len(out) == 1 and not rules:
            print_json(out[0])  # one corpus: the flat object earlier versions printed
            return
        payload: dict = {"corpora": out}
        if rules:
            payload["rules"] = merge_rule_counts([r["rules"] for r in results])
            if rates is not None:
                payload["unannotated"] = rates
        print_json(payload)
        return
    for result in results:
        _print_scores(result, details)
    if rules:
        _print_rules(merge_rule_counts([r["rules"] for r in results]), rates, [str(c) for c in corpora])


def _turns(paths: list[Path], json_out: bool, details: bool) -> None:
    from saydo.extract import extract_many
    from saydo.extract.turn_score import score_turns
    from saydo.ingest.articles import read_article_table

    articles = [a for p in paths for a in read_article_table(p)[0]]
    result = score_turns(articles, list(extract_many(articles))).to_json()
    if json_out:
        print_json({"turns": {k: v for k, v in result.items() if details or k != "not_credited"}})
        return
    share = "—" if result["share_credited"] is None else f"{result['share_credited']:.3f}"
    console.print(f"Speaker turns in {', '.join(str(p) for p in paths)}: {result['named_turns']} named turns in "
                  f"{result['texts_with_turns']} of {result['texts']} texts ({result['turn_sentences']} sentences "
                  f"that are not questions); {result['statements_in_turns']} statements inside them, "
                  f"{result['excluded_other_source']} set aside (their sentence gives the words to someone else); "
                  f"credited to the turn's speaker: {result['credited']} of {result['counted']} = {share}")
    if details:
        for miss in result["not_credited"]:
            console.print(f"  {miss['article']}: turn {miss['turn']}, predicted {miss['predicted']}: "
                          f"{miss['text'][:90]}", markup=False)


def _unannotated_rates(paths: list[Path], extract_many, rule_rates) -> dict:
    from saydo.extract import load_nlp
    from saydo.ingest.articles import read_article_table

    articles = [a for p in paths for a in read_article_table(p)[0]]
    nlp = load_nlp()
    sentences = sum(sum(1 for _ in doc.sents) for doc in nlp.pipe((a.text for a in articles), batch_size=16))
    return {"articles": len(articles), "sentences": sentences,
            "rules": rule_rates(list(extract_many(articles, nlp=nlp)), sentences)}


def _print_scores(result: dict, details: bool) -> None:
    table = Table(title=f"Extraction scores on {result['corpus']} ({result['articles']} articles, "
                        f"{result['gold_statements']} gold statements)")
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col)
    for label, key in (("all statements", "all"), ("pledges", "pledges"), ("places (matched pairs)", "places")):
        r = result[key]
        table.add_row(label, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}")
    console.print(table)
    console.print(f"On {result['matched']} matched pairs: speaker accuracy {result['speaker_accuracy']:.3f}, "
                  f"actor accuracy {result['actor_accuracy']:.3f}, kind accuracy {result['kind_accuracy']:.3f}; "
                  f"{result['duplicates']} further mentions of annotated propositions set aside")
    if not details:
        return
    for article in result["per_article"]:
        if not (article["misses"] or article["false_alarms"] or article["wrong"]):
            continue
        console.print(f"\n[bold]{article['file']}[/] gold {article['gold']}, predicted {article['predicted']}")
        for m in article["misses"]:
            console.print(f"  miss        {m['kind']:8} {m['speaker'][:24]:24} {m['text'][:80]}", markup=False)
        for f in article["false_alarms"]:
            console.print(f"  false alarm {f['kind']:8} {f['speaker'][:24]:24} {f['text'][:80]}", markup=False)
        for w in article["wrong"]:
            console.print(f"  wrong       gold {w['gold']} predicted {w['predicted']}: {w['text'][:60]}",
                          markup=False)


def _print_rules(counts: dict, rates: dict | None, corpora: list[str]) -> None:
    table = Table(title=f"Extraction rules on {', '.join(corpora)}"
                        + (f" and {rates['articles']} unannotated articles" if rates else ""))
    columns = ("rule", "fired", "right", "precision", "on gold statements: right / fired")
    for col in columns + (("per 1,000 sentences unannotated",) if rates else ()):
        table.add_column(col, overflow="fold")
    names = sorted(set(counts) | set(rates["rules"] if rates else ()))
    for name in names:
        c = counts.get(name, {"fired": 0, "right": 0, "precision": None, "on_gold": {"fired": 0, "right": 0}})
        g = c["on_gold"]
        row = [name, str(c["fired"]), str(c["right"]), "—" if c["precision"] is None else f"{c['precision']:.2f}",
               "—" if name.startswith("attribution:") or not g["fired"] else f"{g['right']} / {g['fired']}"]
        if rates:
            row.append(f"{rates['rules'].get(name, {}).get('per_1000_sentences', 0):.1f}")
        table.add_row(*row)
    console.print(table)
