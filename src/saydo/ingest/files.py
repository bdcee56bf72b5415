"""Checks every input file passes before a reader looks inside: it exists, is not empty, is text."""

from __future__ import annotations

import codecs
import hashlib
import os
import stat
from pathlib import Path

from saydo.errors import BinaryFile, EmptyFile, InputError, MissingFile, NotRegularFile, UnreadableFile

_SNIFF = 64 * 1024


def check_text_file(path: str | Path) -> Path:
    """Return the path when it names a readable, non-empty text file; raise a coded error otherwise."""
    p = Path(path)
    if not p.exists():
        raise MissingFile("file not found", where=str(p), hint="check the path")
    if p.is_dir():
        raise InputError("is a folder, not a file", where=str(p), hint="name the files inside it")
    try:
        mode = os.stat(p).st_mode
    except OSError as exc:
        raise UnreadableFile(f"can't read the file: {exc.strerror}", where=str(p), hint="check the path") from None
    if not stat.S_ISREG(mode):  # checked before open(): a FIFO with no writer would block forever
        kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or socket"
        raise NotRegularFile(f"is {kind}, not a regular file", where=str(p),
                             hint="save the data to a file first and give that file")
    try:
        with p.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError as exc:
        raise UnreadableFile(f"can't read the file: {exc.strerror}", where=str(p),
                             hint="check its permissions") from None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # UTF-16 text: judge it decoded
        head = head.decode("utf-16", errors="replace").encode("utf-8")
    if not head.strip():
        raise EmptyFile("file is empty", where=str(p), hint="give a file with content")
    if b"\x00" in head or _control_share(head) > 0.05:
        raise BinaryFile("file is not text (it looks binary)", where=str(p),
                         hint="give a .txt, .html or .csv file in UTF-8")
    return p


def guess_encoding(path: str | Path) -> str:
    """The Python codec of a text file, decided on its first megabyte (``saydo.ingest.decode.detect_encoding``)."""
    from saydo.ingest.decode import HEAD, detect_encoding

    with Path(path).open("rb") as fh:
        head = fh.read(HEAD)
    return detect_encoding(head).codec


def _control_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls / max(len(head), 1)


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
