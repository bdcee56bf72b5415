"""Deadlines per connection, so slow clients can't hold the server: one for a request's headers, one for its body.

uvicorn closes a connection that stays idle between requests (keep-alive) but has no deadline for a request that
arrives slowly: a client sending a header byte every few seconds (or a body byte) kept its connection open for as
long as it liked, and a few hundred such clients hold every file descriptor. Here each connection has a deadline
for the phase it is in:

- **headers**: from the moment the connection opens (or a new request's first byte on a kept-alive connection)
  until the request's headers are complete: ``header_timeout`` seconds (``SAYDO_HEADER_TIMEOUT``, default 10);
- **body**: from the end of the headers until the last byte of the body: ``body_timeout`` seconds
  (``SAYDO_BODY_TIMEOUT``, default 120; a 10 MB upload then needs at least ~85 KB/s).

A connection past its deadline gets ``408 Request Timeout`` (when nothing has been answered yet) and is closed; a
handler still waiting for the body sees the client disconnect. The server's own answer has no deadline here.
"""

from __future__ import annotations

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from saydo.serve.settings import DEFAULT_BODY_TIMEOUT, DEFAULT_HEADER_TIMEOUT

_408 = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\nconnection: close\r\n"
        b"content-length: %d\r\n\r\n%s")


def guarded_protocol(header_timeout: float, body_timeout: float) -> type[H11Protocol]:
    """An HTTP/1.1 protocol class for uvicorn (``Config(http=...)``) with these two deadlines."""

    class Guarded(DeadlineProtocol):
        pass

    Guarded.header_timeout = float(header_timeout)
    Guarded.body_timeout = float(body_timeout)
    return Guarded


class DeadlineProtocol(H11Protocol):
    header_timeout = DEFAULT_HEADER_TIMEOUT
    body_timeout = DEFAULT_BODY_TIMEOUT

    _phase: str | None = None
    _timer = None

    def connection_made(self, transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm("headers")

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        # Idle until the next request's first byte: uvicorn's keep-alive timer covers that; ours starts with the byte.
        self._disarm()

    def connection_lost(self, exc) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _follow(self) -> None:
        """Move the deadline to the phase the client is in after the bytes just read."""
        state = self.conn.their_state
        if state is h11.IDLE:
            phase = "headers"
        elif state is h11.SEND_BODY:
            phase = "body"
        else:
            phase = None  # the request is complete (or the connection is closing): no deadline of ours
        if phase != self._phase:
            self._disarm()
            if phase:
                self._arm(phase)

    def _arm(self, phase: str) -> None:
        seconds = self.header_timeout if phase == "headers" else self.body_timeout
        self._phase = phase
        self._timer = self.loop.call_later(seconds, self._expired, phase)

    def _disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        self._timer, self._phase = None, None

    def _expired(self, phase: str) -> None:
        self._timer = None
        if self.transport.is_closing():
            return
        seconds = self.header_timeout if phase == "headers" else self.body_timeout
        answered = self.cycle is not None and self.cycle.response_started
        if not answered:
            body = (b'{"ok": false, "error": "[SD708] the request\'s %s did not arrive within %g s", '
                    b'"errors": ["[SD708] the request\'s %s did not arrive within %g s"], "status": 408, '
                    b'"code": "SD708"}') % (phase.encode(), seconds, phase.encode(), seconds)
            self.transport.write(_408 % (len(body), body))
        if self.cycle is not None:
            self.cycle.keep_alive = False
        self.transport.close()


def server(app, settings, *, host: str, port: int, log_level: str = "warning"):
    """A uvicorn server for ``app`` with the settings' deadlines (what ``saydo serve`` runs; tests start the same)."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=False,
                            http=guarded_protocol(settings.header_timeout, settings.body_timeout),
                            timeout_keep_alive=5)
    return uvicorn.Server(config)
