"""The learned second opinion on kinds (saydo.extract.learned): off by default, shipped trained, reproducible."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from saydo.errors import BadValue, ModelMissing
from saydo.extract import extract
from saydo.extract.learned import KINDS, MODEL, THRESHOLD, load, pledge_reader, sentence_pairs, train, training_pairs
from saydo.extract.score import _gold_for, load_gold
from saydo.ingest.articles import parse_text, read_article
from tests.conftest import shared_path

WRITTEN = Path(__file__).resolve().parents[2] / "corpus" / "written"

# the rules read this as a claim only by default; the shipped classifier as a pledge (p about 0.75; retrain with
# `make model` after rule changes and pick a sentence of this shape it reads as a pledge)
DECLARED = ('"The ceasefire regime along the corridor is declared from 10:00 Moscow time," '
            'the Russian defence ministry said.')


def _kinds(text: str, learned=None) -> list[tuple[str, tuple[str, ...]]]:
    found = extract(parse_text("The talks went on.\n\n" + text, name="l.txt", published=date(2022, 3, 8)),
                    learned=learned)
    return [(s.kind, tuple(r for r in s.rules if r.startswith("kind:"))) for s in found]


def test_learned_the_shipped_model_knows_the_five_kinds_and_its_training():
    nlp = load()
    cats = nlp("We will open the corridor at nine.").cats
    assert set(cats) == set(KINDS) and abs(sum(cats.values()) - 1) < 1e-6
    assert nlp.meta["saydo_training"]["corpora"] == ["dev", "dev2", "written"]
    assert nlp.meta["saydo_training"]["sentences"] == ["sentences.jsonl"]
    assert nlp(DECLARED).cats["pledge"] >= THRESHOLD


def test_learned_turns_only_a_default_claim_of_a_party_into_a_pledge():
    assert _kinds(DECLARED) == [("claim", ("kind:claim-default",))]
    assert _kinds(DECLARED, learned=pledge_reader()) == [("pledge", ("kind:pledge-learned",))]
    # a pledge the rules found, and anything of a private person, stay as the rules have them
    ruled = "\u201cWe will open the corridor at nine,\u201d the Russian defence ministry said."
    assert _kinds(ruled, learned=lambda _text: False) == _kinds(ruled)
    private = DECLARED.replace("the Russian defence ministry said", "a local resident, Olena Marchenko, said")
    assert _kinds(private, learned=lambda _text: True) == _kinds(private)


def test_learned_training_is_reproducible():
    pairs = [("We will open the corridor at nine.", "pledge"), ("The town was shelled overnight.", "claim"),
             ("We never struck the market.", "denial"), ("They must withdraw at once.", "demand"),
             ("The talks were useful.", "opinion")] * 3
    first, second = train(pairs, seed=3, epochs=2), train(pairs, seed=3, epochs=2)
    text = "The corridor will open at nine."
    assert first(text).cats == second(text).cats


@pytest.mark.slow
def test_learned_make_model_gives_the_shipped_model():
    """`make model` retrains from ../shared/corpus: the shipped model is what it gives (retrain after rule changes)."""
    pairs = training_pairs([shared_path("corpus", "dev"), shared_path("corpus", "dev2"), WRITTEN]) + \
        sentence_pairs([WRITTEN / "sentences.jsonl"])
    assert len(pairs) == load().meta["saydo_training"]["pairs"]
    retrained = train(pairs)
    for text in (DECLARED, "We will open the corridor at nine.", "The town was shelled overnight."):
        assert retrained(text).cats == pytest.approx(load()(text).cats, abs=1e-3)  # float order may differ by CPU


def test_learned_a_missing_model_is_a_coded_error(tmp_path):
    with pytest.raises(ModelMissing) as err:
        load(tmp_path / "none")
    assert "[SD401]" in str(err.value) and "make model" in str(err.value)
    assert (MODEL / "config.cfg").exists()


def test_learned_the_written_training_material_is_well_formed():
    # every gold span is in its article's text, every kind one of the five; the sentences parse
    entries = load_gold(WRITTEN)
    assert len(entries) == len(list(WRITTEN.glob("*.txt")))
    for entry in entries:
        text = read_article(WRITTEN / entry["file"]).text
        assert len(_gold_for(entry, text)) == len(entry["statements"]), entry["file"]
        assert {s["kind"] for s in entry["statements"]} <= set(KINDS)
    assert len(sentence_pairs([WRITTEN / "sentences.jsonl"])) > 500


def test_learned_a_bad_sentence_line_is_a_coded_error(tmp_path):
    bad = tmp_path / "s.jsonl"
    bad.write_text('{"text": "We will open the corridor.", "kind": "pledge"}\n{"text": "x", "kind": "promise"}\n')
    with pytest.raises(BadValue) as err:
        sentence_pairs([bad])
    assert "line 2" in str(err.value) and str(bad) in str(err.value)
    bad.write_text('{"text": "We will open the corridor.", "kind": "pledge"\n')
    with pytest.raises(BadValue) as err:
        sentence_pairs([bad])
    assert "line 1" in str(err.value)


def test_learned_gate_leaves_reports_of_what_was_done_claims():
    # the classifier reads an announced measure's words as a pledge; with the gate only a text that looks ahead or
    # binds can be one, so a report of what was done stays a claim however it reads
    done = "The ministry has opened two corridors for civilians today, the spokesman said."
    ahead = "The corridor will open at nine tomorrow, the ministry said."
    assert pledge_reader(gate=False)(done) is True
    assert pledge_reader()(done) is False
    assert pledge_reader()(ahead) is True and pledge_reader(gate=False)(ahead) is True


@pytest.mark.parametrize("text", [
    "The pause holds from 10:00 on Monday, the ministry said.", "Flights are suspended until further notice.",
    "The curfew is effective immediately, the governor said.", "Both sides agreed on a swap."])
def test_learned_gate_opens_for_a_time_from_which_something_holds(text):
    from saydo.extract.kinds import FORWARD
    assert FORWARD.search(text)
