"""The saved history's file and the one thread that touches it, shared by the recorder of the live
chat and the chat list.

All file access runs on a one-thread `WorkerPool` the app hands in, in the order it was asked for, so
the GUI thread never waits on the disk and a write never overtakes an earlier one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Slot

from ollama_desktop.core.history.store import HistoryStore, StorageError, StorageUnavailable
from ollama_desktop.workers import HistoryWorker, WorkerPool

_Callbacks = tuple[Callable[[Any], Any] | None, Callable[[Exception], Any] | None, Callable[[], Any] | None]


def as_storage_error(error: Exception) -> StorageError:
    """A failure of a history job as the kind of StorageError the window explains."""
    return error if isinstance(error, StorageError) else StorageUnavailable(str(error))


class HistoryJobs(QObject):
    """The file, whether it is open, and its queue of jobs.

    A job's outcome reaches its callbacks through this object's slots, so once the controllers that
    own it are gone, a job that ends later calls nothing of theirs (the pool outlives them).

    Thread: GUI thread only; the jobs run on `pool`, which must have one thread.

    Args:
        store: the file; opened by the first job (`HistoryRecorder.start`).
        pool: the history's pool, of one thread (a test's pool fixture sees every job on it).
    """

    def __init__(self, store: HistoryStore, pool: WorkerPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = pool
        self.available = False  # the file is open
        self.stopped = False  # shut down: nothing more is queued
        self._callbacks: dict[QObject, _Callbacks] = {}

    @property
    def pending(self) -> int:
        """Jobs queued or running, or whose last report is not delivered yet (tests wait for 0)."""
        return self.pool.busy

    def run(
        self,
        call: Callable[[], Any],
        on_succeeded: Callable[[Any], Any] | None = None,
        on_failed: Callable[[Exception], Any] | None = None,
        *,
        on_ended: Callable[[], Any] | None = None,
    ) -> None:
        """Queue `call` after every job queued before it; its outcome comes back on the GUI thread."""
        if self.stopped:
            return
        job = HistoryWorker(call)
        self._callbacks[job.signals] = (on_succeeded, on_failed, on_ended)
        job.signals.succeeded.connect(self._on_job_succeeded)
        job.signals.failed.connect(self._on_job_failed)
        job.signals.ended.connect(self._on_job_ended)
        self.pool.start(job)

    def finish(self, timeout_ms: int) -> bool:
        """Queue nothing more and wait for the jobs queued so far; True when they all ended in time."""
        self.stopped = True
        return self.pool.wait(timeout_ms)

    @Slot(object)
    def _on_job_succeeded(self, result: object) -> None:
        on_succeeded = self._callbacks.get(self.sender(), (None, None, None))[0]
        if on_succeeded is not None:
            on_succeeded(result)

    @Slot(object)
    def _on_job_failed(self, error: Exception) -> None:
        on_failed = self._callbacks.get(self.sender(), (None, None, None))[1]
        if on_failed is not None:
            on_failed(error)

    @Slot()
    def _on_job_ended(self) -> None:
        on_ended = self._callbacks.pop(self.sender(), (None, None, None))[2]
        if on_ended is not None:
            on_ended()
