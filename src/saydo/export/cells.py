"""CSV cells a spreadsheet will not run: text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets
a leading apostrophe (the OWASP rule for CSV injection), so ``=HYPERLINK(...)`` in an article or an uploaded row is
shown as text when a reader opens the export in Excel or LibreOffice. Numbers, and text that is a plain number
("-3", "+0.5"), are left as they are. JSON, JSON Lines and Parquet exports keep every value exactly."""

from __future__ import annotations

import re

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def safe_cell(value):
    """``value`` with a leading apostrophe when it is text a spreadsheet would read as a formula."""
    if isinstance(value, str) and value.startswith(TRIGGERS) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_row(row: dict) -> dict:
    return {k: safe_cell(v) for k, v in row.items()}
