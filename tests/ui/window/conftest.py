"""The main window connected to the fake Ollama, its models loaded: for the window's tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.settings import Settings
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama


@pytest.fixture
def window(qtbot, pool: WorkerPool, fake: FakeOllama, settings: Settings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    settings.set_host_override(fake.url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS, retry_ms=50)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=100)
    main = MainWindow(settings, connection, chat, residency)
    qtbot.addWidget(main)
    main.show()
    with qtbot.waitSignal(connection.models_loaded):
        connection.start()
    yield main
    main.close()
