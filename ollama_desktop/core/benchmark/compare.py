"""Comparing a benchmark with an earlier one: which one to compare with, and how much speed changed.

No Qt here: the dialog words the change ("25 % faster"), this module decides what it is.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ollama_desktop.core.benchmark.runs import BenchmarkRecord, ModelSummary, Spread


def default_baseline(
    record: BenchmarkRecord | None, history: Sequence[BenchmarkRecord]
) -> BenchmarkRecord | None:
    """The latest benchmark of `history` (oldest first) that ran before `record` and tested one of its
    models: what a finished benchmark is compared with unless the user chooses another.

    >>> from datetime import datetime, UTC
    >>> from ollama_desktop.core.benchmark.runs import BenchmarkConfig, Environment
    >>> def bench(day: int, *models: str) -> BenchmarkRecord:
    ...     when = datetime(2026, 1, day, tzinfo=UTC)
    ...     return BenchmarkRecord(Environment("", "", "", when), BenchmarkConfig(models, ()))
    >>> first, other, second = bench(1, "a"), bench(2, "b"), bench(3, "a", "c")
    >>> default_baseline(second, [first, other, second]) is first
    True
    >>> default_baseline(first, [first, other, second]) is None  # nothing ran before it
    True
    >>> default_baseline(None, [first]) is None
    True
    """
    if record is None:
        return None
    models = set(record.config.models)
    started = record.environment.started_at
    for earlier in reversed(history):
        if earlier.environment.started_at < started and models & set(earlier.config.models):
            return earlier
    return None


def change_percent(then: float | None, now: float | None) -> float | None:
    """How much faster (positive) or slower (negative) `now` is than `then`, in percent.

    None when either speed is missing, or `then` is not a speed to divide by.

    >>> change_percent(40.0, 50.0)
    25.0
    >>> change_percent(50.0, 40.0)
    -20.0
    >>> change_percent(None, 40.0) is None, change_percent(0.0, 40.0) is None
    (True, True)
    """
    if then is None or now is None or then <= 0:
        return None
    return (now - then) / then * 100


@dataclass(frozen=True)
class SpeedChange:
    """One model's median answer speed in the earlier benchmark, and the change since.

    Attributes:
        then: the earlier median speed (tokens/s); None when the model was not in it or never answered.
        percent: the change in percent (see `change_percent`); None when it cannot be said.
    """

    then: float | None
    percent: float | None

    @property
    def same(self) -> bool:
        """Within half a percent: "about the same" rather than "0 % faster".

        >>> SpeedChange(40.0, 0.4).same, SpeedChange(40.0, -0.6).same
        (True, False)
        """
        return self.percent is not None and round(self.percent) == 0


def _median(spread: Spread | None) -> float | None:
    return None if spread is None else spread.median


def speed_changes(now: Iterable[ModelSummary], baseline: Iterable[ModelSummary]) -> dict[str, SpeedChange]:
    """Each model of `now` against the same model in `baseline`, by model name.

    >>> from ollama_desktop.core.benchmark.runs import Spread
    >>> def summary(model: str, rate: float | None) -> ModelSummary:
    ...     spread = Spread(rate, rate, rate, 1) if rate is not None else None
    ...     return ModelSummary(model, "", 1, 0, spread, None, None, None, None, None, 0, 0, ())
    >>> changes = speed_changes([summary("a", 50.0), summary("b", 12.5)], [summary("a", 40.0)])
    >>> changes["a"]
    SpeedChange(then=40.0, percent=25.0)
    >>> changes["b"]
    SpeedChange(then=None, percent=None)
    """
    earlier = {summary.model: _median(summary.eval_rate) for summary in baseline}
    changes = {}
    for summary in now:
        then = earlier.get(summary.model)
        changes[summary.model] = SpeedChange(then, change_percent(then, _median(summary.eval_rate)))
    return changes
