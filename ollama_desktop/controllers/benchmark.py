"""Running a benchmark off the GUI thread, keeping its history, and saving exports.

The whole sequence (unload → load → generate → record → next) runs in one `BenchmarkWorker` on the
app's pool and reports each step by signal (pytest-qt can wait for those; it cannot drive qasync
slots). Cancel makes the controller idle at once with the runs that had arrived, closes the
connection in flight, and ignores whatever the stopped worker still sends.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from ollama_desktop import app_version as installed_version
from ollama_desktop.core.errors import OllamaError
from ollama_desktop.workers import CallWorker, WorkerPool

# The app builds this controller before its first frame; what a benchmark needs (the runner, the
# history file's format, the machine reader, the exports) is imported when it is first used.
if TYPE_CHECKING:
    from ollama_desktop.controllers.benchmark_worker import BenchmarkWorker
    from ollama_desktop.core.benchmark.machine import MachineInfo
    from ollama_desktop.core.benchmark.runner import Progress
    from ollama_desktop.core.benchmark.runs import BenchmarkConfig, BenchmarkRecord, Environment, RunResult
    from ollama_desktop.core.benchmark.store import BenchmarkStore
    from ollama_desktop.core.client import OllamaClient

log = logging.getLogger(__name__)


def _read_history(store: BenchmarkStore) -> tuple[BenchmarkRecord, ...]:
    return store.load()


def _append(store: BenchmarkStore, record: BenchmarkRecord) -> str:
    """Save; "" on success, else the reason (a full disk is the user's news, not a crash)."""
    try:
        store.append(record)
    except OSError as exc:
        log.warning("could not save the benchmark to %s: %s", store.path, exc)
        return exc.strerror or str(exc)
    return ""


def _export(path: Path, text: str, excel_bom: bool) -> tuple[str, str]:
    """Write an export: the path, and "" or the reason it could not be written."""
    from ollama_desktop.core.benchmark.export import save_text  # noqa: PLC0415 - see the imports

    try:
        save_text(path, text, excel_bom=excel_bom)
    except OSError as exc:
        log.warning("could not write %s: %s", path, exc)
        return str(path), exc.strerror or str(exc)
    return str(path), ""


class BenchmarkController(QObject):
    """One benchmark at a time, plus the saved history.

    Thread: GUI thread only; the benchmark, the history file and exports are handled on the pool.

    Args:
        pool: the app's worker pool.
        client: gives the client of the current server when a benchmark starts.
        store_path: the history file of past benchmarks (the app passes
            AppLocalDataLocation/benchmarks.jsonl); read when the dialog first shows.
        app_version: recorded with every benchmark (None: the installed version, read when a
            benchmark starts).
        machine: describes this computer (tests pass a fixed one; None: read it).
    """

    started = Signal(object)  # BenchmarkConfig
    progressed = Signal(object)  # Progress
    environment_read = Signal(object)  # Environment
    run_recorded = Signal(object)  # RunResult
    finished = Signal(object)  # BenchmarkRecord, complete
    stopped = Signal(object)  # BenchmarkRecord with the runs that finished, complete=False
    broke_off = Signal(object, object)  # BenchmarkRecord so far, OllamaError (a bug, logged)
    busy_changed = Signal(bool)
    history_changed = Signal(object)  # tuple[BenchmarkRecord, ...], oldest first
    save_failed = Signal(str)  # the reason
    export_finished = Signal(str)  # the path
    export_failed = Signal(str, str)  # the path, the reason

    def __init__(
        self,
        pool: WorkerPool,
        client: Callable[[], OllamaClient],
        store_path: Path,
        *,
        app_version: str | None = None,
        machine: Callable[[], MachineInfo] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self._client = client
        self._store_path = store_path
        self._store_made: BenchmarkStore | None = None
        self._app_version = app_version
        self._machine = machine
        self._worker: BenchmarkWorker | None = None
        self._config: BenchmarkConfig | None = None
        self._environment: Environment | None = None
        self._results: list[RunResult] = []
        self._host = ""
        self._history: tuple[BenchmarkRecord, ...] = ()
        self._saved_here: list[BenchmarkRecord] = []
        self._history_worker: CallWorker | None = None
        self._last_progress: Progress | None = None

    @property
    def busy(self) -> bool:
        return self._worker is not None

    @property
    def history(self) -> tuple[BenchmarkRecord, ...]:
        """Past benchmarks, oldest first (including the ones run since the dialog opened)."""
        return self._history

    @property
    def last_progress(self) -> Progress | None:
        return self._last_progress

    @property
    def app_version(self) -> str:
        """The version recorded with each benchmark."""
        return self._app_version or installed_version()

    @property
    def _store(self) -> BenchmarkStore:
        if self._store_made is None:
            from ollama_desktop.core.benchmark.store import BenchmarkStore  # noqa: PLC0415 - see the imports

            self._store_made = BenchmarkStore(self._store_path)
        return self._store_made

    def load_history(self) -> None:
        """Read the history file on the pool; `history_changed` follows."""
        store = self._store
        worker = CallWorker(lambda _token: _read_history(store))
        worker.signals.succeeded.connect(self._on_history_read)
        self._history_worker = worker
        self._pool.start(worker)

    def start(self, config: BenchmarkConfig) -> bool:
        """Run `config`; False (nothing started) when busy or when it has nothing to run."""
        if self.busy or not config.models or not config.prompts or config.runs < 1:
            return False
        from ollama_desktop.controllers.benchmark_worker import BenchmarkWorker  # noqa: PLC0415 - see the imports

        client = self._client()
        worker = BenchmarkWorker(client, config, app_version=self.app_version, machine=self._machine)
        worker.signals.progressed.connect(self._on_progressed)
        worker.signals.environment_read.connect(self._on_environment_read)
        worker.signals.run_recorded.connect(self._on_run_recorded)
        worker.signals.succeeded.connect(self._on_succeeded)
        worker.signals.failed.connect(self._on_failed)
        self._worker = worker
        self._config = config
        self._environment = None
        self._results = []
        self._host = client.host
        self._last_progress = None
        self.started.emit(config)
        self.busy_changed.emit(True)
        self._pool.start(worker)
        return True

    def cancel(self) -> None:
        """Stop now, keeping the finished runs; the request in flight is closed."""
        worker = self._worker
        if worker is None:
            return
        worker.cancel()
        record = self._partial()
        self._finish()
        self.stopped.emit(record)
        self._save(record)

    def shutdown(self) -> None:
        """The dialog or the app is closing: stop whatever runs."""
        self.cancel()

    def export(self, path: Path, text: str, *, excel_bom: bool = False) -> None:
        """Write an export on the pool; `export_finished` or `export_failed` follows."""
        worker = CallWorker(lambda _token: _export(path, text, excel_bom))
        worker.signals.succeeded.connect(self._on_exported)
        self._pool.start(worker)

    # -- from the workers ------------------------------------------------------------------------

    def _from_current(self) -> bool:
        return self._worker is not None and self.sender() is self._worker.signals

    @Slot(object)
    def _on_progressed(self, progress: Progress) -> None:
        if self._from_current():
            self._last_progress = progress
            self.progressed.emit(progress)

    @Slot(object)
    def _on_environment_read(self, environment: Environment) -> None:
        if self._from_current():
            self._environment = environment
            self.environment_read.emit(environment)

    @Slot(object)
    def _on_run_recorded(self, result: RunResult) -> None:
        if self._from_current():
            self._results.append(result)
            self.run_recorded.emit(result)

    @Slot(object)
    def _on_succeeded(self, record: BenchmarkRecord) -> None:
        if not self._from_current():
            return
        self._finish()
        self.finished.emit(record)
        self._save(record)

    @Slot(object)
    def _on_failed(self, error: OllamaError) -> None:
        if not self._from_current():
            return
        record = self._partial()
        self._finish()
        self.broke_off.emit(record, error)
        self._save(record)

    @Slot(object)
    def _on_history_read(self, records: tuple[BenchmarkRecord, ...]) -> None:
        if self._history_worker is None or self.sender() is not self._history_worker.signals:
            return
        self._history_worker = None
        # A benchmark saved while the file was being read may or may not be in what was read.
        self._history = records + tuple(r for r in self._saved_here if r not in records)
        self.history_changed.emit(self._history)

    # -- helpers ---------------------------------------------------------------------------------

    def _partial(self) -> BenchmarkRecord:
        """The runs that arrived so far, as a record marked incomplete."""
        from ollama_desktop.core.benchmark.runs import BenchmarkRecord, Environment  # noqa: PLC0415 - see the imports

        assert self._config is not None
        environment = self._environment or Environment(
            ollama_version="", host=self._host, app_version=self.app_version, started_at=datetime.now(UTC)
        )
        return BenchmarkRecord(environment, self._config, tuple(self._results), complete=False)

    def _finish(self) -> None:
        self._worker = None
        self.busy_changed.emit(False)

    def _save(self, record: BenchmarkRecord) -> None:
        """Keep a benchmark that measured anything, in memory now and in the file on the pool."""
        if not record.results:
            return
        self._saved_here.append(record)
        self._history = (*self._history, record)
        self.history_changed.emit(self._history)
        store = self._store
        worker = CallWorker(lambda _token: _append(store, record))
        worker.signals.succeeded.connect(self._on_saved)
        self._pool.start(worker)

    @Slot(object)
    def _on_exported(self, outcome: tuple[str, str]) -> None:
        path, reason = outcome
        if reason:
            self.export_failed.emit(path, reason)
        else:
            self.export_finished.emit(path)

    @Slot(object)
    def _on_saved(self, reason: str) -> None:
        if reason:
            self.save_failed.emit(reason)
