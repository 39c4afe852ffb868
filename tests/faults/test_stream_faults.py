"""A server that floods the chat with tokens, sends one enormous word, or stalls after a few words:
the window keeps answering, what arrived is what is on screen, and the answer is kept whole.

Issue 16, items 3, 4 and 11. Speed is measured by `python -m tests.perf.flood`; here only the
stall meter's limit (MAX_STALL_MS) applies.
"""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QTextCursor

from ollama_desktop.settings import Settings
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeOllama
from tests.faults import conftest
from tests.faults.conftest import App, StallMeter, open_app

QUESTION = "Tell me about llamas"


def answer_shown(app: App) -> str:
    """The last answer's text as it is on screen (between its title and its footer)."""
    view = app.window.chat_view
    first, last = view.message_range(view.message_count() - 1)
    document = view.document()
    cursor = QTextCursor(document)
    cursor.setPosition(document.findBlock(first).next().position())
    footer = document.findBlock(last)  # the answer ends before its footer
    cursor.setPosition(footer.position() - 1, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selection().toPlainText()


def answer_and_wait(qtbot, app: App, timeout: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(app.chat.reply_finished, timeout=timeout):
        app.ask(QUESTION)
    qtbot.waitUntil(lambda: not app.window.chat_view.rendering_pending, timeout=timeout)


def test_a_flood_of_tiny_tokens(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """50,000 tokens of one or two characters, as fast as the fake can send them: one paragraph with
    line breaks but no blank line, the block that used to be written again whole on every frame."""
    app = open_app(qtbot, pool, settings, fake.url)
    tokens = ["a", " b", "c", " d", "e", "\n"]
    fake.script(tokens=tokens, repeat=50_000 // len(tokens), chunk_delay=0)
    answer_and_wait(qtbot, app, timeout=60_000)
    sent = "".join(tokens) * (50_000 // len(tokens))
    assert app.chat.conversation.messages[-1].content == sent  # kept whole, as it came
    assert answer_shown(app).split() == sent.split()
    assert app.window.send_button.isEnabled()


def test_one_enormous_word(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """A megabyte with no space or line break (it froze the window for 90 s in Qt's text layout)."""
    app = open_app(qtbot, pool, settings, fake.url)
    word = "x" * 1_000_000
    fake.script(tokens=["Start ", word, " end."])
    answer_and_wait(qtbot, app, timeout=60_000)
    assert app.chat.conversation.messages[-1].content == f"Start {word} end."
    assert "".join(answer_shown(app).split()) == f"Start{word}end."  # shown whole, wrapped
    app.window.prompt.clear()
    fake.script(tokens=["Fine", " now", "."])
    answer_and_wait(qtbot, app, timeout=10_000)
    assert answer_shown(app) == "Fine now."


def test_a_stall_shows_every_word_that_came_and_their_count(
    qtbot,
    pool: WorkerPool,
    settings: Settings,
    fake: FakeOllama,
    stall: StallMeter,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # type: ignore[no-untyped-def]
    """Three words, each with its space, then nothing: on screen until the stream ends, the words
    as they came (the first one's space was dropped) and "3 tokens" (it said "1 token")."""
    # The stall must outlast the assertions: no read timeout during the test.
    monkeypatch.setattr(
        conftest, "FAULT_TIMEOUTS", dataclasses.replace(conftest.FAULT_TIMEOUTS, chat_read=30.0)
    )
    app = open_app(qtbot, pool, settings, fake.url)
    tokens = ["PINEAPPLE0 ", "PINEAPPLE1 ", "PINEAPPLE2 "]
    fake.script(tokens=tokens, stall_after=3, chunk_delay=0.05)
    app.ask(QUESTION)
    qtbot.waitUntil(lambda: "3 tokens" in app.window.reply_label.text(), timeout=5000)
    assert answer_shown(app) == "".join(tokens)
    assert app.chat.busy  # still streaming: this is what the user sees while it stalls
    app.window.stop_button.click()
    assert app.chat.conversation.messages[-1].content == "".join(tokens)
