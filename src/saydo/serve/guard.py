"""The write token, checked before a write's body is read.

Every write (``POST /api/uploads/...``, ``POST /api/statements/...``) needs the server's token. Checked in the route
handler, it came after the framework had read the whole body (an upload of many megabytes from anyone); here it is
checked first:

- ``Authorization: Bearer TOKEN``: decided from the headers, before a byte of the body is read;
- a ``token`` form field (the upload and editing forms): the body is read only as far as that field, which must come
  before any file in the form (the pages' forms put it first) and within the first ``SCAN_BYTES``; what was read
  is handed on to the handler unchanged;
- anything else, or a read-only server: refused at once.

A refusal is the one JSON error shape (``SD702`` / ``SD703``) with ``connection: close``; the rest of the body is
never read. The handlers check the token again (the same constant-time comparison), so nothing relies on this alone.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs

from saydo.errors import Forbidden, SaydoError, TokenNeeded

WRITES = ("/api/uploads/", "/api/statements/")
SCAN_BYTES = 64 * 1024
_NAME = re.compile(rb'\bname="([^"]*)"', re.IGNORECASE)
_FILENAME = re.compile(rb'\bfilename\*?=', re.IGNORECASE)
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)

UNDECIDED = object()


class WriteGuard:
    def __init__(self, app, site) -> None:
        self.app = app
        self.site = site

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST" or not scope["path"].startswith(WRITES):
            await self.app(scope, receive, send)
            return
        if self.site.read_only:
            await _refuse(send, Forbidden("this server is read-only: it was started without SAYDO_TOKEN",
                                          hint="restart `saydo serve` with SAYDO_TOKEN set to allow writes"))
            return
        headers = {k.lower(): v for k, v in scope.get("headers") or []}
        auth = headers.get(b"authorization", b"").decode("latin-1")
        if auth[:7].lower() == "bearer ":
            if self.site.token_matches(auth[7:].strip()):
                await self.app(scope, receive, send)
            else:
                await _refuse(send, _wrong())
            return
        content_type = headers.get(b"content-type", b"").decode("latin-1")
        read: list[dict] = []
        data = b""
        more = True
        found = UNDECIDED
        while more and found is UNDECIDED and len(data) <= SCAN_BYTES:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            read.append(message)
            data += message.get("body", b"")
            more = message.get("more_body", False)
            found = form_token(content_type, data, complete=not more)
        if found is UNDECIDED or found is None:
            await _refuse(send, TokenNeeded(
                "writes need the server's token",
                hint="send the header 'Authorization: Bearer TOKEN', or a 'token' form field before any file"))
            return
        if not self.site.token_matches(found):
            await _refuse(send, _wrong())
            return

        async def replay():
            if read:
                return read.pop(0)
            return await receive()

        await self.app(scope, replay, send)


def form_token(content_type: str, data: bytes, *, complete: bool):
    """The ``token`` field's value in a form body read so far; None when the form has none where it must be (before
    any file); ``UNDECIDED`` when more of the body is needed."""
    kind = content_type.split(";", 1)[0].strip().lower()
    if kind == "application/x-www-form-urlencoded":
        if not complete:
            return UNDECIDED
        values = parse_qs(data.decode("utf-8", "replace"), keep_blank_values=True).get("token")
        return values[0] if values else None
    if kind != "multipart/form-data":
        return None
    match = _BOUNDARY.search(content_type)
    if not match:
        return None
    delimiter = b"--" + match.group(1).encode("latin-1")
    parts = data.split(delimiter)
    for index, part in enumerate(parts[1:], start=1):
        last = index == len(parts) - 1  # the part may still be arriving
        head, sep, value = part.partition(b"\r\n\r\n")
        if not sep:
            if not last or complete or part.startswith(b"--"):  # a malformed part, or the end of the form
                return None
            return UNDECIDED
        name = _NAME.search(head)
        if _FILENAME.search(head):
            return None  # a file before the token: the token must come first
        if name and name.group(1) == b"token":
            if last and not complete:
                return UNDECIDED  # the value may go on in the next chunk
            return value.removesuffix(b"\r\n").decode("utf-8", "replace")
    return None if complete else UNDECIDED


def _wrong() -> SaydoError:
    return TokenNeeded("the token is not this server's token", hint="use the SAYDO_TOKEN the server started with")


async def _refuse(send, error: SaydoError) -> None:
    body = json.dumps(error.to_json()).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
               (b"connection", b"close")]
    if error.status == 401:
        headers.append((b"www-authenticate", b"Bearer"))
    await send({"type": "http.response.start", "status": error.status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
