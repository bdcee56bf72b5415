"""What a request may ask for: every filter value is checked against a pattern or a fixed list before a query runs.

FastAPI validates these (a bad value is a 422 in the one error shape) and lists them in the OpenAPI document.
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import Path, Query

from saydo.records.check import VERDICTS
from saydo.records.statement import KINDS

STATEMENT_ID = r"^[0-9a-f]{16}$"
SHA256 = r"^[0-9a-f]{64}$"
ACTOR = r"^[A-Za-z][A-Za-z0-9_.-]{0,31}$"
REGION = r"^[A-Z]{2}(-[0-9A-Z]{1,3})?$"
SOURCE = r"^[a-z0-9][a-z0-9_.-]{0,63}$"
EVENT_TYPE = r"^[a-z0-9_]{1,40}$"
MAX_LIMIT = 10_000

Kind = Literal[KINDS + ("any",)]  # type: ignore[valid-type]
Verdict = Literal[VERDICTS + ("unchecked",)]  # type: ignore[valid-type]
CheckVerdict = Literal[VERDICTS]  # type: ignore[valid-type]
Sort = Literal["newest", "oldest", "speaker", "actor"]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page (CSV downloads may ask for up to "
                                                              f"{MAX_LIMIT}).")]
Offset = Annotated[int, Query(ge=0, le=100_000_000, description="Rows to skip (the `next` offset of a page).")]
StatementId = Annotated[str, Path(pattern=STATEMENT_ID, description="16 hex digits.")]
ArticleId = Annotated[str, Path(pattern=SHA256, description="SHA-256 of the article text.")]
FileSha = Annotated[str, Path(pattern=SHA256, description="SHA-256 of the file.")]
ActorPath = Annotated[str, Path(pattern=ACTOR, description="Actor code, e.g. RUS, UKR, UN.")]
ActorFilter = Annotated[str | None, Query(pattern=ACTOR, description="Actor code, e.g. RUS.")]
RegionFilter = Annotated[str | None, Query(pattern=REGION, description="ISO 3166-2 code, e.g. UA-30.")]
SourceFilter = Annotated[str | None, Query(pattern=SOURCE, description="Observation source, e.g. alerts.volunteer.")]
Search = Annotated[str | None, Query(max_length=200, description="Words to find in the statement or speaker.")]
