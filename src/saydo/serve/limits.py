"""A cap on request bodies, enforced before anything reads them.

A declared ``Content-Length`` over the cap is refused at once; a body sent without one (chunked) is counted as it
arrives and refused when it passes the cap, so no handler ever holds more than ``max_bytes``.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

from saydo.errors import TooLarge


class BodyLimit:
    def __init__(self, app, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                size = int(declared)
            except ValueError:
                size = -1
            if size < 0 or size > self.max_bytes:
                await self._refuse(send, size)
                return
        seen = 0
        started = False

        async def counted_receive():
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _Overflow(413, f"the body passed this server's limit of {self.max_bytes:,} bytes "
                                         "(send a smaller file, or raise SAYDO_MAX_UPLOAD_MB)")
            return message

        async def tracked_send(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except _Overflow:
            if not started:
                await self._refuse(send, seen)

    async def _refuse(self, send, size: int) -> None:
        mb = self.max_bytes / (1024 * 1024)
        what = "a body with an unreadable length" if size < 0 else f"a body of {size:,} bytes"
        error = TooLarge(f"{what} is over this server's limit of {self.max_bytes:,} bytes ({mb:g} MB)",
                         hint="send a smaller file, or start the server with a higher SAYDO_MAX_UPLOAD_MB")
        body = json.dumps(error.to_json()).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                (b"connection", b"close")]})
        await send({"type": "http.response.body", "body": body})


class _Overflow(HTTPException):
    """An HTTP error, so a body parser that wraps other errors lets it through to the error handler."""
