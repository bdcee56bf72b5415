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
    assert same_speaker("President Vladimir Putin", "Putin")
    assert not same_speaker("Vladimir Putin", "Dmitry Peskov")


@pytest.mark.parametrize("a, b", [
    ("Volodymyr Zelensky", "Zelenskyy"), ("Iryna Vereshchuk", "Iryna Vereschuk"),
    ("Aliaksandr Lukashenka", "Alexander Lukashenko"), ("Yevgeny Prigozhin", "Evgeny Prigozhin"),
    ("Russian Defense Ministry", "Ministry of Defence of the Russian Federation"),
    ("Russia’s Ministry of Defense", "Russian defence ministry"), ("Kremlin's press service", "Kremlin"),
    ("International Committee of the Red Cross (ICRC)", "ICRC"), ("United Nations", "UN"),
    ("Russia", "Moscow"), ("the Russian Federation", "Russia"), ("The Ukrainian side", "Ukraine"),
    ("Kremlin spokesman Dmitry Peskov", "Dmitry Peskov"), ("US officials", "U.S. officials"),
    ("Odesa city council", "the city council"), ("President of Ukraine Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Prime Minister of Hungary Viktor Orban", "Viktor Orbán"), ("Joseph R. Biden", "Joseph Biden"),
    ("President John F. Kowalski", "John Kowalski"),
])
def test_score_same_speaker_folds_transliteration_titles_and_body_names(a, b):
    assert same_speaker(a, b) and same_speaker(b, a)


@pytest.mark.parametrize("a, b", [
    ("Russian officials", "Ukrainian officials"), ("Russia", "Russian officials"), ("Kremlin", "Dmitry Peskov"),
    ("Russian defense ministry", "Russian foreign ministry"), ("Russian Defense Ministry", "Russia"),
    ("Kremlin", "Kremlin spokesman Dmitry Peskov"), ("Ukrainian officials", "Ukraine"), ("Putin", "Russia"),
    ("Olena Zelenska", "Volodymyr Zelensky"), ("President of Ukraine Volodymyr Zelensky", "Vladimir Putin"),
    ("Joseph R. Biden", "Hunter Biden"),
])
def test_score_same_speaker_is_never_a_substring(a, b):
    assert not same_speaker(a, b) and not same_speaker(b, a)


def _pred(speaker, kind, text, start, actor="RUS", places=(), rules=()):
    from saydo.records import Statement

    return Statement("a", "a", None, speaker, actor, kind, "indirect", text, start, start + len(text), places,
                     rules=rules)


def test_score_further_mention_of_a_proposition_is_neither_hit_nor_false_alarm():
    from saydo.extract.score import score_predictions

    lead = "The army will pull back its units from the river crossing within a week, the general said."
    later = "General Ivanov repeated that his units would pull back from the crossing in a week."
    other = "General Ivanov also claimed that the bridge had been mined by saboteurs."
    text = f"{lead} {later} {other}"
    gold = [{"file": "a", "statements": [{"speaker": "General Pavel Ivanov", "actor": "RUS", "kind": "pledge",
                                          "quote": "indirect", "text": lead, "places": []}]}]
    pred = [_pred("Pavel Ivanov", "pledge", lead, 0), _pred("Ivanov", "pledge", later, len(lead) + 1),
            _pred("Ivanov", "claim", other, len(lead) + len(later) + 2)]
    result = score_predictions(gold, [text], [pred])
    assert result["duplicates"] == 1
    assert result["all"]["tp"] == 1 and result["all"]["fp"] == 1  # the unrelated claim is a false alarm
    assert result["pledges"] == {**result["pledges"], "tp": 1, "fp": 0, "fn": 0}
    # the same words from another speaker are not a repeat
    pred[1] = _pred("Oleh Petrenko", "pledge", later, len(lead) + 1, actor="UKR")
    assert score_predictions(gold, [text], [pred])["pledges"]["fp"] == 1


@pytest.mark.parametrize("day,right", [("2023-05-04", True), ("2018-05-04", False), (None, False)])
def test_score_an_office_named_without_a_name_is_its_holder_on_the_day(day, right):
    from saydo.extract.score import score_predictions

    a = "We will open two more ports for grain ships next week."
    gold = [{"file": "a", "date": day, "statements": [
        {"speaker": "President of Ukraine", "actor": "UKR", "kind": "pledge", "quote": "indirect", "text": a,
         "places": []}]}]
    result = score_predictions(gold, [a], [[_pred("Volodymyr Zelenskyy", "pledge", a, 0, actor="UKR")]])
    assert result["speaker_accuracy"] == (1.0 if right else 0.0)


def test_score_pledge_counts_only_when_the_matched_pair_is_a_pledge_on_both_sides():
    from saydo.extract.score import score_predictions

    a = "The ministry said it would open two corridors from the port on Friday morning."
    b = "The ministry said that shelling of the port had continued through the night."
    text = f"{a} {b}"
    gold = [{"file": "a", "statements": [
        {"speaker": "ministry", "actor": "RUS", "kind": "pledge", "quote": "indirect", "text": a, "places": []},
        {"speaker": "ministry", "actor": "RUS", "kind": "claim", "quote": "indirect", "text": b, "places": []}]}]
    swapped = [_pred("ministry", "claim", a, 0), _pred("ministry", "pledge", b, len(a) + 1)]
    result = score_predictions(gold, [text], [swapped])
    assert result["all"]["tp"] == 2
    assert (result["pledges"]["tp"], result["pledges"]["fp"], result["pledges"]["fn"]) == (0, 1, 1)
    assert result["kind_accuracy"] == 0.0


def test_score_rules_are_credited_when_what_they_decided_is_right():
    from saydo.extract.score import score_predictions

    a = "The ministry said it would open two corridors from the port on Friday morning."
    b = "The ministry said that the weather in the region was unusually cold for March."
    gold = [{"file": "a", "statements": [
        {"speaker": "ministry", "actor": "RUS", "kind": "pledge", "quote": "indirect", "text": a, "places": []}]}]
    pred = [_pred("ministry", "pledge", a, 0, rules=("kind:pledge-future",)),
            _pred("ministry", "pledge", b, len(a) + 1, rules=("kind:pledge-future",))]
    rules = score_predictions(gold, [f"{a} {b}"], [pred])["rules"]
    assert rules["kind:pledge-future"] == {"fired": 2, "right": 1, "precision": 0.5,
                                           "on_gold": {"fired": 1, "right": 1, "precision": 1.0}}


def test_score_rules_on_gold_leave_out_what_attribution_made_up():
    """A speaker rule that fired on a statement the gold lacks is wrong in the plain count, and not judged in the
    on-gold count: who speaks a statement that is not there is not the speaker rule's error."""
    from saydo.extract.score import score_predictions

    a = "The governor said the bridge would reopen to trucks next week."
    b = "The weather stayed cold, the governor noted in passing."
    gold = [{"file": "a", "statements": [
        {"speaker": "governor", "actor": "UKR", "kind": "pledge", "quote": "indirect", "text": a, "places": []}]}]
    pred = [_pred("governor", "pledge", a, 0, rules=("speaker:relayed", "attribution:inverted")),
            _pred("governor", "claim", b, len(a) + 1, rules=("speaker:relayed", "attribution:inverted"))]
    rules = score_predictions(gold, [f"{a} {b}"], [pred])["rules"]
    assert rules["speaker:relayed"]["precision"] == 0.5
    assert rules["speaker:relayed"]["on_gold"] == {"fired": 1, "right": 1, "precision": 1.0}
    assert rules["attribution:inverted"]["on_gold"] == {"fired": 0, "right": 0, "precision": None}


def test_score_matching_is_one_to_one():
    from saydo.extract.score import Gold
    from saydo.records import Statement

    gold = [Gold("A", "RUS", "pledge", "direct", "x" * 10, (), 0, 10)]
    pred = [Statement("a", "a", None, "A", "RUS", "pledge", "direct", "x" * 10, 0, 10),
            Statement("a", "a", None, "A", "RUS", "pledge", "direct", "x" * 25, 5, 30)]
    assert _match(gold, pred) == [(0, 0)]


def test_score_matching_prefers_the_same_speaker_on_the_same_words():
    from saydo.extract.score import Gold
    from saydo.records import Statement

    # one statement made jointly is one entry per speaker on the same words (GUIDELINES.md)
    gold = [Gold("Olga Marchenko", "UKR", "pledge", "direct", "x" * 10, (), 0, 10)]
    pred = [Statement("a", "a", None, "Ivan Petrenko", "UKR", "pledge", "direct", "x" * 10, 0, 10),
            Statement("b", "a", None, "Olga Marchenko", "UKR", "pledge", "direct", "x" * 10, 0, 10)]
    assert _match(gold, pred) == [(0, 1)]


@pytest.mark.parametrize("corpus", ["dev", "dev2"])
def test_score_corpus_above_floors(corpus):
    path = shared_path("corpus", corpus)
    from saydo.extract import extract_many

    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))[corpus]
    result = score_corpus(path, extract_many)
    measured = {
        "all_f1": result["all"]["f1"], "pledge_f1": result["pledges"]["f1"],
        "speaker_accuracy": result["speaker_accuracy"], "actor_accuracy": result["actor_accuracy"],
        "kind_accuracy": result["kind_accuracy"], "places_f1": result["places"]["f1"],
    }
    below = {k: (measured[k], floor) for k, floor in floors.items() if measured[k] < floor}
    assert not below, f"scores below their floors (measured, floor): {below}"


def test_score_eval_rules_reports_each_rule_on_gold_and_unannotated_text(cli, tmp_path):
    import json

    corpus = shared_path("corpus", "dev")
    table = tmp_path / "press.csv"
    body = "Russia's defence ministry said it would open two corridors on Friday. It added that more would follow."
    table.write_text(f'link,headline,date,body\nhttp://example.org/1,One,2024-05-01,"{body}"\n', encoding="utf-8")
    code, out, _ = cli("eval", corpus, "--rules", "--unannotated", table, "--json")
    assert code == 0
    result = json.loads(out)
    rules = result["rules"]
    assert rules and all(r["fired"] >= r["right"] for r in rules.values())
    assert any(name.startswith("kind:pledge-") for name in rules)
    assert result["unannotated"]["articles"] == 1 and result["unannotated"]["sentences"] == 2
    assert "kind:pledge-future" in result["unannotated"]["rules"]


def test_score_missing_corpus_is_coded_error(cli, tmp_path):
    code, _, err = cli("eval", tmp_path / "nowhere")
    assert code == 2 and "[SD101]" in err


@pytest.mark.parametrize("content", ["{not json", '[{"nofile": 1}]'])
def test_score_malformed_gold_is_coded_error(cli, tmp_path, content):
    (tmp_path / "gold.json").write_text(content, encoding="utf-8")
    code, _, err = cli("eval", tmp_path)
    assert code == 2 and "gold.json" in err
