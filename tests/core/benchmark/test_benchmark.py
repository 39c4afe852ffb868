"""Benchmark maths, exports, history and the run sequence, without Qt.

The figures are checked against recorded server answers (transcripts 38, 39, 44): a benchmark must
report exactly what Ollama's counters say, after the trip through the client, the CSV and the
history file.
"""

from __future__ import annotations

import csv
import dataclasses
import doctest
import importlib
import io
import json
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from ollama_desktop.core.benchmark.export import CSV_COLUMNS, ExportTexts, save_text, to_csv, to_markdown
from ollama_desktop.core.benchmark.machine import MachineInfo
from ollama_desktop.core.benchmark.runner import BenchmarkRunner, Phase, Progress
from ollama_desktop.core.benchmark.runs import (
    BUILTIN_PROMPTS,
    DEFAULT_PROMPT_KEYS,
    DEFAULT_RUNS,
    BenchmarkConfig,
    BenchmarkPrompt,
    BenchmarkRecord,
    Environment,
    RunResult,
    Spread,
    custom_prompt,
    plan,
    suggest,
    summarize,
    summarize_by_prompt,
)
from ollama_desktop.core.benchmark.store import BenchmarkStore, record_from_json, record_to_json
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ErrorKind, ModelNotFound, OutOfMemory, RequestCancelled
from ollama_desktop.core.memory.residency import Placement
from ollama_desktop.core.responses import ChatChunk, ReplyStats
from ollama_desktop.core.timeouts import Timeouts
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama
from tests.transcripts import load_transcript

TIMING_TRANSCRIPTS = ("38", "39", "44")
MACHINE = MachineInfo("Test OS 1.0", "Test CPU, 8 threads", "Test GPU 12 GB")
SHORT = BUILTIN_PROMPTS[0]
LONG = BUILTIN_PROMPTS[1]
GB = 1_000_000_000


@pytest.mark.parametrize("name", ["benchmark.runs", "benchmark.export", "benchmark.machine"])
def test_doctests(name: str) -> None:
    module = importlib.import_module(f"ollama_desktop.core.{name}")
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0
    assert result.failed == 0


# -- helpers ---------------------------------------------------------------------------------------


def environment(**changes: Any) -> Environment:
    values: dict[str, Any] = {
        "ollama_version": "0.24.0",
        "host": "http://127.0.0.1:11434",
        "app_version": "0.1.0",
        "started_at": datetime(2026, 11, 22, 2, 28, 57, tzinfo=UTC),
        "os": MACHINE.os,
        "cpu": MACHINE.cpu,
        "gpu": MACHINE.gpu,
    }
    return Environment(**(values | changes))


def stats(eval_count: int, eval_duration: int, **more: Any) -> ReplyStats:
    values: dict[str, Any] = {
        "done_reason": "stop",
        "total_duration": eval_duration + 10**8,
        "load_duration": 10**8,
        "prompt_eval_count": 20,
        "prompt_eval_duration": 50_000_000,
        "eval_count": eval_count,
        "eval_duration": eval_duration,
    }
    return ReplyStats(**(values | more))


def run(model: str, number: int, tokens_per_second: float, placement: Placement = Placement.GPU) -> RunResult:
    """A successful run whose eval speed is exactly `tokens_per_second` (100 tokens)."""
    duration = round(100 / tokens_per_second * 1e9)
    return RunResult(
        model, "short", number, stats=stats(100, duration), placement=placement, model_bytes=6 * GB,
        gpu_bytes=6 * GB if placement is Placement.GPU else (3 * GB if placement is Placement.SPLIT else 0),
    )  # fmt: skip


def transcript_results() -> list[tuple[dict[str, Any], RunResult]]:
    """The timing transcripts' final answers as benchmark runs, with their raw JSON."""
    config = BenchmarkConfig(("gemma3:270m",), (LONG,), runs=len(TIMING_TRANSCRIPTS))
    pairs = []
    for name, step in zip(TIMING_TRANSCRIPTS, plan(config), strict=True):
        data = load_transcript(name).json()
        chunk = ChatChunk.from_generate_json(data)
        assert chunk.done
        assert chunk.stats is not None
        pairs.append((data, RunResult.measured(step, chunk.stats, 0.25, None, cold=name == "38")))
    return pairs


def record_of(results: list[RunResult], *, complete: bool = True, cold: bool = False) -> BenchmarkRecord:
    models = tuple(dict.fromkeys(r.model for r in results))
    config = BenchmarkConfig(models, (SHORT, LONG), runs=3, cold=cold)
    return BenchmarkRecord(environment(), config, tuple(results), complete)


# -- figures from recorded answers -----------------------------------------------------------------


def test_figures_equal_the_servers_counters_exactly() -> None:
    for data, result in transcript_results():
        assert result.eval_rate == data["eval_count"] / data["eval_duration"] * 1e9
        assert result.prompt_rate == data["prompt_eval_count"] / data["prompt_eval_duration"] * 1e9
        assert result.load_s == data["load_duration"] / 1e9
        assert result.total_s == data["total_duration"] / 1e9
        assert result.stats.eval_count == data["eval_count"]
        assert result.stats.prompt_eval_count == data["prompt_eval_count"]
        assert result.stats.done_reason == data["done_reason"]


def test_recorded_speeds_as_people_read_them() -> None:
    cold, warm, short = (result for _data, result in transcript_results())
    # 38: 200 tokens in 4.107 s after a 0.74 s cold load; 39 the same warm; 44 a 9-token answer.
    assert cold.eval_rate == pytest.approx(48.6948, abs=1e-4)
    assert cold.load_s == 0.73941458
    assert cold.stats.done_reason == "length"  # num_predict 200 cut it
    assert warm.eval_rate == pytest.approx(52.7610, abs=1e-4)
    assert warm.prompt_rate == pytest.approx(1130.6949, abs=1e-4)
    assert short.eval_rate == pytest.approx(44.0270, abs=1e-4)
    assert short.stats.done_reason == "stop"
    summary = summarize([cold, warm, short])[0]
    assert summary.eval_rate == Spread(cold.eval_rate, short.eval_rate, warm.eval_rate, 3)  # type: ignore[arg-type]


def test_the_runner_reports_the_servers_counters_through_the_real_client() -> None:
    """The recorded final lines, served by the fake, come out of a whole benchmark unchanged."""
    bodies = [load_transcript(name).body for name in TIMING_TRANSCRIPTS]
    with FakeOllama() as fake:
        for body in bodies:
            fake.script(raw_lines=[body])
        client = OllamaClient(fake.url, TEST_TIMEOUTS)
        config = BenchmarkConfig(("gemma3:270m",), (LONG,), runs=3)
        record = BenchmarkRunner(client, config, app_version="0.1.0", machine=lambda: MACHINE).run()
    assert len(record.results) == 3
    for body, result in zip(bodies, record.results, strict=True):
        data = json.loads(body)
        assert result.ok
        assert result.eval_rate == data["eval_count"] / data["eval_duration"] * 1e9
        if result.run == 1:
            assert result.prompt_rate == data["prompt_eval_count"] / data["prompt_eval_duration"] * 1e9
        else:
            # The same prompt again to a model still loaded: Ollama took it from its cache (recorded
            # warm: 1,131 tokens/s against 288 cold). No prompt speed rather than that one.
            assert result.stats.prompt_cached == data["prompt_eval_count"]
            assert result.prompt_rate is None
        assert result.stats.load_duration == data["load_duration"]
        assert result.stats.total_duration == data["total_duration"]
        assert result.first_token_s is not None
        assert result.first_token_s > 0
        # gemma3:270m sits on the CPU in the demo models, as on the recording machine.
        assert result.placement is Placement.CPU
        assert result.model_bytes == 477_798_912


# -- statistics ------------------------------------------------------------------------------------


def test_median_and_range_keep_one_noisy_run_from_deciding() -> None:
    results = [run("a", 1, 40.0), run("a", 2, 10.0), run("a", 3, 42.0)]
    summary = summarize(results)[0]
    assert summary.eval_rate is not None
    assert summary.eval_rate.median == pytest.approx(40.0)
    assert (summary.eval_rate.low, summary.eval_rate.high) == (pytest.approx(10.0), pytest.approx(42.0))
    assert summary.runs == 3
    assert summary.failed == 0


def test_even_number_of_runs_takes_the_middle_two() -> None:
    summary = summarize([run("a", i, v) for i, v in enumerate((10.0, 20.0, 30.0, 100.0), 1)])[0]
    assert summary.eval_rate is not None
    assert summary.eval_rate.median == pytest.approx(25.0)


def test_failed_runs_are_counted_but_not_averaged() -> None:
    step = plan(BenchmarkConfig(("a",), (SHORT,), runs=2))[1]
    failed = RunResult.failed(step, OutOfMemory(500, "model requires more system memory"))
    summary = summarize([run("a", 1, 30.0), failed])[0]
    assert (summary.runs, summary.failed) == (1, 1)
    assert summary.errors == (ErrorKind.OUT_OF_MEMORY,)
    assert summary.eval_rate is not None
    assert summary.eval_rate.count == 1
    assert failed.load_s is None
    assert failed.eval_rate is None
    assert failed.error_detail == "model requires more system memory"


def test_worst_placement_decides_whether_a_model_fits() -> None:
    summary = summarize([run("a", 1, 30.0), run("a", 2, 31.0, Placement.SPLIT)])[0]
    assert summary.placement is Placement.SPLIT
    assert not summary.fits_gpu
    assert summary.gpu_bytes == 3 * GB


def test_suggestion_is_the_fastest_that_fits_in_gpu_memory() -> None:
    results = [
        run("fast-but-split", 1, 90.0, Placement.SPLIT),
        run("gpu-slow", 1, 20.0),
        run("gpu-fast", 1, 45.0),
        run("cpu", 1, 5.0, Placement.CPU),
    ]
    suggestion = suggest(summarize(results))
    assert suggestion is not None
    assert suggestion.summary.model == "gpu-fast"
    assert suggestion.fits_gpu


def test_suggestion_when_nothing_fits_is_the_fastest_marked_so() -> None:
    suggestion = suggest(
        summarize([run("split", 1, 12.0, Placement.SPLIT), run("cpu", 1, 5.0, Placement.CPU)])
    )
    assert suggestion is not None
    assert (suggestion.summary.model, suggestion.fits_gpu) == ("split", False)
    step = plan(BenchmarkConfig(("gone",), (SHORT,)))[0]
    assert suggest(summarize([RunResult.failed(step, ModelNotFound(404, "model 'gone' not found"))])) is None


def test_summaries_per_prompt_keep_prompts_apart() -> None:
    results = [run("a", 1, 40.0), RunResult("a", "long", 1, stats=stats(100, 4 * 10**9))]
    by_prompt = summarize_by_prompt(results)
    assert [(s.model, s.prompt) for s in by_prompt] == [("a", "short"), ("a", "long")]
    assert by_prompt[1].eval_rate is not None
    assert by_prompt[1].eval_rate.median == pytest.approx(25.0)


def test_plan_counts_models_runs_and_prompts() -> None:
    steps = plan(BenchmarkConfig(("a", "b", "a"), (SHORT, LONG, custom_prompt(" mine ")), runs=2))
    assert len(steps) == 12  # a repeated model is run once
    step = steps[8]
    assert (step.model, step.model_number, step.model_count) == ("b", 2, 2)
    assert (step.run, step.runs, step.prompt_number, step.prompt_count) == (1, 2, 3, 3)
    assert step.prompt.text == "mine"
    assert SHORT.options() == {"temperature": 0, "seed": 42, "num_predict": 128}


@pytest.mark.parametrize(
    ("models", "prompts", "runs", "cold", "total"),
    [
        (("a",), 1, 2, False, 2),
        (("a", "b"), 1, 2, True, 4),
        (("a", "b", "c"), 2, 3, False, 18),
        (("a", "b", "a"), 5, 4, True, 40),  # a repeated model counts once
        (("a",), 1, 0, False, 0),
        ((), 2, 3, False, 0),
    ],
)
def test_the_plan_is_models_times_questions_times_runs_warm_or_cold(
    models: tuple[str, ...], prompts: int, runs: int, cold: bool, total: int
) -> None:
    steps = plan(BenchmarkConfig(models, BUILTIN_PROMPTS[:prompts], runs=runs, cold=cold))
    assert len(steps) == total
    assert all(step.total == total for step in steps)


def test_the_default_is_one_question_two_runs() -> None:
    config = BenchmarkConfig(("a",), tuple(p for p in BUILTIN_PROMPTS if p.key in DEFAULT_PROMPT_KEYS))
    assert config.runs == DEFAULT_RUNS == 2
    assert [p.key for p in config.prompts] == [SHORT.key]
    assert len(plan(config)) == 2


# -- exports ---------------------------------------------------------------------------------------


def mixed_record() -> BenchmarkRecord:
    (_, cold), (_, warm), (_, short) = transcript_results()
    step = plan(BenchmarkConfig(("missing:1b",), (SHORT,)))[0]
    missing = RunResult.failed(step, ModelNotFound(404, "model 'missing:1b' not found"))
    split = RunResult(
        "qwen|odd", "long", 1, stats=stats(50, 2 * 10**9), first_token_s=0.5, placement=Placement.SPLIT,
        model_bytes=6_400_000_000, gpu_bytes=3_840_000_000,
    )  # fmt: skip
    return record_of([cold, warm, short, missing, split], cold=True)


def test_csv_reads_back_to_the_exact_figures(tmp_path: Path) -> None:
    record = mixed_record()
    path = tmp_path / "bench.csv"
    save_text(path, to_csv(record), excel_bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    with path.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(record.results)
    for row, result in zip(rows, record.results, strict=True):
        assert row["model"] == result.model
        assert row["prompt"] == result.prompt
        assert int(row["run"]) == result.run
        assert row["start"] == ("cold" if result.cold else "warm")
        assert int(row["eval_count"]) == result.stats.eval_count
        assert int(row["eval_duration_ns"]) == result.stats.eval_duration
        assert int(row["load_duration_ns"]) == result.stats.load_duration
        assert int(row["total_duration_ns"]) == result.stats.total_duration
        assert row["done_reason"] == result.stats.done_reason
        assert row["ollama_version"] == "0.24.0"
        assert row["gpu"] == MACHINE.gpu
        if result.ok:
            assert float(row["eval_tokens_per_s"]) == result.eval_rate
            assert float(row["prompt_tokens_per_s"]) == result.prompt_rate
            assert float(row["load_s"]) == result.load_s
            assert row["error"] == ""
        else:
            assert row["eval_tokens_per_s"] == ""
            assert row["error"] == "model_not_found"
            assert row["error_message"] == "The model is not installed on this Ollama server."
            assert row["server_message"] == "model 'missing:1b' not found"
    transcript_38 = load_transcript("38").json()
    assert (
        float(rows[0]["eval_tokens_per_s"])
        == transcript_38["eval_count"] / transcript_38["eval_duration"] * 1e9
    )
    assert rows[4]["placement"] == "split"
    assert int(rows[4]["gpu_memory_bytes"]) == 3_840_000_000


def markdown_tables(text: str) -> dict[str, list[dict[str, str]]]:
    """Each "## heading"'s table as rows of {column: cell}; escaped pipes kept as "|"."""
    tables: dict[str, list[dict[str, str]]] = {}
    heading = ""
    header: list[str] = []
    for line in text.splitlines():
        if line.startswith("## "):
            heading, header = line[3:], []
            tables[heading] = []
        elif line.startswith("|") and not line.startswith("|---"):
            cells = [c.strip().replace("\\|", "|") for c in line.strip("|").replace("\\|", "\0").split("|")]
            cells = [c.replace("\0", "|") for c in cells]
            if not header:
                header = cells
            else:
                tables[heading].append(dict(zip(header, cells, strict=True)))
    return tables


def test_markdown_reads_back_to_the_rounded_figures() -> None:
    record = mixed_record()
    text = to_markdown(record)
    tables = markdown_tables(text)
    assert set(tables) == {"Per model", "Per model and prompt", "Every run", "Prompts"}
    runs = tables["Every run"]
    assert len(runs) == len(record.results)
    first = runs[0]
    assert first["Model"] == "gemma3:270m"
    assert first["Start"] == "cold"
    assert first["Speed (tokens/s)"] == "48.7"
    assert first["Loading (s)"] == "0.74"
    assert first["Answer tokens"] == "200"
    assert first["Ended"] == "at the length limit"
    assert runs[3]["Problem"] == "The model is not installed on this Ollama server."
    assert runs[4]["Model"] == "qwen|odd"
    assert runs[4]["Where it ran"] == "GPU 3.8 GB + RAM 2.6 GB"
    gemma = tables["Per model"][0]
    assert gemma["Runs"] == "3 of 3"
    assert gemma["Median speed (tokens/s)"] == "48.7"
    assert gemma["Slowest–fastest"] == "44.0–52.8"
    assert "- Ollama 0.24.0 at http://127.0.0.1:11434" in text
    assert "- Graphics card: Test GPU 12 GB" in text
    assert "Every run started cold" in text
    # gemma's placement is unknown and qwen was split: the fastest of all is named, as not fitting.
    assert "No model fitted fully in GPU memory. The fastest was **gemma3:270m** (48.7 tokens/s)." in text
    assert "Stopped before the end" not in text


def test_markdown_of_a_stopped_benchmark_says_so_in_the_given_words() -> None:
    texts = ExportTexts(stopped="Angehalten.", model="Modell")
    record = record_of([run("a", 1, 30.0)], complete=False)
    text = to_markdown(record, texts)
    assert "Angehalten." in text
    assert markdown_tables(text)["Every run"][0]["Modell"] == "a"
    assert "Suggested: **a**, the fastest model that fits fully in GPU memory (30.0 tokens/s)." in text


# -- history ---------------------------------------------------------------------------------------


def test_history_round_trip_is_exact(tmp_path: Path) -> None:
    store = BenchmarkStore(tmp_path / "sub" / "benchmarks.jsonl")
    assert store.load() == ()
    first, second = mixed_record(), record_of([run("a", 1, 33.3)], complete=False)
    store.append(first)
    store.append(second)
    assert store.load() == (first, second)
    assert record_from_json(json.loads(json.dumps(record_to_json(first)))) == first


def test_a_damaged_history_line_is_skipped_not_fatal(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "benchmarks.jsonl"
    good = record_of([run("a", 1, 30.0)])
    store = BenchmarkStore(path)
    store.append(good)
    with path.open("a", encoding="utf-8") as file:
        file.write('{"format": 1, "environment": "oops"}\n{not json\n\n{"format": 99}\n')
    store.append(good)
    assert store.load() == (good, good)
    assert caplog.text.count("skipped") == 3


def test_a_data_folder_that_is_a_file_has_no_history_and_saving_says_why(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be")
    store = BenchmarkStore(tmp_path / "data" / "benchmarks.jsonl")
    assert store.load() == ()
    with pytest.raises(FileExistsError):  # the controller says why (controllers/benchmark.py)
        store.append(record_of([run("a", 1, 30.0)]))


def test_a_saved_prompt_speed_from_a_cached_prompt_stays_unknown(tmp_path: Path) -> None:
    stats = ReplyStats("stop", prompt_eval_count=20, prompt_eval_duration=17_688_238, prompt_cached=20)
    store = BenchmarkStore(tmp_path / "benchmarks.jsonl")
    store.append(record_of([dataclasses.replace(run("a", 1, 30.0), stats=stats)]))
    (loaded,) = store.load()[0].results
    assert loaded.stats == stats
    assert loaded.prompt_rate is None


# -- the sequence against the fake server ----------------------------------------------------------


def until(condition: Any, timeout: float = 5.0) -> None:
    """Wait for another thread's progress (no Qt loop here to wait with), failing after `timeout`."""
    pause = threading.Event()
    for _ in range(int(timeout / 0.005)):
        if condition():
            return
        pause.wait(0.005)
    pytest.fail("the condition did not come true in time")


def runner(
    fake: FakeOllama, config: BenchmarkConfig, **kwargs: Any
) -> tuple[BenchmarkRunner, list[Progress]]:
    progress: list[Progress] = []
    client = OllamaClient(fake.url, kwargs.pop("timeouts", TEST_TIMEOUTS))
    bench = BenchmarkRunner(
        client, config, app_version="9.9", machine=lambda: MACHINE, on_progress=progress.append, **kwargs
    )
    return bench, progress


@pytest.fixture
def quick(fake: FakeOllama) -> FakeOllama:
    fake.default_tokens = ["Blue", " light", " scatters", "."]
    return fake


def test_cold_runs_unload_first_and_measure_loading(quick: FakeOllama) -> None:
    quick.load("llama3.1:8b")
    bench, progress = runner(
        quick, BenchmarkConfig(("llama3.1:8b", "gemma3:270m"), (SHORT,), runs=2, cold=True)
    )
    record = bench.run()
    assert [(r.model, r.run, r.cold, r.ok) for r in record.results] == [
        ("llama3.1:8b", 1, True, True),
        ("llama3.1:8b", 2, True, True),
        ("gemma3:270m", 1, True, True),
        ("gemma3:270m", 2, True, True),
    ]
    # A cold load reports the model's load time (1.2 s in the fake), a warm one 0.1 s.
    assert {r.stats.load_duration for r in record.results} == {1_200_000_000}
    assert [r.placement for r in record.results] == [Placement.GPU] * 2 + [Placement.CPU] * 2
    calls = [r.json for r in quick.requests_to("/api/chat")]
    # llama: before runs 1 and 2, and after its runs to free the memory for gemma;
    # gemma: not loaded before run 1, unloaded before run 2 and after its runs;
    # then llama, which was in memory before the benchmark, is loaded again.
    llama = {"model": "llama3.1:8b", "messages": [], "keep_alive": 0}
    gemma = {"model": "gemma3:270m", "messages": [], "keep_alive": 0}
    assert calls[:-1] == [llama, llama, llama, gemma, gemma]
    assert calls[-1]["model"] == "llama3.1:8b"
    assert calls[-1]["keep_alive"] > 0
    sent = quick.requests_to("/api/generate")[0].json
    assert sent["options"] == {"temperature": 0, "seed": 42, "num_predict": 128}
    assert sent["prompt"] == SHORT.text
    assert set(quick.loaded) == {"llama3.1:8b"}  # gemma freed, llama back as the user had it
    assert progress[0].phase is Phase.PREPARING
    assert Phase.UNLOADING in {p.phase for p in progress}
    assert (progress[-2].phase, progress[-2].done, progress[-2].total) == (Phase.UNLOADING, 4, 4)
    assert progress[-1].phase is Phase.RESTORING
    assert record.environment == Environment(
        "0.24.0", quick.url, "9.9", record.environment.started_at, MACHINE.os, MACHINE.cpu, MACHINE.gpu
    )


@pytest.mark.parametrize(("kept", "expect"), [(-1, -1), (90, 90), (None, 300)])
def test_what_was_in_memory_before_is_put_back_for_the_time_it_had_left(
    quick: FakeOllama, kept: float | None, expect: int
) -> None:
    quick.load("gemma3:270m", keep_alive=kept)  # the user's model, not benchmarked
    # Room for llama alone: its load pushes gemma out of memory, as Ollama's scheduler does.
    quick.memory_budget = 6_500_000_000
    bench, progress = runner(quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=1, cold=True))
    record = bench.run()
    assert [r.ok for r in record.results] == [True]
    assert set(quick.loaded) == {"gemma3:270m"}  # llama freed after its runs, gemma back
    restores = [r.json for r in quick.requests_to("/api/chat") if r.json.get("keep_alive") != 0]
    assert [r["model"] for r in restores] == ["gemma3:270m"]
    if expect < 0:
        assert restores[0]["keep_alive"] == -1
    else:  # the seconds it had left, less the benchmark's own time
        assert expect - 10 <= restores[0]["keep_alive"] <= expect
    assert progress[-1].phase is Phase.RESTORING


def test_a_cancelled_benchmark_puts_back_what_it_freed(quick: FakeOllama) -> None:
    quick.load("gemma3:270m", keep_alive=-1)
    quick.memory_budget = 6_500_000_000  # llama's load pushes gemma out
    quick.script(tokens=["word"] * 1000, chunk_delay=0.01)
    bench, _progress = runner(quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=2, cold=True))
    outcome: list[BaseException] = []

    def run() -> None:
        try:
            bench.run()
        except RequestCancelled as exc:
            outcome.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    until(lambda: len(quick.requests_to("/api/generate")) == 1 and "gemma3:270m" not in quick.loaded)
    bench.cancel()
    thread.join(10)
    assert outcome  # cancelled, as before
    assert "gemma3:270m" in quick.loaded  # but the user's model is back, kept for good as it was
    restore = [r.json for r in quick.requests_to("/api/chat") if r.json.get("model") == "gemma3:270m"]
    assert restore[-1]["keep_alive"] == -1


def test_nothing_is_put_back_when_nothing_was_freed(quick: FakeOllama) -> None:
    quick.load("gemma3:270m", keep_alive=-1)
    bench, progress = runner(quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=1, cold=True))
    bench.run()
    assert [r.json.get("keep_alive") for r in quick.requests_to("/api/chat")] == [0]  # llama's release
    assert Phase.RESTORING not in {p.phase for p in progress}


def test_warm_runs_load_once_and_do_not_count_loading(quick: FakeOllama) -> None:
    bench, progress = runner(quick, BenchmarkConfig(("llama3.1:8b",), (SHORT, LONG), runs=2))
    record = bench.run()
    assert [r.cold for r in record.results] == [False] * 4
    assert {r.stats.load_duration for r in record.results} == {100_000_000}
    warm_ups = [r.json for r in quick.requests_to("/api/generate") if not r.json.get("prompt")]
    assert warm_ups == [{"model": "llama3.1:8b", "prompt": "", "stream": True, "options": {}}]
    assert [p.phase for p in progress[:3]] == [Phase.PREPARING, Phase.LOADING, Phase.ANSWERING]


def test_errors_are_recorded_and_the_benchmark_goes_on(quick: FakeOllama) -> None:
    quick.script()
    quick.script(tokens=["par", "tial"], error_after=1, error_message="runner crashed")  # llama run 2
    quick.script()
    quick.script(status=500, body=b'{"error":"model requires more system memory (9 GiB) than is available"}')
    config = BenchmarkConfig(("llama3.1:8b", "gone:7b", "gemma3:270m"), (SHORT,), runs=3)
    bench, progress = runner(quick, config)
    record = bench.run()
    outcome = [(r.model, r.run, r.error) for r in record.results]
    assert outcome == [
        ("llama3.1:8b", 1, None),
        ("llama3.1:8b", 2, ErrorKind.SERVER_ERROR),  # a one-off: the next run goes on
        ("llama3.1:8b", 3, None),
        ("gone:7b", 1, ErrorKind.MODEL_NOT_FOUND),  # the rest of this model is skipped
        ("gemma3:270m", 1, ErrorKind.OUT_OF_MEMORY),  # and of this one
    ]
    assert record.results[1].error_detail == "runner crashed"
    assert record.complete
    # Every planned run is accounted for by the end, the skipped ones included.
    assert max(p.done for p in progress) == 9


def test_a_stalled_answer_times_out_as_a_recorded_error(quick: FakeOllama) -> None:
    quick.script(tokens=["a", "b"], stall_after=1)
    timeouts = Timeouts(connect=2, version=2, tags=2, ps=2, show=2, chat_read=2, generate=0.3, unload=2)
    bench, _ = runner(quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=2), timeouts=timeouts)
    record = bench.run()
    assert [r.error for r in record.results] == [ErrorKind.TIMED_OUT]
    assert quick.requests_to("/api/generate")[-1].client_hung_up.wait(5)


def test_cancel_closes_the_answer_in_flight_and_keeps_finished_runs(quick: FakeOllama) -> None:
    quick.script()
    quick.script(tokens=[f" w{i}" for i in range(2000)], chunk_delay=0.005)
    results: list[RunResult] = []
    bench, _ = runner(quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=3), on_result=results.append)
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            bench.run()
        except RequestCancelled as exc:
            outcome.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    try:
        # Requests: the warm-up, run 1, then run 2 streaming its long answer.
        until(
            lambda: (
                len(quick.requests_to("/api/generate")) == 3
                and quick.requests_to("/api/generate")[-1].tokens_sent
            )
        )
    finally:
        bench.cancel()
        thread.join(5)
    assert not thread.is_alive()
    assert len(outcome) == 1
    assert [r.run for r in results] == [1]
    assert quick.requests_to("/api/generate")[-1].client_hung_up.wait(5)


def test_cancel_during_the_unload_wait_stops_at_once(quick: FakeOllama) -> None:
    quick.ignore_unload = True  # the model never leaves /api/ps: the runner keeps polling
    quick.load("llama3.1:8b")
    bench, _ = runner(
        quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=1, cold=True), unload_timeout=30.0
    )
    failures: list[BaseException] = []

    def work() -> None:
        try:
            bench.run()
        except RequestCancelled as exc:
            failures.append(exc)

    thread = threading.Thread(target=work)
    thread.start()
    try:
        until(lambda: len(quick.requests_to("/api/ps")) >= 3)  # polling for the unload to show
    finally:
        bench.cancel()
        thread.join(2)
    assert not thread.is_alive()
    assert len(failures) == 1


def test_a_model_that_will_not_unload_is_recorded_as_a_warm_run(quick: FakeOllama) -> None:
    quick.ignore_unload = True
    quick.load("llama3.1:8b")
    bench, _ = runner(
        quick, BenchmarkConfig(("llama3.1:8b",), (SHORT,), runs=1, cold=True), unload_timeout=0.05
    )
    record = bench.run()
    assert [(r.ok, r.cold) for r in record.results] == [(True, False)]


def test_a_custom_prompt_is_sent_as_typed(quick: FakeOllama) -> None:
    prompt = BenchmarkPrompt("custom", "Écris un haïku sur la mer.", 64)
    bench, _ = runner(quick, BenchmarkConfig(("gemma3:270m",), (prompt,), runs=1))
    assert bench.run().results[0].prompt == "custom"
    body = quick.requests_to("/api/generate")[-1].json
    assert (body["prompt"], body["options"]["num_predict"]) == ("Écris un haïku sur la mer.", 64)


def test_csv_of_a_real_run_parses(quick: FakeOllama) -> None:
    bench, _ = runner(quick, BenchmarkConfig(("llama3.1:8b", "gemma3:270m"), (SHORT,), runs=2))
    record = bench.run()
    rows = list(csv.DictReader(io.StringIO(to_csv(record))))
    assert [float(row["eval_tokens_per_s"]) for row in rows] == [r.eval_rate for r in record.results]
    assert {row["placement"] for row in rows} == {"gpu", "cpu"}
    assert all(float(row["first_token_s"]) > 0 for row in rows)
