"""A misbehaving server during a chat: every case shows a plain message, loses nothing, never freezes."""

from __future__ import annotations

import dataclasses
import json
import threading
from typing import Any

import pytest
import requests

from ollama_desktop.settings import Settings
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeOllama
from tests.faults.conftest import FAULT_TIMEOUTS, StallMeter, open_app

OOM = "model requires more system memory (9.1 GiB) than is available (3.2 GiB)"
QUESTION = "Tell me about llamas"

# case id -> (script for the fake, a fragment of the message the user must see, what is kept)
# "kept": "question" = nothing arrived, the question is back in the prompt box;
#         "partial"  = the text that arrived stays in the chat and in the history.
CASES: dict[str, tuple[dict[str, Any], str, str]] = {
    "400 with an error text": (
        {"status": 400, "body": json.dumps({"error": 'option "num_ctx" is invalid'}).encode()},
        'Details: option "num_ctx" is invalid',
        "question",
    ),
    "500 out of memory": (
        {"status": 500, "body": json.dumps({"error": OOM}).encode()},
        "does not fit in this computer's memory",
        "question",
    ),
    "error line inside a 200 stream": (
        {"tokens": ["Llamas", " are", " camelids"], "error_after": 2, "error_message": "runner crashed"},
        "Details: runner crashed",
        "partial",
    ),
    "stream ends without done": (
        {"tokens": ["Llamas", " are"], "end_without_done": True},
        "The connection to Ollama was lost",
        "partial",
    ),
    "connection dropped mid-stream": (
        {"tokens": ["Llamas", " are", " tall"], "drop_after": 2},
        "The connection to Ollama was lost",
        "partial",
    ),
    "truncated JSON": (
        {"raw_lines": [b'{"model":"llama3.1:8b","message":{"role":"assistant","content":"Lla']},
        "could not be read",
        "question",
    ),
    "a non-JSON line": (
        {"raw_lines": [b"this is not json"]},
        "could not be read",
        "question",
    ),
    "a 10 MB line": (
        {"raw_lines": [b'{"message":{"content":"' + b"x" * 10_000_000 + b'"}}']},
        "far more than Ollama sends",  # the details line, in words (issue 16)
        "question",
    ),
    "an HTML error page from a proxy": (
        {
            "status": 502,
            "body": b"<html><body><h1>502 Bad Gateway</h1></body></html>",
            "content_type": "text/html",
        },
        "502 Bad Gateway",
        "question",
    ),
    "an HTML page with status 200": (
        {"raw_lines": [b"<!DOCTYPE html><html><body>Login required</body></html>"]},
        "but not as Ollama does",  # a web page: something else answers there (issue 16)
        "question",
    ),
    "an empty 200 body": (
        {"raw_lines": []},
        "The connection to Ollama was lost",
        "question",
    ),
    "an error text of one enormous word": (
        {"tokens": ["Llamas", " are", " tall"], "error_after": 2, "error_message": "x" * 1_000_000},
        "Details: " + "x" * 100,
        "partial",
    ),
    "a stream that stalls": (
        {"tokens": ["Llamas", " are", " tall"], "stall_after": 1},
        "Ollama did not answer in time",
        "partial",
    ),
    "accepts and never answers": (
        {"never_answer": True},
        "Ollama did not answer in time",
        "question",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_chat_fault(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter, case: str
) -> None:  # type: ignore[no-untyped-def]
    script, message, kept = CASES[case]
    app = open_app(qtbot, pool, settings, fake.url)
    fake.script(**script)
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: message in app.transcript(), timeout=8000)
    assert not app.chat.busy
    assert app.window.send_button.isEnabled()
    if kept == "question":
        assert app.window.prompt.toPlainText() == QUESTION
        assert app.chat.conversation.messages == []
    else:
        assert app.chat.conversation.messages[0].content == QUESTION
        partial = app.chat.conversation.messages[-1].content
        assert partial.startswith("Llamas")
        assert partial in app.transcript()
    # The app still works: the next question gets its answer.
    fake.script(tokens=["Fine", " now", "."])
    app.window.prompt.clear()
    app.ask("again?")
    qtbot.waitUntil(lambda: "Fine now." in app.transcript())


def test_wrong_content_type_is_tolerated(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """A proxy that relabels the stream as text/plain: the lines are still Ollama's, so they are read."""
    app = open_app(qtbot, pool, settings, fake.url)
    lines = [
        json.dumps(
            {"model": "llama3.1:8b", "message": {"role": "assistant", "content": word}, "done": False}
        ).encode()
        for word in ("Still", " fine")
    ]
    lines.append(
        json.dumps(
            {
                "model": "llama3.1:8b",
                "message": {"content": ""},
                "done": True,
                "eval_count": 2,
                "eval_duration": 10**8,
            }
        ).encode()
    )
    fake.script(raw_lines=lines)
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: "20.0 tokens/s" in app.window.reply_label.text())
    assert "Still fine" in app.transcript()


def test_404_model_removed_meanwhile(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    app = open_app(qtbot, pool, settings, fake.url)
    del fake.models["llama3.1:8b"]  # deleted from another terminal while the app was open
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: "is not installed on this Ollama server" in app.transcript())
    assert app.window.prompt.toPlainText() == QUESTION
    # The model list is reloaded, so the missing model disappears from the picker.
    qtbot.waitUntil(lambda: app.window.model_picker.count() == 1)


def test_queued_request_waits_then_answers(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """Another program holds the model: our request gets no bytes until it finishes."""
    fake.script(tokens=["busy"] * 3, stall_after=1)
    other = requests.post(
        f"{fake.url}/api/chat",
        json={"model": "llama3.1:8b", "messages": [{"role": "user", "content": "x"}]},
        stream=True,
        timeout=10,
    )
    other_lines = other.iter_lines()  # kept: dropping the generator would close the connection
    next(other_lines)  # the other program is being answered now
    app = open_app(qtbot, pool, settings, fake.url)
    fake.script(tokens=["My", " turn"])
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    assert "Waiting for llama3.1:8b" in app.window.reply_label.text()
    assert fake.requests_to("/api/chat")[1].tokens_sent == 0
    threading.Thread(target=other.close).start()  # the other program finishes (hangs up)
    qtbot.waitUntil(lambda: "My turn" in app.transcript(), timeout=5000)


# The stream's read limit stays long (a slow server is not a dead one); the user hears of it first.
# /api/ps gets room too: the diagnosis must not read a slow test machine as a dead server.
PATIENT = dataclasses.replace(FAULT_TIMEOUTS, chat_read=60.0, ps=10.0)


def test_a_stream_gone_quiet_is_reported_while_waiting(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    app = open_app(qtbot, pool, settings, fake.url, timeouts=PATIENT, quiet_after_s=1.0)
    fake.script(tokens=["Llamas", " are", " tall", " never"], stall_after=3)
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: "Nothing has arrived for" in app.window.reply_label.text(), timeout=10000)
    assert "Stop (Esc) ends it." in app.window.reply_label.text()
    # With the /api/ps diagnosis: llama sits fully in GPU memory in the fake, so Ollama may be busy.
    qtbot.waitUntil(lambda: "Ollama may be busy" in app.transcript(), timeout=10000)
    assert "Stop (Esc) ends the answer and keeps what came." in app.transcript()
    assert app.chat.busy  # still waiting: a stall is told, not ended
    app.window.stop_button.click()
    assert app.chat.conversation.messages[-1].content == "Llamas are tall"
    assert fake.requests_to("/api/chat")[0].client_hung_up.wait(5)


def test_a_model_that_sends_nothing_yet_is_reported_as_loading(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    app = open_app(qtbot, pool, settings, fake.url, timeouts=PATIENT, quiet_after_s=1.0)
    fake.script(never_answer=True)
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: "has sent nothing for" in app.window.reply_label.text(), timeout=10000)
    assert "can take minutes to load" in app.transcript()
    app.window.stop_button.click()
    assert app.window.prompt.toPlainText() == QUESTION
