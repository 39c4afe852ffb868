"""Offline (issue 18, item 6): the real cause is said, what cannot work is disabled, and a server that
dies is noticed at the first failed call, not at the next scheduled check."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, State
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.settings import Settings
from ollama_desktop.ui.servers.dialog import ServerDialog
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeOllama

# No scheduled check comes within a test: what the test sees comes from the failed call itself.
NEVER_MS = 600_000


def make_window(qtbot, pool: WorkerPool, settings: Settings, url: str, *, retry_ms: int = 50) -> MainWindow:  # type: ignore[no-untyped-def]
    settings.set_host_override(url)
    connection = ConnectionController(
        pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=retry_ms, recheck_ms=NEVER_MS
    )
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=NEVER_MS)
    window = MainWindow(settings, connection, ChatController(pool, lambda: connection.client), residency)
    qtbot.addWidget(window)
    window.show()
    connection.start()
    return window


@pytest.fixture
def offline(qtbot, pool: WorkerPool, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, pool, settings, "http://127.0.0.1:1")
    qtbot.waitUntil(lambda: window._connection.status.state is State.UNREACHABLE)
    yield window
    window._connection.stop()


def test_enter_offline_says_the_server_is_down_and_keeps_the_question(qtbot, offline: MainWindow) -> None:  # type: ignore[no-untyped-def]
    offline.prompt.setPlainText("Why is the sky blue?")
    qtbot.keyClick(offline.prompt, Qt.Key.Key_Return)
    notice = offline.notice_text()
    assert "Ollama is not running on this computer." in notice
    assert "Your question stays here" in notice
    assert "Choose a model" not in notice
    assert offline.prompt.toPlainText() == "Why is the sky blue?"


def test_what_cannot_work_offline_is_disabled_with_the_reason(offline: MainWindow) -> None:
    actions = offline.window_actions
    assert not offline.send_button.isEnabled()
    for action in (actions.free_memory_action, actions.benchmark_action, actions.warm_up_action):
        assert not action.isEnabled()
        assert action.toolTip() == "Ollama is not running on this computer."
    assert offline.model_picker.placeholderText() == "Not connected"


def test_everything_comes_back_when_the_server_answers(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, pool, settings, fake.url)
    qtbot.waitUntil(window.send_button.isEnabled)
    actions = window.window_actions
    assert actions.free_memory_action.isEnabled()
    assert actions.warm_up_action.isEnabled()
    assert actions.free_memory_action.toolTip().startswith("Unload every model")
    window._connection.stop()


def test_no_models_installed_says_so(qtbot, pool: WorkerPool, settings: Settings) -> None:  # type: ignore[no-untyped-def]
    empty = FakeOllama([]).start()
    try:
        window = make_window(qtbot, pool, settings, empty.url)
        qtbot.waitUntil(lambda: window._connection.models_known)
        assert window.model_picker.placeholderText() == "No models installed"
        window.prompt.setPlainText("hi")
        qtbot.keyClick(window.prompt, Qt.Key.Key_Return)
        assert "No model is installed yet" in window.notice_text()
        assert window.prompt.toPlainText() == "hi"
        window._connection.stop()
    finally:
        empty.stop()


def test_a_dead_server_is_noticed_at_the_first_failed_call(
    qtbot, pool: WorkerPool, settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    server = FakeOllama(sample_models()).start()
    try:
        window = make_window(qtbot, pool, settings, server.url, retry_ms=NEVER_MS)
        qtbot.waitUntil(window.send_button.isEnabled)
        # A poll still in flight when the server stops may succeed, and refresh_now() would wait for it.
        qtbot.waitUntil(lambda: window._residency.known and not window._residency.poll_pending)
    finally:
        server.stop()
    # The next scheduled check is ten minutes away: only the failed /api/ps can tell.
    window._residency.refresh_now()
    qtbot.waitUntil(lambda: window._connection.status.state is State.UNREACHABLE, timeout=2000)
    assert "not reachable" in window.connection_label.text()
    assert not window.send_button.isEnabled()
    window._connection.stop()


def test_a_server_that_never_answers_is_not_called_a_slow_model(
    qtbot, pool: WorkerPool, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    fake.hang_routes.add("/api/version")
    connection = ConnectionController(pool, fake.url, timeouts=TEST_TIMEOUTS)
    dialog = ServerDialog("", "http://127.0.0.1:11434", connection.probe)
    qtbot.addWidget(dialog)
    dialog.host_edit.setText(fake.url)
    dialog.check()
    qtbot.waitUntil(lambda: "Checking" not in dialog.result_label.text(), timeout=8000)
    assert "accepts connections but does not answer" in dialog.result_label.text(), dialog.result_label.text()
    assert "model" not in dialog.result_label.text()
