"""`saydo eval CORPUS_DIR`: score extraction against the corpus's gold.json."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from saydo.serve.cli import app
from saydo.serve.cli.options import JsonOption, console, print_json


@app.command("eval")
def evaluate(corpus: Annotated[Path, typer.Argument(help="Folder with article files and gold.json.")],
             json_out: JsonOption = False,
             details: Annotated[bool, typer.Option("--details", help="List misses and false alarms per article.")]
             = False) -> None:
    """Score extraction against a gold corpus: precision, recall, F1, speaker/actor/kind accuracy, places F1."""
    from saydo.extract import extract_many
    from saydo.extract.score import score_corpus

    result = score_corpus(corpus, extract_many)
    if json_out:
        if not details:
            result = {k: v for k, v in result.items() if k != "per_article"}
        print_json(result)
        return
    table = Table(title=f"Extraction scores on {corpus} ({result['articles']} articles, "
                        f"{result['gold_statements']} gold statements)")
    for col in ("measure", "precision", "recall", "F1"):
        table.add_column(col)
    for label, key in (("all statements", "all"), ("pledges", "pledges"), ("places (matched pairs)", "places")):
        r = result[key]
        table.add_row(label, f"{r['precision']:.3f}", f"{r['recall']:.3f}", f"{r['f1']:.3f}")
    console.print(table)
    console.print(f"On {result['matched']} matched pairs: speaker accuracy {result['speaker_accuracy']:.3f}, "
                  f"actor accuracy {result['actor_accuracy']:.3f}, kind accuracy {result['kind_accuracy']:.3f}")
    if details:
        for article in result["per_article"]:
            if not article["misses"] and not article["false_alarms"]:
                continue
            console.print(f"\n[bold]{article['file']}[/] gold {article['gold']}, predicted {article['predicted']}")
            for m in article["misses"]:
                console.print(f"  miss        {m['kind']:8} {m['speaker'][:24]:24} {m['text'][:80]}", markup=False)
            for f in article["false_alarms"]:
                console.print(f"  false alarm {f['kind']:8} {f['speaker'][:24]:24} {f['text'][:80]}", markup=False)
