"""The server's settings, from arguments or the environment: SAYDO_DB, SAYDO_TOKEN, SAYDO_DATA, SAYDO_MAX_UPLOAD_MB."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from saydo.errors import ConfigError
from saydo.store import default_db_path

DEFAULT_MAX_UPLOAD_MB = 10


@dataclass(frozen=True)
class Settings:
    db_path: Path
    token: str | None  # None: the server is read-only
    data_dir: Path  # uploads are saved here; only files inside it can be downloaded
    max_upload: int  # bytes a request body may hold
    base_url: str = "http://127.0.0.1:8008"

    @classmethod
    def build(cls, db_path=None, *, token: str | None = None, data_dir=None, max_upload: int | None = None,
              base_url: str | None = None) -> "Settings":
        db = default_db_path(db_path).resolve()
        token = token if token is not None else os.environ.get("SAYDO_TOKEN") or None
        data = Path(data_dir or os.environ.get("SAYDO_DATA") or db.parent / "saydo-data").resolve()
        if max_upload is None:
            raw = os.environ.get("SAYDO_MAX_UPLOAD_MB", str(DEFAULT_MAX_UPLOAD_MB))
            try:
                max_upload = int(float(raw) * 1024 * 1024)
            except ValueError:
                raise ConfigError(f"SAYDO_MAX_UPLOAD_MB={raw!r} is not a number", hint="e.g. 10") from None
        return cls(db_path=db, token=token, data_dir=data, max_upload=max_upload,
                   base_url=base_url or "http://127.0.0.1:8008")

    @property
    def read_only(self) -> bool:
        return not self.token

    def token_matches(self, given: str) -> bool:
        """Constant-time comparison, so the time taken says nothing about how much of the token was right."""
        return bool(self.token) and hmac.compare_digest(given.encode("utf-8"), self.token.encode("utf-8"))

    def servable(self, path: str | os.PathLike) -> Path | None:
        """The file at ``path`` when it is a regular file inside the data folder (after resolving links and ``..``),
        else None: nothing outside the data folder is ever served."""
        try:
            resolved = Path(path).resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not resolved.is_file() or not resolved.is_relative_to(self.data_dir):
            return None
        return resolved
