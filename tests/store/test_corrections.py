"""Editors' corrections as an overlay: the machine's rows stay, every reader sees the corrected values."""

from __future__ import annotations

from datetime import date, datetime, timezone

from saydo.records import Statement, Window
from saydo.store.articles import find_statement, load_statements, save_statements
from saydo.store.corrections import edits_of, save_correction


def _statement(speaker="Ivan Petrov", kind="claim", start=0, end=40, places=("UA-30",)) -> Statement:
    return Statement("a.txt", "art1", date(2022, 3, 29), speaker, "RUS", kind, "indirect", "x" * (end - start), start,
                     end, places, Window())


def test_corrections_overlay_keeps_machine_row_and_id(store):
    machine = _statement()
    save_statements(store, "art1", [machine])
    save_correction(store, machine, "kind", "pledge", editor="ed", why="a commitment")
    save_correction(store, machine, "speaker", "Ivan Petrov-Vodkin", editor="ed", why="full name")
    (current,) = load_statements(store)
    assert (current.kind, current.speaker, current.id) == ("pledge", "Ivan Petrov-Vodkin", machine.id)
    assert [e.field for e in current.edits] == ["kind", "speaker"]
    assert current.edits[0].machine == "claim" and current.to_json()["corrected"]["machine"]["kind"] == "claim"
    assert load_statements(store, kind="pledge") == [current]  # filters apply to corrected values
    assert load_statements(store, kind="claim") == []
    assert find_statement(store, machine.id[:8]).kind == "claim"  # the machine's statement, as extracted
    assert load_statements(store, corrected=False)[0].kind == "claim"


def test_corrections_newest_edit_of_a_field_wins_and_restore_undoes_all(store):
    machine = _statement()
    save_statements(store, "art1", [machine])
    save_correction(store, machine, "places", ["UA-32"], editor="ed")
    save_correction(store, machine, "places", ["UA-74"], editor="ed2")
    assert load_statements(store)[0].places == ("UA-74",)
    save_correction(store, machine, "restore", True, editor="ed3", why="machine was right")
    (restored,) = load_statements(store)
    assert restored.places == ("UA-30",) and restored.edits == ()
    assert len(store.query("SELECT * FROM corrections")) == 3  # the history stays


def test_corrections_not_a_statement_and_merge_hide_it_from_readers(store):
    a, b, c = _statement(start=0, end=40), _statement(start=50, end=90), _statement(start=100, end=140)
    save_statements(store, "art1", [a, b, c])
    save_correction(store, b, "not_a_statement", True, editor="ed")
    save_correction(store, c, "merged_into", a.id, editor="ed")
    assert [s.id for s in load_statements(store)] == [a.id]
    hidden = load_statements(store, include_hidden=True)
    assert len(hidden) == 3


def test_corrections_survive_reextraction_even_when_the_id_changes(store):
    machine = _statement(speaker="the minister")
    save_statements(store, "art1", [machine])
    save_correction(store, machine, "actor", "UKR", editor="ed")
    save_statements(store, "art1", [machine])  # the same article ingested again
    assert load_statements(store)[0].actor == "UKR"
    better = _statement(speaker="Oleksii Reznikov")  # a better extractor names the speaker: another id
    assert better.id != machine.id
    save_statements(store, "art1", [better])
    (current,) = load_statements(store)
    assert current.actor == "UKR" and current.speaker == "Oleksii Reznikov" and current.id == better.id


def test_corrections_window_is_read_back_as_times(store):
    machine = _statement(kind="pledge")
    save_statements(store, "art1", [machine])
    save_correction(store, machine, "window", ["2023-01-06T12:00:00+03:00", None], editor="ed")
    (current,) = load_statements(store)
    assert current.window.start == datetime(2023, 1, 6, 9, 0, tzinfo=timezone.utc) and current.window.end is None
    assert edits_of(store, [machine.id])[machine.id][0].value == ["2023-01-06T12:00:00+03:00", None]
