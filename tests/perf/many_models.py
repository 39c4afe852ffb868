"""GUI-thread stalls with thousands of installed models, and how many /api/show requests they cost.

Run: `python -m tests.perf.many_models [count]` (offscreen; default 5,000 models). Builds the real
window (as app.py does) on the fake server, then measures the worst lateness of a 5 ms timer on the
GUI thread while: the first /api/tags arrives, a tags refresh with nothing changed, one with a model
added, the Models window opens (and a row is selected), /api/ps polls, and the Benchmark dialog opens.
Goal (issue 16, item 5): every figure ≤ 50 ms, and /api/show only for the rows looked at.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import tempfile
import time
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QSettings, QStandardPaths, QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.models import ModelsController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.gc_guard import GuiThreadGarbageCollector
from ollama_desktop.settings import Settings
from ollama_desktop.ui.window.main_window import MainWindow
from ollama_desktop.workers import WorkerPool
from tests.fake_ollama import FakeModel, FakeOllama
from tests.faults.conftest import StallMeter


def run_for(seconds: float, until: Callable[[], bool] | None = None) -> None:
    """Run the real event loop for `seconds`, or until `until()` is true."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    check = QTimer()
    if until is not None:
        check.timeout.connect(lambda: until() and loop.quit())
        check.start(1)
    loop.exec()
    check.stop()


def many(count: int) -> list[FakeModel]:
    return [FakeModel(f"model{i:05d}:7b", 4_000_000_000 + i, "7.2B", "Q4_K_M", "llama") for i in range(count)]


def serve(count: int, commands: Connection) -> None:
    """The fake in a process of its own, as Ollama is: its JSON work must not hold this one's GIL."""
    fake = FakeOllama(many(count)).start()
    commands.send(fake.url)
    while True:
        command, argument = commands.recv()
        if command == "stop":
            fake.stop()
            commands.send(None)
            return
        if command == "add":
            fake.add_model(FakeModel(argument, 1_000_000_000, "1.0B"))
        elif command == "load":
            fake.load(argument)
        commands.send(len(fake.requests_to(argument)) if command == "count" else None)


class Server:
    """Talks to the fake's process."""

    def __init__(self, count: int) -> None:
        self._pipe, child = multiprocessing.get_context("spawn").Pipe()
        self._process = multiprocessing.get_context("spawn").Process(target=serve, args=(count, child))
        self._process.start()
        self.url: str = self._pipe.recv()

    def ask(self, command: str, argument: str = "") -> int | None:
        self._pipe.send((command, argument))
        answer: int | None = self._pipe.recv()
        return answer

    def stop(self) -> None:
        self.ask("stop")
        self._process.join(5)


class Run:
    """The window on the fake, and the figures measured so far."""

    def __init__(self, server: Server, folder: Path) -> None:
        self.server = server
        settings = Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat), environ={})
        settings.set_host_override(server.url)
        settings.set_close_to_tray(False)
        self.pool = WorkerPool()
        self.connection = ConnectionController(self.pool, settings.host())
        chat = ChatController(self.pool, lambda: self.connection.client)
        self.residency = ResidencyController(self.pool, lambda: self.connection.client)
        models = ModelsController(self.pool, lambda: self.connection.client)
        benchmark = BenchmarkController(
            self.pool, lambda: self.connection.client, folder / "benchmarks.jsonl"
        )
        self.window = MainWindow(
            settings, self.connection, chat, self.residency, models=models, benchmark=benchmark
        )
        self.window.show()
        self.meter = StallMeter()
        self.figures: list[float] = []

    def measure(
        self, name: str, action: Callable[[], object], until: Callable[[], bool], settle: float
    ) -> None:
        """The worst stall from `action` until `until()` holds and `settle` seconds more."""
        self.meter.restart()
        started = time.perf_counter()
        action()
        run_for(30, until)
        took = time.perf_counter() - started
        run_for(settle)
        self.figures.append(self.meter.worst_ms)
        print(f"{name:<44} worst stall {self.meter.worst_ms:7.1f} ms   (done in {took * 1000:6.0f} ms)")

    def refresh_tags(self, name: str) -> None:
        """A tags refresh, measured until its answer has been handled (changed or not)."""
        self.measure(name, self.connection.refresh_models, lambda: self.pool.busy == 0, 0.5)

    def shows(self) -> int:
        return self.server.ask("count", "/api/show") or 0


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    server = Server(count)
    app = QApplication.instance() or QApplication(sys.argv)
    QStandardPaths.setTestModeEnabled(True)
    # As the app does (startup.py, app.py): the collector runs on the GUI thread, by its thresholds.
    gc.disable()
    collector = GuiThreadGarbageCollector()
    collector.start()
    run = Run(server, Path(tempfile.mkdtemp()))
    connection, window = run.connection, run.window

    run.measure(
        "first /api/tags (main window picker)", connection.start, lambda: connection.models_known, 1.0
    )
    run.refresh_tags("tags refresh, nothing changed")
    server.ask("add", "added1:1b")
    run.refresh_tags("tags refresh, one model added")

    run.measure("open the Models window", window.models_pane.open_models, lambda: True, 3.0)
    dialog = window.models_pane._models_dialog
    assert dialog is not None
    print(f"  /api/show requests after opening: {run.shows()} ({len(dialog.rows_in_view())} rows in view)")
    dialog.table.scrollToBottom()
    run.measure("scroll to the end, details of the rows in view", lambda: None, lambda: True, 1.0)
    middle = f"model{count // 2:05d}:7b"
    run.measure(
        "select a model (details)",
        lambda: dialog.select_model(middle),
        lambda: "Template:" in dialog.advanced.toPlainText(),
        0.5,
    )
    server.ask("load", f"model{count // 3:05d}:7b")
    polls: list[object] = []
    run.residency.loaded_changed.connect(polls.append)
    run.measure("an /api/ps poll (one model loaded)", run.residency.refresh_now, lambda: bool(polls), 0.5)
    server.ask("add", "added2:1b")
    run.refresh_tags("tags refresh, model added, Models window open")
    print(f"  /api/show requests in all: {run.shows()}")

    from ollama_desktop.ui.benchmark import dialog  # noqa: PLC0415 - its import is not the list's cost

    run.measure(
        "open the Benchmark dialog (module imported)", window.models_pane.open_benchmark, lambda: True, 1.0
    )
    server.ask("add", "added3:1b")
    run.refresh_tags("tags refresh, both dialogs open")
    print(f"worst of all: {max(run.figures):.1f} ms (goal ≤ 50 ms) with {count} models")
    window.close()
    run.pool.shutdown(timeout_ms=3000)
    server.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
