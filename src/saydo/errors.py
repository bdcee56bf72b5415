"""One error hierarchy for saydo, with greppable codes.

Every error a user can cause carries a code (``SD###``), says what went wrong, where, and how to fix it. The CLI turns
any ``SaydoError`` into one line on stderr and exit code 2; the HTTP API turns it into the one JSON error shape.

Code ranges: SD1xx input files, SD2xx records and parsing, SD3xx store, SD4xx extraction, SD5xx checks,
SD6xx configuration, SD7xx serving.
"""

from __future__ import annotations


class SaydoError(Exception):
    """Root of every error saydo raises on purpose."""

    code = "SD000"
    status = 400

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None) -> None:
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        """The error as one line: ``[SD101] path: what happened (how to fix it)``."""
        where = f"{self.where}: " if self.where else ""
        hint = f" ({self.hint})" if self.hint else ""
        return f"[{self.code}] {where}{self.message}{hint}"

    def to_json(self) -> dict:
        return {"ok": False, "error": self.line(), "errors": [self.line()], "status": self.status, "code": self.code}


class InputError(SaydoError):
    """A file or value given by the user can't be used."""

    code = "SD100"


class MissingFile(InputError):
    code = "SD101"
    status = 404


class EmptyFile(InputError):
    code = "SD102"


class BinaryFile(InputError):
    code = "SD103"


class BadHeader(InputError):
    code = "SD104"


class BadValue(InputError):
    """A single value (a date, a region name) can't be parsed."""

    code = "SD105"


class NoRowsLoaded(InputError):
    """A whole file was read but every row was rejected."""

    code = "SD106"


class UnknownFormat(InputError):
    code = "SD107"


class TooLong(InputError):
    """A line, a header or an article longer than saydo reads (limits in docs/reliability.md)."""

    code = "SD108"


class NotRegularFile(InputError):
    """A FIFO, a device or a socket: refused before it is opened (reading a pipe with no writer never ends)."""

    code = "SD109"


class UnreadableFile(InputError):
    """The system refused to read a file that exists (permissions, an I/O error, a file gone mid-read)."""

    code = "SD110"


def excerpt(value: object, limit: int = 200) -> str:
    """A value as an error message or a stored reason quotes it: its repr, cut to ``limit`` characters with the
    length said, so a 50 MB field never becomes a 50 MB message."""
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}... ({len(text):,} characters)"


class StoreError(SaydoError):
    code = "SD300"
    status = 500


class SchemaTooNew(StoreError):
    code = "SD301"


class StoreLocked(StoreError):
    """Another process holds the database for writing, and did not let go within the wait."""

    code = "SD302"
    status = 503


class ModelMissing(SaydoError):
    code = "SD401"
    status = 500


class CheckError(SaydoError):
    code = "SD500"


class ConfigError(SaydoError):
    code = "SD600"


class WeakToken(ConfigError):
    """A write token too short to protect anything."""

    code = "SD601"


class NotFound(SaydoError):
    code = "SD704"
    status = 404


class TokenNeeded(SaydoError):
    """A write without a token, or with the wrong one."""

    code = "SD702"
    status = 401


class Forbidden(SaydoError):
    code = "SD703"
    status = 403


class TooLarge(SaydoError):
    code = "SD713"
    status = 413
