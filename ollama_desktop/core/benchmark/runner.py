"""The benchmark as a sequence: for every run unload or warm up → generate → ask where it sat → record.

Blocking, on one thread (a worker's), with no Qt: it reports through callbacks, so the Qt worker
only turns them into signals and the sequence itself is tested without an event loop. `cancel()` may
be called from any thread: it shuts the socket of the request in flight (Ollama stops generating
when the connection closes) and wakes any pause, and `run()` then raises `RequestCancelled`. What was
reported through `on_result` before that is complete and consistent; the run in flight is dropped.
"""

from __future__ import annotations

import enum
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from ollama_desktop.core.benchmark.machine import MachineInfo, read_machine
from ollama_desktop.core.benchmark.runs import (
    MODEL_ENDING_ERRORS,
    BenchmarkConfig,
    BenchmarkRecord,
    Environment,
    PlannedRun,
    RunResult,
    plan,
)
from ollama_desktop.core.cancel import CancelToken
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import OllamaError, RequestCancelled
from ollama_desktop.core.memory.residency import (
    Residency,
    find,
    keep_alive_left,
    now_utc,
    residency,
    same_model,
)
from ollama_desktop.core.memory.unloading import unload_and_confirm
from ollama_desktop.core.responses import ReplyStats

log = logging.getLogger(__name__)


class Phase(enum.Enum):
    """What the benchmark is doing now."""

    PREPARING = "preparing"  # reading the server's version and this machine's description
    UNLOADING = "unloading"  # freeing the model's memory before a cold run
    LOADING = "loading"  # loading the model before a warm run (not measured)
    ANSWERING = "answering"  # the measured generation
    RESTORING = "restoring"  # loading again what was in memory before the benchmark (not measured)


@dataclass(frozen=True)
class Progress:
    """Where the benchmark stands.

    Attributes:
        phase: what is happening.
        step: the run being prepared or measured; None while preparing.
        done: how many of the plan's runs are finished (measured, failed or skipped).
        total: how many runs the plan has.
    """

    phase: Phase
    step: PlannedRun | None
    done: int
    total: int


class BenchmarkRunner:
    """Runs one benchmark plan against one server.

    Args:
        client: the server's client.
        config: what to run.
        app_version: recorded in the environment.
        token: the cancel token every request of the sequence uses.
        on_progress, on_environment, on_result: called on the running thread as things happen.
        machine: describes this computer (tests pass a fixed one).
        clock: monotonic seconds, for the time to the first token and the unload deadline.
        unload_timeout: how long to wait for /api/ps to stop listing an unloaded model.
        poll_interval: the pause between two /api/ps checks.
    """

    def __init__(
        self,
        client: OllamaClient,
        config: BenchmarkConfig,
        *,
        app_version: str,
        token: CancelToken | None = None,
        on_progress: Callable[[Progress], None] | None = None,
        on_environment: Callable[[Environment], None] | None = None,
        on_result: Callable[[RunResult], None] | None = None,
        machine: Callable[[], MachineInfo] = read_machine,
        clock: Callable[[], float] = time.perf_counter,
        unload_timeout: float = 10.0,
        poll_interval: float = 0.1,
    ) -> None:
        self._client = client
        self._config = config
        self._app_version = app_version
        self._token = token or CancelToken()
        self._on_progress = on_progress or (lambda _progress: None)
        self._on_environment = on_environment or (lambda _environment: None)
        self._on_result = on_result or (lambda _result: None)
        self._machine = machine
        self._clock = clock
        self._unload_timeout = unload_timeout
        self._poll_interval = poll_interval
        self._stopped = threading.Event()
        self._cancel_lock = threading.Lock()
        self._cancels = 0
        self._restore_token: CancelToken | None = None
        self._steps = plan(config)
        self._done = 0

    def cancel(self) -> None:
        """Stop now, from any thread: closes the connection in flight and wakes a pause.

        What the runs had unloaded is then loaded again (see `run`); a second cancel (the app
        closing) stops that too.
        """
        with self._cancel_lock:
            self._cancels += 1
            token = self._token
            restore = self._restore_token
            self._stopped.set()
        token.cancel()
        if restore is not None and self._cancels > 1:
            restore.cancel()

    def run(self) -> BenchmarkRecord:
        """The whole plan; every run's result is also reported through `on_result` as it finishes.

        Raises:
            RequestCancelled: when `cancel()` was called; the results reported so far stand.
        """
        self._progress(Phase.PREPARING, None)
        environment = self._environment()
        self._on_environment(environment)
        before = self._loaded_now()
        try:
            results = self._run_all()
        except RequestCancelled:
            self._restore_after_cancel(before)
            raise
        self._restore(before, self._token)
        return BenchmarkRecord(environment, self._config, tuple(results), complete=True)

    def _run_all(self) -> list[RunResult]:
        results: list[RunResult] = []
        for model in dict.fromkeys(self._config.models):
            steps = [step for step in self._steps if step.model == model]
            skipping = False
            for step in steps:
                self._check()
                if skipping:
                    self._done += 1
                    continue
                result = self._run_one(step)
                self._done += 1
                results.append(result)
                self._on_result(result)
                skipping = result.error in MODEL_ENDING_ERRORS
            self._check()
            if steps:
                self._release(steps[-1])
        return results

    # -- steps -----------------------------------------------------------------------------------

    def _check(self) -> None:
        if self._stopped.is_set() or self._token.cancelled:
            raise RequestCancelled("benchmark")

    def _progress(self, phase: Phase, step: PlannedRun | None) -> None:
        self._on_progress(Progress(phase, step, self._done, len(self._steps)))

    def _environment(self) -> Environment:
        started = datetime.now(UTC)
        try:
            version = self._client.version(self._token)
        except RequestCancelled:
            raise
        except OllamaError as exc:
            # Not fatal here: the first run fails with the same error and says so in its row.
            log.info("benchmark: no version from %s: %s", self._client.host, exc)
            version = ""
        self._check()
        machine = self._machine()
        return Environment(
            ollama_version=version,
            host=self._client.host,
            app_version=self._app_version,
            started_at=started,
            os=machine.os,
            cpu=machine.cpu,
            gpu=machine.gpu,
        )

    def _run_one(self, step: PlannedRun) -> RunResult:
        """Prepare (cold: unload; warm: load) and measure one run; a server error becomes a result."""
        cold = False
        try:
            loaded = find(step.model, self._client.ps(self._token)) is not None
            if self._config.cold:
                if loaded:
                    self._progress(Phase.UNLOADING, step)
                    loaded = not self._unload(step.model)
                cold = not loaded
            elif not loaded:
                self._progress(Phase.LOADING, step)
                self._warm_up(step.model)
            self._check()
            self._progress(Phase.ANSWERING, step)
            return self._measure(step, cold)
        except RequestCancelled:
            raise
        except OllamaError as exc:
            if self._token.cancelled:
                raise RequestCancelled("benchmark") from exc
            log.info("benchmark: %s, %s run %d failed: %s", step.model, step.prompt.key, step.run, exc)
            return RunResult.failed(step, exc, cold=cold)

    def _measure(self, step: PlannedRun, cold: bool) -> RunResult:
        """Stream the answer (to see its first token), then ask /api/ps where the model sat."""
        started = self._clock()
        first_token_s: float | None = None
        stats: ReplyStats | None = None
        chunks = self._client.generate(step.model, step.prompt.text, step.prompt.options(), self._token)
        for chunk in chunks:
            if first_token_s is None and (chunk.content or chunk.thinking):
                first_token_s = self._clock() - started
            if chunk.done:
                stats = chunk.stats
        # The client raises StreamIncomplete for a stream without its done line, so stats is set.
        where = self._where(step.model)
        return RunResult.measured(step, stats or ReplyStats(), first_token_s, where, cold=cold)

    def _where(self, model: str) -> Residency | None:
        try:
            return find(model, self._client.ps(self._token))
        except RequestCancelled:
            raise
        except OllamaError as exc:
            log.info("benchmark: /api/ps failed after a run: %s", exc)
            return None

    def _warm_up(self, model: str) -> None:
        """Load the model without generating: /api/generate with no prompt (answers `done_reason: load`).

        Streamed through the client so that Cancel can close it like any other request.
        """
        for _chunk in self._client.generate(model, "", token=self._token):
            pass

    def _unload(self, model: str) -> bool:
        """Ask Ollama to unload `model`, then poll /api/ps until it is gone; False if still listed."""
        result = unload_and_confirm(
            self._client,
            [model],
            self._token,
            confirm_timeout=self._unload_timeout,
            poll_interval=self._poll_interval,
        )
        if result.still_loaded:
            log.warning("benchmark: %s still loaded %.0f s after unloading", model, self._unload_timeout)
        return not result.still_loaded

    def _loaded_now(self) -> tuple[Residency, ...]:
        """What /api/ps lists now; nothing when it cannot be read (then nothing is put back)."""
        try:
            return tuple(residency(model) for model in self._client.ps(self._token))
        except RequestCancelled:
            raise
        except OllamaError as exc:
            log.info("benchmark: /api/ps failed before the runs: %s", exc)
            return ()

    def _restore_after_cancel(self, before: tuple[Residency, ...]) -> None:
        """After Cancel: the runs stop at once, but what they unloaded is put back all the same,
        on a token of its own (the run's is cancelled); nothing more is reported."""
        with self._cancel_lock:
            if self._cancels > 1:
                return
            token = self._restore_token = CancelToken()
        self._on_progress = lambda _progress: None
        try:
            self._restore(before, token)
        except OllamaError as exc:
            log.info("benchmark: nothing loaded again after the cancel: %s", exc)

    def _restore(self, before: tuple[Residency, ...], token: CancelToken) -> None:
        """Load again what the user had in memory before the benchmark and the runs freed.

        Each model is kept for what was left of its time then (or for good, as it was); a model
        that no longer loads is only logged: the results stand.
        """
        if not before:
            return
        try:
            now = self._client.ps(token)
        except RequestCancelled:
            raise
        except OllamaError as exc:
            log.info("benchmark: /api/ps failed after the runs, nothing loaded again: %s", exc)
            return
        for model in before:
            if any(same_model(model.name, running.name) for running in now):
                continue
            keep_alive = keep_alive_left(model, now_utc())
            if keep_alive == 0:
                continue  # Ollama would have unloaded it by now anyway
            if token.cancelled:
                raise RequestCancelled("benchmark")
            self._progress(Phase.RESTORING, None)
            try:
                self._client.load(model.name, keep_alive, token)
            except RequestCancelled:
                raise
            except OllamaError as exc:
                if token.cancelled:
                    raise RequestCancelled("benchmark") from exc
                log.info("benchmark: could not load %s again: %s", model.name, exc)

    def _release(self, last: PlannedRun) -> None:
        """After a model's last run: free its memory for the next model. Failures only get logged."""
        model = last.model
        try:
            if find(model, self._client.ps(self._token)) is not None:
                self._progress(Phase.UNLOADING, last)
                self._unload(model)
        except RequestCancelled:
            raise
        except OllamaError as exc:
            if self._token.cancelled:
                raise RequestCancelled("benchmark") from exc
            log.info("benchmark: could not unload %s after its runs: %s", model, exc)
