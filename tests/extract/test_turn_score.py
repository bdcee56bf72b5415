"""The turn measure's own simple reading of transcripts, on transcripts written for these tests."""

from __future__ import annotations

import json

from saydo.extract.turn_score import read_turns, score_turns
from saydo.records import Article, Statement

TRANSCRIPT = (
    "Governor of the Northern Region Anna Kovalenko: Good morning. We will open two new schools this year. "
    "According to the ministry, the budget will grow. Jan Novak: Thank you. Will the roads be repaired? "
    "Question: When will the bridge reopen? Anna Kovalenko: The bridge will reopen in May. I promise that.")


def _statement(text: str, speaker: str, body: str = TRANSCRIPT) -> Statement:
    start = body.index(text)
    return Statement("t", "t", None, speaker, None, "claim", "indirect", text, start, start + len(text))


def test_turn_score_reads_labels_and_names():
    turns = read_turns(TRANSCRIPT)
    assert [t.speaker for t in turns] == ["Anna Kovalenko", "Jan Novak", "", "Anna Kovalenko"]
    first = TRANSCRIPT[turns[0].start:turns[0].end]
    assert first.startswith("Good morning.") and first.endswith("will grow. ")


def test_turn_score_needs_a_recurring_titled_or_opening_label():
    assert read_turns("The plan is simple. Mayor Ivan: it works.") == []
    assert read_turns("Markets rose today. Analysts agree: Prices will fall.") == []
    assert [t.speaker for t in read_turns("Intro text here. Acme Corp CEO Jan Novak: We will hire.")] == ["Jan Novak"]


def test_turn_score_doubled_word_gives_the_name_before_it():
    text = "Chair Anna Kovalenko Kovalenko AnnaChair of the Regional Board: Thank you. Jan Novak: Fine. Jan Novak: Yes."
    assert read_turns(text)[0].speaker == "Anna Kovalenko"


def test_turn_score_a_space_before_the_colon():
    text = ("Chair Anna Kovalenko Kovalenko AnnaChair of the Regional Board : Thank you. Jan Novak: Fine. "
            "Jan Novak: Yes.")
    assert [t.speaker for t in read_turns(text)] == ["Anna Kovalenko", "Jan Novak", "Jan Novak"]


def test_turn_score_a_name_before_its_office():
    text = ("Petro Marchenko: Good afternoon. Ms Hrytsenko, please. Olena Hrytsenko, Head of the Federal Service for "
            "Road Safety (Roadsafe): Thank you. Petro Marchenko: Thank you.")
    assert [t.speaker for t in read_turns(text)] == ["Petro Marchenko", "Olena Hrytsenko", "Petro Marchenko"]


def test_turn_score_credits_excludes_and_counts():
    article = Article(id="t", name="t", path="t", text=TRANSCRIPT)
    predictions = [[
        _statement("We will open two new schools this year.", "Anna Kovalenko"),
        _statement("According to the ministry, the budget will grow.", "the ministry"),  # set aside
        _statement("The bridge will reopen in May.", "Jan Novak"),  # wrongly credited
        _statement("When will the bridge reopen?", "Anna Kovalenko"),  # a floor turn: not scored
    ]]
    result = score_turns([article], predictions).to_json()
    assert result["named_turns"] == 3 and result["statements_in_turns"] == 3
    assert result["excluded_other_source"] == 1 and result["counted"] == 2 and result["credited"] == 1
    assert result["share_credited"] == 0.5
    assert result["not_credited"][0]["turn"] == "Anna Kovalenko"


def test_turn_score_cli_prints_the_share(cli, tmp_path):
    table = tmp_path / "transcripts.csv"
    table.write_text('link,headline,date,body\nhttp://example.org/1,One,2024-05-01,"' + TRANSCRIPT + '"\n',
                     encoding="utf-8")
    code, out, _ = cli("eval", "--turns", table, "--json")
    assert code == 0
    turns = json.loads(out)["turns"]
    assert turns["texts_with_turns"] == 1 and turns["named_turns"] == 3
    assert 0 <= turns["share_credited"] <= 1


def test_turn_score_cli_without_anything_to_score_is_coded_error(cli):
    code, _, err = cli("eval")
    assert code == 2 and "[SD100]" in err
