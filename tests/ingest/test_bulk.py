"""The set-based loader: chunks keep exact line numbers whatever their size, on both ways of cutting rows."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from saydo.ingest.observations import bulk, load_observations

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "observations"


def _rows(path: Path, **kw) -> list[tuple[int, list[str]]]:
    tables = list(bulk.chunks(path, delimiter=",", encoding="utf-8", header=True, **kw))
    return [(line, fields) for t in tables for line, fields in zip(t["line"].to_pylist(), t["f"].to_pylist())]


def test_bulk_split_and_csv_cutting_agree_on_a_quote_free_file(monkeypatch):
    path = FIXTURES / "alerts-volunteer-bad-rows.csv"
    split = _rows(path, quoting=False)
    monkeypatch.setattr(bulk, "_quote_free", lambda p: False)
    assert _rows(path, quoting=True) == split
    assert [line for line, _ in split] == [2, 3, 5, 6, 7, 9, 10, 11]  # blank lines 4 and 8 skipped


def test_bulk_tiny_chunks_keep_line_numbers(monkeypatch, tmp_path):
    path = FIXTURES / "alerts-volunteer-bad-rows.csv"
    whole = _rows(path, quoting=False)
    monkeypatch.setattr(bulk, "CHUNK_BYTES", 37)  # cuts inside lines: the remainder carries over
    monkeypatch.setattr(bulk, "CHUNK_ROWS", 2)
    assert _rows(path, quoting=False) == whole
    monkeypatch.setattr(bulk, "_quote_free", lambda p: False)
    assert _rows(path, quoting=True) == whole
    no_newline = tmp_path / "last-line.csv"
    no_newline.write_bytes(path.read_bytes().rstrip(b"\n"))
    assert _rows(no_newline, quoting=False) == whole


def test_bulk_many_chunks_load_like_one(store, monkeypatch, tmp_path):
    header = "region,started_at,finished_at,naive\n"
    rows = [f"Sumska oblast,2022-04-{1 + i % 28:02d} {i % 24:02d}:00:00+00:00,2022-04-{1 + i % 28:02d} "
            f"{i % 24:02d}:30:00+00:00,False" for i in range(500)]
    rows[123] = "Sumska oblast,not a time,2022-04-01 00:00:00+00:00,False"
    path = tmp_path / "many.csv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(bulk, "CHUNK_BYTES", 1000)
    report = load_observations(store, path)
    distinct = len(set(rows)) - 1
    assert (report.loaded, report.rejected, report.duplicate) == (distinct, 1, 499 - distinct)
    assert store.query("SELECT line FROM rejects")[0]["line"] == 125
    first = {}
    for i, row in enumerate(rows):
        first.setdefault(row, i + 2)  # a repeated row is stored once, from the line it first appears on
    first.pop(rows[123])
    assert [r["line"] for r in store.query("SELECT line FROM observations ORDER BY line")] == sorted(first.values())


def test_bulk_csv_chunk_table_shape():
    table = bulk._table([2, 5], [["a", "b"], ["c"]])
    assert table.schema.field("f").type == pa.list_(pa.string())
    assert table.to_pylist() == [{"line": 2, "f": ["a", "b"]}, {"line": 5, "f": ["c"]}]
