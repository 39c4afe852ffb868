"""The memory indicator, one-click free, the unload dialog, the tray, keep-alive, warm-up, diagnosis."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.core.errors import ModelNotFound, OutOfMemory
from ollama_desktop.core.memory.keep_alive import KeepAlive
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.resources import app_icon
from ollama_desktop.settings import Settings
from ollama_desktop.ui.memory.unload_dialog import UnloadDialog
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.ui.window.tray import TrayIcon
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeModel, FakeOllama

GB = 1_000_000_000


def memory_models() -> list[FakeModel]:
    return [
        FakeModel("llama3.1:8b", 5 * GB, "8.0B", memory_size=6 * GB, placement="gpu"),
        FakeModel("qwen2.5:14b", 9 * GB, "14.8B", memory_size=10 * GB, placement="split"),
        FakeModel("gemma3:270m", 253_113_877, "268.10M", memory_size=477_798_912, placement="cpu"),
    ]


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    server = FakeOllama(memory_models()).start()
    try:
        yield server
    finally:
        server.stop()


class Parts:
    def __init__(self, window: MainWindow, residency: ResidencyController, tray: TrayIcon) -> None:
        self.window, self.residency, self.tray = window, residency, tray


def build(qtbot, pool: WorkerPool, settings: Settings, url: str, timeouts: Timeouts = TEST_TIMEOUTS) -> Parts:  # type: ignore[no-untyped-def]
    settings.set_host_override(url)
    connection = ConnectionController(pool, settings.host(), timeouts=timeouts, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100, confirm_timeout=0.5)
    tray = TrayIcon(app_icon())
    window = MainWindow(settings, connection, chat, residency, tray=tray)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    return Parts(window, residency, tray)


@pytest.fixture
def parts(qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama) -> Iterator[Parts]:  # type: ignore[no-untyped-def]
    settings.set_close_to_tray(False)
    built = build(qtbot, pool, settings, fake.url)
    yield built
    built.window.quit_app()


def chips(parts: Parts) -> list[str]:
    return [chip.text() for chip in parts.window.residency_indicator.chips]


def test_indicator_shows_gpu_split_and_cpu(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parts.window.residency_indicator._empty.text() == "No model in memory")
    fake.load("llama3.1:8b")
    fake.load("qwen2.5:14b")
    fake.load("gemma3:270m", keep_alive=-1)
    parts.residency.refresh_now()
    qtbot.waitUntil(lambda: len(chips(parts)) == 3)
    # Ollama lists the model kept longest first.
    texts = chips(parts)
    assert texts[0] == "gemma3:270m · CPU 478 MB"
    assert sorted(texts[1:]) == ["llama3.1:8b · GPU 6.0 GB", "qwen2.5:14b · 10 GB · 40 % CPU"]
    tooltips = [chip.toolTip() for chip in parts.window.residency_indicator.chips]
    assert "CPU only, RAM 478 MB" in tooltips[0]
    assert "Kept loaded" in tooltips[0]
    tooltip = next(tip for tip in tooltips if tip.startswith("qwen"))
    assert "In memory: 10 GB (GPU 6.0 GB + RAM 4.0 GB (40 % CPU))" in tooltip
    assert "Unloads in 5 min" in next(tip for tip in tooltips if tip.startswith("llama"))
    assert "Context: 4,096 tokens" in tooltip
    assert "40 % runs on the CPU" in tooltip
    # The combobox marks what is in memory.
    assert parts.window.model_picker.itemText(0).endswith("— in memory")


@pytest.mark.parametrize(
    ("index", "verdict"),
    [
        (0, "Runs fully on the GPU."),
        (1, "40 % runs on the CPU — expect slower answers"),
        (2, "Runs on the CPU only"),
    ],
)
def test_verdict_for_the_selected_model(
    qtbot, parts: Parts, fake: FakeOllama, index: int, verdict: str
) -> None:  # type: ignore[no-untyped-def]
    for model in memory_models():
        fake.load(model.name)
    parts.window.model_picker.setCurrentIndex(index)
    parts.residency.refresh_now()
    qtbot.waitUntil(lambda: verdict in parts.window.memory_pane.verdict_label.text())


def test_verdict_when_not_loaded(qtbot, parts: Parts) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: "Not in memory" in parts.window.memory_pane.verdict_label.text())


def test_free_memory_in_one_click(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("llama3.1:8b")
    fake.load("gemma3:270m")
    parts.window.window_actions.free_memory_action.trigger()
    qtbot.waitUntil(lambda: "Freed 6.5 GB of memory (6.0 GB of it GPU memory)." in parts.window.notice_text())
    assert fake.loaded == {}
    # The message replaces the connection status while it shows (no text drawn over text).
    assert not parts.window.connection_label.isVisible()
    sent = sorted(r.json["model"] for r in fake.requests_to("/api/chat"))
    assert sent == ["gemma3:270m", "llama3.1:8b"]
    assert all(r.json["keep_alive"] == 0 and r.json["messages"] == [] for r in fake.requests_to("/api/chat"))
    qtbot.waitUntil(lambda: parts.window.residency_indicator._empty.text() == "No model in memory")


def open_dialog(qtbot, parts: Parts) -> UnloadDialog:  # type: ignore[no-untyped-def]
    parts.window.window_actions.unload_dialog_action.trigger()
    dialog = parts.window.memory_pane._unload_dialog
    assert dialog is not None
    return dialog


def test_dialog_unloads_the_selected_model_only(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("llama3.1:8b")
    fake.load("qwen2.5:14b")
    dialog = open_dialog(qtbot, parts)
    qtbot.waitUntil(
        lambda: dialog.models.count() == 2 and bool(dialog.models.item(0).data(Qt.ItemDataRole.UserRole))
    )
    assert not dialog.unload_selected_button.isEnabled()
    row = next(r for r in range(2) if dialog.models.item(r).data(Qt.ItemDataRole.UserRole) == "qwen2.5:14b")
    dialog.models.item(row).setCheckState(Qt.CheckState.Checked)
    assert dialog.selected_names() == ["qwen2.5:14b"]
    qtbot.mouseClick(dialog.unload_selected_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.result_label.text().startswith("Freed 10 GB of memory (6.0 GB of it GPU memory).")
    )
    assert list(fake.loaded) == ["llama3.1:8b"]
    assert dialog.models.count() == 1


def test_dialog_unload_all(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("llama3.1:8b")
    fake.load("qwen2.5:14b")
    dialog = open_dialog(qtbot, parts)
    qtbot.waitUntil(dialog.unload_all_button.isEnabled)
    qtbot.mouseClick(dialog.unload_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("Freed 16 GB"))
    assert fake.loaded == {}
    assert dialog.models.item(0).text() == "No model is in memory."


def test_dialog_server_that_does_not_release(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.ignore_unload = True
    fake.load("llama3.1:8b")
    dialog = open_dialog(qtbot, parts)
    qtbot.waitUntil(dialog.unload_all_button.isEnabled)
    dialog.unload_all_button.click()
    qtbot.waitUntil(lambda: "Ollama did not release llama3.1:8b" in dialog.result_label.text())
    assert "Freed" not in dialog.result_label.text()


def test_dialog_server_down_in_the_middle(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("llama3.1:8b")
    dialog = open_dialog(qtbot, parts)
    qtbot.waitUntil(dialog.unload_all_button.isEnabled)
    fake.stop()
    dialog.unload_all_button.click()
    qtbot.waitUntil(lambda: "Cannot reach Ollama" in dialog.result_label.text())
    assert parts.window.isVisible()


def test_tray_menu_and_actions(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("llama3.1:8b")
    parts.residency.refresh_now()
    qtbot.waitUntil(lambda: "llama3.1:8b · GPU 6.0 GB" in parts.tray.toolTip())
    assert parts.tray.free_action.isEnabled()
    parts.window.hide()
    assert not parts.residency.polling
    requests_before = len(fake.requests)
    parts.tray.free_action.trigger()
    qtbot.waitUntil(lambda: fake.loaded == {})
    qtbot.waitUntil(lambda: "No model in memory" in parts.tray.toolTip())
    # Only the unload itself talked to Ollama while hidden: ps, one unload, ps to confirm.
    assert [r.path for r in fake.requests[requests_before:]] == ["/api/ps", "/api/chat", "/api/ps"]
    parts.tray.open_action.trigger()
    assert parts.window.isVisible()
    qtbot.waitUntil(lambda: parts.residency.polling)  # once the window is painted again


def test_requests_start_once_the_window_is_drawn_not_before(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    # The first frame must not wait for the first calls (their worker imports the HTTP stack).
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    window = MainWindow(settings, connection, ChatController(pool, lambda: connection.client), residency)
    qtbot.addWidget(window)
    at_first_paint: list[tuple[bool, int]] = []

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not at_first_paint:
                at_first_paint.append((residency.polling, len(fake.requests)))
            return False

    watcher = FirstPaint(window)
    window.installEventFilter(watcher)
    window.show()
    assert not residency.polling  # shown, not drawn yet
    qtbot.waitUntil(lambda: residency.polling)
    assert at_first_paint == [(False, 0)]
    qtbot.waitUntil(lambda: {"/api/version", "/api/ps"} <= {r.path for r in fake.requests})
    window.hide()
    assert not residency.polling


def test_only_failures_memory_can_explain_are_diagnosed(qtbot, parts: Parts, pool: WorkerPool) -> None:  # type: ignore[no-untyped-def]
    diagnoses: list[object] = []
    parts.residency.diagnosis_ready.connect(diagnoses.append)
    busy = pool.busy
    # A missing model is not a memory problem: no look at /api/ps, no diagnosis.
    parts.residency.diagnose(ModelNotFound(404, "model 'x' not found"), "x")
    assert pool.busy == busy
    with qtbot.waitSignal(parts.residency.diagnosis_ready):
        parts.residency.diagnose(OutOfMemory(500, "model requires more system memory"), "llama3.1:8b")
        assert pool.busy == busy + 1
    assert [getattr(diagnosis, "model", None) for diagnosis in diagnoses] == ["llama3.1:8b"]


def test_tray_quit_quits_even_when_closing_keeps_it_in_the_tray(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[bool] = []
    monkeypatch.setattr(
        MainWindow, "ask_close_to_tray", staticmethod(lambda parent: asked.append(True) or True)
    )
    built = build(qtbot, pool, settings, fake.url)
    built.window.close()
    assert asked == [True]
    assert settings.close_to_tray is True
    assert not built.window.isVisible()  # hidden in the tray, still running
    assert not built.residency.polling  # and not polling while hidden
    built.window.close()
    assert asked == [True]  # asked once only
    built.tray.quit_action.trigger()
    assert not built.tray.isVisible()


def test_quit_in_the_menu_quits_without_asking_about_the_tray(
    qtbot, pool: WorkerPool, fake: FakeOllama, settings: Settings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[bool] = []
    monkeypatch.setattr(
        MainWindow, "ask_close_to_tray", staticmethod(lambda parent: asked.append(True) or True)
    )
    built = build(qtbot, pool, settings, fake.url)
    built.window.window_actions.quit_action.trigger()
    assert asked == []
    assert built.window.closed


@pytest.mark.parametrize(
    ("choice", "sent"),
    [
        (KeepAlive.AFTER_ANSWER, 0),
        (KeepAlive.ONE_HOUR, "1h"),
        (KeepAlive.FOREVER, -1),
        (KeepAlive.DEFAULT, None),
    ],
)
def test_keep_alive_is_sent_as_chosen(
    qtbot, parts: Parts, fake: FakeOllama, settings: Settings, choice: KeepAlive, sent: object
) -> None:  # type: ignore[no-untyped-def]
    parts.window.window_actions.keep_alive_actions[choice].trigger()
    assert settings.keep_alive is choice
    parts.window.prompt.setPlainText("hi")
    parts.window.send_button.click()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    assert fake.requests_to("/api/chat")[0].json.get("keep_alive") == sent


def test_warm_up_loads_without_unloading(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load_delay = 0.3
    qtbot.waitUntil(lambda: parts.residency.known)  # the verdict is shown once /api/ps has answered
    parts.window.window_actions.warm_up_action.trigger()
    qtbot.waitUntil(lambda: "Loading llama3.1:8b" in parts.window.residency_indicator._empty.text())
    assert "Loading the model" in parts.window.memory_pane.verdict_label.text()
    qtbot.waitUntil(lambda: chips(parts) == ["llama3.1:8b · GPU 6.0 GB"])
    request = fake.requests_to("/api/chat")[0].json
    assert request == {"model": "llama3.1:8b", "messages": []}
    assert "Runs fully on the GPU." in parts.window.memory_pane.verdict_label.text()


@pytest.mark.parametrize(
    ("choice", "sent"),
    [(KeepAlive.AFTER_ANSWER, None), (KeepAlive.ONE_HOUR, "1h"), (KeepAlive.FOREVER, -1)],
)
def test_load_model_now_loads_whatever_the_keep_alive_choice(
    qtbot, parts: Parts, fake: FakeOllama, choice: KeepAlive, sent: object
) -> None:  # type: ignore[no-untyped-def]
    # "Free memory right after each answer" is about answers: a load with keep_alive 0 would unload.
    parts.window.window_actions.keep_alive_actions[choice].trigger()
    parts.window.window_actions.warm_up_action.trigger()
    qtbot.waitUntil(lambda: chips(parts) == ["llama3.1:8b · GPU 6.0 GB"])
    assert fake.requests_to("/api/chat")[0].json.get("keep_alive") == sent
    assert "llama3.1:8b" in fake.loaded


def test_free_memory_during_a_warm_up_cancels_it(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load_delay = 1.0
    parts.window.window_actions.warm_up_action.trigger()
    qtbot.waitUntil(lambda: len(fake.requests_to("/api/chat")) == 1)
    parts.window.window_actions.free_memory_action.trigger()
    assert not parts.residency.loading
    # The load is called off (its connection closed) and what it had taken is freed.
    assert fake.requests_to("/api/chat")[0].client_hung_up.wait(5)
    qtbot.waitUntil(lambda: not parts.residency.unloading)
    parts.residency.refresh_now()
    qtbot.waitUntil(lambda: parts.window.residency_indicator._empty.text() == "No model in memory")
    assert fake.loaded == {}


def diagnose_after(qtbot, parts: Parts, text: str) -> None:  # type: ignore[no-untyped-def]
    parts.window.prompt.setPlainText("question")
    parts.window.send_button.click()
    qtbot.waitUntil(lambda: text in parts.window.chat_view.toPlainText(), timeout=8000)


def test_diagnosis_out_of_memory(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.load("qwen2.5:14b")
    fake.script(
        status=500, body=b'{"error":"model requires more system memory (12 GiB) than is available (8 GiB)"}'
    )
    diagnose_after(qtbot, parts, "There is not enough memory for llama3.1:8b. Choose a smaller model")
    assert "Unload the other models (qwen2.5:14b)" in parts.window.chat_view.toPlainText()


def test_diagnosis_model_not_loaded_after_a_crash(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(status=500, body=b'{"error":"llama runner process has terminated: signal: killed"}')
    diagnose_after(qtbot, parts, "llama3.1:8b is not in memory any more")


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (1, "40 % of qwen2.5:14b runs on the CPU"),
        (2, "gemma3:270m runs on the CPU only"),
        (0, "is fully on the GPU"),
    ],
)
def test_diagnosis_of_a_stalled_answer(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, index: int, expected: str
) -> None:  # type: ignore[no-untyped-def]
    settings.set_close_to_tray(False)
    built = build(
        qtbot, pool, settings, fake.url, Timeouts(connect=2, version=2, tags=2, ps=2, chat_read=0.4)
    )
    built.window.model_picker.setCurrentIndex(index)
    fake.script(tokens=["a", "b", "c"], stall_after=1)
    diagnose_after(qtbot, built, expected)
    assert "Ollama did not answer in time" in built.window.chat_view.toPlainText()
    built.window.quit_app()


def test_diagnosis_server_gone(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.script(tokens=["a", "b", "c"], drop_after=1)
    fake.hang_routes.add("/api/ps")
    diagnose_after(qtbot, parts, "Ollama itself stopped answering")


def test_polling_never_stacks_and_stops_when_minimised(qtbot, parts: Parts, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: parts.residency.known)
    parts.residency.pause()  # only the explicit refreshes below
    fake.route_delay["/api/ps"] = 0.5
    before = len(fake.requests_to("/api/ps"))
    for _ in range(10):
        parts.residency.refresh_now()
    qtbot.waitUntil(lambda: not parts.residency.poll_pending, timeout=3000)
    assert len(fake.requests_to("/api/ps")) == before + 1  # one request however often it was asked for
    fake.route_delay.clear()
    parts.residency.resume()
    assert parts.residency.polling
    parts.window.showMinimized()
    qtbot.waitUntil(lambda: not parts.residency.polling)
    parts.window.showNormal()
    qtbot.waitUntil(lambda: parts.residency.polling)
