"""Lines and files nobody bounded (issue 14): a line over the limit is a reject with its line number, a first line over
it a coded error, a file that is not a regular file is refused before it is opened, and one bad file among several is
one coded line while the others load."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from saydo.errors import NotRegularFile, TooLong
from saydo.ingest.decode import LINE_LIMIT
from saydo.ingest.files import check_text_file
from saydo.ingest.observations import load_observations

HEAD = "region,started_at,finished_at,naive\n"
ROW = "Kyiv City,2022-03-29 10:{:02d}:00+00:00,2022-03-29 11:00:00+00:00,False\n"


def _rows(n: int, first: int = 0) -> str:
    return "".join(ROW.format(i) for i in range(first, first + n))


def test_limits_a_line_over_the_limit_is_a_reject_with_its_line(store, tmp_path):
    path = tmp_path / "long.csv"
    path.write_text(HEAD + _rows(2) + "Kyiv City," + "x" * (LINE_LIMIT + 10) + ",b,False\n" + _rows(1, 2),
                    encoding="utf-8")
    report = load_observations(store, path)
    assert (report.loaded, report.rejected) == (3, 1)
    reject = store.query("SELECT line, reason, raw FROM rejects")[0]
    assert reject["line"] == 4 and f"{LINE_LIMIT + 28:,} bytes" in reject["reason"]
    assert len(reject["raw"]) <= 200 and len(reject["reason"]) < 300
    assert [r["line"] for r in store.query("SELECT line FROM observations ORDER BY line")] == [2, 3, 5]


@pytest.mark.parametrize("size", [200 * 1024, LINE_LIMIT + 1])
def test_limits_a_long_header_is_a_coded_error(cli, tmp_path, size):
    path = tmp_path / "wide.csv"
    path.write_text(",".join(f"c{i}" for i in range(size // 6)) + "\n" + _rows(1), encoding="utf-8")
    code, out, err = cli("ingest", "observations", path, "--db", tmp_path / "s.duckdb")
    assert code == 2 and "Traceback" not in err and "[SD1" in err, err


def test_limits_a_file_with_no_line_break_is_a_coded_error(store, tmp_path):
    path = tmp_path / "one-line.csv"
    path.write_bytes(b"a," * (LINE_LIMIT + 100))
    with pytest.raises(TooLong):
        load_observations(store, path, fmt="alerts-volunteer")


def test_limits_a_bad_quoted_field_over_128_kib_and_a_bare_cr_are_rejects(store, tmp_path):
    big = "y" * (200 * 1024)
    path = tmp_path / "quoted.csv"
    path.write_text(HEAD + f'"Kyiv City","{big}","2022-03-29 11:00:00+00:00","False"\n'
                    + "Kyiv City,not\ra time,2022-03-29 11:00:00+00:00,False\n" + _rows(2), encoding="utf-8")
    report = load_observations(store, path)
    assert (report.loaded, report.rejected) == (2, 2)
    assert [r["line"] for r in store.query("SELECT line FROM rejects ORDER BY line")] == [2, 3]


def test_limits_a_named_pipe_is_refused_up_front(tmp_path):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # no writer: opening it for reading would wait forever (it did)
    proc = subprocess.run([sys.executable, "-c", "from saydo.serve.cli import main; main()", "ingest",
                           "observations", str(fifo), "--db", str(tmp_path / "s.duckdb")],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "[SD109]" in proc.stderr, proc.stderr
    with pytest.raises(NotRegularFile):
        check_text_file(fifo)


def test_limits_one_bad_file_among_several_is_coded_and_the_others_load(cli, tmp_path):
    good1, good2 = tmp_path / "a.csv", tmp_path / "c.csv"
    good1.write_text(HEAD + _rows(2), encoding="utf-8")
    good2.write_text(HEAD + _rows(2, 2), encoding="utf-8")
    fifo = tmp_path / "b.csv"
    os.mkfifo(fifo)
    bad_json = tmp_path / "bc" / "export_events.json"
    bad_json.parent.mkdir()
    bad_json.write_bytes(b'[{"associations": [], "sources": [], "id": "\xff\xfe"}]')
    proc = subprocess.run([sys.executable, "-c", "from saydo.serve.cli import main; main()", "ingest", "observations",
                           str(good1), str(fifo), str(bad_json), str(good2), "--db", str(tmp_path / "s.duckdb"),
                           "--json"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert "[SD109]" in proc.stderr
    assert sum(r["loaded"] for r in __import__("json").loads(proc.stdout)) == 4
