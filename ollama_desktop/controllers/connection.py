"""Knowing whether Ollama is there, which version, and which models it has."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ollama_desktop.core.chat.thinking import at_least
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ErrorKind, OllamaError, ServerUnreachable, StreamIncomplete, error_kind
from ollama_desktop.core.responses import InstalledModel, ServerStatus
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.workers import CallWorker, WorkerPool, WorkerSignals


class State(enum.Enum):
    CHECKING = "checking"
    CONNECTED = "connected"
    UNREACHABLE = "unreachable"  # nothing answers at the address (or it went away mid-answer)
    # Something answers at the address, but not as Ollama does (`status.error` says how): the
    # address is probably another program's, not Ollama stopped; "install Ollama" would be wrong.
    NOT_OLLAMA = "not_ollama"


# A call that failed this way may mean the server is gone: the connection is checked at once rather
# than at the next scheduled check (up to `recheck_ms` later, when "Connected" would be a lie).
# GET /api/status (cloud models on or off) came with Ollama 0.16.
STATUS_SINCE = (0, 16)
SERVER_MAY_BE_GONE = frozenset({ErrorKind.UNREACHABLE, ErrorKind.CONNECTION_LOST, ErrorKind.TIMED_OUT})


def state_for(error: OllamaError) -> State:
    """The state a failed check leaves the connection in: unreachable only when nothing answered."""
    if isinstance(error, ServerUnreachable | StreamIncomplete):
        return State.UNREACHABLE
    return State.NOT_OLLAMA


@dataclass(frozen=True)
class ConnectionStatus:
    """What the status bar shows about the server."""

    state: State
    host: str
    version: str = ""
    error: OllamaError | None = None


class ConnectionController(QObject):
    """Checks /api/version on a timer and loads /api/tags whenever the server (re)appears.

    Checks never stack: while one is in flight the timer's tick is skipped, so a slow or dead server
    costs one pending request, not a queue of them.

    /api/tags is read again when asked (`refresh_models`), and every `models_ms` while someone
    watches the list (`watch_models`, the Models window), so a model pulled or removed in a
    terminal shows up. `models_loaded` is emitted only when the list differs from the last one
    (names, digests, modification times, sizes): a refresh that finds nothing new redraws nothing,
    which matters with thousands of models.

    Thread: GUI thread only; the calls run on the pool.
    """

    status_changed = Signal(object)  # ConnectionStatus
    models_loaded = Signal(object)  # tuple[InstalledModel, ...]
    # Whether the server has cloud models turned off (GET /api/status, Ollama 0.16+), asked once
    # each time the server (re)appears; False until told, and on older servers.
    cloud_status_changed = Signal(bool)

    def __init__(
        self,
        pool: WorkerPool,
        host: str,
        *,
        timeouts: Timeouts | None = None,
        retry_ms: int = 3000,
        recheck_ms: int = 15000,
        models_ms: int = 10000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._timeouts = timeouts or Timeouts()
        self._client = OllamaClient(host, self._timeouts)
        self._retry_ms = retry_ms
        self._recheck_ms = recheck_ms
        self._status = ConnectionStatus(State.CHECKING, host)
        self._models: tuple[InstalledModel, ...] = ()
        self._models_known = False
        self._check: CallWorker | None = None
        self._doubt_again = False  # a call failed while a check was on its way: check once more
        self._tags: CallWorker | None = None
        self._tags_again = False
        self._version = ""
        self._cloud: CallWorker | None = None
        self._cloud_disabled = False
        self._tags_error: OllamaError | None = None  # the last /api/tags failed, thus
        self._paused = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        self._watched = False
        self._models_timer = QTimer(self)
        self._models_timer.setInterval(models_ms)
        self._models_timer.timeout.connect(self.recheck_models)

    @property
    def client(self) -> OllamaClient:
        """The client for the current host (replaced when the host changes)."""
        return self._client

    @property
    def status(self) -> ConnectionStatus:
        return self._status

    @property
    def cloud_disabled(self) -> bool:
        """The server said cloud models are turned off (OLLAMA_NO_CLOUD)."""
        return self._cloud_disabled

    @property
    def models(self) -> tuple[InstalledModel, ...]:
        return self._models

    @property
    def models_known(self) -> bool:
        """Whether `models` is the server's answer (an empty tuple may also mean "not asked yet")."""
        return self._models_known

    def start(self) -> None:
        self.resume()

    def pause(self) -> None:
        """No checks until `resume()`: the window is hidden, nobody is looking."""
        self._paused = True
        self._timer.stop()
        self._models_timer.stop()

    def resume(self) -> None:
        self._paused = False
        self.check_now()
        if self._watched:
            self._models_timer.start()

    @property
    def watching_models(self) -> bool:
        """Whether the list is read again regularly now (watched, and the window not hidden)."""
        return self._models_timer.isActive()

    def watch_models(self, watching: bool) -> None:
        """The list is on screen (True) or no longer (False): while it is, read it now and regularly."""
        self._watched = watching
        if not watching:
            self._models_timer.stop()
            return
        if not self._paused:
            self._models_timer.start()
        self.recheck_models()

    @Slot()
    def recheck_models(self) -> None:
        """Read /api/tags again if connected (otherwise the next successful check reads it).

        A routine look: a read already on its way will do (unlike `refresh_models` after a change,
        which reads once more after it).
        """
        if self._status.state is State.CONNECTED and self._tags is None:
            self.refresh_models()

    def _schedule(self, ms: int) -> None:
        if not self._paused:
            self._timer.start(ms)

    def stop(self) -> None:
        """No more checks, and the ones in flight are cancelled (the window is closing)."""
        self.pause()
        self._cancel_pending()

    def _cancel_pending(self) -> None:
        for worker in (self._check, self._tags, self._cloud):
            if worker is not None:
                worker.cancel()

    def set_host(self, host: str) -> None:
        """Talk to another server from now on; results still coming from the old one are ignored."""
        self._timer.stop()
        self._cancel_pending()
        self._check = self._tags = self._cloud = None
        self._doubt_again = False
        self._set_cloud_disabled(False)
        self._client = OllamaClient(host, self._timeouts)
        self._models = ()
        self._models_known = False
        self._tags_error = None
        self.models_loaded.emit(self._models)
        self._set_status(ConnectionStatus(State.CHECKING, host))
        self.check_now()

    @Slot()
    def check_now(self) -> None:
        if self._check is not None:
            return
        client = self._client
        worker = CallWorker(client.version)
        worker.signals.succeeded.connect(self._on_version_succeeded)
        worker.signals.failed.connect(self._on_version_failed)
        worker.signals.cancelled.connect(self._on_check_cancelled)
        self._check = worker
        self._pool.start(worker)

    @Slot(object)
    def doubt(self, error: OllamaError) -> None:
        """Another call to the server failed with `error`: check now if it says the server may be gone."""
        if error_kind(error) not in SERVER_MAY_BE_GONE:
            return
        if self._check is not None:
            # The check on its way may have left before the server went: its "fine" proves nothing.
            self._doubt_again = True
        else:
            self.check_now()

    def refresh_models(self) -> None:
        """Reload /api/tags (after a pull or delete, or when the user asks).

        Never two at once; asked while one is on its way, it reads once more after that one (its
        answer may tell the list from before the change that prompted the ask).
        """
        if self._tags is not None:
            self._tags_again = True
            return
        self._tags_again = False
        worker = CallWorker(self._client.tags)
        worker.signals.succeeded.connect(self._on_tags_succeeded)
        worker.signals.failed.connect(self._on_tags_failed)
        worker.signals.cancelled.connect(self._on_tags_cancelled)
        self._tags = worker
        self._pool.start(worker)

    def probe(
        self, host: str, succeeded: Callable[[str], None], failed: Callable[[OllamaError], None]
    ) -> WorkerSignals:
        """Check another host's /api/version without switching to it (for the settings dialog).

        The callbacks are connected before the worker starts: a refused connection answers at once,
        and a signal emitted before anything is connected would be lost.
        """
        worker = CallWorker(OllamaClient(host, self._timeouts).version)
        worker.signals.succeeded.connect(succeeded)
        worker.signals.failed.connect(failed)
        self._pool.start(worker)
        return worker.signals

    def _is_current(self, worker: CallWorker | None) -> bool:
        return worker is not None and self.sender() is worker.signals

    @Slot(object)
    def _on_version_succeeded(self, version: str) -> None:
        if not self._is_current(self._check):
            return
        self._check = None
        self._version = version
        if self._doubt_again:
            self._doubt_again = False
            self.check_now()
            return
        if self._tags_error is not None:
            # It tells its version but its model list failed: "Connected" with no models would
            # hide that, so the problem stays shown until the list comes.
            self.refresh_models()
            self._schedule(self._retry_ms)
            return
        was_connected = self._status.state is State.CONNECTED
        self._set_status(ConnectionStatus(State.CONNECTED, self._client.host, version))
        if not was_connected:
            self.refresh_models()
            self._ask_cloud_status(version)
        self._schedule(self._recheck_ms)

    def _ask_cloud_status(self, version: str) -> None:
        """Ask /api/status once per connection, on servers that have it (0.16+)."""
        if self._cloud is not None or not at_least(version, STATUS_SINCE):
            return
        worker = CallWorker(self._client.status)
        worker.signals.succeeded.connect(self._on_cloud_status)
        worker.signals.failed.connect(self._on_cloud_status_failed)
        worker.signals.cancelled.connect(self._on_cloud_status_failed)
        self._cloud = worker
        self._pool.start(worker)

    @Slot(object)
    def _on_cloud_status(self, status: ServerStatus) -> None:
        if self._is_current(self._cloud):
            self._cloud = None
            self._set_cloud_disabled(status.cloud_disabled)

    @Slot()
    def _on_cloud_status_failed(self) -> None:
        # Not knowing is not a problem: a cloud model's own answer says it is off.
        if self._is_current(self._cloud):
            self._cloud = None

    def _set_cloud_disabled(self, disabled: bool) -> None:
        if disabled != self._cloud_disabled:
            self._cloud_disabled = disabled
            self.cloud_status_changed.emit(disabled)

    @Slot(object)
    def _on_version_failed(self, error: OllamaError) -> None:
        if not self._is_current(self._check):
            return
        self._check = None
        self._doubt_again = False
        self._set_status(ConnectionStatus(state_for(error), self._client.host, error=error))
        self._schedule(self._retry_ms)

    @Slot()
    def _on_check_cancelled(self) -> None:
        if self._is_current(self._check):
            self._check = None

    @Slot()
    def _on_tags_cancelled(self) -> None:
        if self._is_current(self._tags):
            self._tags = None

    @Slot(object)
    def _on_tags_succeeded(self, models: tuple[InstalledModel, ...]) -> None:
        if not self._is_current(self._tags):
            return
        self._tags = None
        if self._tags_error is not None:
            self._tags_error = None
            self._set_status(ConnectionStatus(State.CONNECTED, self._client.host, self._version))
        if not self._models_known or models != self._models:
            self._models = models
            self._models_known = True
            self.models_loaded.emit(models)
        if self._tags_again:
            self.refresh_models()

    @Slot(object)
    def _on_tags_failed(self, error: OllamaError) -> None:
        if self._is_current(self._tags):
            self._tags = None
            # Said in the status bar (a server that trickles or garbles its list must not read as
            # "Connected"); the next successful version check loads the models again.
            self._tags_error = error
            self._set_status(ConnectionStatus(state_for(error), self._client.host, error=error))
            self._schedule(self._retry_ms)

    def _set_status(self, status: ConnectionStatus) -> None:
        if status != self._status:
            self._status = status
            self.status_changed.emit(status)
