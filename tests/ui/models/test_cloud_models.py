"""Cloud models in the window (issue #19 item 5): the mark in the picker and the Models window, the
verdict instead of a memory one, never freed, the sign-in message with its link, cloud turned off;
and the Models window's capabilities from /api/tags on a 0.30 server (item 6)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.errors import CloudSignInRequired
from ollama_desktop.settings import Settings
from ollama_desktop.ui.messages import explain_error, sign_in_link
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeModel, FakeOllama

CLOUD = FakeModel(
    "gpt-oss:120b-cloud",
    384,
    family="gptoss",
    capabilities=("completion", "thinking"),
    think_levels_only=True,
    remote_host="https://ollama.com:443",
)


@pytest.fixture
def cloud_fake() -> Iterator[FakeOllama]:
    server = FakeOllama([*sample_models(), CLOUD], version="0.30.0").start()
    try:
        yield server
    finally:
        server.stop()


def _window(qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama) -> MainWindow:  # type: ignore[no-untyped-def]
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    models = ModelsController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, chat, residency, models=models)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    return window


@pytest.fixture
def window(qtbot, pool: WorkerPool, settings: Settings, cloud_fake: FakeOllama) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    main = _window(qtbot, pool, settings, cloud_fake)
    yield main
    main._connection.stop()
    main.close()


def _pick(window: MainWindow, name: str) -> None:
    picker = window.model_picker
    picker.setCurrentIndex(picker.list_model.row_of(name))
    assert window._chat.model == name


def test_the_picker_marks_a_cloud_model(window: MainWindow) -> None:
    labels = window.model_picker.list_model.labels()
    cloud = next(label for label in labels if label.startswith(CLOUD.name))
    assert "☁ cloud" in cloud
    assert "384" not in cloud
    assert " B" not in cloud
    assert not any("cloud" in label for label in labels if not label.startswith(CLOUD.name))


def test_the_verdict_of_a_cloud_model_is_no_memory_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _pick(window, CLOUD.name)
    label = window.memory_pane.verdict_label
    assert label.text() == "Runs on ollama.com, uses no memory on this computer."
    _pick(window, "llama3.1:8b")
    qtbot.waitUntil(lambda: label.text().startswith("Not in memory"))


def test_sign_in_message_and_link(qtbot, window: MainWindow, cloud_fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    _pick(window, CLOUD.name)
    window.prompt.setPlainText("hi")
    window.send_button.click()
    qtbot.waitUntil(lambda: "ollama signin" in window.chat_view.toPlainText())
    transcript = window.chat_view.toPlainText()
    assert "https://ollama.com/connect?" in transcript  # the address, as text, in the details
    label = window.memory_pane.verdict_label
    assert label.textFormat() == Qt.TextFormat.RichText
    assert 'href="https://ollama.com/connect?name=fake&amp;key=' in label.text()
    assert label.openExternalLinks()
    # Signed in, the next answer comes and the verdict is the cloud one again.
    cloud_fake.cloud_signed_in = True
    window.prompt.setPlainText("hi")
    window.send_button.click()
    qtbot.waitUntil(lambda: label.text() == "Runs on ollama.com, uses no memory on this computer.")
    assert label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize(
    "url",
    [
        "http://ollama.com/connect",
        "https://ollama.com.evil.example/connect",
        "https://user@ollama.com/connect",
        "https://ollama.com:8443/connect",
        'https://ollama.com/"><img src=x>',
        "",
    ],
)
def test_a_sign_in_address_elsewhere_is_no_link(url: str) -> None:
    error = CloudSignInRequired(401, "unauthorized", url)
    assert sign_in_link(error) == ""
    text = explain_error(error, "http://127.0.0.1:11434", CLOUD.name)
    assert "ollama signin" in text.message
    assert url in text.details  # shown as text, for the user to judge


def test_cloud_turned_off_is_said_from_status(
    qtbot, pool: WorkerPool, settings: Settings, cloud_fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    cloud_fake.cloud_disabled = True
    window = _window(qtbot, pool, settings, cloud_fake)
    qtbot.waitUntil(lambda: window._connection.cloud_disabled)
    _pick(window, CLOUD.name)
    assert "turned off on this server" in window.memory_pane.verdict_label.text()
    window.prompt.setPlainText("hi")
    window.send_button.click()
    qtbot.waitUntil(lambda: "cloud models are turned off" in window.chat_view.toPlainText())
    window._connection.stop()
    window.close()


def test_free_memory_never_unloads_a_cloud_model(qtbot, window: MainWindow, cloud_fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    cloud_fake.cloud_signed_in = True
    _pick(window, CLOUD.name)
    window.prompt.setPlainText("hi")
    window.send_button.click()
    qtbot.waitUntil(lambda: not window._chat.busy and window._chat.answer_text != "")
    cloud_fake.load("llama3.1:8b")
    residency = window._residency
    with qtbot.waitSignal(residency.unload_finished, timeout=5000):
        window.window_actions.free_memory_action.trigger()
    sent = [*cloud_fake.requests_to("/api/generate"), *cloud_fake.requests_to("/api/chat")]
    unloads = [
        r.json.get("model") for r in sent if isinstance(r.json, dict) and r.json.get("keep_alive") == 0
    ]
    assert unloads == ["llama3.1:8b"]
    # Warming a cloud model up loads nothing here.
    assert not residency.warm_up(CLOUD.name)


def test_models_window_marks_cloud_and_needs_no_show_for_capabilities(
    qtbot, window: MainWindow, cloud_fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.models_action.trigger()
    dialog = window.models_pane._models_dialog
    assert dialog is not None
    cells = dialog.table_model
    rows = {cells.text(row, 0): row for row in range(cells.rowCount())}
    assert "llama3.1:8b" in rows
    cloud_row = rows[f"{CLOUD.name} · ☁ cloud"]
    assert cells.text(cloud_row, 3) == "on ollama.com"
    assert "no memory" in cells.tooltip(cloud_row, 0)
    assert cells.text(rows["llama3.1:8b"], 6) == "chat"  # from /api/tags at once
    assert cells.text(cloud_row, 6) == "chat, thinking"
    dialog._want_in_view()  # what its timer does: the rows in view want nothing from /api/show
    assert dialog._loader.pending == 0
    assert cloud_fake.requests_to("/api/show") == []
    # The selected model's details (template, licence) still come from /api/show: that one only.
    dialog.table.selectRow(rows["llama3.1:8b"])
    qtbot.waitUntil(lambda: "Longest context:" in dialog.details.toPlainText())
    assert [r.json["model"] for r in cloud_fake.requests_to("/api/show")] == ["llama3.1:8b"]
    dialog.close()
