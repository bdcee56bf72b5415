"""The server's settings, from arguments or the environment: SAYDO_DB, SAYDO_TOKEN, SAYDO_DATA, SAYDO_MAX_UPLOAD_MB,
SAYDO_HEADER_TIMEOUT and SAYDO_BODY_TIMEOUT (seconds).

A token shorter than ``MIN_TOKEN_LENGTH`` characters is refused at start: a guessable token is no protection, and
the server would otherwise accept it silently."""

from __future__ import annotations

import hmac
import os
from dataclasses import dataclass
from pathlib import Path

from saydo.errors import ConfigError, WeakToken
from saydo.store import default_db_path

DEFAULT_MAX_UPLOAD_MB = 10
MIN_TOKEN_LENGTH = 16
DEFAULT_HEADER_TIMEOUT = 10.0  # seconds (saydo.serve.timeouts)
DEFAULT_BODY_TIMEOUT = 120.0


@dataclass(frozen=True)
class Settings:
    db_path: Path
    token: str | None  # None: the server is read-only
    data_dir: Path  # uploads are saved here; only files inside it can be downloaded
    max_upload: int  # bytes a request body may hold
    base_url: str = "http://127.0.0.1:8008"
    header_timeout: float = DEFAULT_HEADER_TIMEOUT  # seconds a request's headers may take to arrive
    body_timeout: float = DEFAULT_BODY_TIMEOUT  # seconds its body may take after the headers

    @classmethod
    def build(cls, db_path=None, *, token: str | None = None, data_dir=None, max_upload: int | None = None,
              base_url: str | None = None, header_timeout: float | None = None,
              body_timeout: float | None = None) -> "Settings":
        db = default_db_path(db_path).resolve()
        token = token if token is not None else os.environ.get("SAYDO_TOKEN") or None
        token = token or None
        if token is not None and len(token.strip()) < MIN_TOKEN_LENGTH:
            raise WeakToken(f"SAYDO_TOKEN has {len(token.strip())} characters; a token needs at least "
                            f"{MIN_TOKEN_LENGTH}",
                            hint="choose a long random one, e.g. `python -c \"import secrets; "
                                 "print(secrets.token_urlsafe(24))\"`")
        data = Path(data_dir or os.environ.get("SAYDO_DATA") or db.parent / "saydo-data").resolve()
        if max_upload is None:
            raw = os.environ.get("SAYDO_MAX_UPLOAD_MB", str(DEFAULT_MAX_UPLOAD_MB))
            try:
                max_upload = int(float(raw) * 1024 * 1024)
            except ValueError:
                raise ConfigError(f"SAYDO_MAX_UPLOAD_MB={raw!r} is not a number", hint="e.g. 10") from None
        return cls(db_path=db, token=token, data_dir=data, max_upload=max_upload,
                   base_url=base_url or "http://127.0.0.1:8008",
                   header_timeout=_seconds(header_timeout, "SAYDO_HEADER_TIMEOUT", DEFAULT_HEADER_TIMEOUT),
                   body_timeout=_seconds(body_timeout, "SAYDO_BODY_TIMEOUT", DEFAULT_BODY_TIMEOUT))

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


def _seconds(given: float | None, variable: str, default: float) -> float:
    if given is not None:
        value, raw = given, str(given)
    else:
        raw = os.environ.get(variable, "")
        if not raw:
            return default
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
    if not value > 0:
        raise ConfigError(f"{variable}={raw!r} is not a number of seconds above 0", hint=f"e.g. {default:g}")
    return float(value)
