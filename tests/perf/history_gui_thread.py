"""What saving the history costs the GUI thread, and how long a question waits to be saved.

Run: `python -m tests.perf.history_gui_thread` (offscreen). Streams ROUNDS long answers from the fake
server through the real ChatController and HistoryController into a file in a temporary folder, and
times (1) every history slot that runs on the GUI thread, (2) every job on the history
thread, (3) the wait between Send and the request leaving (the question is saved first).
"""

from __future__ import annotations

import functools
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QApplication

from ollama_desktop.controllers import history_recorder as history_module
from ollama_desktop.controllers.chat import ChatController
from ollama_desktop.controllers.history import HistoryController
from ollama_desktop.controllers.history_jobs import HistoryJobs
from ollama_desktop.controllers.history_recorder import HistoryRecorder
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.history.store import HistoryStore
from ollama_desktop.workers import HistoryWorker, WorkerPool
from tests.conftest import sample_models
from tests.fake_ollama import FakeOllama

ROUNDS = 10
TOKENS = 3000
GUI_SLOTS = (
    "_on_question_added",
    "_before_send",
    "_on_reply_started",
    "_on_reply_text_arrived",
    "_on_flush_due",
    "_on_reply_finished",
    "_on_job_ended",
)

gui: dict[str, list[float]] = defaultdict(list)
jobs: list[float] = []
waits: list[float] = []


def timing(name: str, method: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            gui[name].append(time.perf_counter() - started)

    return wrapper


def wait_until(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError
        # Sleeps until the next event, like the app's own loop: no polling delay in the figures.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)


def line(name: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return (
        f"  {name:<28} n={len(ms):<6} median {statistics.median(ms):7.3f} ms   worst {ms[-1]:7.3f} ms"
        f"   total {sum(ms):8.1f} ms"
    )


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    for name in GUI_SLOTS:
        owner = HistoryJobs if name == "_on_job_ended" else HistoryRecorder
        setattr(owner, name, timing(name, getattr(owner, name)))
    run = HistoryWorker.run

    def timed_run(self: HistoryWorker) -> None:
        started = time.perf_counter()
        run(self)
        jobs.append(time.perf_counter() - started)

    HistoryWorker.run = timed_run  # type: ignore[method-assign]
    release = ChatController._release
    sent_at = [0.0]

    def timed_release(self: ChatController, worker: Any) -> None:
        waits.append(time.perf_counter() - sent_at[0])
        release(self, worker)

    ChatController._release = timed_release  # type: ignore[method-assign]

    fake = FakeOllama(sample_models()).start()
    pool = WorkerPool()
    client = OllamaClient(fake.url)
    chat = ChatController(pool, lambda: client)
    chat.set_model("llama3.1:8b")
    with tempfile.TemporaryDirectory() as folder:
        history_pool = WorkerPool(max_threads=1)
        history = HistoryController(chat, HistoryStore(Path(folder) / "history.sqlite3"), history_pool)
        history.start()
        wait_until(lambda: history.available)
        streaming_s = 0.0
        for round_ in range(ROUNDS):
            fake.script(tokens=[f" word{i}" for i in range(TOKENS)], chunk_delay=0.0005)
            # A person takes a moment to type the next question: the last answer's save is done.
            wait_until(lambda: history.pending_jobs == 0)
            sent_at[0] = time.perf_counter()
            started = time.monotonic()
            chat.send(f"question {round_}")
            wait_until(lambda: not chat.busy)
            streaming_s += time.monotonic() - started
        wait_until(lambda: history.pending_jobs == 0)
        history.shutdown()
    pool.shutdown()
    fake.stop()
    del app

    print(
        f"{ROUNDS} answers of {TOKENS} tokens, {streaming_s:.1f} s of streaming, "
        f"saved every {history_module.FLUSH_MS} ms while streaming"
    )
    print("GUI thread, per history slot (the recorder's, and the job queue's):")
    for name in GUI_SLOTS:
        if gui[name]:
            print(line(name, gui[name]))
    total = sum(sum(values) for values in gui.values())
    share = total / streaming_s * 100
    print(f"  all slots together: {total * 1000:.1f} ms = {share:.2f} % of the streaming time")
    print("history thread, per job (saves, lists, the open):")
    print(line("job", jobs))
    print("a question waits to be saved before it is sent:")
    print(line("Send -> request leaves", waits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
