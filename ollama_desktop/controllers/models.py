"""Models on the server's disk: details, delete, and pulling new ones with progress."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop.controllers.model_details import ModelDetailsLoader
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.models.pull import PullTracker
from ollama_desktop.workers import CallWorker, Worker, WorkerPool, WorkerSignals

# Progress reaches the GUI at most this often: a download sends many lines a second.
_PROGRESS_INTERVAL = 0.1


@dataclass(frozen=True)
class PullState:
    """A snapshot of a download for the progress bar."""

    model: str
    status: str
    completed: int
    total: int
    speed: float | None

    @property
    def fraction(self) -> float | None:
        return self.completed / self.total if self.total else None


class PullSignals(WorkerSignals):
    progressed = Signal(object)  # PullState


class PullWorker(Worker):
    """Runs one /api/pull on a pool thread, reporting throttled progress.

    Thread: constructed and cancelled on the GUI thread; `run()` on a pool thread.
    """

    signals: PullSignals

    def __init__(self, client: OllamaClient, model: str) -> None:
        super().__init__()
        self.signals = PullSignals()
        self._client = client
        self._model = model

    def work(self) -> Any:
        tracker = PullTracker()
        last = 0.0
        for progress in self._client.pull(self._model, self.token):
            tracker.add(progress)
            now = time.monotonic()
            if now - last >= _PROGRESS_INTERVAL or progress.status == "success":
                last = now
                state = PullState(
                    self._model, tracker.status, tracker.completed, tracker.total, tracker.speed()
                )
                self.signals.progressed.emit(state)
        return self._model


class ModelsController(QObject):
    """Details, delete and pull, one pull at a time.

    `details` fetches /api/show for the models the user looks at, a few at a time (see
    ModelDetailsLoader).

    Thread: GUI thread only; calls run on the pool.
    """

    deleted = Signal(str)
    delete_failed = Signal(str, object)
    pull_progressed = Signal(object)  # PullState
    pull_finished = Signal(str)
    pull_failed = Signal(str, object)
    pull_cancelled = Signal(str)

    def __init__(
        self, pool: WorkerPool, client: Callable[[], OllamaClient], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self._pull: PullWorker | None = None
        self._pulling = ""
        self.details = ModelDetailsLoader(pool, client, parent=self)

    def delete(self, name: str) -> None:
        client = self._client()
        worker = CallWorker(lambda token: client.delete(name, token))
        worker.signals.succeeded.connect(lambda _none: self.deleted.emit(name))
        worker.signals.failed.connect(lambda error: self.delete_failed.emit(name, error))
        self._pool.start(worker)

    def pull(self, name: str) -> bool:
        """Start downloading `name`; False when a download is already running or the name is empty."""
        name = name.strip()
        if self._pull is not None or not name:
            return False
        worker = PullWorker(self._client(), name)
        worker.signals.progressed.connect(self._on_pull_progressed)
        worker.signals.succeeded.connect(self._on_pull_succeeded)
        worker.signals.failed.connect(self._on_pull_failed)
        worker.signals.cancelled.connect(self._on_pull_cancelled)
        self._pull = worker
        self._pulling = name
        self._pool.start(worker)
        return True

    def cancel_pull(self) -> None:
        """Stop the download now: the connection closes and Ollama stops downloading."""
        worker, name = self._pull, self._pulling
        if worker is None:
            return
        worker.cancel()
        self._pull, self._pulling = None, ""
        self.pull_cancelled.emit(name)

    def _is_current(self) -> bool:
        return self._pull is not None and self.sender() is self._pull.signals

    @Slot(object)
    def _on_pull_progressed(self, state: PullState) -> None:
        if self._is_current():
            self.pull_progressed.emit(state)

    @Slot(object)
    def _on_pull_succeeded(self, name: str) -> None:
        if self._is_current():
            self._pull, self._pulling = None, ""
            self.pull_finished.emit(name)

    @Slot(object)
    def _on_pull_failed(self, error: OllamaError) -> None:
        if self._is_current():
            name = self._pulling
            self._pull, self._pulling = None, ""
            self.pull_failed.emit(name, error)

    @Slot()
    def _on_pull_cancelled(self) -> None:
        if self._is_current():
            name = self._pulling
            self._pull, self._pulling = None, ""
            self.pull_cancelled.emit(name)
