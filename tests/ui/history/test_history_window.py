"""The saved chats in the window, used like a person would: the list, search, rename, delete and
undo, reopening, regenerate and versions, edit a question, export and import, a failing disk."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.edit_question_dialog import EditQuestionDialog
from ollama_desktop.ui.history.pane import HistoryPane
from ollama_desktop.ui.history.sidebar import HistorySidebar
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama


class ReadOnlyStore(HistoryStore):
    def _configure(self, conn: sqlite3.Connection) -> None:
        conn.execute("PRAGMA query_only=1")


def open_window(
    qtbot,
    pool: WorkerPool,
    history_pool: WorkerPool,
    fake: FakeOllama,
    settings: Settings,
    store: HistoryStore,
) -> MainWindow:  # type: ignore[no-untyped-def]
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    history = HistoryController(chat, store, history_pool)
    main = MainWindow(settings, connection, chat, residency, history=history)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    with qtbot.waitSignal(history.conversations_listed):
        history.start()
    return main


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "history.sqlite3"


@pytest.fixture
def window(  # type: ignore[no-untyped-def]
    qtbot, pool: WorkerPool, history_pool: WorkerPool, fake: FakeOllama, settings: Settings, db: Path
) -> Iterator[MainWindow]:
    main = open_window(qtbot, pool, history_pool, fake, settings, HistoryStore(db))
    yield main
    main.close()


def history_of(window: MainWindow) -> HistoryController:
    assert window.history is not None
    return window.history


def ask(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.prompt, text)
    with qtbot.waitSignal(history_of(window).conversations_listed, timeout=10_000):
        qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(window.send_button.isEnabled, timeout=10_000)
    qtbot.waitUntil(lambda: history_of(window).pending_jobs == 0)


def new_chat(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.history_pane.history_sidebar.new_chat_button, Qt.MouseButton.LeftButton)


def click_row(qtbot, sidebar: HistorySidebar, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = sidebar.list.visualItemRect(sidebar.list.item(row))
    qtbot.mouseClick(sidebar.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_list_shows_chats_newest_first_and_click_reopens_one(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    sidebar = window.history_pane.history_sidebar
    assert not sidebar.list.isVisible()
    assert "Ask a question to start one" in sidebar.empty_label.text()
    fake.script(tokens=["Paris", "."])
    ask(qtbot, window, "What is the capital of France?")
    new_chat(qtbot, window)
    assert window.chat_view.toPlainText() == ""
    fake.script(tokens=["Blue", "."])
    ask(qtbot, window, "Why is the sky blue?")
    assert sidebar.titles() == ["Why is the sky blue?", "What is the capital of France?"]
    assert sidebar.list.currentRow() == 0  # the chat shown is highlighted

    with qtbot.waitSignal(history_of(window).conversation_opened):
        click_row(qtbot, sidebar, 1)
    transcript = window.chat_view.toPlainText()
    assert "What is the capital of France?" in transcript
    assert "Paris." in transcript
    assert "sky" not in transcript
    assert sidebar.list.currentRow() == 1
    # And the chat goes on from there.
    ask(qtbot, window, "And of Italy?")
    assert fake.requests_to("/api/chat")[-1].json["messages"][:2] == [
        {"role": "user", "content": "What is the capital of France?"},
        {"role": "assistant", "content": "Paris."},
    ]
    assert sidebar.titles()[0] == "What is the capital of France?"


def test_reopening_restores_the_model_and_the_chat_settings(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    window.model_picker.setCurrentIndex(1)  # gemma3:270m
    window._chat.set_options(ChatOptions("Answer like a pirate.", temperature=1.2))
    ask(qtbot, window, "Hello there")
    new_chat(qtbot, window)
    window.model_picker.setCurrentIndex(0)
    window._chat.set_options(ChatOptions())
    with qtbot.waitSignal(history_of(window).conversation_opened):
        click_row(qtbot, window.history_pane.history_sidebar, 0)
    assert window.model_picker.current_model() == "gemma3:270m"
    assert window._chat.conversation.options == ChatOptions("Answer like a pirate.", temperature=1.2)


def test_search_finds_words_inside_answers_and_clearing_shows_all(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Rayleigh scattering makes it blue."])
    ask(qtbot, window, "Why is the sky blue?")
    new_chat(qtbot, window)
    fake.script(tokens=["Boil the pasta."])
    ask(qtbot, window, "Dinner idea?")
    sidebar = window.history_pane.history_sidebar
    with qtbot.waitSignal(history_of(window).search_finished):
        qtbot.keyClicks(sidebar.search_box, "scattering")
    assert sidebar.titles() == ["Why is the sky blue?"]
    assert "scattering" in sidebar.list.item(0).data(Qt.ItemDataRole.UserRole + 1)
    with qtbot.waitSignal(history_of(window).search_finished):
        qtbot.keyClicks(sidebar.search_box, " nothing-like-this")
    assert sidebar.titles() == []
    assert "No chat contains" in sidebar.empty_label.text()
    with qtbot.waitSignal(history_of(window).search_finished):
        sidebar.search_box.clear()
    assert sidebar.titles() == ["Dinner idea?", "Why is the sky blue?"]


def test_rename_in_place(qtbot, window: MainWindow, db: Path) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, window, "a long question that makes a poor title")
    sidebar = window.history_pane.history_sidebar
    sidebar.list.setCurrentRow(0)
    sidebar.list.setFocus()
    qtbot.keyClick(sidebar.list, Qt.Key.Key_F2)
    editor = sidebar.list.findChild(QLineEdit)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, "Short title")
    with qtbot.waitSignal(history_of(window).conversations_listed):
        qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert sidebar.titles() == ["Short title"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title, title_edited FROM conversations").fetchall() == [
            ("Short title", 1)
        ]


def test_delete_with_undo_and_for_good(qtbot, window: MainWindow, db: Path) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, window, "keep me")
    new_chat(qtbot, window)
    ask(qtbot, window, "delete me")
    sidebar = window.history_pane.history_sidebar
    sidebar.list.setCurrentRow(0)
    sidebar.list.setFocus()
    with qtbot.waitSignal(history_of(window).conversations_listed):
        qtbot.keyClick(sidebar.list, Qt.Key.Key_Delete)
    assert sidebar.titles() == ["keep me"]
    assert window.chat_view.toPlainText() == ""  # it was the chat shown
    assert sidebar.undo_bar.isVisible()
    assert "delete me" in sidebar.undo_label.text()
    with qtbot.waitSignal(history_of(window).conversations_listed):
        qtbot.mouseClick(sidebar.undo_button, Qt.MouseButton.LeftButton)
    assert sidebar.titles() == ["delete me", "keep me"]
    assert not sidebar.undo_bar.isVisible()

    sidebar._undo_timer.setInterval(10)
    sidebar.list.setCurrentRow(0)
    with qtbot.waitSignal(sidebar.purge_requested):
        sidebar.delete_action.trigger()
    qtbot.waitUntil(lambda: history_of(window).pending_jobs == 0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT title FROM conversations").fetchall() == [("keep me",)]


def test_the_list_can_be_hidden_and_shown_again(qtbot, window: MainWindow, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    assert window.history_pane.history_dock.isVisible()
    window.history_pane.show_history_action.trigger()
    assert not window.history_pane.history_dock.isVisible()
    window.history_pane.show_history_action.trigger()
    assert window.history_pane.history_dock.isVisible()
    window.history_pane.show_history_action.trigger()
    window.close()
    assert settings.window_state is not None
    assert window.restoreState(settings.window_state)
    assert window.history_pane.history_dock.isHidden()


def test_regenerate_and_flip_between_versions(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["First", " answer."])
    ask(qtbot, window, "Tell me a fact")
    assert window.history_pane.regenerate_action.isEnabled()
    assert window.history_pane.version_bar.labels == []
    fake.script(tokens=["Second", " answer."])
    with qtbot.waitSignal(history_of(window).forks_changed, check_params_cb=bool):
        window.history_pane.regenerate_action.trigger()
    qtbot.waitUntil(window.send_button.isEnabled)
    assert "Second answer." in window.chat_view.toPlainText()
    assert "First answer." not in window.chat_view.toPlainText()
    assert [label.text() for label in window.history_pane.version_bar.labels] == ["Answer 1: version 2 of 2"]
    with qtbot.waitSignal(history_of(window).conversation_opened):
        window.history_pane.version_bar.version_requested.emit(history_of(window).forks[0].previous_uid)
    assert "First answer." in window.chat_view.toPlainText()
    assert [label.text() for label in window.history_pane.version_bar.labels] == ["Answer 1: version 1 of 2"]


def test_edit_a_question_replaces_what_followed(
    qtbot, window: MainWindow, fake: FakeOllama, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    for question in ("first", "second"):
        fake.script(tokens=[f"answer to {question}"])
        ask(qtbot, window, question)
    asked: list[list[str]] = []

    def answer_dialog(cls, questions: list[str], keeps_versions: bool, parent: object) -> tuple[int, str]:  # type: ignore[no-untyped-def]
        asked.append(questions)
        assert keeps_versions
        return 0, "first, but better"

    monkeypatch.setattr(EditQuestionDialog, "ask", classmethod(answer_dialog))
    fake.script(tokens=["a better answer"])
    with qtbot.waitSignal(history_of(window).forks_changed, check_params_cb=bool):
        window.history_pane.edit_question_action.trigger()
    qtbot.waitUntil(window.send_button.isEnabled)
    assert asked == [["first", "second"]]
    transcript = window.chat_view.toPlainText()
    assert "first, but better" in transcript
    assert "a better answer" in transcript
    assert "second" not in transcript
    assert [label.text() for label in window.history_pane.version_bar.labels] == [
        "Question 1: version 2 of 2"
    ]


def test_edit_dialog_starts_at_the_last_question(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = EditQuestionDialog(["one", "two"], keeps_versions=False)
    qtbot.addWidget(dialog)
    assert dialog.choice() == (1, "two")
    dialog.picker.setCurrentIndex(0)
    dialog.text.setPlainText("")
    assert not dialog.send_button.isEnabled()
    dialog.text.setPlainText("ONE")
    assert dialog.choice() == (0, "ONE")


def test_export_and_import_from_the_menu(
    qtbot, window: MainWindow, fake: FakeOllama, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["**Bold** answer."])
    ask(qtbot, window, "Format this")
    target = tmp_path / "exported"
    monkeypatch.setattr(
        HistoryPane,
        "ask_export_path",
        staticmethod(lambda parent, kind, name: target.with_suffix(".md" if kind == "markdown" else ".json")),
    )
    with qtbot.waitSignal(history_of(window).exported):
        window.history_pane.export_markdown_action.trigger()
    assert "## You\n\nFormat this\n" in target.with_suffix(".md").read_text(encoding="utf-8")
    with qtbot.waitSignal(history_of(window).exported):
        window.history_pane.export_json_action.trigger()
    assert "Saved the chat as" in window.notice_text()
    data = json.loads(target.with_suffix(".json").read_text(encoding="utf-8"))
    assert [m["content"] for m in data["messages"]] == ["Format this", "**Bold** answer."]

    new_chat(qtbot, window)
    monkeypatch.setattr(
        HistoryPane, "ask_import_path", staticmethod(lambda parent: target.with_suffix(".json"))
    )
    with qtbot.waitSignal(history_of(window).conversation_opened):
        window.history_pane.import_action.trigger()
    assert window.history_pane.history_sidebar.titles() == ["Format this", "Format this"]
    assert "Bold" in window.chat_view.toPlainText()

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    monkeypatch.setattr(HistoryPane, "ask_import_path", staticmethod(lambda parent: broken))
    with qtbot.waitSignal(history_of(window).import_failed):
        window.history_pane.import_action.trigger()
    assert "not a chat saved by Ollama Desktop" in window.notice_text()


def test_a_question_that_got_no_answer_comes_back_when_the_chat_is_reopened(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    ask(qtbot, window, "first")
    fake.script(tokens=["late"], first_byte_delay=30)
    qtbot.keyClicks(window.prompt, "never answered")
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert window.prompt.toPlainText() == "never answered"
    window.prompt.clear()
    new_chat(qtbot, window)
    with qtbot.waitSignal(history_of(window).conversation_opened):
        click_row(qtbot, window.history_pane.history_sidebar, 0)
    assert window.prompt.toPlainText() == "never answered"


def test_a_read_only_history_says_so_and_the_chat_goes_on(
    qtbot, pool: WorkerPool, history_pool: WorkerPool, fake: FakeOllama, settings: Settings, db: Path
) -> None:  # type: ignore[no-untyped-def]
    HistoryStore(db).open()
    window = open_window(qtbot, pool, history_pool, fake, settings, ReadOnlyStore(db))
    try:
        qtbot.waitUntil(window.history_pane.storage_banner.isVisible)
        assert "can only be read" in window.history_pane.storage_banner.label.text()
        fake.script(tokens=["Still", " here."])
        qtbot.keyClicks(window.prompt, "Are you there?")
        qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: "Still here." in window.chat_view.toPlainText())
    finally:
        window.close()


def test_a_locked_history_says_so_and_try_again_saves_the_chat(
    qtbot, window: MainWindow, fake: FakeOllama, db: Path
) -> None:  # type: ignore[no-untyped-def]
    history = history_of(window)
    history.jobs.store._busy_timeout_s = 0.1
    ask(qtbot, window, "before")
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        fake.script(tokens=["during"])
        qtbot.keyClicks(window.prompt, "while locked")
        qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
        qtbot.waitUntil(window.history_pane.storage_banner.isVisible, timeout=5000)
        assert "in use by another program" in window.history_pane.storage_banner.label.text()
        qtbot.waitUntil(lambda: "during" in window.chat_view.toPlainText())
    finally:
        other.execute("ROLLBACK")
        other.close()
    qtbot.waitUntil(window.send_button.isEnabled)
    with qtbot.waitSignal(history.storage_recovered):
        qtbot.mouseClick(window.history_pane.storage_banner.retry_button, Qt.MouseButton.LeftButton)
    assert not window.history_pane.storage_banner.isVisible()
    qtbot.waitUntil(lambda: history.pending_jobs == 0)
    with sqlite3.connect(db) as conn:
        saved = [row[0] for row in conn.execute("SELECT content FROM messages ORDER BY seq")]
    assert saved[-2:] == ["while locked", "during"]


def test_a_window_without_history_still_regenerates(
    qtbot, pool: WorkerPool, fake: FakeOllama, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    window = MainWindow(settings, connection, chat, residency)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    try:
        fake.script(tokens=["one"])
        qtbot.keyClicks(window.prompt, "q")
        qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
        qtbot.waitUntil(window.history_pane.regenerate_action.isEnabled)
        fake.script(tokens=["two"])
        window.history_pane.regenerate_action.trigger()
        qtbot.waitUntil(window.history_pane.regenerate_action.isEnabled)
        assert [m.content for m in chat.conversation.messages] == ["q", "two"]
        assert "one" not in window.chat_view.toPlainText().split()
    finally:
        window.close()
