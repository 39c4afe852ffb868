"""What attaching files costs the window: the time from a drop to its chip, and the longest freeze.

Run: `python -m tests.perf.attachment_gui [ROUNDS]` (offscreen, about a minute). The real main window,
connected to the fake server (vision model gemma3:4b), is dropped, ROUNDS times each:

- a 6000 x 4000 photo-like JPEG (as a 24-megapixel camera writes it),
- a 200-page text PDF,
- both at once with a Korean text file,

and then sends the photo. For each it prints the time from the drop to the chip showing "Reading…",
to the chip being ready (the work on the worker thread included), the worst GUI stall meanwhile (a
5 ms timer's worst lateness: the longest the window could not repaint or take a click), and for the
send the request's size and the stall while the question and its thumbnail are shown.

Nothing is asserted: the figures are for the closing notes and for noticing a change.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QMimeData, QObject, QPoint, QPointF, QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.perf.attachment_speed import PAGES, photo


class StallMeter(QObject):
    """A 5 ms timer on the GUI thread; its worst lateness is the longest the window was frozen."""

    def __init__(self) -> None:
        super().__init__()
        self.worst_ms = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def restart(self) -> None:
        self.worst_ms = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, (now - self._last) * 1000 - 5)
        self._last = now


def wait_until(condition: Callable[[], bool], timeout_s: float = 60.0) -> float:
    """Process events until `condition` holds; the seconds it took."""
    started = time.perf_counter()
    while not condition():
        if time.perf_counter() - started > timeout_s:
            raise TimeoutError("the window did not get there in time")
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    return time.perf_counter() - started


def drop(window: QObject, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    point = QPoint(400, 200)
    buttons, keys = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    QApplication.sendEvent(window, QDropEvent(QPointF(point), Qt.DropAction.CopyAction, mime, buttons, keys))


def make_files(root: Path) -> tuple[Path, Path, Path]:
    """The photo, the PDF and a Korean text file, written under `root`."""
    from tests.attachment_files import pdf  # noqa: PLC0415

    jpeg = root / "photo.jpg"
    photo(jpeg)
    book = root / "book.pdf"
    text = "\n".join(f"Line {line}: the quick brown fox jumps over the lazy dog." for line in range(40))
    book.write_bytes(pdf(*(f"Page {page}\n{text}" for page in range(1, PAGES + 1))))
    notes = root / "메모.txt"
    notes.write_text("하늘은 왜 파란가요? 天空为什么是蓝色的?\n" * 2000, encoding="utf-8")
    return jpeg, book, notes


def open_window(root: Path, url: str) -> Any:
    """The real main window on the fake at `url`, gemma3:4b chosen (a model that sees pictures)."""
    from ollama_desktop.controllers.chat import ChatController  # noqa: PLC0415
    from ollama_desktop.controllers.connection import ConnectionController  # noqa: PLC0415
    from ollama_desktop.controllers.residency import ResidencyController  # noqa: PLC0415
    from ollama_desktop.gc_guard import freeze_survivors  # noqa: PLC0415
    from ollama_desktop.settings import Settings  # noqa: PLC0415
    from ollama_desktop.ui.window.main_window import MainWindow  # noqa: PLC0415
    from ollama_desktop.workers import WorkerPool  # noqa: PLC0415
    from tests.conftest import TEST_TIMEOUTS  # noqa: PLC0415

    pool = WorkerPool()
    settings = Settings(QSettings(str(root / "settings.ini"), QSettings.Format.IniFormat), environ={})
    settings.set_host_override(url)
    connection = ConnectionController(pool, settings.host(), timeouts=TEST_TIMEOUTS)
    chat = ChatController(pool, lambda: connection.client)
    residency = ResidencyController(pool, lambda: connection.client)
    window = MainWindow(settings, connection, chat, residency)
    window.resize(1366, 768)
    window.show()
    connection.start()
    wait_until(lambda: window.model_picker.findData("gemma3:4b") >= 0)
    window.model_picker.setCurrentIndex(window.model_picker.findData("gemma3:4b"))
    freeze_survivors()  # as the app does after its first frame
    window.perf_parts = (pool, connection, chat, residency)
    return window


def measure_drops(window: Any, label: str, paths: list[Path], rounds: int) -> None:
    files = window.attachments_pane.attachments
    chips = window.attachments_pane.chips
    meter = StallMeter()
    shown, ready, stalls = [], [], []
    for _ in range(rounds):
        files.clear()
        wait_until(chips.isHidden)
        meter.restart()
        started = time.perf_counter()
        drop(window, paths)
        wait_until(lambda: chips.isVisible() and len(files) == len(paths))
        shown.append(time.perf_counter() - started)
        wait_until(lambda: not files.busy)
        ready.append(time.perf_counter() - started)
        stalls.append(meter.worst_ms)
    print(
        f"{label:<36} chip shown {statistics.median(shown) * 1000:6.1f} ms   "
        f"ready {statistics.median(ready) * 1000:7.1f} ms (worst {max(ready) * 1000:7.1f})   "
        f"worst stall {max(stalls):5.1f} ms"
    )


def measure_send(window: Any, jpeg: Path, fake: Any) -> None:
    files = window.attachments_pane.attachments
    chat = window.perf_parts[2]
    files.clear()
    drop(window, [jpeg])
    wait_until(lambda: len(files) == 1 and not files.busy)
    window.prompt.setPlainText("What is in this photo?")
    meter = StallMeter()
    meter.restart()
    window.send_button.click()
    wait_until(lambda: not chat.busy and len(chat.conversation.messages) == 2)
    body = fake.requests_to("/api/chat")[-1].raw_body
    print(
        f"\nSend with the photo: request {len(body) / 1024:.0f} KB; worst stall from Send to the "
        f"answer {meter.worst_ms:.1f} ms"
    )


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    rounds = int(args[0]) if args else 5
    from ollama_desktop.gc_guard import GuiThreadGarbageCollector  # noqa: PLC0415
    from ollama_desktop.workers import share_the_gil  # noqa: PLC0415
    from tests.fake_ollama import FakeOllama, demo_models  # noqa: PLC0415

    share_the_gil()  # as the app does at start (app.py)
    app = QApplication.instance() or QApplication([])
    GuiThreadGarbageCollector(parent=app).start()  # as the app does (app.py)
    with tempfile.TemporaryDirectory(prefix="attachment-gui-") as folder:
        root = Path(folder)
        jpeg, book, notes = make_files(root)
        fake = FakeOllama(demo_models()).start()
        window = open_window(root, fake.url)
        print(
            f"Attachments in the window: {rounds} rounds, "
            f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
        )
        print(f"  photo {jpeg.stat().st_size / 1024**2:.1f} MB, PDF {book.stat().st_size / 1024**2:.2f} MB\n")
        measure_drops(window, "6000 x 4000 JPEG photo", [jpeg], rounds)
        measure_drops(window, f"{PAGES}-page text PDF", [book], rounds)
        measure_drops(window, "photo + PDF + Korean text, at once", [jpeg, book, notes], rounds)
        measure_send(window, jpeg, fake)
        pool, connection, _chat, residency = window.perf_parts
        connection.stop()
        residency.shutdown()
        window.close()
        pool.shutdown()
        fake.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
