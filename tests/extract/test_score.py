"""The scorer itself, on hand-made statements, and the quality gate on the dev corpus."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from saydo.extract.score import _match, _overlap, same_speaker, score_corpus
from tests.conftest import shared_path

FLOORS = Path(__file__).with_name("eval_floors.toml")


def test_score_overlap_is_share_of_shorter_span():
    assert _overlap((0, 10), (5, 100)) == 0.5
    assert _overlap((0, 10), (10, 20)) == 0.0
    assert _overlap((0, 100), (10, 20)) == 1.0


def test_score_same_speaker_by_surname_and_title():
    assert same_speaker("Alexandr Fomin", "Mr. Fomin")
    assert same_speaker("the Kremlin", "Kremlin")
    assert not same_speaker("Vladimir Putin", "Dmitry Peskov")


def test_score_matching_is_one_to_one():
    from saydo.extract.score import Gold
    from saydo.records import Statement

    gold = [Gold("A", "RUS", "pledge", "direct", "x" * 10, (), 0, 10)]
    pred = [Statement("a", "a", None, "A", "RUS", "pledge", "direct", "x" * 10, 0, 10),
            Statement("a", "a", None, "A", "RUS", "pledge", "direct", "x" * 25, 5, 30)]
    assert _match(gold, pred) == [(0, 0)]


def test_score_dev_corpus_above_floors():
    corpus = shared_path("corpus", "dev")
    from saydo.extract import extract_many

    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))["dev"]
    result = score_corpus(corpus, extract_many)
    measured = {
        "all_f1": result["all"]["f1"], "pledge_f1": result["pledges"]["f1"],
        "speaker_accuracy": result["speaker_accuracy"], "actor_accuracy": result["actor_accuracy"],
        "kind_accuracy": result["kind_accuracy"], "places_f1": result["places"]["f1"],
    }
    below = {k: (measured[k], floor) for k, floor in floors.items() if measured[k] < floor}
    assert not below, f"scores below their floors (measured, floor): {below}"


def test_score_missing_corpus_is_coded_error(cli, tmp_path):
    code, _, err = cli("eval", tmp_path / "nowhere")
    assert code == 2 and "[SD101]" in err


@pytest.mark.parametrize("content", ["{not json", '[{"nofile": 1}]'])
def test_score_malformed_gold_is_coded_error(cli, tmp_path, content):
    (tmp_path / "gold.json").write_text(content, encoding="utf-8")
    code, _, err = cli("eval", tmp_path)
    assert code == 2 and "gold.json" in err
