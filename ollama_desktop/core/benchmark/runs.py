"""Benchmark maths: the prompts, the run plan, what one run measured, per-model statistics, the pick.

No Qt here, so every figure can be checked against recorded server answers in plain unit tests.
Speeds come from Ollama's own counters (`eval_count / eval_duration`, as `responses.rate` computes
them), never from the client's clock, which would count the network and the JSON parsing too; only
the time to the first token is the client's own measurement, because only the client can see it.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from ollama_desktop.core.errors import ErrorKind, OllamaError, error_kind, server_words
from ollama_desktop.core.memory.residency import Placement, Residency
from ollama_desktop.core.responses import NANOSECONDS, ReplyStats

# The longest answer a benchmark asks for. It bounds a run's time on a slow machine; a model that
# stops earlier by itself ends with done_reason "stop", one cut here with "length".
MAX_ANSWER_TOKENS = 512

# Sent with every benchmark request: temperature 0 and a fixed seed make a model give the same
# answer on every run, so the spread between runs is the machine's noise, not a longer answer.
BENCHMARK_OPTIONS: dict[str, int | float] = {"temperature": 0, "seed": 42}

CUSTOM_PROMPT = "custom"


@dataclass(frozen=True)
class BenchmarkPrompt:
    """One question the benchmark asks every model.

    Attributes:
        key: a stable identifier (`"short"`, `"code"`, … or `"custom"`), kept in saved results so a
            run can be compared with an older one; the UI shows a translated title for it.
        text: the prompt sent, never translated (the same words on every machine and language).
        num_predict: the answer's token limit.
    """

    key: str
    text: str
    num_predict: int = MAX_ANSWER_TOKENS

    def options(self) -> dict[str, int | float]:
        """The request's `options`: the fixed sampling settings plus this prompt's token limit."""
        return {**BENCHMARK_OPTIONS, "num_predict": self.num_predict}


BUILTIN_PROMPTS: tuple[BenchmarkPrompt, ...] = (
    BenchmarkPrompt("short", "Why is the sky blue? Answer in one sentence.", 128),
    BenchmarkPrompt(
        "long",
        "Write a detailed essay of about 400 words on the history of the bicycle, from the first "
        "wooden running machines to today's electric bikes.",
    ),
    BenchmarkPrompt(
        "code",
        "Write a Python function that checks whether a string is a palindrome, ignoring case, spaces "
        "and punctuation. Add a short docstring and three example tests.",
    ),
    BenchmarkPrompt("chinese", "请用中文详细介绍长城的历史：为什么修建、哪些朝代修建过，以及它今天的意义。"),
    BenchmarkPrompt("korean", "김치를 만드는 방법을 재료와 순서대로 한국어로 자세히 설명해 주세요."),
)


# The first benchmark the dialog offers: one model (the main window's), the first question, two runs
# each. Small on purpose: a 9 GB model writing an essay three times takes minutes on a CPU.
DEFAULT_PROMPT_KEYS: tuple[str, ...] = (BUILTIN_PROMPTS[0].key,)
DEFAULT_RUNS = 2


def custom_prompt(text: str) -> BenchmarkPrompt:
    """The user's own prompt."""
    return BenchmarkPrompt(CUSTOM_PROMPT, text.strip())


@dataclass(frozen=True)
class BenchmarkConfig:
    """What the user chose: which models, which prompts, how many runs, cold or warm.

    Attributes:
        models: model names, in the order they are benchmarked.
        prompts: the prompts every model answers.
        runs: how many times each model answers each prompt.
        cold: True to unload the model before every run, so each run measures loading too.
    """

    models: tuple[str, ...]
    prompts: tuple[BenchmarkPrompt, ...]
    runs: int = DEFAULT_RUNS
    cold: bool = False


@dataclass(frozen=True)
class PlannedRun:
    """One generation of the plan, with where it stands (for "model 2 of 4, run 3 of 5").

    All numbers count from 1.
    """

    number: int
    total: int
    model: str
    model_number: int
    model_count: int
    run: int
    runs: int
    prompt: BenchmarkPrompt
    prompt_number: int
    prompt_count: int


def plan(config: BenchmarkConfig) -> tuple[PlannedRun, ...]:
    """Every generation in order: model by model, and within a model run by run over the prompts.

    A model's runs stay together so it is loaded once (warm) and the next model gets the memory.

    >>> config = BenchmarkConfig(("a", "b"), BUILTIN_PROMPTS[:2], runs=2)
    >>> [(p.number, p.model, p.run, p.prompt.key) for p in plan(config)][:4]
    [(1, 'a', 1, 'short'), (2, 'a', 1, 'long'), (3, 'a', 2, 'short'), (4, 'a', 2, 'long')]
    >>> step = plan(config)[4]
    >>> (step.model, step.model_number, step.run, step.prompt_number)
    ('b', 2, 1, 1)
    >>> plan(config)[-1].number == plan(config)[-1].total == 8
    True
    """
    models, prompts = tuple(dict.fromkeys(config.models)), config.prompts
    total = len(models) * max(config.runs, 0) * len(prompts)
    steps: list[PlannedRun] = []
    for model_number, model in enumerate(models, 1):
        for run in range(1, config.runs + 1):
            for prompt_number, prompt in enumerate(prompts, 1):
                steps.append(
                    PlannedRun(
                        number=len(steps) + 1,
                        total=total,
                        model=model,
                        model_number=model_number,
                        model_count=len(models),
                        run=run,
                        runs=config.runs,
                        prompt=prompt,
                        prompt_number=prompt_number,
                        prompt_count=len(prompts),
                    )
                )
    return tuple(steps)


# After these a model's remaining runs would fail the same way (and a timeout would cost minutes
# each), so the benchmark goes on with the next model instead.
MODEL_ENDING_ERRORS = frozenset({ErrorKind.MODEL_NOT_FOUND, ErrorKind.OUT_OF_MEMORY, ErrorKind.TIMED_OUT})


def seconds(nanoseconds: int) -> float:
    """A duration of Ollama's (nanoseconds) in seconds.

    >>> seconds(739414580)
    0.73941458
    """
    return nanoseconds / NANOSECONDS


@dataclass(frozen=True)
class RunResult:
    """What one generation measured, or why it failed.

    Attributes:
        model: the model's name.
        prompt: the prompt's key.
        run: which repetition (from 1).
        cold: the model was confirmed out of memory when the run started, so the run loaded it.
        stats: the server's counters from the final line (all zero for a failed run).
        first_token_s: seconds from sending the request to the first piece of the answer, on the
            client's clock; None when no text came.
        placement: where /api/ps said the model sat right after the run; None when unknown.
        model_bytes: the model's size in memory then.
        gpu_bytes: how much of it was in GPU memory.
        error: why the run failed; None when it did not.
        error_detail: the server's own words about the failure.
    """

    model: str
    prompt: str
    run: int
    cold: bool = False
    stats: ReplyStats = field(default_factory=ReplyStats)
    first_token_s: float | None = None
    placement: Placement | None = None
    model_bytes: int = 0
    gpu_bytes: int = 0
    error: ErrorKind | None = None
    error_detail: str = ""

    @classmethod
    def measured(
        cls,
        step: PlannedRun,
        stats: ReplyStats,
        first_token_s: float | None,
        where: Residency | None,
        *,
        cold: bool,
    ) -> RunResult:
        """A successful run from its final line, the client's first-token time and /api/ps."""
        return cls(
            model=step.model,
            prompt=step.prompt.key,
            run=step.run,
            cold=cold,
            stats=stats,
            first_token_s=first_token_s,
            placement=where.placement if where else None,
            model_bytes=where.size if where else 0,
            gpu_bytes=where.gpu_bytes if where else 0,
        )

    @classmethod
    def failed(cls, step: PlannedRun, error: OllamaError, *, cold: bool = False) -> RunResult:
        """A run that ended in `error`."""
        return cls(
            model=step.model,
            prompt=step.prompt.key,
            run=step.run,
            cold=cold,
            error=error_kind(error),
            error_detail=server_words(error),
        )

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def eval_rate(self) -> float | None:
        """Answer speed, tokens per second: eval_count / eval_duration."""
        return self.stats.eval_rate

    @property
    def prompt_rate(self) -> float | None:
        """Prompt reading speed, tokens per second: prompt_eval_count / prompt_eval_duration."""
        return self.stats.prompt_rate

    @property
    def load_s(self) -> float | None:
        return seconds(self.stats.load_duration) if self.ok else None

    @property
    def total_s(self) -> float | None:
        return seconds(self.stats.total_duration) if self.ok else None


@dataclass(frozen=True)
class Spread:
    """The median of a few runs and their range, so one noisy run does not decide.

    >>> Spread.of([12.0, 10.0, 30.0])
    Spread(median=12.0, low=10.0, high=30.0, count=3)
    >>> Spread.of([None]) is None
    True
    """

    median: float
    low: float
    high: float
    count: int

    @classmethod
    def of(cls, values: Iterable[float | None]) -> Spread | None:
        present = [value for value in values if value is not None]
        if not present:
            return None
        return cls(statistics.median(present), min(present), max(present), len(present))


# Worst first: a model that spilled to the CPU in any run does not "fit in GPU memory".
_PLACEMENT_ORDER = {Placement.CPU: 0, Placement.SPLIT: 1, Placement.GPU: 2}


@dataclass(frozen=True)
class ModelSummary:
    """One model's figures over its runs (or over its runs of one prompt).

    Attributes:
        model: the model's name.
        prompt: the prompt's key when this summary covers one prompt only, else "".
        runs: how many runs succeeded.
        failed: how many failed.
        eval_rate, prompt_rate, load_s, total_s, first_token_s: median and range over the runs
            that succeeded; None when none did.
        placement: the worst placement seen in its runs (CPU over split over GPU).
        model_bytes, gpu_bytes: the memory figures of the run that had the worst placement.
        errors: the distinct reasons its runs failed, in the order they happened.
    """

    model: str
    prompt: str
    runs: int
    failed: int
    eval_rate: Spread | None
    prompt_rate: Spread | None
    load_s: Spread | None
    total_s: Spread | None
    first_token_s: Spread | None
    placement: Placement | None
    model_bytes: int
    gpu_bytes: int
    errors: tuple[ErrorKind, ...]

    @property
    def fits_gpu(self) -> bool:
        """Every successful run sat fully in GPU memory."""
        return self.placement is Placement.GPU


def _placement_rank(result: RunResult) -> int:
    return _PLACEMENT_ORDER[result.placement] if result.placement else len(_PLACEMENT_ORDER)


def summarize_runs(model: str, results: Sequence[RunResult], prompt: str = "") -> ModelSummary:
    """Median and range over `results`, which all belong to `model`."""
    good = [result for result in results if result.ok]
    placed = [result for result in good if result.placement is not None]
    worst = min(placed, key=_placement_rank, default=None)
    errors: list[ErrorKind] = []
    for result in results:
        if result.error is not None and result.error not in errors:
            errors.append(result.error)
    return ModelSummary(
        model=model,
        prompt=prompt,
        runs=len(good),
        failed=len(results) - len(good),
        eval_rate=Spread.of(r.eval_rate for r in good),
        prompt_rate=Spread.of(r.prompt_rate for r in good),
        load_s=Spread.of(r.load_s for r in good),
        total_s=Spread.of(r.total_s for r in good),
        first_token_s=Spread.of(r.first_token_s for r in good),
        placement=worst.placement if worst else None,
        model_bytes=worst.model_bytes if worst else 0,
        gpu_bytes=worst.gpu_bytes if worst else 0,
        errors=tuple(errors),
    )


def _in_order(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def summarize(results: Sequence[RunResult]) -> tuple[ModelSummary, ...]:
    """One summary per model, over all its prompts, in the order the models ran."""
    return tuple(
        summarize_runs(model, [r for r in results if r.model == model])
        for model in _in_order(r.model for r in results)
    )


def summarize_by_prompt(results: Sequence[RunResult]) -> tuple[ModelSummary, ...]:
    """One summary per model and prompt, in the order they ran."""
    pairs = _in_order(f"{r.model}\n{r.prompt}" for r in results)
    summaries = []
    for pair in pairs:
        model, prompt = pair.split("\n", 1)
        runs = [r for r in results if r.model == model and r.prompt == prompt]
        summaries.append(summarize_runs(model, runs, prompt))
    return tuple(summaries)


@dataclass(frozen=True)
class Suggestion:
    """The model to use: the fastest that fits fully in GPU memory.

    Attributes:
        summary: that model's figures.
        fits_gpu: False when no model fitted, and this is merely the fastest of all.
    """

    summary: ModelSummary
    fits_gpu: bool


def suggest(summaries: Iterable[ModelSummary]) -> Suggestion | None:
    """The fastest model (by median answer speed) that fits fully in GPU memory.

    When none fits, the fastest of all, marked as not fitting; None when no run succeeded.
    """
    measured = [s for s in summaries if s.eval_rate is not None]
    if not measured:
        return None
    fitting = [s for s in measured if s.fits_gpu]
    pool = fitting or measured
    best = max(pool, key=lambda s: s.eval_rate.median if s.eval_rate else 0.0)
    return Suggestion(best, bool(fitting))


@dataclass(frozen=True)
class Environment:
    """Where and when a benchmark ran, so results from different days and machines can be told apart.

    Attributes:
        ollama_version: the server's version ("" when it could not be read).
        host: the server's address.
        app_version: this app's version.
        started_at: when the benchmark started (UTC).
        os: the operating system, e.g. "Ubuntu 24.04.1 LTS (Linux 6.8.0, x86_64)".
        cpu: the processor's name and thread count.
        gpu: the graphics card's name when it can be read without extra drivers, else "".
    """

    ollama_version: str
    host: str
    app_version: str
    started_at: datetime
    os: str = ""
    cpu: str = ""
    gpu: str = ""


@dataclass(frozen=True)
class BenchmarkRecord:
    """One benchmark: its settings, where it ran, and every run's result.

    Attributes:
        environment: where and when.
        config: what was asked.
        results: one per run that finished, in the order they ran.
        complete: False when the user stopped it (or it broke off) before the plan's end.
    """

    environment: Environment
    config: BenchmarkConfig
    results: tuple[RunResult, ...] = ()
    complete: bool = True

    def summaries(self) -> tuple[ModelSummary, ...]:
        return summarize(self.results)

    def suggestion(self) -> Suggestion | None:
        return suggest(self.summaries())
