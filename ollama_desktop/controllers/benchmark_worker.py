"""The worker that runs a whole benchmark on the app's pool.

Imported when the first benchmark starts, not with the window: the runner brings in the client's
unloading and the machine reader, which the first frame has no use for.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal

from ollama_desktop.core.benchmark.machine import MachineInfo, read_machine
from ollama_desktop.core.benchmark.runner import BenchmarkRunner
from ollama_desktop.core.benchmark.runs import BenchmarkConfig
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.workers import Worker, WorkerSignals


class BenchmarkSignals(WorkerSignals):
    """What a benchmark worker reports besides its end; `succeeded` carries the BenchmarkRecord."""

    progressed = Signal(object)  # Progress
    environment_read = Signal(object)  # Environment
    run_recorded = Signal(object)  # RunResult


class BenchmarkWorker(Worker):
    """Runs a whole benchmark plan.

    Thread: constructed and cancelled on the GUI thread; `run()` on a pool thread.
    """

    signals: BenchmarkSignals

    def __init__(
        self,
        client: OllamaClient,
        config: BenchmarkConfig,
        *,
        app_version: str,
        machine: Callable[[], MachineInfo] | None = None,
    ) -> None:
        super().__init__()
        self.signals = BenchmarkSignals()
        self._runner = BenchmarkRunner(
            client,
            config,
            app_version=app_version,
            token=self.token,
            on_progress=self.signals.progressed.emit,
            on_environment=self.signals.environment_read.emit,
            on_result=self.signals.run_recorded.emit,
            machine=machine or read_machine,
        )

    def cancel(self) -> None:
        """Close the request in flight and wake a pause between /api/ps checks."""
        self._runner.cancel()

    def work(self) -> Any:
        return self._runner.run()
