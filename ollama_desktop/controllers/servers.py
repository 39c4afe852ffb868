"""Every known server's status, checked in parallel so a dead one never delays another."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from ollama_desktop.controllers.connection import ConnectionStatus, State, state_for
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.core.servers.known import Server
from ollama_desktop.core.timeouts import Timeouts
from ollama_desktop.workers import CallWorker, WorkerPool

# Short: this only answers "is it there?", for the server picker's dots.
PROBE_TIMEOUTS = Timeouts(connect=3.0, version=3.0)


class ServersController(QObject):
    """Probes each server's /api/version every `interval_ms`, one request per server at most.

    Thread: GUI thread only; the probes run on the pool, one worker per server.
    """

    status_changed = Signal(str, object)  # url, ConnectionStatus

    def __init__(
        self,
        pool: WorkerPool,
        *,
        timeouts: Timeouts = PROBE_TIMEOUTS,
        interval_ms: int = 20000,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._timeouts = timeouts
        self._servers: list[Server] = []
        self._statuses: dict[str, ConnectionStatus] = {}
        self._pending: dict[str, CallWorker] = {}
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check_all)

    def set_servers(self, servers: list[Server]) -> None:
        self._servers = list(servers)
        urls = {server.url for server in servers}
        for url in [url for url in self._pending if url not in urls]:
            self._pending.pop(url).cancel()
        if self._timer.isActive():  # not before start: constructors and hidden windows do no I/O
            self.check_all()

    def resume(self) -> None:
        self._timer.start()
        self.check_all()

    def pause(self) -> None:
        self._timer.stop()

    def shutdown(self) -> None:
        self.pause()
        for worker in self._pending.values():
            worker.cancel()
        self._pending.clear()

    @Slot()
    def check_all(self) -> None:
        for server in self._servers:
            if server.url in self._pending:
                continue  # still waiting for that one: never stack requests on a slow server
            worker = CallWorker(OllamaClient(server.url, self._timeouts).version)
            url = server.url
            worker.signals.succeeded.connect(lambda version, url=url: self._on_done(url, version, None))
            worker.signals.failed.connect(lambda error, url=url: self._on_done(url, "", error))
            worker.signals.cancelled.connect(lambda url=url: self._pending.pop(url, None))
            self._pending[url] = worker
            self._pool.start(worker)

    def _on_done(self, url: str, version: str, error: OllamaError | None) -> None:
        if url not in self._pending:
            return  # removed or cancelled meanwhile
        del self._pending[url]
        state = state_for(error) if error is not None else State.CONNECTED
        status = ConnectionStatus(state, url, version, error)
        previous = self._statuses.get(url)
        self._statuses[url] = status
        if previous is None or (previous.state, previous.version) != (status.state, status.version):
            self.status_changed.emit(url, status)
