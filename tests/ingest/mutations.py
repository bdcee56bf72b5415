"""Mutations of real rows and of an article, and the bookkeeping a fuzzed load must satisfy: shared by the property
tests (driven by hypothesis) and by ``python -m bench reliability`` (driven by a seeded random generator)."""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass

from saydo.errors import SaydoError

# values that broke, or could break, a reader: far and odd dates, numbers out of range, text that is not text
NASTY = [
    "", " ", "0001-01-01", "9999-12-31", "20000-01-01 00:00:00+00:00", "0000-00-00", "2022-02-30", "1/1/1",
    "12/31/9999", "99999999", "-1", "1e309", "NaN", "inf", "-0", "2022-03-29 25:61:00+00:00", "00010101", "99991231",
    '"', '""', "'", ",", ";", "\t", "\r", "\n", "\r\n", "\\", "\x00", "\ufeff", "\ufffd", "é", "Київ", "😀",
    "x" * 5000, "Kyiv City", "Kharkivska oblast", "UP99", "True", "true", "maybe", "12.5,30.1", "=1+1",
]
FAR_DATES = ["0001-01-01", "9999-12-31", "1900-01-01", "2999-01-01", "2202-06-01"]


@dataclass
class Edit:
    """One mutation: ``kind`` is field (replace a field), drop, add, split (a line break inside the row), dup
    (repeat the row), byte (insert a character into the row's text), swap (exchange with the next row)."""

    kind: str
    row: int
    column: int
    value: str


def apply(rows: list[list[str]], edits: list[Edit], sample=None) -> list[list[str]]:
    """The rows with the edits made; a ``far`` edit dates every date field of the row (``sample.dates``) on the
    far day ``value`` (ISO), written as the format writes days."""
    from datetime import date

    rows = [list(r) for r in rows]
    for e in edits:
        if not rows:
            break
        i = e.row % len(rows)
        row = rows[i]
        j = e.column % max(len(row), 1)
        if e.kind == "far" and sample is not None:
            year, month, day = (int(x) for x in e.value.split("-"))
            for column in sample.dates:
                if column < len(row):
                    row[column] = sample.day(date(year, month, day))
            end = sample.extra.get("end")
            if end is not None and end < len(row):
                row[end] = f"{e.value} 11:00:00+00:00"
        elif e.kind == "field" and row:
            row[j] = e.value
        elif e.kind == "drop" and row:
            del row[j]
        elif e.kind == "add":
            row.insert(j, e.value)
        elif e.kind == "dup":
            rows.insert(i, list(row))
        elif e.kind == "swap" and i + 1 < len(rows):
            rows[i], rows[i + 1] = rows[i + 1], rows[i]
        elif e.kind == "byte" and row:
            row[j] = row[j][: len(e.value) % (len(row[j]) + 1)] + e.value + row[j][len(e.value) % (len(row[j]) + 1):]
    return rows


def random_edits(rng: random.Random, n_rows: int, n_fields: int) -> list[Edit]:
    edits = []
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(["field", "field", "field", "drop", "add", "dup", "swap", "byte", "far"])
        value = rng.choice(NASTY) if rng.random() < 0.6 else "".join(
            chr(rng.choice([rng.randint(32, 126), rng.randint(0x80, 0x10FF), rng.randint(0, 31)]))
            for _ in range(rng.randint(0, 12)))
        if kind == "far":
            value = rng.choice(FAR_DATES)
        edits.append(Edit(kind, rng.randrange(max(n_rows, 1)), rng.randrange(max(n_fields, 1)), value))
    return edits


def render(header: list[str] | None, rows: list[list[str]], *, delimiter: str, quoting: bool) -> str:
    """The rows as a file: written by the ``csv`` module (quoting what needs it) or, for a format without quoting
    (GDELT), joined as they are."""
    if not quoting:
        return "".join(delimiter.join(r) + "\n" for r in ([header] if header else []) + rows)
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(([header] if header else []) + rows)
    return out.getvalue()


def expected_records(text: str, *, delimiter: str, quoting: bool, header: bool) -> int:
    """How many rows the loader must account for: the non-blank records of the text, after the line-end rules of
    ``saydo.ingest.decode`` (LF or CRLF end a line; a bare CR is a space, or the line end in a file with no LF)."""
    text = text.replace("\r\n", "\n")
    text = text.replace("\r", " ") if "\n" in text else text.replace("\r", "\n")
    text = text.replace("\x00", "\ufffd")
    csv.field_size_limit(1 << 30)
    if quoting and '"' in text:
        records = [r for r in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter) if r]
    else:
        records = [line for line in text.split("\n") if line != ""]
    return max(len(records) - (1 if header else 0), 0)


@dataclass
class Outcome:
    crashed: str | None = None  # the exception of a crash (not a coded SaydoError)
    refused: str | None = None  # a coded refusal of the whole file
    expected: int = 0
    accounted: int = 0

    @property
    def unaccounted(self) -> int:
        return 0 if self.refused or self.crashed else abs(self.expected - self.accounted)


def load_and_account(store, path, options: dict, expected: int) -> Outcome:
    """Load ``path`` and compare the rows the store accounts for (loaded, rejected, duplicate, out of scope, from
    the ``files`` record and the rejects table) with ``expected``."""
    from saydo.ingest.decode import scan
    from saydo.ingest.observations import load_observations

    outcome = Outcome(expected=expected)
    try:
        load_observations(store, path, **options)
    except SaydoError as exc:
        if exc.code != "SD106":  # no row loaded: still accounted below
            outcome.refused = exc.line()
            return outcome
    except Exception as exc:  # noqa: BLE001 - what the fuzzing is for
        outcome.crashed = f"{type(exc).__name__}: {exc}"[:300]
        return outcome
    try:  # what later commands read back must come back as Python values (a year-20000 row broke every check)
        store.con.execute("SELECT min(started_at), max(coalesce(finished_at, started_at)) FROM observations "
                          "GROUP BY source").fetchall()
        store.con.execute("SELECT min(day), max(day) FROM territory GROUP BY source").fetchall()
        far = store.con.execute(
            "SELECT (SELECT count(*) FROM observations WHERE started_at < DATE '1990-01-01' OR started_at > "
            "now() + INTERVAL 367 DAY) + (SELECT count(*) FROM territory WHERE day < DATE '1990-01-01' OR day > "
            "now() + INTERVAL 367 DAY)").fetchone()[0]
        if far:
            raise AssertionError(f"{far} row(s) stored with a date outside 1990..a year from today")
    except Exception as exc:  # noqa: BLE001
        outcome.crashed = f"after the load: {type(exc).__name__}: {exc}"[:300]
        return outcome
    sha = scan(path).sha256
    row = store.con.execute("SELECT rows_loaded, rows_rejected, rows_duplicate FROM files WHERE sha256 = ?",
                            [sha]).fetchone()
    scope = store.con.execute("SELECT coalesce(sum(TRY_CAST(split_part(reason, ' ', 1) AS BIGINT)), 0) FROM rejects "
                              "WHERE file_sha256 = ? AND line IS NULL AND reason LIKE '% out of scope:%'",
                              [sha]).fetchone()[0]
    outcome.accounted = (sum(row) if row else 0) + scope
    return outcome
