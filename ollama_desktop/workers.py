"""Qt glue for threads: blocking `core` calls run as QRunnables on the app's `WorkerPool`s (the
general one, and the saved history's of one thread, on which its file jobs keep their order).

Workers report through a separate signals QObject that lives on the GUI thread, so every signal a
worker emits is delivered to the GUI thread as a queued call. Every worker ends by emitting `ended`,
after its result, which lets the pool forget it once its last result has been delivered.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, SignalInstance, Slot

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.chat.conversation import ChatRequest
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError, RequestCancelled
from ollama_desktop.core.history.store import StorageError

log = logging.getLogger(__name__)

# How long a thread may hold the GIL while another waits for it (Python's default is 5 ms). The GUI
# thread needs it for every Python call Qt makes (a timer, a paint, a slot), and waits for each while
# a worker runs pure Python, such as pypdf reading a PDF: at 5 ms a 200-page PDF froze the window for
# 310 ms in all, at 1 ms for 31 ms (tests/perf/attachment_gui.py).
GIL_SWITCH_INTERVAL_S = 0.001


def share_the_gil() -> None:
    """Let the GUI thread take its turn sooner while workers run Python (call once, at start)."""
    sys.setswitchinterval(GIL_SWITCH_INTERVAL_S)


class WorkerSignals(QObject):
    """What any worker can report. Lives on the GUI thread; emitted from the worker's thread."""

    succeeded = Signal(object)
    failed = Signal(object)  # an OllamaError
    cancelled = Signal()
    ended = Signal()  # always last


class Worker(QRunnable):
    """Base worker: runs `work()` on a pool thread, reports its result or its error, never raises.

    Thread: constructed and cancelled on the GUI thread; `run()` runs on a pool thread.
    """

    # What `work()` may raise as a plain outcome: reported through `failed` as it is, logged in one
    # line. Anything else is a bug: logged with its traceback and reported as an internal error.
    expected: tuple[type[Exception], ...] = (OllamaError,)

    def __init__(self) -> None:
        super().__init__()
        self.signals = WorkerSignals()
        self.token = CancelToken()

    def cancel(self) -> None:
        """Stop at once: closes the connection in flight, also while waiting for the first byte."""
        self.token.cancel()

    def work(self) -> Any:
        raise NotImplementedError

    def run(self) -> None:
        try:
            self._report(self._outcome())
        except RuntimeError:
            # The signals object is gone: the app is shutting down and nobody is listening any more.
            log.debug("%s ended after its receivers", type(self).__name__)

    def _outcome(self) -> tuple[SignalInstance, tuple[Any, ...]]:
        try:
            result = self.work()
        except RequestCancelled:
            return self.signals.cancelled, ()
        except self.expected as exc:
            log.info("%s failed: %s", type(self).__name__, exc)
            return self.signals.failed, (exc,)
        except Exception as exc:  # a bug must reach the user as a message, not kill a pool thread
            log.exception("%s crashed", type(self).__name__)
            return self.signals.failed, (self.crash_error(exc),)
        if self.token.cancelled:
            return self.signals.cancelled, ()
        return self.signals.succeeded, (result,)

    def crash_error(self, exc: Exception) -> Exception:
        """What `failed` carries after an unexpected exception: an error of the kind the receiver
        handles (an OllamaError here), so a bug reaches the user as a message."""
        return OllamaError(f"internal error: {exc!r}")

    def _report(self, outcome: tuple[SignalInstance, tuple[Any, ...]]) -> None:
        signal, args = outcome
        try:
            signal.emit(*args)
        finally:
            self.signals.ended.emit()


class CallWorker(Worker):
    """Runs one blocking call, e.g. `lambda token: client.tags(token)`, and reports what it returned."""

    def __init__(self, call: Callable[[CancelToken], Any]) -> None:
        super().__init__()
        self._call = call

    def work(self) -> Any:
        return self._call(self.token)


class HistoryWorker(CallWorker):
    """Runs one job on the saved history (`core.history_store`, a chat file) and reports its outcome.

    The file's own troubles (a `StorageError`, an `OSError`, a `ValueError` such as a file that is
    not a chat) are plain failures; so is a bug, after its traceback is logged: the receiver tells
    the user the history or the file cannot be used, and the chat goes on.

    Thread: constructed on the GUI thread; `run()` on the history's one-thread pool, so jobs run in
    the order they were started.
    """

    expected = (StorageError, OSError, ValueError)

    def __init__(self, call: Callable[[], Any]) -> None:
        super().__init__(lambda _token: call())

    def crash_error(self, exc: Exception) -> Exception:
        # The history's receivers explain any exception (as a file that cannot be used, read or
        # saved); an OllamaError would wrongly blame the server.
        return exc


class TextBuffer:
    """Text handed from the worker thread to the GUI thread, coalesced.

    The worker appends every piece; only the append that finds the buffer empty asks for a signal,
    so the GUI thread gets one queued call per batch, not one per token, however fast tokens come.
    That append's time is kept: how long the oldest text not yet taken has waited.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._parts: list[str] = []
        self._since = 0.0

    def put(self, text: str) -> bool:
        """Add text; True when the buffer was empty (the reader must be told)."""
        with self._lock:
            self._parts.append(text)
            if len(self._parts) == 1:
                self._since = time.monotonic()
                return True
            return False

    def waiting_since(self) -> float | None:
        """When the oldest text not yet taken was added (`time.monotonic()`); None when there is none."""
        with self._lock:
            return self._since if self._parts else None

    def take(self) -> str:
        """Everything added since the last take, joined once."""
        with self._lock:
            parts, self._parts = self._parts, []
        return "".join(parts)


class ChatSignals(WorkerSignals):
    text_arrived = Signal()  # there is text in the worker's buffer (or its thinking buffer)
    first_token = Signal(float)  # seconds from sending to the first token (of thinking or answer)


class ChatStreamWorker(Worker):
    """Streams one /api/chat answer into a TextBuffer; `succeeded` carries the final ReplyStats.

    A reasoning model's `message.thinking` goes to a buffer of its own. `tokens` counts the chunks
    that carried text (Ollama sends one token a chunk), `first_token_at` and `last_token_at` are
    when the first and the latest came (`time.monotonic()`); the GUI thread reads them for the live
    speed and to notice a stall: plain attribute reads, which need no lock.

    Thread: constructed and cancelled on the GUI thread; `run()` on a pool thread.
    """

    signals: ChatSignals

    def __init__(self, client: OllamaClient, request: ChatRequest) -> None:
        super().__init__()
        self.signals = ChatSignals()
        self.buffer = TextBuffer()
        self.thinking = TextBuffer()
        self.tokens = 0
        self.first_token_at: float | None = None
        self.last_token_at: float | None = None
        self._client = client
        self._request = request

    def waiting_since(self) -> float | None:
        """When the oldest text (answer or thinking) not yet taken arrived; None when there is none."""
        waiting = (self.buffer.waiting_since(), self.thinking.waiting_since())
        return min((since for since in waiting if since is not None), default=None)

    def work(self) -> Any:
        started = time.monotonic()
        stats = None
        for chunk in self._client.chat(self._request, self.token):
            if chunk.content or chunk.thinking:
                self.tokens += 1
                self.last_token_at = time.monotonic()
                if self.first_token_at is None:
                    self.first_token_at = time.monotonic()
                    self.signals.first_token.emit(self.first_token_at - started)
                wake = bool(chunk.thinking) and self.thinking.put(chunk.thinking)
                if chunk.content and self.buffer.put(chunk.content):
                    wake = True
                if wake:
                    self.signals.text_arrived.emit()
            if chunk.done:
                stats = chunk.stats
        return stats


class WorkerPool(QObject):
    """The app's QThreadPool plus a registry of the workers alive on it.

    The registry keeps each worker (and its signals object) alive until its last signal has been
    delivered, and lets shutdown cancel whatever still runs. With `max_threads=1` the workers run
    one after the other in the order they were started (the saved history's pool: its writes keep
    their order and the file has one user at a time).

    Thread: GUI thread only.
    """

    def __init__(self, max_threads: int = 8, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._workers: set[Worker] = set()

    def start(self, worker: Worker) -> None:
        self._workers.add(worker)
        worker.signals.ended.connect(self._on_worker_ended)
        self._pool.start(worker)

    @Slot()
    def _on_worker_ended(self) -> None:
        signals = self.sender()
        for worker in list(self._workers):
            if worker.signals is signals:
                self._workers.discard(worker)
                # Deleted on the next loop turn, after every queued call it sent has run.
                signals.deleteLater()

    @property
    def busy(self) -> int:
        """How many workers have not yet delivered their last signal."""
        return len(self._workers)

    def active_threads(self) -> int:
        return self._pool.activeThreadCount()

    def wait(self, timeout_ms: int) -> bool:
        """Let every worker started so far run to its end (none is cancelled); True when all ended in
        time. Their last signals are delivered on later turns of the event loop, if there are any."""
        return self._pool.waitForDone(timeout_ms)

    def shutdown(self, timeout_ms: int = 1000) -> bool:
        """Cancel every worker and wait for the threads; True when all of them ended in time."""
        for worker in list(self._workers):
            worker.cancel()
        self._pool.clear()
        return self._pool.waitForDone(timeout_ms)
