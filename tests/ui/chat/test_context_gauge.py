"""The context gauge, the alarm and the warning before Send, in the window, against the fake over HTTP."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QUrl

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.context import ContextController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.context_gauge import AMBER, ENLARGE, GREY, RED, SUMMARIZE
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama

QUESTION = " ".join(["abc"] * 100)  # 100 tokens, to the fake and to the estimate
ANSWER = [" xyz"] * 100


@pytest.fixture
def window(qtbot, pool: WorkerPool, fake: FakeOllama, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    context = ContextController(chat, residency, pool, lambda: connection.client)
    main = MainWindow(settings, connection, chat, residency, context=context)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    yield main
    main.close()


def chat_of(window: MainWindow) -> ChatController:
    return window._chat  # the test sets the chat's options as the dialog would


def send(qtbot, window: MainWindow, fake: FakeOllama, text: str = QUESTION, *, presses: int = 1) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=ANSWER)
    window.prompt.setPlainText(text)
    with qtbot.waitSignal(chat_of(window).reply_finished):
        for _ in range(presses):
            qtbot.keyClick(window.prompt, Qt.Key.Key_Return)


def test_at_4096_the_gauge_counts_and_no_alarm(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    assert window.context_pane is not None
    gauge = window.context_pane.gauge
    for _ in range(5):
        send(qtbot, window, fake)
    qtbot.waitUntil(lambda: gauge.label.text() == "1,010 / 4,096 tokens")
    assert gauge.level == GREY
    assert "no longer sees" not in window.chat_view.toPlainText()
    window.prompt.setPlainText(QUESTION)  # typed: estimated before it is sent, once typing pauses
    qtbot.waitUntil(lambda: gauge.label.text() == "1,110 / 4,096 tokens")
    assert "What you typed adds about 100." in gauge.toolTip()
    window.prompt.setPlainText(" ".join(["abc"] * 2400))
    qtbot.waitUntil(lambda: gauge.level == AMBER)  # 3,410: past 80 %
    window.prompt.setPlainText(" ".join(["abc"] * 3100))
    qtbot.waitUntil(lambda: gauge.level == RED)  # 4,110: the start of the chat would be dropped


def test_at_512_warns_before_send_then_alarms(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    assert window.context_pane is not None
    gauge = window.context_pane.gauge
    chat = chat_of(window)
    chat.set_options(ChatOptions(num_ctx=512))
    for _ in range(3):
        send(qtbot, window, fake)  # 510 prompt tokens: all of it fits
    assert gauge.label.text() == "610 / 512 tokens"
    assert "no longer sees" not in window.chat_view.toPlainText()

    # The fourth would not fit: the first Send only warns, the second sends.
    window.prompt.setPlainText(QUESTION)
    qtbot.waitUntil(lambda: gauge.level == RED)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    assert window.notice_text().startswith("This question may not fit: the model would forget the start")
    assert len(fake.requests_to("/api/chat")) == 3
    send(qtbot, window, fake)
    view = window.chat_view
    qtbot.waitUntil(lambda: "no longer sees" in view.toPlainText())
    alarm = "The model no longer sees your first 2 messages: this chat is longer than its 512-token memory."
    assert alarm in view.toPlainText()

    send(qtbot, window, fake)  # already forgetting: no second warning
    qtbot.waitUntil(lambda: "your first 4 messages" in view.toPlainText())
    text = view.toPlainText()
    assert "Give this chat a larger memory (2,048 tokens)" in text
    assert "Start a new chat from a summary" in text
    assert text.count("The model's memory begins here") == 1
    # The mark is under the third message (the first the model still sees): five after it.
    assert text.index("memory begins here") < text.index("your first 4 messages")

    fake.script(tokens=ANSWER)
    with qtbot.waitSignal(chat.reply_finished):
        view.anchorClicked.emit(QUrl(f"ollama-desktop:notice/{ENLARGE}"))
    assert fake.requests_to("/api/chat")[-1].json["options"]["num_ctx"] == 2048
    assert len(fake.seen_messages[-1]) == 9
    qtbot.waitUntil(lambda: window.notice_text().startswith("This chat now has a memory of 2,048 tokens."))
    assert "The model now takes 6.4 GB of memory (6.4 GB before)." in window.notice_text()
    qtbot.waitUntil(lambda: gauge.label.text() == "1,010 / 2,048 tokens")
    assert "memory begins here" not in view.toPlainText()


def test_a_new_chat_from_a_summary(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    chat = chat_of(window)
    chat.set_options(ChatOptions(num_ctx=512))
    for _ in range(4):
        send(qtbot, window, fake, presses=2)
    qtbot.waitUntil(lambda: "no longer sees" in window.chat_view.toPlainText())
    fake.script(tokens=["We", " talked", " about", " abc", "."])
    with qtbot.waitSignal(chat.chat_cleared):
        window.chat_view.anchorClicked.emit(QUrl(f"ollama-desktop:notice/{SUMMARIZE}"))
    qtbot.waitUntil(lambda: "from the model's summary" in window.chat_view.toPlainText())
    assert chat.conversation.options.system_prompt.endswith("We talked about abc.")
    send(qtbot, window, fake)
    assert fake.requests_to("/api/chat")[-1].json["messages"][0]["role"] == "system"


def test_the_gauge_hides_without_a_model(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.context_pane is not None
    gauge = window.context_pane.gauge
    assert gauge.isVisible()
    assert gauge.label.text() == "0 / 4,096 tokens"
    chat_of(window).set_model("")
    window.context_pane._context.refresh()  # as a change of model does
    assert not gauge.isVisible()
