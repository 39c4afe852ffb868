"""What sits in memory: polling /api/ps, freeing memory, warming a model up, diagnosing failures."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError, RequestCancelled, RequestTimedOut
from ollama_desktop.core.responses import RunningModel, is_cloud_model
from ollama_desktop.workers import CallWorker, WorkerPool

if TYPE_CHECKING:
    from ollama_desktop.core.memory.unloading import UnloadResult


class ResidencyController(QObject):
    """Keeps an up-to-date view of /api/ps and runs the memory actions.

    Polling: every `interval_ms` while running, plus right after anything that changes memory (a
    load, an answer, an unload). A poll never stacks on a pending one, and `pause()` stops polling
    altogether (the window is hidden or minimised), so an idle app costs nothing.

    Thread: GUI thread only; calls run on the pool.
    """

    loaded_changed = Signal(object)  # tuple[RunningModel, ...]
    poll_failed = Signal(object)  # OllamaError
    unload_started = Signal(object)  # the names asked for, or None for all
    unload_finished = Signal(object)  # UnloadResult
    unload_failed = Signal(object)  # OllamaError
    loading_changed = Signal(str)  # the model being loaded now, "" when none
    load_failed = Signal(str, object)  # model, OllamaError
    diagnosis_ready = Signal(object)  # Diagnosis
    stall_diagnosed = Signal(object)  # Diagnosis of an answer that has gone quiet (still running)

    def __init__(
        self,
        pool: WorkerPool,
        client: Callable[[], OllamaClient],
        *,
        interval_ms: int = 5000,
        confirm_timeout: float = 10.0,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self._confirm_timeout = confirm_timeout
        self._loaded: tuple[RunningModel, ...] = ()
        self._known = False
        self._poll: CallWorker | None = None
        self._unload: CallWorker | None = None
        self._load: CallWorker | None = None
        self._loading = ""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.refresh_now)

    @property
    def loaded(self) -> tuple[RunningModel, ...]:
        return self._loaded

    @property
    def known(self) -> bool:
        """Whether /api/ps has answered at least once since the last failure."""
        return self._known

    @property
    def polling(self) -> bool:
        """Whether the regular poll is on (off while the window is hidden or minimised)."""
        return self._timer.isActive()

    @property
    def poll_pending(self) -> bool:
        return self._poll is not None

    @property
    def unloading(self) -> bool:
        return self._unload is not None

    @property
    def loading(self) -> str:
        return self._loading

    # -- polling -------------------------------------------------------------------------------

    def resume(self) -> None:
        """Poll now and then every interval (the window is visible)."""
        self._timer.start()
        self.refresh_now()

    def pause(self) -> None:
        """No polling at all until `resume()` or an explicit `refresh_now()`."""
        self._timer.stop()

    def shutdown(self) -> None:
        self.pause()
        for worker in (self._poll, self._unload, self._load):
            if worker is not None:
                worker.cancel()

    @Slot()
    def refresh_now(self) -> None:
        if self._poll is not None:
            return
        worker = CallWorker(self._client().ps)
        worker.signals.succeeded.connect(self._on_poll_succeeded)
        worker.signals.failed.connect(self._on_poll_failed)
        worker.signals.cancelled.connect(self._on_poll_cancelled)
        self._poll = worker
        self._pool.start(worker)

    def forget(self) -> None:
        """The server changed: what we knew about its memory no longer holds."""
        self._known = False
        self._set_loaded(())
        self.refresh_now()

    @Slot(object)
    def _on_poll_succeeded(self, loaded: tuple[RunningModel, ...]) -> None:
        if self._is(self._poll):
            self._poll = None
            self._known = True
            self._set_loaded(loaded)

    @Slot(object)
    def _on_poll_failed(self, error: OllamaError) -> None:
        if self._is(self._poll):
            self._poll = None
            self._known = False
            self._set_loaded(())
            self.poll_failed.emit(error)

    @Slot()
    def _on_poll_cancelled(self) -> None:
        if self._is(self._poll):
            self._poll = None

    def _set_loaded(self, loaded: tuple[RunningModel, ...]) -> None:
        self._loaded = loaded
        # Emitted every time: the "unloads in" countdown moves on even when nothing else changed.
        self.loaded_changed.emit(loaded)

    # -- unloading -----------------------------------------------------------------------------

    def unload(self, names: list[str] | None = None) -> bool:
        """Free the memory of `names` (all loaded models when None); False if an unload is running."""
        if self._unload is not None:
            return False
        if self._load is not None:
            # Freeing wins over a load still on its way: arriving after the unload, it would take
            # the memory again.
            self._load.cancel()
            self._end_load()
        # Loaded on the first unload, not with the window; likewise diagnose() below.
        from ollama_desktop.core.memory.unloading import unload_and_confirm  # noqa: PLC0415

        client = self._client()
        timeout = self._confirm_timeout
        worker = CallWorker(lambda token: unload_and_confirm(client, names, token, confirm_timeout=timeout))
        worker.signals.succeeded.connect(self._on_unload_succeeded)
        worker.signals.failed.connect(self._on_unload_failed)
        worker.signals.cancelled.connect(self._on_unload_cancelled)
        self._unload = worker
        self.unload_started.emit(names)
        self._pool.start(worker)
        return True

    @Slot(object)
    def _on_unload_succeeded(self, result: UnloadResult) -> None:
        if self._is(self._unload):
            self._unload = None
            self._known = True
            self._set_loaded(result.loaded_after)
            self.unload_finished.emit(result)

    @Slot(object)
    def _on_unload_failed(self, error: OllamaError) -> None:
        if self._is(self._unload):
            self._unload = None
            self.unload_failed.emit(error)
            self.refresh_now()

    @Slot()
    def _on_unload_cancelled(self) -> None:
        if self._is(self._unload):
            self._unload = None

    # -- warming up ----------------------------------------------------------------------------

    def warm_up(self, model: str, keep_alive: int | str | None = None) -> bool:
        """Load `model` now, so the first answer does not wait for it; False if a load is running,
        or for a cloud model (it runs on ollama.com: nothing to load here)."""
        if self._load is not None or not model or is_cloud_model(model):
            return False
        client = self._client()
        worker = CallWorker(lambda token: client.load(model, keep_alive, token))
        worker.signals.succeeded.connect(self._on_load_done)
        worker.signals.failed.connect(self._on_load_failed)
        worker.signals.cancelled.connect(self._on_load_done)
        self._load = worker
        self._loading = model
        self.loading_changed.emit(model)
        self._pool.start(worker)
        return True

    @Slot()
    def _on_load_done(self) -> None:
        if self._is(self._load):
            self._end_load()

    @Slot(object)
    def _on_load_failed(self, error: OllamaError) -> None:
        if self._is(self._load):
            model = self._loading
            self._end_load()
            self.load_failed.emit(model, error)

    def _end_load(self) -> None:
        self._load = None
        self._loading = ""
        self.loading_changed.emit("")
        self.refresh_now()

    # -- diagnosis -----------------------------------------------------------------------------

    def diagnose(self, error: OllamaError, model: str) -> None:
        """Look at /api/ps now and report the likely cause of `error` by `diagnosis_ready`.

        Only for errors /api/ps can explain (timeouts, stalls, out of memory, server failures).
        """
        from ollama_desktop.core.memory import diagnosis  # noqa: PLC0415 - see unload()

        if not diagnosis.worth_diagnosing(error):
            return
        self._look_at_ps(lambda loaded: self.diagnosis_ready.emit(diagnosis.diagnose(error, model, loaded)))

    def diagnose_stall(self, model: str) -> None:
        """Look at /api/ps now and report by `stall_diagnosed` why `model`'s answer went quiet.

        The answer is still running: judged as a stream that stalled, without ending it.
        """
        from ollama_desktop.core.memory import diagnosis  # noqa: PLC0415 - see unload()

        stalled = RequestTimedOut("the answer went quiet")
        self._look_at_ps(lambda loaded: self.stall_diagnosed.emit(diagnosis.diagnose(stalled, model, loaded)))

    def _look_at_ps(self, report: Callable[[tuple[RunningModel, ...] | None], None]) -> None:
        """/api/ps on a worker; `report` gets what it lists, or None when it failed too."""
        client = self._client()

        def look(token: CancelToken) -> tuple[RunningModel, ...] | None:
            try:
                return client.ps(token)
            except RequestCancelled:
                raise
            except OllamaError:
                return None  # /api/ps failing too says the server itself is in trouble

        worker = CallWorker(look)
        worker.signals.succeeded.connect(report)
        self._pool.start(worker)

    def _is(self, worker: CallWorker | None) -> bool:
        return worker is not None and self.sender() is worker.signals
