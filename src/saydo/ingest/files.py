"""Checks every input file passes before a reader looks inside: it exists, is not empty, is text."""

from __future__ import annotations

import hashlib
from pathlib import Path

from saydo.errors import BinaryFile, EmptyFile, InputError, MissingFile

_SNIFF = 64 * 1024


def check_text_file(path: str | Path) -> Path:
    """Return the path when it names a readable, non-empty text file; raise a coded error otherwise."""
    p = Path(path)
    if not p.exists():
        raise MissingFile("file not found", where=str(p), hint="check the path")
    if p.is_dir():
        raise InputError("is a folder, not a file", where=str(p), hint="name the files inside it")
    try:
        with p.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError as exc:
        raise InputError(f"can't read the file: {exc.strerror}", where=str(p), hint="check its permissions") from None
    if not head.strip():
        raise EmptyFile("file is empty", where=str(p), hint="give a file with content")
    if b"\x00" in head or _control_share(head) > 0.05:
        raise BinaryFile("file is not text (it looks binary)", where=str(p),
                         hint="give a .txt, .html or .csv file in UTF-8")
    return p


def guess_encoding(path: str | Path) -> str:
    """UTF-8 when the start of the file decodes as UTF-8, else Windows-1252 (older dataset exports use it)."""
    with Path(path).open("rb") as fh:
        head = fh.read(_SNIFF * 16)
    return "utf-8" if _decodes(head) else "cp1252"


def _control_share(head: bytes) -> float:
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13, 12))
    return controls / max(len(head), 1)


def _decodes(head: bytes) -> bool:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sniffed block is fine
        return exc.start >= len(head) - 3
    return True


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with Path(path).open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
