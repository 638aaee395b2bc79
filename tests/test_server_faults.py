"""The real server survives clients that disconnect mid-request, clients that hold
connections open, and garbage sent to the API endpoint; afterwards it still answers
exactly as before."""

from __future__ import annotations

import json
import socket
import struct
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from web_server import web_server

from hostile_checks import TRACEBACK_MARK

CONTROL = "Who wrote the blog post?"
SLOW = "What did Anthropic say about recursive self-improvement and the pause? " * 25  # ~1,800 characters


def _call(url: str, body: bytes, timeout: float = 120) -> tuple[int, str]:
    """POST ``body`` to /call/ask; then, if it was accepted, the event stream of its result."""
    with httpx.Client(timeout=timeout) as client:
        posted = client.post(url + "gradio_api/call/ask", content=body, headers={"content-type": "application/json"})
        if posted.status_code != 200:
            return posted.status_code, posted.text
        result = client.get(url + f"gradio_api/call/ask/{posted.json()['event_id']}")
        return result.status_code, result.text


def _complete(stream: str) -> dict | None:
    """The answer JSON of an ``event: complete`` stream, or None for ``event: error``."""
    lines = stream.splitlines()
    for event, data in zip(lines, lines[1:]):
        if event == "event: complete":
            return json.loads(data.removeprefix("data: "))[0]
        if event == "event: error":
            return None
    raise AssertionError(f"no result in the stream: {stream[:300]!r}")


def _ask(url: str, question: str) -> dict:
    status, stream = _call(url, json.dumps({"data": [question, 5, None]}).encode())
    assert status == 200, stream
    answer = _complete(stream)
    assert answer is not None
    return answer


def _without_timings(answer: dict) -> dict:
    return {key: value for key, value in answer.items() if key != "timings_ms"}


@pytest.fixture(scope="module")
def server(index_dir, tmp_path_factory):
    """The app over the bundled articles, and its answer to CONTROL before any abuse."""
    with web_server(index_dir, workdir=tmp_path_factory.mktemp("server-faults")) as running:
        yield running, _without_timings(_ask(running.url, CONTROL))


def _assert_unharmed(server, before: dict) -> None:
    assert server.process.poll() is None, server.log()[-3000:]
    assert _without_timings(_ask(server.url, CONTROL)) == before


def _raw(port: int, payload: bytes, *, reset: bool = False, read: bool = False) -> bytes:
    """Send ``payload`` on a new connection; close it (with a TCP reset if asked), optionally reading first."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    try:
        sock.sendall(payload)
        reply = sock.recv(65536) if read else b""
        if reset:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        return reply
    finally:
        sock.close()


def _post_request(body: bytes, declared_length: int | None = None) -> bytes:
    length = len(body) if declared_length is None else declared_length
    head = f"POST /gradio_api/call/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {length}\r\n\r\n"
    return head.encode() + body


@pytest.mark.timeout(300)
def test_clients_that_disconnect_mid_request(server):
    running, before = server
    body = json.dumps({"data": [SLOW, 5, None]}).encode()

    def half_sent_body(_: int) -> None:
        _raw(running.port, _post_request(body[:20], declared_length=len(body)))

    def reset_before_the_reply(_: int) -> None:
        _raw(running.port, _post_request(body), reset=True)

    def leave_while_the_answer_is_computed(_: int) -> None:
        event = httpx.post(running.url + "gradio_api/call/ask", content=body, headers={"content-type": "application/json"}, timeout=60).json()["event_id"]
        _raw(running.port, f"GET /gradio_api/call/ask/{event} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode(), reset=True)

    def read_a_little_then_reset(_: int) -> None:
        event = httpx.post(running.url + "gradio_api/call/ask", content=body, headers={"content-type": "application/json"}, timeout=60).json()["event_id"]
        _raw(running.port, f"GET /gradio_api/call/ask/{event} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode(), read=True, reset=True)

    kinds = (half_sent_body, reset_before_the_reply, leave_while_the_answer_is_computed, read_a_little_then_reset)
    with ThreadPoolExecutor(20) as pool:
        for kind in kinds:
            list(pool.map(kind, range(10)))
    print(f"{10 * len(kinds)} clients disconnected mid-request")
    _assert_unharmed(running, before)


@pytest.mark.timeout(300)
def test_idle_and_half_open_connections_do_not_block_others(server):
    running, before = server
    idle = []
    try:
        for n in range(60):
            sock = socket.create_connection(("127.0.0.1", running.port), timeout=30)
            if n % 2:
                sock.sendall(b"POST /gradio_api/call/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n")
            idle.append(sock)
        _assert_unharmed(running, before)
    finally:
        for sock in idle:
            sock.close()


# (name, body): well-formed JSON the endpoint accepts but whose values are wrong
ODD_VALUES = {
    "no-arguments": b'{"data": []}',
    "all-null": b'{"data": [null, null, null]}',
    "number-as-question": b'{"data": [123, 5, null]}',
    "object-as-question": b'{"data": [{"q": 1}, 5, null]}',
    "text-as-k": b'{"data": ["who wrote the blog post", "five", null]}',
    "nan-as-k": b'{"data": ["who wrote the blog post", NaN, null]}',
    "huge-k": b'{"data": ["who wrote the blog post", 1e308, null]}',
    "text-as-history": b'{"data": ["who wrote the blog post", 5, "not a list"]}',
    "numbers-in-history": b'{"data": ["who wrote the blog post", 5, [1, 2, null]]}',
    "lone-surrogate-question": b'{"data": ["\\ud800", 5, null]}',
    "lone-surrogates-everywhere": b'{"data": ["who \\ud800 wrote the blog post", 5, ["\\udfff"]]}',
    "extra-arguments": b'{"data": ["who wrote the blog post", 5, null, 1, 2, 3]}',
    "two-megabyte-question": json.dumps({"data": ["x" * 2_000_000, 5, None]}).encode(),
}
HISTORY_ERROR = "history must be a list of the earlier questions (text), oldest first, or None (null in JSON)"
# history values that are not a list of questions, or null (in JSON)
WRONG_HISTORIES = {
    "number": 7,
    "text": "What did Anthropic propose?",
    "object": {"question": "What did Anthropic propose?"},
    "numbers-in-a-list": [1, 2],
    "null-in-a-list": ["What did Anthropic propose?", None],
    "list-in-a-list": [["What did Anthropic propose?"]],
}


@pytest.mark.timeout(300)
def test_a_history_of_the_wrong_type_gets_the_error_json(server):
    running, before = server
    logged_before = len(running.log())
    for name, history in WRONG_HISTORIES.items():
        for question in ("Who wrote the blog post?", "and what did OpenAI say?"):  # read alone, and as a follow-up
            status, stream = _call(running.url, json.dumps({"data": [question, 5, history]}).encode(), timeout=60)
            assert status == 200, (name, status, stream[:300])
            reply = _complete(stream)
            assert reply is not None and reply.keys() == {"question", "error"} and reply["question"] == question, (name, stream[:300])
            assert reply["error"].startswith(HISTORY_ERROR) and "NoneType" not in reply["error"], (name, reply)
    logged = running.log()[logged_before:]
    assert "TypeError" not in logged and TRACEBACK_MARK not in logged, logged[-3000:]
    _assert_unharmed(running, before)


# (name, body): not what the endpoint accepts at all
MALFORMED = {
    "not-json": b"not json",
    "binary": b"\xff\xfe\x00\x01garbage",
    "empty": b"",
    "json-list": b"[]",
    "json-string": b'"question"',
    "json-null": b"null",
    "data-not-a-list": b'{"data": "who wrote"}',
    "no-data": b'{"question": "who wrote"}',
    "session-not-text": b'{"data": ["who wrote", 5, null], "session_hash": {"a": 1}}',
    "deeply-nested": b"[" * 100_000,
    "deeply-nested-data": b'{"data": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
}


def _assert_no_leak(text: str) -> None:
    assert TRACEBACK_MARK not in text and 'File "/' not in text and "site-packages" not in text, text[:500]


@pytest.mark.timeout(300)
def test_garbage_to_the_api_endpoint(server):
    running, before = server
    for name, body in MALFORMED.items():
        status, text = _call(running.url, body, timeout=60)
        assert 400 <= status < 500, (name, status, text[:300])
        _assert_no_leak(text)
    for name, body in ODD_VALUES.items():
        status, text = _call(running.url, body, timeout=60)
        assert status == 200, (name, status, text[:300])
        _assert_no_leak(text)
        answer = _complete(text)  # an answer, an error JSON, or an error event: never a broken stream
        if answer is not None and "error" not in answer:
            assert answer["question"] and answer["answer"], name
    bad_routes = [
        ("GET", "gradio_api/call/ask", b""),
        ("POST", "gradio_api/call/no-such-endpoint", b'{"data": []}'),
        ("POST", "gradio_api/queue/join", b'{"data": ["q"], "fn_index": 99999, "session_hash": "x"}'),
        ("POST", "gradio_api/queue/join", b'{"data": ["q"], "fn_index": "x", "session_hash": "x"}'),
    ]
    for method, path, body in bad_routes:
        response = httpx.request(method, running.url + path, content=body, headers={"content-type": "application/json"}, timeout=60)
        assert response.status_code >= 400, (path, response.status_code)
        _assert_no_leak(response.text)
    print(f"{len(MALFORMED) + len(ODD_VALUES) + len(bad_routes)} garbage requests")
    _assert_unharmed(running, before)


@pytest.mark.timeout(300)
def test_garbage_below_http(server):
    running, before = server
    refused = {
        "binary": b"\x00\xff" * 1000,
        "negative-length": b"POST /gradio_api/call/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: -5\r\n\r\n",
        "bad-chunking": b"POST /gradio_api/call/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\n",
        "not-http": b"HELLO SERVER\r\n\r\n",
    }
    for name, payload in refused.items():
        reply = _raw(running.port, payload, read=True)
        assert reply == b"" or reply.startswith(b"HTTP/1.1 4"), (name, reply[:200])
        _assert_no_leak(reply.decode("latin-1"))
    # A valid request with a 100 KB header: served or refused, but answered.
    reply = _raw(running.port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Junk: " + b"a" * 100_000 + b"\r\n\r\n", read=True)
    assert reply.startswith(b"HTTP/1.1 "), reply[:200]
    time.sleep(0.5)
    _assert_unharmed(running, before)
