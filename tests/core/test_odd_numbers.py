"""Numbers from the server are checked once, where they are parsed: past a plausible bound they are
unknown (0), so nothing further in meets an out-of-range count or an absurd speed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ollama_desktop.core.benchmark.runs import BUILTIN_PROMPTS, PlannedRun, RunResult, suggest, summarize
from ollama_desktop.core.memory.residency import Placement, Residency
from ollama_desktop.core.models.pull import PullProgress
from ollama_desktop.core.responses import (
    MAX_BYTES,
    MAX_COUNT,
    MAX_DURATION_NS,
    MAX_RATE,
    ChatChunk,
    ModelShow,
    ReplyStats,
    parse_ps,
    parse_tags,
)

COUNTS = ("prompt_eval_count", "eval_count")
DURATIONS = ("total_duration", "load_duration", "prompt_eval_duration", "eval_duration")

ODD_NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([2**31 - 1, 2**31, 2**63 - 1, 2**63, 2**64, 10**30, -1, 0, 1]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.none(),
    st.text(max_size=5),
)


@settings(max_examples=400)
@given(st.fixed_dictionaries({name: ODD_NUMBERS for name in (*COUNTS, *DURATIONS)}))
def test_any_counters_parse_within_bounds_and_give_plausible_speeds(fields: dict[str, Any]) -> None:
    chunk = ChatChunk.from_chat_json({"message": {"content": ""}, "done": True, **fields})
    stats = chunk.stats
    assert stats is not None
    for name in COUNTS:
        assert 0 <= getattr(stats, name) <= MAX_COUNT
    for name in DURATIONS:
        assert 0 <= getattr(stats, name) <= MAX_DURATION_NS
    for speed in (stats.eval_rate, stats.prompt_rate):
        assert speed is None or 0 < speed <= MAX_RATE


@pytest.mark.parametrize(
    "fields",
    [
        {"eval_count": 2**31, "eval_duration": 1_000_000_000},  # raised in "%Ln tokens"
        {"eval_count": 2**63 - 1, "eval_duration": 1},  # the benchmark's 9.2e27 tokens/s
        {"eval_count": 10**30, "eval_duration": 10**30},
        {"eval_count": 40, "eval_duration": 1},  # a count over a nanosecond
        {"eval_count": 40, "eval_duration": -7_792_073_993},
        {"eval_count": 40.0, "eval_duration": float("inf")},
        {"eval_count": True, "eval_duration": 7_792_073_993},
    ],
)
def test_absurd_counters_are_unknown_not_absurd(fields: dict[str, Any]) -> None:
    stats = ReplyStats.from_json({"done_reason": "stop", **fields})
    assert stats.eval_rate is None


def test_real_counters_are_kept() -> None:
    stats = ReplyStats.from_json({"eval_count": 40, "eval_duration": 7792073993, "prompt_eval_count": 31.0})
    assert (stats.eval_count, stats.eval_duration, stats.prompt_eval_count) == (40, 7792073993, 31)
    assert stats.eval_rate == pytest.approx(5.1334, rel=1e-4)


@settings(max_examples=200)
@given(ODD_NUMBERS, ODD_NUMBERS, ODD_NUMBERS)
def test_sizes_and_contexts_within_bounds(size: Any, vram: Any, context: Any) -> None:
    (running,) = parse_ps(
        {"models": [{"name": "m", "size": size, "size_vram": vram, "context_length": context}]}
    )
    assert 0 <= running.size <= MAX_BYTES
    assert 0 <= running.size_vram <= MAX_BYTES
    assert 0 <= running.context_length <= MAX_COUNT
    (installed,) = parse_tags({"models": [{"name": "m", "size": size}]})
    assert 0 <= installed.size <= MAX_BYTES
    show = ModelShow.from_json({"model_info": {"llama.context_length": context}})
    assert 0 <= show.context_length <= MAX_COUNT


def _run(model: str, stats: ReplyStats) -> RunResult:
    step = PlannedRun(1, 1, model, 1, 1, 1, 1, BUILTIN_PROMPTS[0], 1, 1)
    where = Residency(model, Placement.GPU, 10, 10, 0, 4096, None)
    return RunResult.measured(step, stats, 0.2, where, cold=False)


def test_an_absurd_speed_is_never_the_suggested_model() -> None:
    honest = ReplyStats.from_json({"eval_count": 200, "eval_duration": 4_107_215_663})
    absurd = ReplyStats.from_json({"eval_count": 2**63 - 1, "eval_duration": 1})
    tiny = ReplyStats.from_json({"eval_count": 2**31 - 1, "eval_duration": 1})
    summaries = summarize([_run("absurd", absurd), _run("tiny", tiny), _run("honest", honest)])
    suggestion = suggest(summaries)
    assert suggestion is not None
    assert suggestion.summary.model == "honest"
    assert [s.eval_rate is None for s in summaries] == [True, True, False]


@settings(max_examples=100)
@given(ODD_NUMBERS, ODD_NUMBERS)
def test_pull_sizes_within_bounds(total: Any, completed: Any) -> None:
    progress = PullProgress.from_json(
        {"status": "pulling x", "digest": "sha256:x", "total": total, "completed": completed}
    )
    assert 0 <= progress.total <= MAX_BYTES
    assert 0 <= progress.completed <= MAX_BYTES
