"""What /api/show says about the models the user looks at: fetched a few at a time, and kept.

A server may have thousands of models; one /api/show each (with its template, license and tensor
list) is neither cheap for the server nor needed. The window says which models are in view (the
selected one first, then the visible rows); this asks for those only, at most `in_flight` at once,
drops from its queue whatever scrolled out of view, and cancels a request still running for it.
Answers are kept per server and per model version (digest and modification time), so a model pulled
again is asked about again, and another server's model of the same name is never mixed up with it.

Thread: GUI thread only; the requests run on the pool.
"""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.responses import InstalledModel, ModelShow
from ollama_desktop.workers import CallWorker, WorkerPool

# (host, name, digest, modified_at): one version of one model on one server.
_Key = tuple[str, str, str, datetime | None]


class ModelDetailsLoader(QObject):
    """Fetches /api/show for the models in view, `in_flight` at a time, and remembers the answers.

    Thread: GUI thread only; the requests run on the pool.
    """

    loaded = Signal(str, object)  # name, ModelShow
    failed = Signal(str, object)  # name, OllamaError

    def __init__(
        self,
        pool: WorkerPool,
        client: Callable[[], OllamaClient],
        *,
        in_flight: int = 2,
        keep: int = 300,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self._max_in_flight = in_flight
        self._keep = keep
        self._cache: OrderedDict[_Key, ModelShow] = OrderedDict()
        self._failed: set[_Key] = set()  # not asked again until retried or `retry_failed()`
        self._queue: list[tuple[_Key, InstalledModel]] = []
        self._running: dict[_Key, CallWorker] = {}
        self._started: dict[QObject, _Key] = {}  # every worker's signals until its last signal

    def _key(self, model: InstalledModel) -> _Key:
        return (self._client().host, model.name, model.digest, model.modified_at)

    def get(self, model: InstalledModel) -> ModelShow | None:
        """What /api/show said about this version of `model` on the current server, if known."""
        return self._cache.get(self._key(model))

    @property
    def pending(self) -> int:
        """Requests running now (at most `in_flight`)."""
        return len(self._running)

    def want(self, models: Sequence[InstalledModel], *, retry: InstalledModel | None = None) -> None:
        """Fetch the details of `models`, most wanted first, instead of what was wanted before.

        Known ones are skipped, and so are ones that failed, unless it is `retry` (the user picked
        it). Requests running for models no longer wanted are cancelled.
        """
        if retry is not None:
            self._failed.discard(self._key(retry))
        queue: list[tuple[_Key, InstalledModel]] = []
        seen: set[_Key] = set()
        for model in models:
            key = self._key(model)
            if key in seen:
                continue
            seen.add(key)
            if key in self._cache:
                self._cache.move_to_end(key)
            elif key not in self._failed:
                queue.append((key, model))
        for key in [key for key in self._running if key not in seen]:
            self._running.pop(key).cancel()
        self._queue = [(key, model) for key, model in queue if key not in self._running]
        self._start_next()

    def retry_failed(self) -> None:
        """Ask again about models whose details could not be read (the window opens again)."""
        self._failed.clear()

    def cancel(self) -> None:
        """Nothing is wanted any more (the window closed)."""
        self.want(())

    def _start_next(self) -> None:
        while self._queue and len(self._running) < self._max_in_flight:
            key, model = self._queue.pop(0)
            worker = CallWorker(functools.partial(_show, self._client(), model.name))
            worker.signals.succeeded.connect(self._on_succeeded)
            worker.signals.failed.connect(self._on_failed)
            worker.signals.ended.connect(self._on_ended)
            self._running[key] = worker
            self._started[worker.signals] = key
            self._pool.start(worker)

    def _finish(self) -> _Key | None:
        """The key of the worker that sent the signal; frees its place when it is still running."""
        signals = self.sender()
        key = self._started.get(signals)
        if key is not None and (worker := self._running.get(key)) is not None and worker.signals is signals:
            del self._running[key]
            self._start_next()
        return key

    @Slot(object)
    def _on_succeeded(self, show: ModelShow) -> None:
        key = self._finish()
        if key is None:
            return
        # Kept even when no longer wanted: it arrived before the cancel could stop it.
        self._cache[key] = show
        self._cache.move_to_end(key)
        while len(self._cache) > self._keep:
            self._cache.popitem(last=False)
        self.loaded.emit(key[1], show)

    @Slot(object)
    def _on_failed(self, error: OllamaError) -> None:
        key = self._finish()
        if key is not None:
            self._failed.add(key)
            self.failed.emit(key[1], error)

    @Slot()
    def _on_ended(self) -> None:
        # Last of a worker's signals: also the way out of a cancelled one.
        self._finish()
        self._started.pop(self.sender(), None)


def _show(client: OllamaClient, name: str, token: CancelToken) -> ModelShow:
    return client.show(name, token)
