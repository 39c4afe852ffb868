"""How much the memory indicator costs: requests per minute visible and hidden, and click-to-freed time.

Run: `python -m tests.perf.memory_polling [seconds]` (offscreen; default 20 s per phase). Uses the
app's real intervals (ps every 5 s, version re-check every 15 s) against the fake server.
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from ollama_desktop.controllers.connection import ConnectionController
from ollama_desktop.controllers.residency import ResidencyController
from ollama_desktop.workers import WorkerPool
from tests.conftest import sample_models
from tests.fake_ollama import FakeOllama


def run_for(seconds: float, until=None) -> None:  # type: ignore[no-untyped-def]
    """Run the real event loop (idle when idle) for `seconds`, or until `until()` is true."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    check = QTimer()
    if until is not None:
        check.timeout.connect(lambda: until() and loop.quit())
        check.start(1)
    loop.exec()
    check.stop()


def main() -> int:
    phase = float(sys.argv[1]) if len(sys.argv) > 1 else 20.0
    app = QApplication.instance() or QApplication(sys.argv)
    fake = FakeOllama(sample_models()).start()
    pool = WorkerPool()
    connection = ConnectionController(pool, fake.url)
    residency = ResidencyController(pool, lambda: connection.client)
    connection.start()
    residency.resume()
    run_for(1.0)

    def count() -> int:
        return len(fake.requests_to("/api/ps")) + len(fake.requests_to("/api/version"))

    before = count()
    cpu_before = time.process_time()
    run_for(phase)
    visible = (count() - before) / phase * 60
    visible_cpu = (time.process_time() - cpu_before) / phase * 100

    residency.pause()
    connection.pause()  # the window is hidden in the tray: no polling at all
    before = count()
    cpu_before = time.process_time()
    run_for(phase)
    hidden = (count() - before) / phase * 60
    hidden_cpu = (time.process_time() - cpu_before) / phase * 100

    freed = []
    for _ in range(20):
        fake.load("llama3.1:8b")
        fake.load("gemma3:270m")
        done: list[float] = []
        residency.unload_finished.connect(lambda _r, done=done: done.append(time.monotonic()))
        started = time.monotonic()
        residency.unload(None)
        run_for(10, lambda done=done: bool(done))
        freed.append(done[0] - started)
        residency.unload_finished.disconnect()
    print(f"requests per minute, window visible : {visible:5.1f}  (GUI-process CPU {visible_cpu:.2f} %)")
    print(f"requests per minute, window hidden  : {hidden:5.1f}  (GUI-process CPU {hidden_cpu:.2f} %)")
    ms = sorted(v * 1000 for v in freed)
    print(
        "click 'Free memory' -> 'freed' shown: "
        f"median {statistics.median(ms):.1f} ms, worst {ms[-1]:.1f} ms (n=20)"
    )
    residency.shutdown()
    pool.shutdown(2000)
    fake.stop()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
