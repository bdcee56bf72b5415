"""Turning the text files people really have into the one kind the readers read: UTF-8, lines ending in LF.

What a spreadsheet or an old export writes: UTF-8 with or without a byte-order mark, UTF-16 (little or big endian)
with a mark, Windows-1251 (Cyrillic) or Windows-1252 (Western); lines ending in LF, CRLF or a bare CR. ``scan`` reads
the file once (its SHA-256 and the counts that decide), ``detect_encoding`` looks at the first megabyte, and
``prepare`` hands the readers the file itself when it is already UTF-8 with LF or CRLF line ends and no line over
``LINE_LIMIT`` (the usual case: nothing is copied), else a normalised copy in a scratch folder with the same lines
(line *n* of the copy is line *n* of the file, so every line number a reject cites is the file's).

Deciding the encoding: a byte-order mark decides. Without one, UTF-8 when the first megabyte decodes as UTF-8, or
when its valid multi-byte characters are at least as many as its undecodable bytes — one stray byte in a UTF-8 file
is replaced (U+FFFD, counted in the report) instead of turning every other character into mojibake, as reading the
whole file as Windows-1252 did. Otherwise a single-byte code page: Windows-1251 when most bytes above 0x7F stand next
to another such byte (Cyrillic words are runs of them), Windows-1252 when they stand alone among ASCII letters (é,
ü, ñ in Latin words).

Line ends: LF ends a line; CRLF too (the CR is dropped). A file with no LF at all but CRs (classic Mac, some
exporters) ends its lines with CR. In a file with LF line ends, a bare CR is a stray character, not a line end: it
becomes a space, so a row with one keeps its line number (the ``csv`` module would otherwise end a row there).

A line over ``LINE_LIMIT`` bytes is no row of any dataset: it becomes an empty line in the copy (blank lines are
skipped by every reader) and is kept as a rejected row with its line number, its length and the start of its text.
The first line (a header, or GDELT's first row) over the limit refuses the whole file with a coded error: a 50 MB file
with no line break is not a table.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from saydo.errors import TooLong

LINE_LIMIT = 1 << 20  # bytes a line may have (1 MiB): DuckDB's reader takes 2 MiB; a real row is under 10 KiB
HEAD = 1 << 20  # bytes the encoding is decided on
_BLOCK = 1 << 22
_WINDOW = LINE_LIMIT // 2  # a line over LINE_LIMIT spans a whole window of this size with no LF in it
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HIGH = re.compile(rb"[\x80-\xff]")
_HIGH_PAIR = re.compile(rb"[\x80-\xff]{2,}")
_NON_ASCII = re.compile("[^\x00-\x7f\ufffd]")


@dataclass
class Facts:
    """What one pass over a file's bytes found."""

    sha256: str
    size: int
    lfs: int  # b"\n"
    crs: int  # b"\r"
    crlfs: int  # b"\r\n"
    quotes: bool  # any b'"'
    maybe_long: bool  # some window of _WINDOW bytes has no LF: a line may be over LINE_LIMIT


def scan(path: Path) -> Facts:
    """Hash the file and count what decides how to read it, in one pass (memchr-speed counts per block)."""
    digest = hashlib.sha256()
    size = lfs = crs = crlfs = 0
    quotes = maybe_long = False
    last = b""
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(_BLOCK), b""):
            digest.update(block)
            size += len(block)
            lfs += block.count(b"\n")
            crs += block.count(b"\r")
            crlfs += block.count(b"\r\n") + (last == b"\r" and block[:1] == b"\n")
            quotes = quotes or b'"' in block
            if not maybe_long:
                maybe_long = any(block.find(b"\n", i, i + _WINDOW) < 0 for i in range(0, len(block), _WINDOW)
                                 if len(block) - i >= _WINDOW)
            last = block[-1:]
    if not maybe_long and size >= _WINDOW and lfs == 0:
        maybe_long = True
    return Facts(digest.hexdigest(), size, lfs, crs, crlfs, quotes, maybe_long)


@dataclass
class Encoding:
    name: str  # what the load report says: utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1251, cp1252
    codec: str  # the Python codec that decodes it
    clean: bool = True  # False: the first megabyte has bytes that are not UTF-8 (replaced)

    @property
    def utf8(self) -> bool:
        return self.codec in ("utf-8", "utf-8-sig")


def detect_encoding(head: bytes) -> Encoding:
    """The encoding of a file from its first bytes (module docstring: how)."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return Encoding(name, "utf-16" if name.startswith("utf-16") else name)
    text = head.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if bad and head[-3:] and len(head) >= HEAD:  # a character cut at the end of the sniffed block is fine
        bad -= text[-2:].count("\ufffd")
    if bad <= 0:
        return Encoding("utf-8", "utf-8")
    if len(_NON_ASCII.findall(text)) >= bad:
        return Encoding("utf-8", "utf-8", clean=False)
    high = len(_HIGH.findall(head))
    paired = sum(len(m) for m in _HIGH_PAIR.findall(head))
    return Encoding("cp1251", "cp1251") if paired > high / 2 else Encoding("cp1252", "cp1252")


@dataclass
class LongLine:
    line: int
    size: int  # bytes (of the file's encoding)
    start: str  # its first characters


@dataclass
class Prepared:
    """What the readers read (``path``: the file itself or its normalised copy) and what was done to get it."""

    path: Path
    encoding: Encoding
    line_ends: str  # LF, CRLF, CR or mixed
    copied: bool = False
    long_lines: list[LongLine] = field(default_factory=list)
    replaced: int = 0  # undecodable bytes replaced by U+FFFD in the copy

    def describe(self) -> str:
        """The encoding as the load report states it."""
        extra = f", {self.replaced} undecodable byte(s) replaced" if self.replaced else ""
        return f"{self.encoding.name}{extra}"


def line_ends(facts: Facts) -> str:
    if facts.lfs == 0:
        return "CR" if facts.crs else "LF"
    if facts.crs == 0:
        return "LF"
    if facts.crs == facts.crlfs:
        return "CRLF" if facts.crlfs == facts.lfs else "mixed"
    return "mixed"


def prepare(path: Path, facts: Facts, folder: Path, *, head: bytes | None = None) -> Prepared:
    """The file to read: ``path`` when it can be read as it is, else a normalised copy written into ``folder``."""
    if head is None:
        with path.open("rb") as fh:
            head = fh.read(HEAD)
    encoding = detect_encoding(head)
    ends = line_ends(facts)
    bare_cr = facts.crs > facts.crlfs
    if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):  # JSON: its reader decodes it; lines mean nothing
        return Prepared(path, encoding, ends)
    if encoding.name == "utf-8" and encoding.clean and not bare_cr and not facts.maybe_long:
        return Prepared(path, encoding, ends)
    copy = folder / "normalised.csv"
    prepared = Prepared(copy, encoding, ends, copied=True)
    _copy(path, copy, prepared, cr_ends=ends == "CR")
    return prepared


def _copy(source: Path, target: Path, prepared: Prepared, *, cr_ends: bool) -> None:
    decoder = codecs.getincrementaldecoder(prepared.encoding.codec)(errors="replace")
    number, pending, held_cr = 1, "", False
    skipping: list | None = None  # [start, size] of a line already over the limit, whose rest is skipped
    with source.open("rb") as fh, target.open("w", encoding="utf-8", newline="\n") as out:
        while True:
            block = fh.read(_BLOCK)
            text = decoder.decode(block, final=not block)
            prepared.replaced += text.count("\ufffd")
            if held_cr:
                text, held_cr = "\r" + text, False
            if block and text.endswith("\r"):  # a CR that may start a CRLF in the next block
                text, held_cr = text[:-1], True
            text = text.replace("\r\n", "\n").replace("\r", "\n" if cr_ends else " ")
            parts = text.split("\n")
            if skipping is not None:  # the rest of an overlong line: count it, keep nothing
                skipping[1] += len(parts[0].encode("utf-8"))
                if len(parts) == 1 and block:
                    continue
                _long(prepared, out, number, skipping[1], skipping[0], source)
                number, skipping, parts = number + 1, None, [""] + parts[1:]
                if len(parts) == 1 and not block:
                    return
            parts[0] = pending + parts[0]
            pending = parts.pop()
            if len(pending) > LINE_LIMIT and block:  # over the limit with no end in sight: stop holding it
                skipping, pending = [pending[:200], len(pending.encode("utf-8"))], ""
            if not block and pending:
                parts.append(pending)
            if parts and max(map(len, parts)) > LINE_LIMIT // 4:
                for line in parts:
                    size = len(line.encode("utf-8")) if len(line) > LINE_LIMIT // 4 else 0
                    if size > LINE_LIMIT:
                        _long(prepared, out, number, size, line[:200], source)
                    else:
                        out.write(line + "\n")
                    number += 1
            elif parts:
                out.write("\n".join(parts) + "\n")
                number += len(parts)
            if not block:
                if skipping is not None:
                    _long(prepared, out, number, skipping[1], skipping[0], source)
                return


def _long(prepared: Prepared, out, number: int, size: int, start: str, source: Path) -> None:
    if number == 1:
        raise TooLong(f"the first line is {size:,} bytes long (a line may have at most {LINE_LIMIT:,}): not a table "
                      f"of rows", where=str(source), hint="give a CSV file with one row per line")
    prepared.long_lines.append(LongLine(number, size, start))
    out.write("\n")  # the line stays, empty: every later line keeps its number
