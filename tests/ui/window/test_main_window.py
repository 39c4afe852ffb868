"""The main window driven like a user: type, Enter, read, Stop, new chat, switch model."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, State
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.chat.conversation import ChatOptions
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.options_dialog import ChatOptionsDialog
from ollama_desktop.ui.servers.dialog import ServerDialog
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeOllama


def type_and_enter(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.prompt, text)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return)


def test_models_and_status_are_shown(window: MainWindow, fake: FakeOllama) -> None:
    picker = window.model_picker
    assert [picker.itemText(i) for i in range(picker.count())] == [
        "llama3.1:8b · 8.0B · Q4_K_M · 4.9 GB",
        "gemma3:270m · 268.10M · Q4_K_M · 253 MB",
    ]
    assert "0.24.0" in window.connection_label.text()
    assert fake.url in window.connection_label.text()


def test_type_enter_and_the_answer_streams_in(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["The", " sky", " is", " blue", "."])
    type_and_enter(qtbot, window, "Why is the sky blue?")
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text())
    transcript = window.chat_view.toPlainText()
    assert "Why is the sky blue?" in transcript
    assert "The sky is blue." in transcript
    assert window.prompt.toPlainText() == ""
    assert window.send_button.isEnabled()
    assert not window.stop_button.isEnabled()
    # The fake reports 40 tokens/s for this model: the status bar shows the server's own figure.
    assert "40.0 tokens/s" in window.reply_label.text()


def test_shift_enter_makes_a_new_line(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(window.prompt, "line one")
    qtbot.keyClick(window.prompt, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(window.prompt, "line two")
    assert window.prompt.toPlainText() == "line one\nline two"
    assert fake.requests_to("/api/chat") == []


def test_escape_stops_and_keeps_the_text(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=[f" word{i}" for i in range(2000)], chunk_delay=0.005)
    type_and_enter(qtbot, window, "Tell me everything")
    qtbot.waitUntil(lambda: "word10" in window.chat_view.toPlainText())
    assert window.stop_button.isEnabled()
    qtbot.keyClick(window.prompt, Qt.Key.Key_Escape)
    assert window.send_button.isEnabled()
    assert "Stopped" in window.chat_view.toPlainText()
    assert fake.requests_to("/api/chat")[-1].client_hung_up.wait(5)


def test_stop_button_before_first_token_puts_the_question_back(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["late"], first_byte_delay=30)
    type_and_enter(qtbot, window, "Are you there?")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    assert "Waiting for llama3.1:8b" in window.reply_label.text()
    qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert window.prompt.toPlainText() == "Are you there?"
    # One outcome: the question left the chat (no empty "Stopped." turn) and is back in the box.
    assert window.chat_view.toPlainText().strip("\u200b\n") == ""
    assert window.chat_view.message_count() == 0
    assert "back in the box" in window.reply_label.text()
    # Typing now replaces the question instead of gluing onto it; Ctrl+Z brings it back.
    fake.script(tokens=["A", " poem"])
    type_and_enter(qtbot, window, "Write a poem")
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text())
    assert fake.requests_to("/api/chat")[-1].json["messages"] == [{"role": "user", "content": "Write a poem"}]
    assert window.chat_view.message_count() == 2


def test_stop_before_first_token_keeps_the_earlier_chat(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["Fine", "."])
    type_and_enter(qtbot, window, "How are you?")
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text())
    before = window.chat_view.toPlainText()
    fake.script(tokens=["late"], first_byte_delay=30)
    type_and_enter(qtbot, window, "And now?")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Escape)
    assert window.chat_view.toPlainText() == before
    assert window.chat_view.message_count() == 2
    qtbot.keyClick(window.prompt, Qt.Key.Key_End)
    qtbot.keyClicks(window.prompt, " Really")
    assert window.prompt.toPlainText() == "And now? Really"


def test_stopping_a_regenerate_before_its_first_word_keeps_the_old_answer(
    qtbot, window: MainWindow, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["First", " answer"])
    type_and_enter(qtbot, window, "Tell me")
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text())
    fake.script(tokens=["late"], first_byte_delay=30)
    window.history_pane.regenerate_action.trigger()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    qtbot.keyClick(window.prompt, Qt.Key.Key_Escape)
    assert window.reply_label.text() == "Stopped."  # nothing went back to the prompt box
    assert window.prompt.toPlainText() == ""
    assert "First answer" in window.chat_view.toPlainText()


def test_new_chat_starts_over(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    type_and_enter(qtbot, window, "first question")
    qtbot.waitUntil(lambda: window.send_button.isEnabled() and "tokens/s" in window.reply_label.text())
    window.window_actions.new_chat_action.trigger()
    assert window.chat_view.toPlainText() == ""
    type_and_enter(qtbot, window, "second question")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 2)
    assert fake.requests_to("/api/chat")[-1].json["messages"] == [
        {"role": "user", "content": "second question"}
    ]


def test_model_switch_is_used_for_the_next_question(
    qtbot, window: MainWindow, fake: FakeOllama, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    window.model_picker.setCurrentIndex(1)
    assert settings.last_model == "gemma3:270m"
    type_and_enter(qtbot, window, "hi")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    assert fake.requests_to("/api/chat")[0].json["model"] == "gemma3:270m"


def test_error_is_shown_in_plain_words(qtbot, window: MainWindow, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(status=500, body=b'{"error":"model requires more system memory (9 GiB) than is available"}')
    type_and_enter(qtbot, window, "hello")
    qtbot.waitUntil(lambda: "does not fit in this computer's memory" in window.chat_view.toPlainText())
    assert window.prompt.toPlainText() == "hello"
    assert "hello" not in window.chat_view.toPlainText()  # in the box, not in the chat as if asked


def test_chat_settings_dialog_sets_options(qtbot, window: MainWindow, fake: FakeOllama, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(
        ChatOptionsDialog,
        "ask",
        classmethod(lambda cls, options, parent=None, **kw: ChatOptions("Be brief.", seed=42)),
    )
    window.window_actions.options_action.trigger()
    type_and_enter(qtbot, window, "hi")
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    body = fake.requests_to("/api/chat")[0].json
    assert body["messages"][0] == {"role": "system", "content": "Be brief."}
    assert body["options"] == {"seed": 42}


def test_chat_options_dialog_round_trip(qtbot) -> None:  # type: ignore[no-untyped-def]
    options = ChatOptions("sys", temperature=0.7, num_predict=128, num_ctx=None, seed=None)
    dialog = ChatOptionsDialog(options)
    qtbot.addWidget(dialog)
    assert dialog.options() == options
    dialog.seed.setValue(5)
    assert dialog.options().seed == 5
    dialog.temperature.setValue(dialog.temperature.minimum())
    assert dialog.options().temperature is None


def test_server_dialog_switches_host(qtbot, window: MainWindow, settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    other = FakeOllama(sample_models()[1:], version="0.30.0").start()
    try:
        monkeypatch.setattr(ServerDialog, "ask", classmethod(lambda cls, *args, **kw: ("Other", other.url)))
        window.window_actions.server_action.trigger()
        qtbot.waitUntil(lambda: "0.30.0" in window.connection_label.text())
        qtbot.waitUntil(lambda: window.model_picker.count() == 1)
        assert settings.host() == other.url
    finally:
        other.stop()


def test_server_dialog_check_shows_version_or_problem(qtbot, pool: WorkerPool, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    connection = ConnectionController(pool, fake.url, timeouts=TEST_TIMEOUTS)
    dialog = ServerDialog("", "http://127.0.0.1:11434", connection.probe)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText(fake.url)
    dialog.check()
    qtbot.waitUntil(lambda: "Ollama 0.24.0" in dialog.result_label.text())
    dialog.host_edit.setText("http://127.0.0.1:1")
    dialog.check()
    qtbot.waitUntil(lambda: "Cannot reach Ollama" in dialog.result_label.text())
    dialog.host_edit.setText("ftp://nope")
    dialog.check()
    assert "not a server address" in dialog.result_label.text()


def test_window_opens_at_once_with_the_server_down(qtbot, pool: WorkerPool, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    settings.set_host_override("http://127.0.0.1:1")
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    residency = ResidencyController(pool, lambda: connection.client)
    main = MainWindow(settings, connection, ChatController(pool, lambda: connection.client), residency)
    qtbot.addWidget(main)
    main.show()
    connection.start()
    qtbot.waitUntil(lambda: connection.status.state is State.UNREACHABLE)
    assert "not reachable" in main.connection_label.text()
    assert main.model_picker.count() == 0
    connection.stop()


def test_closing_the_window_for_good_is_known(window: MainWindow) -> None:
    # app.main checks this after the first frame: a quit before Qt's main loop runs is ignored.
    assert not window.closed
    window.close()
    assert window.closed
