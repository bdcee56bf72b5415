"""Slow clients can't hold the server: a real uvicorn server with one-second deadlines for headers and bodies."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.serve.conftest import TOKEN


@pytest.fixture(scope="module")
def live(demo_db_file, tmp_path_factory):
    from saydo.serve.app import create_app
    from saydo.serve.settings import Settings
    from saydo.serve.timeouts import server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Settings.build(demo_db_file, token=TOKEN, data_dir=tmp_path_factory.mktemp("data"),
                              header_timeout=1, body_timeout=1)
    srv = server(create_app(settings), settings, host="127.0.0.1", port=port)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started
    yield port
    srv.should_exit = True
    thread.join(timeout=10)


def _open(port: int, first: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=15)
    if first:
        sock.sendall(first)
    return sock


def _answer(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (a socket timeout fails the test)."""
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_connections_that_never_finish_their_headers_are_closed(live):
    slow = [_open(live, b"GET / HTTP/1.1\r\nHost: x\r\nX-Slow: a") for _ in range(30)]
    silent = [_open(live, b"") for _ in range(10)]
    for sock in slow[:10]:  # a byte now and then does not extend the deadline
        sock.sendall(b"b")
    for sock in slow + silent:
        answer = _answer(sock)
        assert answer.startswith(b"HTTP/1.1 408") and b"SD708" in answer and b"headers" in answer
        sock.close()


def test_a_body_that_stops_arriving_is_cut_off(live):
    head = (b"POST /api/uploads/articles HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode() +
            b"\r\nContent-Type: multipart/form-data; boundary=q\r\nContent-Length: 5000\r\n\r\n--q\r\n")
    sock = _open(live, head)
    answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 408") and b"body" in answer
    sock.close()


def _one_response(sock: socket.socket) -> bytes:
    """One whole response on a kept-alive connection (headers, then Content-Length bytes of body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        assert chunk, f"closed after {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = int(next(line.split(b":", 1)[1] for line in head.split(b"\r\n") if line.lower().startswith(
        b"content-length:")))
    while len(body) < length:
        body += sock.recv(65536)
    return head + b"\r\n\r\n" + body


def test_ordinary_requests_are_untouched(live):
    sock = _open(live, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    first = _one_response(sock)
    assert first.startswith(b"HTTP/1.1 200") and b'"ok":true' in first.replace(b" ", b"")
    time.sleep(1.5)  # longer than the header deadline: an idle kept-alive connection is uvicorn's keep-alive's
    sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    assert _answer(sock).startswith(b"HTTP/1.1 200")
    sock.close()
