"""A server that floods the chat with tokens, sends one enormous word, or stalls after a few words:
the window keeps answering, what arrived is what is on screen, and the answer is kept whole.

Issue 16, items 3, 4 and 11. Speed is measured by `python -m tests.perf.flood`; here only the
stall meter's limit (MAX_STALL_MS) applies.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QGuiApplication, QTextCursor

from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat import fold as chat_fold
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


# The floods below come from the fake in this same interpreter, as fast as it can send: its thread
# and the app's reader take the GIL from the window in turns a single process cannot avoid. Alone
# they measure 22-97 ms here; in a full run one measured 182 ms once. What counts is
# `python -m tests.perf.flood` (the stream outside the GIL's contention: worst 11-44 ms); these tests
# guard against the freezes of seconds (90 s for one enormous word) they were written for.
FLOOD_LIMIT_MS = 250.0


def answer_and_wait(qtbot, app: App, timeout: int) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(app.chat.reply_finished, timeout=timeout):
        app.ask(QUESTION)
    qtbot.waitUntil(lambda: not app.window.chat_view.rendering_pending, timeout=timeout)


def test_a_flood_of_tiny_tokens(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """50,000 tokens of one or two characters, as fast as the fake can send them: one paragraph with
    line breaks but no blank line, the block that used to be written again whole on every frame."""
    stall.limit_ms = FLOOD_LIMIT_MS
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
    stall.limit_ms = FLOOD_LIMIT_MS
    app = open_app(qtbot, pool, settings, fake.url)
    word = "x" * 1_000_000
    fake.script(tokens=["Start ", word, " end."])
    answer_and_wait(qtbot, app, timeout=60_000)
    assert app.chat.conversation.messages[-1].content == f"Start {word} end."
    # Shown wrapped; past the fold limit (item 4: a megabyte is past it), its beginning folded away.
    fold_line, _, rest = answer_shown(app).partition("\n")
    assert fold_line.startswith("The beginning of this long answer")
    shown = "".join(rest.split())
    assert len(shown) > chat_fold.FOLD_WEIGHT // 2
    assert f"Start{word}end.".endswith(shown)
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


def test_a_flood_past_the_fold_limit_folds_the_display_and_keeps_the_text_whole(
    qtbot,
    pool: WorkerPool,
    history_pool: WorkerPool,
    settings: Settings,
    fake: FakeOllama,
    stall: StallMeter,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:  # type: ignore[no-untyped-def]
    """Item 4's memory: past the fold limit (a small one here; FOLD_WEIGHT in the app) the oldest
    blocks leave the document and one line says so; the conversation, Copy and the saved history
    keep all of it, as one string (not one copy each)."""
    stall.limit_ms = FLOOD_LIMIT_MS
    monkeypatch.setattr(chat_fold, "FOLD_WEIGHT", 20_000)
    app = open_app(qtbot, pool, settings, fake.url)
    history = HistoryController(app.chat, HistoryStore(tmp_path / "history.sqlite3"), history_pool)
    with qtbot.waitSignal(history.conversations_listed):
        history.start()
    tokens = ["a", " b", "c", " d", "e", "\n", "f", " g", "\n\n"]
    repeat = 40_000 // len(tokens)
    fake.script(tokens=tokens, repeat=repeat, chunk_delay=0)
    answer_and_wait(qtbot, app, timeout=60_000)
    sent = "".join(tokens) * repeat
    content = app.chat.conversation.messages[-1].content
    assert content == sent
    shown = answer_shown(app)
    fold_line, _, rest = shown.partition("\n")
    assert fold_line.startswith("The beginning of this long answer")
    assert len(rest) < 20_000  # most of it is not in the document
    assert rest.split() == sent.split()[-len(rest.split()) :]  # the end, as it came
    view = app.window.chat_view
    number = max(view._messages)
    view.anchorClicked.emit(QUrl(f"ollama-desktop:copy-message/{number}"))
    assert QGuiApplication.clipboard().text() == sent.strip()
    qtbot.waitUntil(lambda: history.pending_jobs == 0, timeout=10_000)
    with sqlite3.connect(tmp_path / "history.sqlite3") as conn:
        saved = conn.execute("SELECT content FROM messages WHERE role = 'assistant'").fetchall()
    assert saved == [(sent,)]
    # One string for the conversation, the history and Copy.
    assert view._messages[number].source is content
    assert history.recorder.path[-1].content is content
    app.chat.shutdown()
    assert history.shutdown()


def test_an_answer_below_the_fold_limit_is_shown_whole(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stall: StallMeter
) -> None:  # type: ignore[no-untyped-def]
    """The app's own limit leaves a long answer (here ~200,000 characters in paragraphs) whole."""
    stall.limit_ms = FLOOD_LIMIT_MS
    app = open_app(qtbot, pool, settings, fake.url)
    tokens = ["Some", " words", " of", " a", " long", " answer.", "\n\n"]
    repeat = 200_000 // len("".join(tokens))
    fake.script(tokens=tokens, repeat=repeat, chunk_delay=0)
    answer_and_wait(qtbot, app, timeout=60_000)
    sent = "".join(tokens) * repeat
    assert answer_shown(app).split() == sent.split()
