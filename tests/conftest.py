"""Offscreen Qt, isolated settings and data folders, a fake Ollama, and a pool that must drain."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QSettings, QStandardPaths

from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.gc_guard import GuiThreadGarbageCollector
from ollama_desktop.settings import Settings
from ollama_desktop.ui.chat.markdown_loader import markdown_ready, start_loading_markdown
from ollama_desktop.ui.chat.view import ChatView
from ollama_desktop.workers import WorkerPool, share_the_gil
from tests.fake_ollama import FakeModel, FakeOllama

# Small timeouts so tests of stalls and dead servers finish fast, with room for a slow CI machine.
TEST_TIMEOUTS = Timeouts(
    connect=2.0, version=2.0, tags=3.0, ps=2.0, show=3.0, chat_read=5.0, generate=5.0, unload=3.0
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--onscreen", action="store_true", help="show windows on the real display")


def pytest_configure(config: pytest.Config) -> None:
    share_the_gil()  # as the app does at start (workers.GIL_SWITCH_INTERVAL_S)
    if not config.getoption("--onscreen"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    # Data, config and log folders under a test location, never the user's own.
    QStandardPaths.setTestModeEnabled(True)
    # Numbers and sizes as the tests expect them ("4.9 GB"), whatever the machine's locale.
    QLocale.setDefault(QLocale("en_US"))


def sample_models() -> list[FakeModel]:
    return [
        FakeModel("llama3.1:8b", 4_920_753_328, "8.0B", "Q4_K_M", "llama"),
        FakeModel("gemma3:270m", 253_113_877, "268.10M", "Q4_K_M", "gemma3", placement="cpu"),
    ]


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp) -> Iterator[GuiThreadGarbageCollector]:  # type: ignore[no-untyped-def]
    """As the app does: cyclic garbage (which may hold Qt objects) is freed on the GUI thread only."""
    collector = GuiThreadGarbageCollector()
    collector.start()
    yield collector
    collector.stop()


@pytest.fixture(autouse=True)
def _collect_after_test(gui_thread_gc: GuiThreadGarbageCollector) -> Iterator[None]:
    yield
    gui_thread_gc.check()  # tests without an event loop would otherwise never collect


@pytest.fixture
def fake() -> Iterator[FakeOllama]:
    """A fake Ollama on a free port with two models."""
    server = FakeOllama(sample_models()).start()
    try:
        yield server
    finally:
        server.stop()


# A reasoning model beside the sample models (its answers come with `message.thinking`).
THINKER = FakeModel("deepseek-r1:8b", 5_225_376_047, "8.2B", capabilities=("completion", "thinking"))


@pytest.fixture
def thinking_fake() -> Iterator[FakeOllama]:
    """A fake Ollama with the sample models and a thinking one."""
    server = FakeOllama([*sample_models(), THINKER]).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def thinking_chat(qtbot, pool: WorkerPool, thinking_fake: FakeOllama) -> ChatController:  # type: ignore[no-untyped-def]
    """A chat controller with the thinking model chosen and its capabilities known."""
    client = OllamaClient(thinking_fake.url, TEST_TIMEOUTS)
    controller = ChatController(pool, lambda: client)
    with qtbot.waitSignal(controller.capabilities_loaded):
        controller.set_model(THINKER.name)
    return controller


@pytest.fixture
def settings(tmp_path) -> Settings:  # type: ignore[no-untyped-def]
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return Settings(store, environ={})


def _drained(qtbot, workers: WorkerPool) -> Iterator[WorkerPool]:  # type: ignore[no-untyped-def]
    yield workers
    try:
        qtbot.waitUntil(lambda: workers.active_threads() == 0 and workers.busy == 0, timeout=3000)
    except Exception:
        workers.shutdown(timeout_ms=3000)
        pytest.fail(f"a worker outlived the test ({workers.active_threads()} threads still running)")


@pytest.fixture
def pool(qtbot):  # type: ignore[no-untyped-def]
    """The app's worker pool; the test fails if a worker is still running when it ends."""
    yield from _drained(qtbot, WorkerPool())


@pytest.fixture
def history_pool(qtbot):  # type: ignore[no-untyped-def]
    """The saved history's pool of one thread, as the app builds it; the test fails if a history
    job is still queued or running when it ends (a test shuts its history down, or waits for it)."""
    yield from _drained(qtbot, WorkerPool(max_threads=1))


@pytest.fixture
def view(qtbot) -> ChatView:  # type: ignore[no-untyped-def]
    """A chat view on screen, with the markdown stack loaded."""
    start_loading_markdown()
    qtbot.waitUntil(markdown_ready, timeout=10000)
    widget = ChatView()
    widget.resize(700, 500)
    qtbot.addWidget(widget)
    widget.show()
    return widget
