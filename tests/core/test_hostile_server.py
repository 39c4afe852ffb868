"""The client against servers that redirect, flood, trickle, garble or are not Ollama (issue 16).

Small caps and timeouts keep these fast; tests/perf/hostile_memory.py measures the real sizes.
"""

from __future__ import annotations

import gzip
import itertools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from ollama_desktop.core.chat.conversation import ChatMessage, ChatRequest
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import (
    ModelNotFound,
    NotOllama,
    OllamaError,
    ProtocolError,
    Reason,
    Redirected,
    RequestTimedOut,
    ResponseTooLarge,
    ServerUnreachable,
    StreamIncomplete,
)
from ollama_desktop.core.limits import BodyLimits
from ollama_desktop.core.timeouts import Timeouts
from tests.conftest import sample_models
from tests.fake_ollama import FakeOllama, RawAnswer, gzip_bomb, repeated, trickled

LIMITS = BodyLimits(
    version=1024, tags=64 * 1024, ps=64 * 1024, show=64 * 1024, reply=64 * 1024, error=1024, line=64 * 1024
)
TIMEOUTS = Timeouts(
    connect=1.0, version=1.0, tags=0.5, ps=0.5, show=0.5, chat_read=2.0, generate=2.0, unload=0.5
)
MODEL = "llama3.1:8b"
REQUEST = ChatRequest(MODEL, (ChatMessage("user", "hi"),), {})
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"


@pytest.fixture
def client(fake: FakeOllama) -> OllamaClient:
    return OllamaClient(fake.url, TIMEOUTS, LIMITS)


def drain(result: Any) -> Any:
    """A stream's items as a list (so that the error, if any, is raised); a plain result as is."""
    return list(result) if isinstance(result, Iterator) else result


# Every call the app makes, by the path it uses.
CALLS: dict[str, tuple[str, Callable[[OllamaClient], Any]]] = {
    "version": ("/api/version", lambda c: c.version()),
    "tags": ("/api/tags", lambda c: c.tags()),
    "ps": ("/api/ps", lambda c: c.ps()),
    "show": ("/api/show", lambda c: c.show(MODEL)),
    "load": ("/api/chat", lambda c: c.load(MODEL)),
    "unload": ("/api/chat", lambda c: c.unload(MODEL)),
    "chat_once": ("/api/chat", lambda c: c.chat_once(REQUEST)),
    "chat stream": ("/api/chat", lambda c: c.chat(REQUEST)),
    "generate_once": ("/api/generate", lambda c: c.generate_once(MODEL, "p")),
    "generate stream": ("/api/generate", lambda c: c.generate(MODEL, "p")),
    "pull stream": ("/api/pull", lambda c: c.pull(MODEL)),
    "delete": ("/api/delete", lambda c: c.delete(MODEL)),
}


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("call", list(CALLS))
def test_redirects_are_never_followed(client: OllamaClient, fake: FakeOllama, call: str, status: int) -> None:
    elsewhere = FakeOllama(sample_models()).start()
    try:
        path, make = CALLS[call]
        fake.route_answer[path] = RawAnswer(status, [("Location", elsewhere.url + path)])
        with pytest.raises(Redirected) as caught:
            drain(make(client))
        assert (caught.value.host, caught.value.location) == (fake.url, elsewhere.url + path)
        assert caught.value.reason is Reason.REDIRECTED
        assert elsewhere.requests == []  # not a byte of the question went there
        assert len(fake.requests_to(path)) == 1
    finally:
        elsewhere.stop()


def test_a_redirect_without_location(client: OllamaClient, fake: FakeOllama) -> None:
    fake.route_answer["/api/tags"] = RawAnswer(302)
    with pytest.raises(Redirected) as caught:
        client.tags()
    assert caught.value.location == ""


# path -> an answer larger than its cap in LIMITS, and the cap.
HUGE: dict[str, tuple[str, RawAnswer, Callable[[OllamaClient], Any], int]] = {
    "500 with a huge body": (
        "/api/chat",
        RawAnswer(500, body=repeated(b'{"error": "' + b"x" * 65536)),
        lambda c: c.chat(REQUEST),
        LIMITS.error,
    ),
    "endless /api/tags": (
        "/api/tags",
        RawAnswer(200, body=repeated(b" " * 65536)),
        lambda c: c.tags(),
        LIMITS.tags,
    ),
    "gzip bomb on /api/tags": (
        "/api/tags",
        RawAnswer(200, [("Content-Encoding", "gzip")], body=gzip_bomb(1 << 40, member=1 << 24)),
        lambda c: c.tags(),
        LIMITS.tags,
    ),
    "huge /api/version with a length": (
        "/api/version",
        RawAnswer(200, body=repeated(b"9" * 65536, 1 << 14), length=1 << 30),
        lambda c: c.version(),
        LIMITS.version,
    ),
    "one huge line with a Content-Length": (
        "/api/chat",
        RawAnswer(200, body=repeated(b"a" * 65536, 1 << 14), length=1 << 30),
        lambda c: c.chat(REQUEST),
        LIMITS.line,
    ),
    "one huge line in one declared chunk": (
        "/api/generate",
        # A chunk declared 1 GB long, that would be read whole in one go by a naive reader.
        RawAnswer(raw=lambda: itertools.chain([HEAD + b"40000000\r\n"], repeated(b"a" * 65536, 1 << 14)())),
        lambda c: c.generate(MODEL, "p"),
        LIMITS.line,
    ),
    "gzip bomb in a stream": (
        "/api/chat",
        RawAnswer(200, [("Content-Encoding", "gzip")], body=gzip_bomb(1 << 40, member=1 << 24)),
        lambda c: c.chat(REQUEST),
        LIMITS.line,
    ),
}


@pytest.mark.parametrize("case", list(HUGE))
def test_answers_past_their_cap_are_refused_and_the_connection_closed(
    client: OllamaClient, fake: FakeOllama, case: str
) -> None:
    path, answer, call, cap = HUGE[case]
    fake.route_answer[path] = answer
    with pytest.raises(ResponseTooLarge) as caught:
        drain(call(client))
    assert caught.value.limit == cap
    assert caught.value.reason in {Reason.TOO_LARGE, Reason.LINE_TOO_LONG}
    # The app stopped reading and hung up: the fake noticed before it could send the rest.
    assert fake.requests_to(path)[-1].client_hung_up.wait(5)
    fake.route_answer.clear()
    assert [m.name for m in client.tags()] == [MODEL, "gemma3:270m"]  # and the next call works


def test_a_compressed_answer_within_its_cap_is_read(client: OllamaClient, fake: FakeOllama) -> None:
    body = gzip.compress(json.dumps({"models": [{"name": "zipped:1b", "size": 1}]}).encode())
    fake.route_answer["/api/tags"] = RawAnswer(200, [("Content-Encoding", "gzip")], body)
    assert [m.name for m in client.tags()] == ["zipped:1b"]


def test_a_trickle_meets_the_whole_call_deadline(client: OllamaClient, fake: FakeOllama) -> None:
    """Each byte comes well within the read timeout; the whole answer never does."""
    fake.route_answer["/api/tags"] = RawAnswer(200, body=trickled(b'{"models": []}' * 10), piece_delay=0.1)
    with pytest.raises(NotOllama) as caught:
        client.tags()
    assert caught.value.reason is Reason.TOO_SLOW
    assert fake.requests_to("/api/tags")[-1].client_hung_up.wait(5)


def test_a_slow_unload_is_a_timeout_not_another_program(client: OllamaClient, fake: FakeOllama) -> None:
    """Unloading may take long for real: past its deadline it timed out; Ollama it still is."""
    fake.route_answer["/api/chat"] = RawAnswer(200, body=trickled(b'{"done": true}' * 40), piece_delay=0.1)
    with pytest.raises(RequestTimedOut) as caught:
        client.unload(MODEL)
    assert caught.value.reason is Reason.TOO_SLOW
    assert not isinstance(caught.value, NotOllama)


def test_a_trickle_of_headers_meets_the_deadline_too(client: OllamaClient, fake: FakeOllama) -> None:
    head = b"HTTP/1.1 200 OK\r\n" + b"".join(b"X-Slow-%d: 1\r\n" % i for i in range(60))
    fake.route_answer["/api/ps"] = RawAnswer(raw=trickled(head), piece_delay=0.05)
    with pytest.raises(NotOllama) as caught:
        client.ps()
    assert caught.value.reason is Reason.TOO_SLOW


# path -> (what the server sends, the error type and reason the client must raise)
NOT_OLLAMA: dict[str, tuple[str, RawAnswer, Callable[[OllamaClient], Any], type[OllamaError], Reason]] = {
    "a web page for /api/version": (
        "/api/version",
        RawAnswer(200, [("Content-Type", "text/html")], b"<!DOCTYPE html><html><body>Router</body></html>"),
        lambda c: c.version(),
        NotOllama,
        Reason.WEB_PAGE,
    ),
    "a web page for /api/tags": (
        "/api/tags",
        RawAnswer(200, [("Content-Type", "text/html")], b"  <html><body>Log in</body></html>"),
        lambda c: c.tags(),
        NotOllama,
        Reason.WEB_PAGE,
    ),
    "more than 100 headers": (
        "/api/version",
        RawAnswer(200, [("X-Filler", "x" * 1000)] * 1000, b'{"version": "1"}'),
        lambda c: c.version(),
        NotOllama,
        Reason.HEADERS_TOO_LARGE,
    ),
    "a header line over 64 kB": (
        "/api/tags",
        RawAnswer(200, [("X-Filler", "x" * 70_000)], b'{"models": []}'),
        lambda c: c.tags(),
        NotOllama,
        Reason.HEADERS_TOO_LARGE,
    ),
    "not HTTP at all": (
        "/api/version",
        RawAnswer(raw=b"SSH-2.0-OpenSSH_9.6\r\n"),
        lambda c: c.version(),
        NotOllama,
        Reason.NOT_HTTP,
    ),
    "an error status for /api/version": (
        "/api/version",
        RawAnswer(404, [("Content-Type", "text/plain")], b"404 page not found"),
        lambda c: c.version(),
        NotOllama,
        Reason.ERROR_STATUS,
    ),
    "a wrongly compressed answer": (
        "/api/ps",
        RawAnswer(200, [("Content-Encoding", "gzip")], b"this is not gzip"),
        lambda c: c.ps(),
        NotOllama,
        Reason.BAD_COMPRESSION,
    ),
    "text that is not UTF-8": (
        "/api/tags",
        RawAnswer(200, [], b'{"models": [{"name": "\xff\xfe"}]}'),
        lambda c: c.tags(),
        ProtocolError,
        Reason.NOT_UTF8,
    ),
    "a chunk length that is not a number": (
        "/api/chat",
        RawAnswer(
            raw=b"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
            b'10\r\n{"done": false}\n\r\nzz\r\n'
        ),
        lambda c: c.chat(REQUEST),
        StreamIncomplete,
        Reason.CONNECTION_BROKEN,
    ),
    "a body shorter than its length": (
        "/api/show",
        RawAnswer(raw=b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"license": '),
        lambda c: c.show(MODEL),
        StreamIncomplete,
        Reason.CONNECTION_BROKEN,
    ),
    "closed without a word": (
        "/api/ps",
        RawAnswer(raw=b""),
        lambda c: c.ps(),
        StreamIncomplete,
        Reason.CLOSED_EARLY,
    ),
}


@pytest.mark.parametrize("case", list(NOT_OLLAMA))
def test_answers_are_classified_once_with_a_reason(client: OllamaClient, fake: FakeOllama, case: str) -> None:
    path, answer, call, error_type, reason = NOT_OLLAMA[case]
    fake.route_answer[path] = answer
    with pytest.raises(error_type) as caught:
        drain(call(client))
    assert caught.value.reason is reason


def test_version_never_answered_is_not_ollama(client: OllamaClient, fake: FakeOllama) -> None:
    fake.hang_routes.add("/api/version")
    with pytest.raises(NotOllama) as caught:
        client.version()
    assert caught.value.reason is Reason.NO_ANSWER


@pytest.mark.parametrize("call", ["unload", "load", "show", "chat stream", "delete"])
def test_model_not_found_names_the_model_asked_for(client: OllamaClient, fake: FakeOllama, call: str) -> None:
    """The server's text may not name it (or differently); the error carries what the app asked."""
    path, make = CALLS[call]
    fake.route_override[path] = (404, b'{"error": "model not found"}', "application/json; charset=utf-8")
    with pytest.raises(ModelNotFound) as caught:
        drain(make(client))
    assert caught.value.model == MODEL


def test_nothing_listening_is_unreachable_and_refused(fake: FakeOllama) -> None:
    url = fake.url
    fake.stop()
    with pytest.raises(ServerUnreachable) as caught:
        OllamaClient(url, TIMEOUTS, LIMITS).version()
    assert caught.value.reason is Reason.REFUSED
