"""What every observation reader shares: format registry, header sniffing, and the batched load into the store."""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from saydo.errors import BadHeader, BadValue, NoRowsLoaded, UnknownFormat, UnreadableFile, excerpt
from saydo.ingest import scratch
from saydo.ingest.files import check_text_file, guess_encoding
from saydo.records import Observation, Reject

BATCH = 50_000


class RowError(ValueError):
    """A row that can't become an observation; the message is the reason stored in ``rejects``."""


class Reader(Protocol):
    """A format: its name, the source it stores rows under, how to recognise its header, how to read its rows.

    A reader either yields records from ``read`` (Bellingcat's JSON), or instead of ``read`` has ``plan(path,
    header) -> bulk.Plan`` with ``delimiter``, ``has_header`` and ``quoting``: its rows are then parsed set-based in
    DuckDB (``saydo.ingest.observations.bulk``). A dataset that is not made of observations (the daily territory
    series) has ``load(store, path, source, sha, report, progress)`` instead and writes its own table.
    """

    name: str
    source: str
    description: str

    def matches(self, header: list[str]) -> bool: ...

    def read(self, path: Path, source: str) -> Iterator[Observation | Reject]: ...


READERS: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    READERS[reader.name] = reader
    return reader


@dataclass
class LoadReport:
    """What happened to one file: rows loaded, rejected (kept in the rejects table), duplicates of stored rows."""

    file: str
    format: str
    source: str
    loaded: int = 0
    rejected: int = 0
    duplicate: int = 0
    already_loaded: bool = False
    detected: bool = False
    geo_methods: dict[str, int] | None = None  # rows placed by name, by spelling, by coordinates
    out_of_scope: int = 0  # well-formed rows the format leaves out (e.g. GDELT rows that are not conflict)
    revised: int = 0  # rows that replaced a stored row of the same id with other values (counted in loaded)
    encoding: str = "utf-8"  # how the file was decoded (saydo.ingest.decode), with bytes replaced if any
    delimiter: str = ","
    line_ends: str = "LF"  # LF, CRLF, CR or mixed

    def to_json(self) -> dict:
        return dict(self.__dict__)


DELIMITERS = (",", ";", "\t")  # what spreadsheets write: comma, semicolon (European defaults), tab


def read_header(path: Path, delimiter: str = ",") -> list[str]:
    from saydo.ingest.decode import LINE_LIMIT

    csv.field_size_limit(LINE_LIMIT * 4)
    with path.open(newline="", encoding=guess_encoding(path), errors="replace") as fh:
        first = fh.readline(LINE_LIMIT)
    try:
        fields = next(csv.reader([first.rstrip("\r\n")], delimiter=delimiter), [])
    except csv.Error:
        fields = first.split(delimiter)
    return [c.strip().lstrip("\ufeff") for c in fields]


def detect_format(path: str | Path, delimiter: str | None = None) -> str:
    """The name of the one registered format whose header matches the file's first line (with any of the usual
    delimiters, or the one given)."""
    p = check_text_file(path)
    return detect_dialect(p, delimiter)[0]


def detect_dialect(p: Path, delimiter: str | None = None) -> tuple[str, str]:
    """(format, delimiter) of a UTF-8 file: the first format whose header matches with a delimiter."""
    _ensure_registered()
    for name, reader in READERS.items():
        sniff = getattr(reader, "sniff", None)
        if sniff is not None and sniff(p):
            return name, delimiter or getattr(reader, "delimiter", ",")
        for candidate in ([delimiter] if delimiter else DELIMITERS):
            if reader.matches(read_header(p, candidate)):
                return name, candidate
    known = ", ".join(sorted(READERS))
    raise UnknownFormat("the header matches no known observation format", where=str(p),
                        hint=f"name one with --format ({known})")


def sniff_delimiter(p: Path, reader) -> str:
    """The delimiter of a file whose format is known: the one its header matches with, else the one that splits the
    first line into the most fields (the header check then says what is wrong)."""
    if not getattr(reader, "has_header", True):
        return getattr(reader, "delimiter", ",")
    headers = {d: read_header(p, d) for d in DELIMITERS}
    for d, header in headers.items():
        if reader.matches(header) or (hasattr(reader, "fits") and reader.fits(header)):
            return d
    return max(DELIMITERS, key=lambda d: (len(headers[d]), d == getattr(reader, "delimiter", ",")))


def format_names() -> list[str]:
    """The names ``--format`` (and an upload's ``format``) accepts."""
    _ensure_registered()
    return sorted(READERS)


def reader_for(name: str) -> Reader:
    _ensure_registered()
    if name not in READERS:
        raise UnknownFormat(f"unknown format {name!r}", hint=f"use one of: {', '.join(sorted(READERS))}")
    return READERS[name]


def expect_header(path: Path, expected: list[str], fmt: str, header: list[str] | None = None) -> None:
    header = read_header(path) if header is None else header
    if header != expected:
        raise BadHeader(
            f"header is {excerpt(','.join(header))}, expected {','.join(expected)!r} for the {fmt} format",
            where=str(path), hint="check the file is this format, or pass the right --format",
        )


def load_observations(store, path: str | Path, *, fmt: str | None = None, source: str | None = None,
                      mapping: str | Path | None = None, delimiter: str | None = None,
                      progress: Callable[[int], None] | None = None) -> LoadReport:
    """Read one file into the store. Loading the same file again changes nothing and says so. ``fmt="csv"`` (or
    a ``mapping``) reads any CSV through a TOML mapping file. The encoding, the line ends and (unless ``delimiter``
    forces one) the delimiter are detected (``saydo.ingest.decode``) and stated in the report."""
    from saydo.ingest.decode import prepare

    scratch.sweep()  # temporary files of loads that were killed
    p, fmt, facts = open_input(path, fmt=fmt, mapping=mapping, delimiter=delimiter)
    with scratch.folder() as tmp:
        text = prepare(p, facts, Path(tmp))
        reader, name, detected, delimiter = choose_reader(p, text.path, fmt=fmt, mapping=mapping,
                                                          delimiter=delimiter)
        return _load_prepared(store, p, text, facts.sha256, reader, name, detected, delimiter, source, progress)


def open_input(path: str | Path, *, fmt: str | None, mapping, delimiter: str | None):
    """The checks every load makes before reading a file, on either engine: a readable text file, a delimiter saydo
    reads, the mapped CSV format when a mapping is given; then the file's facts (size, hash, encoding: ``scan``).
    Returns (path, format, facts)."""
    from saydo.ingest.decode import scan

    p = check_text_file(path)
    if delimiter is not None and delimiter not in DELIMITERS:
        raise BadValue(f"--delimiter {delimiter!r} is not one saydo reads", hint="use ',', ';' or tab")
    if mapping is not None and fmt in (None, "csv"):
        fmt = "csv"
    try:
        return p, fmt, scan(p)
    except OSError as exc:
        raise UnreadableFile(f"can't read the file: {exc.strerror}", where=str(p)) from None


def choose_reader(p: Path, read: Path, *, fmt: str | None, mapping, delimiter: str | None):
    """(reader, format name, whether it was detected, delimiter) of a file (``read``: its UTF-8 text), from
    ``--format``/``--mapping``/``--delimiter`` or the header. Shared by both engines' loaders."""
    if fmt == "csv":
        if mapping is None:
            raise UnknownFormat("the csv format needs a mapping file", where=str(p),
                                hint="pass --mapping FILE.toml (see docs/observations.md)")
        from saydo.ingest.observations.mapped import MappedCsv

        reader = MappedCsv(mapping)
        return reader, "csv", False, delimiter or reader.given_delimiter or sniff_delimiter(read, reader)
    if fmt is None:
        name, delimiter = detect_dialect(read, delimiter)
        return reader_for(name), name, True, delimiter
    reader = reader_for(fmt)
    return reader, fmt, False, delimiter or sniff_delimiter(read, reader)


def _load_prepared(store, p: Path, text, sha: str, reader, name: str, detected: bool, delimiter: str,
                   source: str | None, progress) -> LoadReport:
    from saydo.ingest.observations.bulk import WholeReadFailed
    from saydo.store import observations as obs_store

    source = source or reader.source
    report = LoadReport(file=str(p), format=name, source=source, detected=detected, encoding=text.describe(),
                        delimiter=delimiter, line_ends=text.line_ends)
    previous = store.file_loaded(sha, "observations")
    if previous:
        report.already_loaded = True
        report.loaded, report.rejected, report.duplicate, report.revised = (
            previous["loaded"] or 0, previous["rejected"] or 0, previous["duplicate"] or 0, previous["revised"] or 0)
        report.geo_methods = obs_store.geo_methods(store, sha) or None
        _raise_if_nothing_loaded(store, report, p)  # the same answer as the first load gave
        return report
    try:
        try:
            report = _load_file(store, p, text, reader, source, sha, report, progress, whole=True)
        except WholeReadFailed:  # DuckDB's reader failed and aborted the transaction: start again, streaming
            report = _load_file(store, p, text, reader, source, sha, report, progress, whole=False)
    finally:
        stop = getattr(progress, "stop", None)
        if stop:
            stop()
    report.geo_methods = obs_store.geo_methods(store, sha) or None
    _raise_if_nothing_loaded(store, report, p)
    return report


def _load_file(store, p: Path, text, reader, source: str, sha: str, report: LoadReport, progress, *,
               whole: bool) -> LoadReport:
    """Load one file in one transaction: its rows, its rejects and its ``files`` record become visible together, and
    an interrupted load (an error, Ctrl-C, ``kill -9``) leaves nothing of it. One transaction costs less than a
    staging table copied in afterwards: the rows are written once. ``text`` is what to read (the file or its
    normalised copy); ``p`` is what rows cite."""
    from saydo.store import observations as obs_store

    fresh = LoadReport(**{k: v for k, v in report.__dict__.items()
                          if k in ("file", "format", "source", "detected", "encoding", "delimiter", "line_ends")})
    con = store.con
    con.execute("BEGIN TRANSACTION")
    try:
        if hasattr(reader, "load"):
            reader.load(store, text.path, source, sha, fresh, progress, file=str(p), delimiter=fresh.delimiter)
        elif hasattr(reader, "plan"):
            _load_bulk(store, p, text.path, reader, source, sha, fresh, progress, whole=whole)
        else:
            _load_records(store, p, reader, source, sha, fresh, progress)
        if text.long_lines:  # lines over the limit: blank in the copy, one reject each
            from saydo.ingest.decode import LINE_LIMIT

            obs_store.insert_rejects(store, [Reject(
                source=source, file=str(p), line=long.line, raw=long.start,
                reason=f"the line is {long.size:,} bytes long, over the {LINE_LIMIT:,} a row may have")
                for long in text.long_lines], sha)
            fresh.rejected += len(text.long_lines)
        store.record_file(sha, str(p), "observations", source, fresh.loaded, fresh.rejected, fresh.duplicate,
                          fresh.revised)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return fresh


def first_reject_text(store, file: str) -> str:
    """'; first at line N: reason' for a file with rejected rows, or '': how a one-line message points at the fix."""
    from saydo.store import observations as obs_store

    first = obs_store.first_reject(store, file)
    return f"; first at line {first[0]}: {first[1]}" if first else ""


def _raise_if_nothing_loaded(store, report: LoadReport, p: Path) -> None:
    """Every row refused: one line that names the first bad line and why, so the fix is plain without a look-up."""
    if report.loaded == 0 and report.duplicate == 0:
        scope = f", {report.out_of_scope} out of scope" if report.out_of_scope else ""
        raise NoRowsLoaded(f"no row could be loaded ({report.rejected} rejected{scope})"
                           f"{first_reject_text(store, report.file)}", where=str(p),
                           hint=f"see `saydo rejects --file {report.file}` for the reasons")


def _load_bulk(store, p: Path, read: Path, reader, source: str, sha: str, report: LoadReport, progress, *,
               whole: bool = True) -> None:
    import duckdb

    from saydo.ingest.observations.bulk import Loader, WholeReadFailed, chunks, pieces, read_whole
    from saydo.store import observations as obs_store

    delimiter = report.delimiter
    header = read_header(read, delimiter) if reader.has_header else None
    plan = reader.plan(p, header)
    loader = Loader(store, plan, source=source, file=str(p), sha=sha, delimiter=delimiter)
    fields = len(header) if header else getattr(reader, "field_count", None)
    options = dict(delimiter=delimiter, encoding="utf-8", quoting=reader.quoting)  # ``read`` is UTF-8 (decode)
    seen = 0
    for piece, first_line, header in pieces(read, header=reader.has_header, quoting=reader.quoting):
        try:
            rows = (read_whole(store.con, piece, fields=fields, header=header, keep=plan.fields_used(), **options)
                    if whole else None)
        except duckdb.Error as exc:
            raise WholeReadFailed(str(piece)) from exc
        if rows is not None:  # DuckDB read it, every line one row: no need to cut it up in Python
            loader.load_whole(rows, fields, first_line=first_line + header, piece=piece,
                              piece_line=first_line, encoding=options["encoding"], quoting=reader.quoting)
            seen += rows
            if progress:
                progress(seen)
            continue
        for chunk in chunks(piece, header=header, first_line=first_line, **options):
            loader.load(chunk)
            seen += len(chunk)
            if progress:
                progress(seen)
    loader.close()  # on an error the rollback drops the temporary tables
    report.loaded, report.rejected, report.duplicate = loader.loaded, loader.rejected, loader.duplicate
    report.revised = loader.revised
    report.out_of_scope = loader.out_of_scope
    if loader.out_of_scope:
        scope = getattr(reader, "scope", "not what the format loads")
        obs_store.insert_rejects(store, [Reject(source=source, file=str(p), line=None, raw=None,
                                                out_of_scope=loader.out_of_scope,
                                                reason=f"{loader.out_of_scope} row(s) out of scope: {scope}")], sha)


def _load_records(store, p: Path, reader, source: str, sha: str, report: LoadReport, progress) -> None:
    from saydo.store import observations as obs_store

    batch_obs: list[Observation] = []
    batch_rej: list[Reject] = []
    seen = 0

    def flush() -> None:
        inserted, dup, revised = obs_store.insert_observations_counted(store, batch_obs, sha)
        report.loaded += inserted
        report.revised += revised
        report.duplicate += dup
        obs_store.insert_rejects(store, batch_rej, sha)
        report.rejected += sum(1 for r in batch_rej if not r.out_of_scope)
        report.out_of_scope += sum(r.out_of_scope for r in batch_rej)
        batch_obs.clear()
        batch_rej.clear()

    for item in reader.read(p, source):
        (batch_obs if isinstance(item, Observation) else batch_rej).append(item)
        seen += 1
        if seen % BATCH == 0:  # bounded memory: one batch at a time, whatever the file's size
            flush()
            if progress:
                progress(seen)
    flush()
    if progress:
        progress(seen)


def _ensure_registered() -> None:
    # built-in formats register themselves on import, from one place
    from saydo.ingest.observations import formats  # noqa: F401
