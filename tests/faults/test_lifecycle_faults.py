"""The server coming and going, and the user stopping, re-sending, switching and closing at bad moments."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThreadPool

from ollama_desktop.controllers.connection import State
from ollama_desktop.settings import Settings
from ollama_desktop.workers import WorkerPool
from tests.conftest import sample_models
from tests.fake_ollama import FakeOllama
from tests.faults.conftest import StallMeter, open_app

LONG = [f" word{i}" for i in range(5000)]


def test_server_absent_at_start_then_appears(
    qtbot, pool: WorkerPool, settings: Settings, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    server = FakeOllama(sample_models()).start()
    port, url = server.port, server.url
    server.stop()
    app = open_app(qtbot, pool, settings, url, wait=False)
    qtbot.waitUntil(lambda: app.connection.status.state is State.UNREACHABLE)
    assert "not reachable" in app.window.connection_label.text()
    assert app.window.residency_indicator._empty.text() == "Memory: unknown"
    # Typing works and nothing is lost while the server is away.
    app.window.prompt.setPlainText("hello?")
    app.window.send_button.click()
    assert app.window.prompt.toPlainText() == "hello?"
    with stall.excluding():
        revived = FakeOllama(sample_models(), port=port).start()
    try:
        qtbot.waitUntil(lambda: app.window.model_picker.count() == 2, timeout=5000)
        assert "Connected" in app.window.connection_label.text()
        app.window.send_button.click()
        qtbot.waitUntil(lambda: "tokens/s" in app.window.reply_label.text())
    finally:
        with stall.excluding():
            revived.stop()


def test_server_dies_mid_stream_and_comes_back(
    qtbot, pool: WorkerPool, settings: Settings, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    server = FakeOllama(sample_models()).start()
    port = server.port
    app = open_app(qtbot, pool, settings, server.url)
    server.script(tokens=LONG, chunk_delay=0.002)
    app.ask("long story")
    qtbot.waitUntil(lambda: "word20" in app.transcript())
    with stall.excluding():
        server.stop()
    qtbot.waitUntil(
        lambda: "connection to Ollama was lost" in app.transcript() or "Cannot reach" in app.transcript()
    )
    partial = app.chat.conversation.messages[-1].content
    assert partial.startswith(" word0 word1")
    qtbot.waitUntil(lambda: app.connection.status.state is State.UNREACHABLE, timeout=5000)
    with stall.excluding():
        revived = FakeOllama(sample_models(), port=port).start()
    try:
        qtbot.waitUntil(lambda: app.connection.status.state is State.CONNECTED, timeout=5000)
        revived.script(tokens=["back"])
        app.ask("are you back?")
        qtbot.waitUntil(lambda: app.chat.conversation.messages[-1].content == "back")
        # The history sent after the outage still holds the partial answer.
        sent = revived.requests_to("/api/chat")[-1].json["messages"]
        assert sent[1]["content"] == partial
    finally:
        with stall.excluding():
            revived.stop()


def test_stop_while_the_model_is_loading(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    fake.load_delay = 30  # a cold load that takes long
    app = open_app(qtbot, pool, settings, fake.url)
    app.ask("first question")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    app.window.stop_button.click()
    assert app.window.prompt.toPlainText() == "first question"
    assert fake.requests_to("/api/chat")[0].client_hung_up.wait(5)


def test_stop_twice_and_send_again_while_stopping(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    app = open_app(qtbot, pool, settings, fake.url)
    fake.script(tokens=LONG, chunk_delay=0.002)
    app.ask("one")
    qtbot.waitUntil(lambda: "word5" in app.transcript())
    app.window.stop_button.click()
    # A second Stop while the first is still closing the connection.
    app.window.window_actions.stop_action.trigger()
    fake.script(tokens=["two", " done"])
    app.ask("two")
    qtbot.waitUntil(lambda: "two done" in app.transcript())
    roles = [m.role for m in app.chat.conversation.messages]
    assert roles == ["user", "assistant", "user", "assistant"]


def test_switching_models_mid_stream(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    app = open_app(qtbot, pool, settings, fake.url)
    fake.script(tokens=LONG[:300], chunk_delay=0.002)
    app.ask("one")
    qtbot.waitUntil(lambda: "word5" in app.transcript())
    app.window.model_picker.setCurrentIndex(1)  # the answer in flight finishes with its own model
    qtbot.waitUntil(lambda: not app.chat.busy, timeout=5000)
    assert app.chat.conversation.messages[-1].content == "".join(LONG[:300])
    app.ask("two")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    assert fake.requests_to("/api/chat")[1].json["model"] == "gemma3:270m"


def test_closing_the_window_mid_stream(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    app = open_app(qtbot, pool, settings, fake.url)
    fake.script(tokens=LONG, chunk_delay=0.002)
    app.ask("long")
    qtbot.waitUntil(lambda: "word10" in app.transcript())
    app.window.close()
    assert fake.requests_to("/api/chat")[-1].client_hung_up.wait(1)
    assert pool.shutdown(timeout_ms=1000)  # every worker thread gone within a second
    assert app.chat.conversation.messages[-1].content.startswith(" word0")
    names = [thread.name for thread in threading.enumerate()]
    assert QThreadPool.globalInstance().activeThreadCount() == 0, names
