"""The fault catalogue's harness: the real window on a misbehaving fake, and a stall meter.

Unhandled exceptions fail a test through pytest-qt (it installs sys.excepthook and a Qt message
handler for every test: an exception in a slot or a Qt warning fails it) and through pytest's
thread-exception hook (an exception in a worker thread becomes an error with filterwarnings=error).
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.chat import QUIET_AFTER_S, ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.controllers.servers import ServersController
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.resources import data_folder
from ollama_desktop.settings import Settings

# The markdown renderer is imported once, on the first answer (~30 ms on the GUI thread): a start-up
# cost measured by tests/perf, not a fault. Imported here so each case measures only its fault.
from ollama_desktop.ui.chat import markdown_render  # noqa: F401
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool

# What every case must keep under: the worst lateness of a 5 ms timer on the GUI thread.
MAX_STALL_MS = 100.0
# The seed's timeouts scaled down so stalls fire within a test.
FAULT_TIMEOUTS = Timeouts(
    connect=1.0, version=1.0, tags=1.0, ps=1.0, show=1.0, chat_read=0.5, generate=1.0, unload=1.0
)

_results: list[tuple[str, str, float]] = []
# The meter of the running test, so that open_app can start measuring once the window is up.
_active: list[StallMeter] = []


class StallMeter(QObject):
    """A 5 ms timer on the GUI thread; its worst lateness is the longest the window was frozen.

    `limit_ms` is what the test allows (MAX_STALL_MS unless the test says why it needs more).
    """

    limit_ms = MAX_STALL_MS

    def __init__(self) -> None:
        super().__init__()
        self.worst_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def start(self) -> None:
        self._last = time.perf_counter()
        self._timer.start()

    def restart(self) -> None:
        """Forget what was measured so far (building and first showing the window is not a fault)."""
        self.worst_ms = 0.0
        self.start()

    def stop(self) -> None:
        self._timer.stop()

    @contextlib.contextmanager
    def excluding(self) -> Iterator[None]:
        """Not measured: the test itself blocks the GUI thread here (starting or stopping a server)."""
        self._timer.stop()
        try:
            yield
        finally:
            self.start()

    def next_tick(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        """Let the event loop run until the meter ticks: two user actions, not one long one."""
        with qtbot.waitSignal(self._timer.timeout, timeout=5000):
            pass

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self._last) * 1000 - 5)
        self._last = now


@dataclass
class App:
    window: MainWindow
    connection: ConnectionController
    chat: ChatController
    residency: ResidencyController

    def ask(self, text: str) -> None:
        self.window.prompt.setPlainText(text)
        self.window.send_button.click()

    def transcript(self) -> str:
        return self.window.chat_view.toPlainText()


@pytest.fixture
def stall(qtbot, request: pytest.FixtureRequest) -> Iterator[StallMeter]:  # type: ignore[no-untyped-def]
    """Measures the test's worst GUI stall and fails the test when it passes its limit."""
    # As the app does after start (app.py): long-lived objects leave the collector's scans, so a
    # full collection does not pause the GUI for tens of milliseconds.
    gc.collect()
    gc.freeze()
    meter = StallMeter()
    meter.start()
    _active.append(meter)
    yield meter
    _active.remove(meter)
    meter.stop()
    _results.append(
        (request.node.name, "ok" if meter.worst_ms <= meter.limit_ms else "STALLED", meter.worst_ms)
    )
    assert meter.worst_ms <= meter.limit_ms, f"the window froze for {meter.worst_ms:.0f} ms"


def open_app(  # type: ignore[no-untyped-def]
    qtbot,
    pool: WorkerPool,
    settings: Settings,
    url: str,
    *,
    wait: bool = True,
    timeouts: Timeouts = FAULT_TIMEOUTS,
    quiet_after_s: float = QUIET_AFTER_S,
    with_models: bool = False,
    with_servers: bool = False,
    benchmarks: Path | None = None,
) -> App:
    """The real window on the fake at `url`; `with_models` adds the Models window and the Benchmark
    (its history in `benchmarks`, else in the test mode's data folder), `with_servers` the status of
    each known server in the server picker."""
    settings.set_host_override(url)
    settings.set_close_to_tray(False)
    connection = ConnectionController(pool, settings.host(), timeouts=timeouts, retry_ms=100)
    chat = ChatController(pool, lambda: connection.client, quiet_after_s=quiet_after_s)
    residency = ResidencyController(pool, lambda: connection.client, interval_ms=200, confirm_timeout=0.5)
    models = ModelsController(pool, lambda: connection.client) if with_models else None
    servers = ServersController(pool, timeouts=timeouts, interval_ms=200) if with_servers else None
    benchmark = None
    if with_models:
        history = benchmarks or data_folder() / "benchmarks.jsonl"
        benchmark = BenchmarkController(pool, lambda: connection.client, history)
    window = MainWindow(
        settings,
        connection,
        chat,
        residency,
        models=models,
        servers=servers,
        benchmark=benchmark,
    )
    qtbot.addWidget(window)
    window.show()
    if wait:
        with qtbot.waitSignal(connection.models_loaded, timeout=5000):
            connection.start()
    else:
        connection.start()
    qtbot.waitExposed(window)
    for meter in _active:
        meter.restart()
    return App(window, connection, chat, residency)


def pytest_terminal_summary(terminalreporter) -> None:  # type: ignore[no-untyped-def]
    if not _results:
        return
    terminalreporter.section("fault catalogue: worst GUI stall per case")
    for name, result, worst in _results:
        terminalreporter.write_line(f"{name:<70} {result:<8} {worst:7.1f} ms")
