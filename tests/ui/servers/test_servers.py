"""Several Ollama servers: each with its own status, a dead one never blocks the window or the others."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController, State
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.servers.known import Server
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.settings import Settings
from ollama_desktop.ui.servers.dialog import ServerDialog
from ollama_desktop.ui.servers.picker import ServerPicker
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS, sample_models
from tests.fake_ollama import FakeOllama
from tests.faults.conftest import StallMeter

PROBE = Timeouts(connect=1.0, version=1.0)


@pytest.fixture
def stalled() -> Iterator[FakeOllama]:
    """A server that accepts connections and never answers."""
    server = FakeOllama(sample_models(), version="0.9.9").start()
    server.hang_routes.update({"/api/version", "/api/tags", "/api/ps"})
    try:
        yield server
    finally:
        server.stop()


def make_window(qtbot, pool: WorkerPool, settings: Settings) -> tuple[MainWindow, ServersController]:  # type: ignore[no-untyped-def]
    connection = ConnectionController(
        pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=100, recheck_ms=200
    )
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client)
    servers = ServersController(pool, timeouts=PROBE, interval_ms=200)
    window = MainWindow(settings, connection, chat, residency, servers=servers)
    qtbot.addWidget(window)
    window.show()
    connection.start()
    return window, servers


def test_two_servers_one_stalled(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, stalled: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    settings.set_servers([Server("Stuck box", stalled.url), Server("Fast box", fake.url)])
    settings.set_host_override(stalled.url)
    window, _servers = make_window(qtbot, pool, settings)
    qtbot.waitExposed(window)
    gc.collect()
    gc.freeze()  # as the app does after start
    meter = StallMeter()  # from here on: the window must never freeze
    meter.start()
    picker = window.server_choice.picker
    assert picker.isVisible()
    assert picker.count() == 3  # this computer, the stuck one, the fast one
    qtbot.waitUntil(lambda: picker.itemText(2) == "● Fast box — Ollama 0.24.0", timeout=3000)
    # It accepts connections, so it is there, but Ollama answers /api/version at once (issue 16).
    qtbot.waitUntil(lambda: picker.itemText(1) == "○ Stuck box — does not answer as Ollama", timeout=5000)
    # The window answers while the current server hangs; switching to the other works at once.
    window.prompt.setPlainText("typed while the server hangs")
    picker.activated.emit(2)
    qtbot.waitUntil(lambda: window.model_picker.count() == 2, timeout=3000)
    assert window._connection.status.state is State.CONNECTED
    assert settings.host() == fake.url
    window.send_button.click()
    qtbot.waitUntil(lambda: "tokens/s" in window.reply_label.text())
    meter.stop()
    assert meter.worst_ms < 100, f"the window froze for {meter.worst_ms:.0f} ms"
    # Probes never stacked on the stuck server: at most one request in flight at a time.
    version_requests = stalled.requests_to("/api/version")
    assert (
        sum(1 for r in version_requests if not r.finished.is_set()) <= 2
    )  # one from the probe, one from the chat's own check
    window.close()


def test_add_name_switch_and_remove(
    qtbot, pool: WorkerPool, settings: Settings, fake: FakeOllama, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window, _servers = make_window(qtbot, pool, settings)
    assert not window.server_choice.picker.isVisible()  # only this computer: nothing to pick
    monkeypatch.setattr(ServerDialog, "ask", classmethod(lambda cls, *a, **kw: ("Office GPU", fake.url)))
    window.window_actions.server_action.trigger()
    assert window.server_choice.picker.isVisible()
    assert [s.name for s in settings.servers] == ["", "Office GPU"]
    qtbot.waitUntil(lambda: window.model_picker.count() == 2)
    qtbot.waitUntil(lambda: "Office GPU — Ollama 0.24.0" in window.server_choice.picker.currentText())
    window.window_actions.remove_server_action.trigger()
    assert [s.url for s in settings.servers] == [settings.default_host()]
    assert settings.host() == settings.default_host()
    assert not window.server_choice.picker.isVisible()
    window.close()


def test_plain_http_to_another_computer_is_flagged(qtbot) -> None:  # type: ignore[no-untyped-def]
    picker = ServerPicker()
    qtbot.addWidget(picker)
    picker.set_servers([Server("", "http://127.0.0.1:11434"), Server("GPU box", "http://gpu-box:11434")], "")
    assert "Not encrypted" not in picker.itemData(0, 3)
    assert "Not encrypted" in picker.itemData(1, 3)  # Qt.ItemDataRole.ToolTipRole
