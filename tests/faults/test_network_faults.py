"""Servers that redirect, flood, trickle or garble, and addresses where something other than Ollama
answers: what the user sees in the real window (issue 16, items 2, 6, 7, 12 and 13)."""

from __future__ import annotations

import json

import pytest

from ollama_desktop.controllers.connection import State
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.welcome_panel import Screen
from ollama_desktop.workers import WorkerPool
from tests.conftest import sample_models
from tests.fake_ollama import FakeOllama, RawAnswer, gzip_bomb, repeated, trickled
from tests.faults.conftest import App, StallMeter, open_app

QUESTION = "Tell me about llamas"
NDJSON_HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n"
# What Python or the HTTP library would have said; the user never sees any of it.
RAW_PYTHON = ("InvalidChunkLength", "IncompleteRead", "ProtocolError", "b'", "\\x", "Error -3", "urllib3")


def chunk(line: bytes) -> bytes:
    return b"%x\r\n%s\r\n" % (len(line), line)


def token_line(text: str) -> bytes:
    return (
        json.dumps(
            {"model": "llama3.1:8b", "message": {"role": "assistant", "content": text}, "done": False}
        ).encode()
        + b"\n"
    )


def assert_no_raw_python(text: str) -> None:
    for fragment in RAW_PYTHON:
        assert fragment not in text, f"{fragment!r} shown to the user in {text!r}"


def test_a_redirect_on_chat_sends_nothing_elsewhere(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = FakeOllama(sample_models()).start()
    try:
        app = open_app(qtbot, pool, settings, fake.url)
        fake.route_answer["/api/chat"] = RawAnswer(307, [("Location", f"{elsewhere.url}/api/chat")])
        app.ask(QUESTION)
        expected = (
            f"The server at {fake.url} sent the app to another address, {elsewhere.url}/api/chat; "
            f"the app only talks to {fake.url}."
        )
        qtbot.waitUntil(lambda: expected in app.transcript(), timeout=5000)
        assert elsewhere.requests == []  # the conversation went nowhere else
        assert app.window.prompt.toPlainText() == QUESTION  # nothing lost
        assert "Connected" in app.window.connection_label.text()  # still naming the one it talks to
    finally:
        with stall.excluding():
            elsewhere.stop()


def wait_for_problem(qtbot, app: App) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: app.connection.status.state is State.NOT_OLLAMA, timeout=8000)


# What answers /api/version instead of Ollama -> a fragment of the "Details:" tooltip.
FOREIGN: dict[str, tuple[RawAnswer | None, str]] = {
    "a web page": (
        RawAnswer(
            200, [("Content-Type", "text/html")], b"<!DOCTYPE html><html><body>Router login</body></html>"
        ),
        "the server sent a web page instead of Ollama's data",
    ),
    "1 MB of headers": (
        RawAnswer(200, [("X-Filler", "x" * 1000)] * 1000, b'{"version": "0.24.0"}'),
        "far more header lines than any server sends",
    ),
    "not HTTP": (RawAnswer(raw=b"SSH-2.0-OpenSSH_9.6\r\n"), "is not a web server's answer at all"),
    "a redirect": (RawAnswer(301, [("Location", "https://login.example/")]), ""),
    "never answers": (None, "accepted the connection but never answered"),
}


@pytest.mark.parametrize("case", list(FOREIGN))
def test_something_else_answering_is_not_called_ollama_not_running(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, case: str
) -> None:  # type: ignore[no-untyped-def]
    answer, details = FOREIGN[case]
    if answer is None:
        fake.hang_routes.add("/api/version")
    else:
        fake.route_answer["/api/version"] = answer
    app = open_app(qtbot, pool, settings, fake.url, wait=False)
    wait_for_problem(qtbot, app)
    label = app.window.connection_label
    if case == "a redirect":
        assert (
            f"The server at {fake.url} sent the app to another address, https://login.example/"
            in label.text()
        )
    elif case == "never answers":
        # Not called "something else": a stuck Ollama takes connections and says nothing too.
        assert f"The server at {fake.url} accepts connections but does not answer." in label.text()
        assert details in label.toolTip()
    else:
        assert f"Something answers at {fake.url}, but not as Ollama does." in label.text()
        assert details in label.toolTip()
    assert_no_raw_python(label.toolTip())
    # The screen over the empty chat says the same, and does not send the user to install Ollama.
    welcome = app.window.welcome
    assert welcome.current is Screen.NOT_OLLAMA
    assert welcome.title.text() == "Something else answers at this address"
    assert "download" not in welcome.body.text().lower()
    assert details in welcome.body.text().replace("&#x27;", "'")
    assert "not reachable" not in label.text()


def test_a_trickled_model_list_is_reported_not_connected(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """One byte every 0.3 s: each read is in time, the whole list never is (tags: 1 s + connect 1 s)."""
    fake.route_answer["/api/tags"] = RawAnswer(
        200, body=trickled(json.dumps({"models": []}).encode() * 20), piece_delay=0.3
    )
    app = open_app(qtbot, pool, settings, fake.url, wait=False)
    wait_for_problem(qtbot, app)
    label = app.window.connection_label
    assert f"Something answers at {fake.url}, but not as Ollama does." in label.text()
    assert "so slowly" in label.toolTip()
    # The version check keeps succeeding, and the list is asked for again: no "Connected" meanwhile.
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/tags")) >= 2, timeout=8000)
    assert app.connection.status.state is State.NOT_OLLAMA
    assert "Connected" not in label.text()
    # Once the list comes whole, the app is connected again by itself.
    with stall.excluding():
        fake.route_answer.clear()
    qtbot.waitUntil(lambda: app.window.model_picker.count() == 2, timeout=8000)
    qtbot.waitUntil(lambda: "Connected" in label.text(), timeout=5000)


def test_an_endless_model_list_is_refused(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    fake.route_answer["/api/tags"] = RawAnswer(200, body=repeated(b" " * 65536))
    app = open_app(qtbot, pool, settings, fake.url, wait=False)
    wait_for_problem(qtbot, app)
    assert "far more than Ollama sends" in app.window.connection_label.toolTip()
    qtbot.waitUntil(fake.requests_to("/api/tags")[0].client_hung_up.is_set, timeout=5000)


# A chat answered in a way that must end with a plain message -> the fragment the user must see.
CHAT: dict[str, tuple[RawAnswer, str]] = {
    "a 500 with an endless body": (
        RawAnswer(500, [("Content-Type", "text/plain")], body=repeated(b"x" * 65536)),
        "far more than Ollama sends",
    ),
    "a gzip bomb": (
        RawAnswer(200, [("Content-Encoding", "gzip")], body=gzip_bomb(1 << 40, member=1 << 24)),
        "far more than Ollama sends",
    ),
    "a broken chunk after two tokens": (
        RawAnswer(raw=NDJSON_HEAD + chunk(token_line("Llamas")) + chunk(token_line(" are")) + b"zz\r\n"),
        "Details: the connection broke in the middle of the answer",
    ),
    "a body cut short": (
        RawAnswer(
            raw=b"HTTP/1.1 200 OK\r\nContent-Type: application/x-ndjson\r\nContent-Length: 5000\r\n\r\n"
            + token_line("Llamas")
        ),
        "Details: the connection broke in the middle of the answer",
    ),
    "a line that is not UTF-8": (
        RawAnswer(
            raw=NDJSON_HEAD + chunk(b'{"message": {"content": "\xff\xfe"}, "done": false}\n') + b"0\r\n\r\n"
        ),
        "Details: the server sent text that is not valid UTF-8",
    ),
    "a wrongly compressed answer": (
        RawAnswer(200, [("Content-Encoding", "gzip")], b"this is not gzip at all"),
        "Details: the server's answer was compressed wrongly",
    ),
}


@pytest.mark.parametrize("case", list(CHAT))
def test_chat_answers_that_break_say_so_in_words(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, case: str
) -> None:  # type: ignore[no-untyped-def]
    answer, expected = CHAT[case]
    app = open_app(qtbot, pool, settings, fake.url)
    fake.route_answer["/api/chat"] = answer
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: expected in app.transcript(), timeout=8000)
    qtbot.waitUntil(lambda: not app.chat.busy)
    assert_no_raw_python(app.transcript())
    if "far more" in expected:  # refused past its cap: the app hung up rather than read on
        qtbot.waitUntil(fake.requests_to("/api/chat")[-1].client_hung_up.is_set, timeout=5000)
    # The app still works once the server behaves.
    fake.route_answer.clear()
    fake.script(tokens=["Fine", " now", "."])
    app.window.prompt.clear()
    app.ask("again?")
    qtbot.waitUntil(lambda: "Fine now." in app.transcript(), timeout=5000)


def test_an_unload_answered_404_names_the_model(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    fake.load("llama3.1:8b")
    app = open_app(qtbot, pool, settings, fake.url)
    qtbot.waitUntil(lambda: len(app.residency.loaded) == 1, timeout=5000)
    # Deleted in a terminal while loaded: Ollama's 404 names it in its own way, or not at all.
    fake.route_override["/api/chat"] = (
        404,
        b'{"error": "model not found"}',
        "application/json; charset=utf-8",
    )
    assert app.residency.unload(["llama3.1:8b"])
    qtbot.waitUntil(lambda: "is not installed" in app.window.notice_text(), timeout=5000)
    assert "“llama3.1:8b”" in app.window.notice_text()


def test_nothing_listening_is_still_not_reachable(
    qtbot, pool: WorkerPool, settings: Settings, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """The one case where "Ollama is not running" is right: nothing accepts the connection."""
    server = FakeOllama(sample_models()).start()
    url = server.url
    server.stop()
    app = open_app(qtbot, pool, settings, url, wait=False)
    qtbot.waitUntil(lambda: app.connection.status.state is State.UNREACHABLE)
    assert "not reachable" in app.window.connection_label.text()
    assert app.window.connection_label.toolTip() == (
        "Details: nothing accepts connections at that address and port"
    )
    assert app.window.welcome.current is Screen.NOT_RUNNING
