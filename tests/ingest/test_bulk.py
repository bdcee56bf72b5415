"""The set-based loader: chunks keep exact line numbers whatever their size, on both ways of cutting rows, and a file
DuckDB reads whole loads exactly as the same file streamed in chunks."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from saydo.errors import SaydoError
from saydo.ingest.observations import bulk, load_observations
from saydo.store import Store
from tests.conftest import shared_path

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
    monkeypatch.setattr(bulk, "read_whole", lambda *a, **kw: None)  # stream it
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


def _whole_rows(tmp_path, text: str | bytes, *, fields: int = 4, encoding: str = "utf-8", quoting: bool = True,
                keep: list[int] | None = None):
    path = tmp_path / "file.csv"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with Store(tmp_path / "whole.duckdb") as store:
        n = bulk.read_whole(store.con, path, delimiter=",", encoding=encoding, header=True, quoting=quoting,
                            fields=fields, keep=keep)
        if n is None:
            assert not store.query("SELECT * FROM duckdb_tables() WHERE table_name = '_whole'")
            return None
        return [list(r.values()) for r in store.query("SELECT rowid + 2 AS line, * FROM _whole ORDER BY rowid")]


HEAD = "region,started_at,finished_at,naive\n"


def test_read_whole_gives_every_line_its_row_and_keeps_empty_fields(tmp_path):
    rows = _whole_rows(tmp_path, HEAD + 'Kyiv City,a,b,True\n"Sumska, oblast",,"say ""hi""",False')
    assert rows == [[2, "Kyiv City", "a", "b", "True"], [3, "Sumska, oblast", "", 'say "hi"', "False"]]
    assert _whole_rows(tmp_path, HEAD) == []


@pytest.mark.parametrize("text, why", [
    (HEAD + "a,b,c,d\n\na,b,c,d\n", "a blank line"),
    (HEAD + 'a,"b\nb",c,d\na,b,c,d\n', "a quoted field over two lines"),
    (HEAD + "a,b,c,d,e\na,b,c,d\n", "a row with a field too many"),
    (HEAD + "a,b,c\na,b,c,d\n", "a row with a field too few"),
    (HEAD + "a,b,c,d\na,\xff,c,d\n", "bytes that are not UTF-8"),
    (HEAD + "a,b,c,d\r\na,b,c,d\n", "line endings that change"),
])
def test_read_whole_refuses_what_it_cannot_number(tmp_path, text, why):
    data = text.encode("latin-1") if "\xff" in text else text
    assert _whole_rows(tmp_path, data) is None, why
    if "UTF-8" not in why:  # bad bytes in a field not kept are never read; anything else is refused all the same
        assert _whole_rows(tmp_path, data, keep=[1]) is None, why


def test_read_whole_leaves_other_encodings_and_large_files_to_streaming(tmp_path, monkeypatch):
    assert _whole_rows(tmp_path, HEAD + "a,b,c,d\n", encoding="cp1252") is None
    monkeypatch.setattr(bulk, "WHOLE_FILE_BYTES", 10)
    assert _whole_rows(tmp_path, HEAD + "a,b,c,d\n") is None


def _load_both(tmp_path, monkeypatch, path: Path, fmt: str | None = None, *, whole_read: bool | None = None,
               **options):
    """Load the file twice, read whole by DuckDB and streamed in chunks; ``whole_read`` says whether DuckDB's read
    must have been kept (True) or refused (False) the first time."""
    results, read_whole = [], bulk.read_whole
    tables = []
    for name in ("whole", "streamed"):
        def spy(*args, stream=name == "streamed", **kw):
            results.append(None if stream else read_whole(*args, **kw))
            return results[-1]

        monkeypatch.setattr(bulk, "read_whole", spy)
        with Store(tmp_path / f"{name}.duckdb") as store:
            report = load_observations(store, path, fmt=fmt, **options).to_json()
            obs = store.query("SELECT * EXCLUDE (file) FROM observations ORDER BY line, id")
            rejects = store.query("SELECT line, reason, raw FROM rejects ORDER BY line NULLS FIRST, reason")
        tables.append((report, obs, rejects))
    if whole_read is not None:
        assert (results[0] is not None) == whole_read
    return tables


@pytest.mark.parametrize("parts, fmt", [
    (("air-raid-alerts", "volunteer_data_en.csv"), "alerts-volunteer"),
    (("air-raid-alerts", "official_data_en.csv"), "alerts-official"),
    (("events", "cir-eyes-on-russia.csv"), "cir"),
])
def test_whole_file_and_streamed_loads_agree_on_real_files(tmp_path, monkeypatch, parts, fmt):
    path = shared_path("data", *parts)
    whole, streamed = _load_both(tmp_path, monkeypatch, path, fmt, whole_read=True)
    assert whole == streamed
    assert whole[0]["loaded"] > 1000


@pytest.mark.parametrize("name, whole_read", [
    ("acled-sample.csv", True), ("alerts-official-overlap.csv", True), ("alerts-only-bad-date.csv", True),
    ("alerts-volunteer-bad-rows.csv", False),  # blank lines
    ("alerts-volunteer-quoted.csv", False),  # a blank line and a quoted field over two lines
    ("gdelt-sample.tsv", False),  # a row of three fields
])
def test_whole_file_and_streamed_loads_agree_on_fixtures(tmp_path, monkeypatch, name, whole_read):
    try:
        whole, streamed = _load_both(tmp_path, monkeypatch, FIXTURES / name, whole_read=whole_read)
    except SaydoError as exc:  # a file of which no row loads is refused the same way when streamed
        monkeypatch.setattr(bulk, "read_whole", lambda *a, **kw: None)
        with Store(tmp_path / "again.duckdb") as store, pytest.raises(type(exc), match=re.escape(str(exc))):
            load_observations(store, FIXTURES / name)
        return
    assert whole == streamed


def test_whole_file_and_streamed_loads_agree_through_a_mapping(tmp_path, monkeypatch):
    whole, streamed = _load_both(tmp_path, monkeypatch, FIXTURES / "mapped-strikes.csv", whole_read=True,
                                 mapping=FIXTURES / "mapped-strikes.toml")
    assert whole == streamed and whole[0]["loaded"] > 0


def test_pieces_cut_after_newlines_and_number_their_lines(tmp_path, monkeypatch):
    path = tmp_path / "big.csv"
    path.write_text(HEAD + "".join(f"Sumska oblast,2022-04-01 00:00:{i % 60:02d}+00:00,x,False\n" for i in range(300)))
    monkeypatch.setattr(bulk, "WHOLE_FILE_BYTES", 4000)
    seen, count = [], 0
    for piece, first_line, header in bulk.pieces(path, header=True, quoting=True):
        text = piece.read_text()
        assert text.endswith("\n") and header == (first_line == 1)
        seen += [(first_line + i, line) for i, line in enumerate(text.splitlines())]
        count += 1
    assert count >= 5 and seen == list(enumerate(path.read_text().splitlines(), start=1))
    quoted = tmp_path / "quoted.csv"
    quoted.write_text(path.read_text().replace("Sumska oblast", '"Sumska oblast"'))
    assert list(bulk.pieces(quoted, header=True, quoting=True)) == [(quoted, 1, True)]  # a quote may span a cut


@pytest.mark.parametrize("parts, fmt", [(("air-raid-alerts", "official_data_en.csv"), "alerts-official")])
def test_a_file_read_in_pieces_loads_like_the_file_streamed(tmp_path, monkeypatch, parts, fmt):
    path = shared_path("data", *parts)
    monkeypatch.setattr(bulk, "WHOLE_FILE_BYTES", 1 << 21)  # the 4 MB log in pieces of about 1 MB
    whole, streamed = _load_both(tmp_path, monkeypatch, path, fmt, whole_read=True)
    assert whole == streamed


def test_gdelt_in_pieces_loads_like_streamed(tmp_path, monkeypatch):
    from bench.bench_ingest import gdelt_rows

    path = tmp_path / "gdelt.tsv"
    path.write_text("\n".join(gdelt_rows(3000)) + "\n", encoding="utf-8")
    monkeypatch.setattr(bulk, "WHOLE_FILE_BYTES", path.stat().st_size // 3)
    whole, streamed = _load_both(tmp_path, monkeypatch, path, "gdelt", whole_read=True)
    assert whole == streamed and whole[0]["loaded"] > 500
