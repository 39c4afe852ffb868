"""The Benchmark dialog driven like a user, against the fake Ollama over real HTTP.

Two models (llama3.1:8b all in GPU memory, gemma3:270m on the CPU), three runs, cold and warm, a
failing run, Cancel in the middle, the exports read back, and the history compared.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

from ollama_desktop.controllers.benchmark import BenchmarkController
from ollama_desktop.core.benchmark.export import CSV_COLUMNS
from ollama_desktop.core.benchmark.machine import MachineInfo
from ollama_desktop.core.benchmark.runs import (
    BUILTIN_PROMPTS,
    BenchmarkConfig,
    BenchmarkRecord,
    RunResult,
    plan,
    summarize,
)
from ollama_desktop.core.benchmark.store import BenchmarkStore
from ollama_desktop.core.client import OllamaClient
from ollama_desktop.core.errors import ErrorKind
from ollama_desktop.core.memory.residency import Placement
from ollama_desktop.core.responses import InstalledModel, ReplyStats
from ollama_desktop.ui.benchmark.chart import BAR_WIDTH, ChartSet, RangeMark, SpeedChart
from ollama_desktop.ui.benchmark.dialog import BenchmarkDialog
from ollama_desktop.ui.benchmark.table import Cell, ResultsTable
from ollama_desktop.ui.screen_fit import WINDOW_FRAME, fit_to_screen
from ollama_desktop.workers import WorkerPool
from tests.conftest import TEST_TIMEOUTS
from tests.fake_ollama import FakeOllama

LLAMA, GEMMA = "llama3.1:8b", "gemma3:270m"
MACHINE = MachineInfo("Test OS", "Test CPU, 8 threads", "")
OOM = b'{"error":"model requires more system memory (9.1 GiB) than is available (4.0 GiB)"}'


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "benchmarks.jsonl"


@pytest.fixture
def dialog(qtbot, pool: WorkerPool, fake: FakeOllama, store_path: Path) -> BenchmarkDialog:  # type: ignore[no-untyped-def]
    fake.default_tokens = ["Blue", " light", " scatters", " most", "."]
    # Distinct speeds, so the medians and the chart tell the models apart.
    fake.models[GEMMA].eval_tps = 12.5
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    controller = BenchmarkController(
        pool, lambda: client, store_path, app_version="9.9", machine=lambda: MACHINE
    )
    window = BenchmarkDialog(controller, client.tags(), current_model=LLAMA)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.controller.history_changed):
        window.show()
    window.set_model_checked(GEMMA, True)  # both models, in most tests
    return window


def choose(
    dialog: BenchmarkDialog, *, runs: int = 3, cold: bool = False, prompts: tuple[str, ...] = ("short",)
) -> None:
    for key, box in dialog.setup.prompt_boxes.items():
        box.setChecked(key in prompts)
    dialog.setup.runs_spin.setValue(runs)
    (dialog.setup.cold_radio if cold else dialog.setup.warm_radio).setChecked(True)


def run_to_end(qtbot, dialog: BenchmarkDialog) -> BenchmarkRecord:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(dialog.controller.finished, timeout=10_000) as blocker:
        qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    record = blocker.args[0]
    assert isinstance(record, BenchmarkRecord)
    return record


def column(dialog: BenchmarkDialog, table: Any, heading: str) -> list[str]:
    index = table.column(heading)
    assert index >= 0, heading
    return [row[index] for row in table.texts()]


def test_both_models_are_offered_with_their_sizes(dialog: BenchmarkDialog) -> None:
    labels = dialog.setup.model_ticks.labels()
    assert labels == ["llama3.1:8b · 8.0B · Q4_K_M · 4.9 GB", "gemma3:270m · 268.10M · Q4_K_M · 253 MB"]
    assert dialog.chosen_models() == [LLAMA, GEMMA]
    assert dialog.run_button.isEnabled()


def bare_dialog(qtbot, pool: WorkerPool, fake: FakeOllama, store_path: Path, current: str) -> BenchmarkDialog:  # type: ignore[no-untyped-def]
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    controller = BenchmarkController(pool, lambda: client, store_path, machine=lambda: MACHINE)
    window = BenchmarkDialog(controller, client.tags(), current_model=current)
    qtbot.addWidget(window)
    return window


def test_the_first_benchmark_is_the_main_windows_model_one_question_two_runs(
    qtbot, pool: WorkerPool, fake: FakeOllama, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = bare_dialog(qtbot, pool, fake, store_path, GEMMA)
    assert dialog.chosen_models() == [GEMMA]
    assert [p.key for p in dialog.setup.chosen_prompts()] == [BUILTIN_PROMPTS[0].key]
    assert dialog.setup.runs_spin.value() == 2
    assert dialog.setup.run_count() == 2
    assert dialog.hint_label.text().startswith("2 runs in all.")
    assert dialog.run_button.isEnabled()
    # Before a start the bar counts nothing: it is not shown at all.
    assert not dialog.progress.bar.isVisibleTo(dialog)
    # Another model in the main window, the ticks untouched: the new one is ticked instead.
    dialog.set_current_model(LLAMA)
    assert dialog.chosen_models() == [LLAMA]
    # Once the user chose, the main window's model no longer changes the ticks.
    dialog.set_model_checked(GEMMA, True)
    dialog.set_current_model(GEMMA)
    assert dialog.chosen_models() == [LLAMA, GEMMA]


def test_without_a_model_in_the_main_window_nothing_is_ticked_and_it_says_why(
    qtbot, pool: WorkerPool, fake: FakeOllama, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = bare_dialog(qtbot, pool, fake, store_path, "")
    assert dialog.chosen_models() == []
    assert not dialog.run_button.isEnabled()
    assert "No model is chosen in the main window" in dialog.hint_label.text()
    dialog.set_models([*OllamaClient(fake.url).tags(), InstalledModel("phi4:14b", 9_100_000_000)])
    assert dialog.chosen_models() == []  # a model new to the list is not ticked by itself


@pytest.mark.parametrize(
    ("models", "prompts", "runs", "cold", "total"),
    [
        ((LLAMA,), ("short",), 2, False, 2),
        ((LLAMA, GEMMA), ("short",), 2, False, 4),
        ((LLAMA, GEMMA), ("short", "long"), 3, False, 12),
        ((LLAMA, GEMMA), ("short", "long", "code"), 5, True, 30),
        ((GEMMA,), ("korean",), 20, True, 20),
    ],
)
def test_the_run_count_is_the_plans_length_and_the_bar_counts_it(
    qtbot,
    dialog: BenchmarkDialog,
    models: tuple[str, ...],
    prompts: tuple[str, ...],
    runs: int,
    cold: bool,
    total: int,
) -> None:  # type: ignore[no-untyped-def]
    for name in (LLAMA, GEMMA):
        dialog.set_model_checked(name, name in models)
    choose(dialog, runs=runs, cold=cold, prompts=prompts)
    assert dialog.setup.run_count() == total == len(plan(dialog.setup.config()))
    assert dialog.hint_label.text().startswith(f"{total} runs in all.")
    assert ("loads its model first" in dialog.hint_label.text()) is cold
    dialog.progress.start(dialog.setup.config())
    assert dialog.progress.bar.isVisibleTo(dialog)
    assert dialog.progress.bar.text() == f"0 of {total} runs done"


def test_the_dialog_fits_a_small_laptop_screen(qtbot, dialog: BenchmarkDialog) -> None:  # type: ignore[no-untyped-def]
    available = QRect(0, 0, 1366, 728)  # 1366×768 less a 40-pixel taskbar
    size = fit_to_screen(dialog, dialog.PREFERRED_SIZE, available)
    assert size == dialog.size() == QSize(1100, 680)
    framed = size + WINDOW_FRAME
    assert framed.width() <= available.width()
    assert framed.height() <= available.height()
    # Its layout can go smaller still: a 1280×720 screen (680 above the taskbar) takes it whole too.
    minimum = dialog.minimumSizeHint() + WINDOW_FRAME
    assert minimum.width() <= 1280
    assert minimum.height() <= 680
    small = fit_to_screen(dialog, dialog.PREFERRED_SIZE, QRect(0, 0, 1280, 680))
    assert small == QSize(1100, 680 - WINDOW_FRAME.height())
    assert dialog.size() == small
    assert dialog.close_button.geometry().bottom() < dialog.height()


def test_models_are_ticked_with_the_mouse_and_the_keyboard(qtbot, dialog: BenchmarkDialog) -> None:  # type: ignore[no-untyped-def]
    view = dialog.setup.model_list
    option = QStyleOptionViewItem()
    option.rect = view.visualRect(dialog.setup.model_ticks.index(1))
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, view)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    assert dialog.chosen_models() == [LLAMA]
    view.setCurrentIndex(dialog.setup.model_ticks.index(0))
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert dialog.chosen_models() == []
    assert not dialog.run_button.isEnabled()
    # The whole line as its tooltip, for when the list elides it.
    tooltip = dialog.setup.model_ticks.data(dialog.setup.model_ticks.index(0), Qt.ItemDataRole.ToolTipRole)
    assert tooltip == "llama3.1:8b · 8.0B · Q4_K_M · 4.9 GB"


def test_cold_benchmark_of_two_models_with_one_failing_run(
    qtbot, dialog: BenchmarkDialog, fake: FakeOllama, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=3, cold=True)
    fake.script()
    fake.script(
        tokens=["half"], error_after=1, error_message="an error was encountered while running the model"
    )
    recorded: list[object] = []
    dialog.controller.run_recorded.connect(recorded.append)
    record = run_to_end(qtbot, dialog)

    assert [(r.model, r.run, r.cold, r.error) for r in record.results] == [
        (LLAMA, 1, True, None),
        (LLAMA, 2, True, ErrorKind.SERVER_ERROR),
        (LLAMA, 3, True, None),
        (GEMMA, 1, True, None),
        (GEMMA, 2, True, None),
        (GEMMA, 3, True, None),
    ]
    assert recorded == list(record.results)  # the table filled in as the runs finished
    # Each cold run was preceded by an unload (keep_alive 0) once the model was in memory.
    unloads = [r.json["model"] for r in fake.requests_to("/api/chat") if r.json.get("keep_alive") == 0]
    assert unloads.count(LLAMA) == 3
    assert unloads.count(GEMMA) == 3

    # Every run: six rows, the failed one says why in plain words.
    texts = dialog.texts
    assert len(dialog.results.runs_table.texts()) == 6
    problems = column(dialog, dialog.results.runs_table, texts.problem)
    assert problems.count("Ollama reported a problem with this run.") == 1
    assert column(dialog, dialog.results.runs_table, texts.start) == ["cold"] * 6
    assert set(column(dialog, dialog.results.runs_table, texts.load)) == {"1.20", "–"}

    # Per model: the median over the runs that worked, from the server's counters (40 and 12.5 tokens/s).
    assert column(dialog, dialog.results.summary_table, texts.model) == [LLAMA, GEMMA]
    assert column(dialog, dialog.results.summary_table, texts.runs) == ["2 of 3", "3 of 3"]
    assert column(dialog, dialog.results.summary_table, texts.median_speed) == ["40.0", "12.5"]
    assert column(dialog, dialog.results.summary_table, texts.where) == ["GPU 6.4 GB", "CPU 0.3 GB"]

    # The chart's bars are the medians (as the table rounds them), one bar set.
    summaries = record.summaries()
    assert dialog.results.chart.models == [LLAMA, GEMMA]
    medians = [round(s.eval_rate.median, 1) for s in summaries if s.eval_rate]
    assert list(dialog.results.chart.bar_values().values()) == [medians]
    assert "llama3.1:8b" in dialog.results.suggestion_label.text()
    assert "fits fully in the graphics card" in dialog.results.suggestion_label.text()
    assert dialog.progress.bar.value() == dialog.progress.bar.maximum() == 6
    assert "Finished: 6 runs. 1 of them failed" in dialog.progress.now_label.text()
    # Kept for next time.
    qtbot.waitUntil(lambda: BenchmarkStore(store_path).load() == (record,))


def test_warm_benchmark_loads_each_model_once(qtbot, dialog: BenchmarkDialog, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=3, cold=False)
    record = run_to_end(qtbot, dialog)
    assert [r.cold for r in record.results] == [False] * 6
    warm_ups = [r.json["model"] for r in fake.requests_to("/api/generate") if not r.json.get("prompt")]
    assert warm_ups == [LLAMA, GEMMA]
    assert set(column(dialog, dialog.results.runs_table, dialog.texts.load)) == {"0.10"}
    assert {r.placement for r in record.results} == {Placement.GPU, Placement.CPU}
    assert "warm starts" in dialog.environment_label.text()
    assert "Ollama 0.24.0 at " + fake.url in dialog.environment_label.text()


def test_cancel_in_the_middle_keeps_the_finished_runs(
    qtbot, dialog: BenchmarkDialog, fake: FakeOllama, pool: WorkerPool, store_path: Path
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=3)
    fake.script()
    fake.script(tokens=[f" w{i}" for i in range(3000)], chunk_delay=0.005)  # llama run 2: long
    stopped: list[BenchmarkRecord] = []
    dialog.controller.stopped.connect(stopped.append)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    assert not dialog.run_button.isEnabled()
    assert dialog.cancel_button.isEnabled()
    assert not dialog.setup.isEnabled()

    def answering_run_two() -> bool:
        prompts = [r for r in fake.requests_to("/api/generate") if r.json.get("prompt")]
        return len(prompts) == 2 and prompts[1].tokens_sent > 10

    qtbot.waitUntil(answering_run_two)
    # The progress signal was sent before the request it announces; wait for its delivery all the same.
    qtbot.waitUntil(lambda: "Model 1 of 2 · run 2 of 3 · question 1 of 1" in dialog.progress.bar.text())
    assert "llama3.1:8b is answering the question “Short question”" in dialog.progress.now_label.text()
    assert len(dialog.results.runs_table.texts()) == 1  # run 1 is already in the table
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    # Idle at once, with the one finished run kept.
    assert dialog.run_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()
    assert len(stopped) == 1
    assert [(r.model, r.run) for r in stopped[0].results] == [(LLAMA, 1)]
    assert not stopped[0].complete
    assert len(dialog.results.runs_table.texts()) == 1
    assert "Stopped. The 1 finished runs are kept." in dialog.progress.now_label.text()
    # The server was told by closing the connection, and nothing more was asked of it.
    in_flight = [r for r in fake.requests_to("/api/generate") if r.json.get("prompt")][-1]
    assert in_flight.client_hung_up.wait(5)
    qtbot.waitUntil(lambda: pool.busy == 0)
    assert len([r for r in fake.requests_to("/api/generate") if r.json.get("prompt")]) == 2
    assert len(dialog.results.runs_table.texts()) == 1
    qtbot.waitUntil(lambda: len(BenchmarkStore(store_path).load()) == 1)
    assert BenchmarkStore(store_path).load()[0].complete is False


def test_a_missing_model_and_out_of_memory_do_not_stop_the_benchmark(
    qtbot, dialog: BenchmarkDialog, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    dialog.set_models([InstalledModel("ghost:7b", 7_000_000_000), *OllamaClient(fake.url).tags()])
    dialog.set_model_checked("ghost:7b", True)
    choose(dialog, runs=2)
    fake.script(status=500, body=OOM)  # llama's first run
    record = run_to_end(qtbot, dialog)
    assert [(r.model, r.error) for r in record.results] == [
        ("ghost:7b", ErrorKind.MODEL_NOT_FOUND),
        (LLAMA, ErrorKind.OUT_OF_MEMORY),
        (GEMMA, None),
        (GEMMA, None),
    ]
    problems = column(dialog, dialog.results.runs_table, dialog.texts.problem)
    assert problems[:2] == [
        "This model is not installed on the Ollama server.",
        "The model does not fit in this computer's memory.",
    ]
    # The only model that worked ran on the CPU: named, but not as fitting the graphics card.
    assert "No model fitted fully" in dialog.results.suggestion_label.text()
    assert "gemma3:270m" in dialog.results.suggestion_label.text()


def test_exports_read_back(
    qtbot, dialog: BenchmarkDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=2, prompts=("short", "korean"))
    record = run_to_end(qtbot, dialog)
    targets = iter([tmp_path / "out.csv", tmp_path / "out.md"])
    monkeypatch.setattr(BenchmarkDialog, "ask_save_path", classmethod(lambda cls, *args: next(targets)))

    with qtbot.waitSignal(dialog.controller.export_finished) as saved:
        qtbot.mouseClick(dialog.csv_button, Qt.MouseButton.LeftButton)
    assert saved.args == [str(tmp_path / "out.csv")]
    with (tmp_path / "out.csv").open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(row["model"], row["prompt"], int(row["run"])) for row in rows] == [
        (r.model, r.prompt, r.run) for r in record.results
    ]
    assert [float(row["eval_tokens_per_s"]) for row in rows] == [r.eval_rate for r in record.results]
    assert [int(row["eval_duration_ns"]) for row in rows] == [r.stats.eval_duration for r in record.results]
    assert {row["host"] for row in rows} == {record.environment.host}
    assert {row["cpu"] for row in rows} == {MACHINE.cpu}
    assert "Saved to" in dialog.status_label.text()

    with qtbot.waitSignal(dialog.controller.export_finished):
        qtbot.mouseClick(dialog.markdown_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "out.md").read_text(encoding="utf-8")
    assert text.startswith("# Ollama benchmark, ")
    run_rows = [
        line for line in text.split("## Every run")[1].split("##")[0].splitlines() if line.startswith("| ")
    ]
    header, *body = [[cell.strip() for cell in line.strip("|").split("|")] for line in run_rows]
    assert len(body) == 8
    speeds = [row[header.index("Speed (tokens/s)")] for row in body]
    assert speeds == [f"{r.eval_rate:.1f}" for r in record.results]
    assert {row[header.index("Question")] for row in body} == {"Short question", "Korean"}
    assert BUILTIN_PROMPTS[4].text in text  # the Korean prompt's words, as sent


def test_a_failed_export_says_why(
    qtbot, dialog: BenchmarkDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=1)
    run_to_end(qtbot, dialog)
    target = tmp_path / "no-such-folder" / "out.md"
    monkeypatch.setattr(BenchmarkDialog, "ask_save_path", classmethod(lambda cls, *args: target))
    with qtbot.waitSignal(dialog.controller.export_failed):
        qtbot.mouseClick(dialog.markdown_button, Qt.MouseButton.LeftButton)
    assert "Could not save" in dialog.status_label.text()
    assert not target.exists()


def test_history_is_shown_and_compared(
    qtbot, pool: WorkerPool, fake: FakeOllama, store_path: Path, dialog: BenchmarkDialog
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=1)
    first = run_to_end(qtbot, dialog)
    fake.models[LLAMA].eval_tps = 50.0  # faster since last time
    second = run_to_end(qtbot, dialog)

    # The second benchmark is compared with the first by itself: two bar sets, a Change column.
    assert dialog.compared_record() == first
    bars = dialog.results.chart.bar_values()
    assert list(bars.values()) == [[50.0, 12.5], [40.0, 12.5]]
    change = column(dialog, dialog.results.summary_table, "Change")
    assert change == ["25 % faster", "about the same"]

    # Choosing "nothing" leaves one bar set and no comparison columns.
    dialog.baseline.setCurrentIndex(0)
    assert len(dialog.results.chart.bar_values()) == 1
    assert dialog.results.summary_table.column("Change") == -1

    # A new dialog shows the last benchmark at once, compared with the one before.
    qtbot.waitUntil(lambda: len(BenchmarkStore(store_path).load()) == 2)
    client = OllamaClient(fake.url, TEST_TIMEOUTS)
    again = BenchmarkDialog(
        BenchmarkController(pool, lambda: client, store_path, machine=lambda: MACHINE), client.tags()
    )
    qtbot.addWidget(again)
    with qtbot.waitSignal(again.controller.history_changed):
        again.show()
    assert again.shown_record() == second
    assert again.compared_record() == first
    assert "Showing the benchmark of" in again.results.showing_label.text()
    assert len(again.results.runs_table.texts()) == 2


def test_tables_sort_numbers_as_numbers(qtbot, dialog: BenchmarkDialog, fake: FakeOllama) -> None:  # type: ignore[no-untyped-def]
    fake.models[GEMMA].eval_tps = 9.5  # "9.5" sorts after "40.0" as text, before it as a number
    choose(dialog, runs=1)
    run_to_end(qtbot, dialog)
    table = dialog.results.summary_table
    speed = table.column(dialog.texts.median_speed)
    table.sortByColumn(speed, Qt.SortOrder.DescendingOrder)
    assert column(dialog, table, dialog.texts.median_speed) == ["40.0", "9.5"]
    table.sortByColumn(speed, Qt.SortOrder.AscendingOrder)
    assert column(dialog, table, dialog.texts.median_speed) == ["9.5", "40.0"]


def test_run_needs_a_model_and_a_question_and_sends_your_own(
    qtbot, dialog: BenchmarkDialog, fake: FakeOllama
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=1, prompts=())
    assert not dialog.run_button.isEnabled()
    assert "at least one question" in dialog.hint_label.text()
    qtbot.keyClicks(dialog.setup.custom_edit, "Name three rivers.")
    assert dialog.setup.custom_box.isChecked()
    dialog.set_model_checked(GEMMA, False)
    assert dialog.run_button.isEnabled()
    assert "1 runs in all" in dialog.hint_label.text()
    record = run_to_end(qtbot, dialog)
    assert [(r.model, r.prompt) for r in record.results] == [(LLAMA, "custom")]
    prompts = [r.json["prompt"] for r in fake.requests_to("/api/generate") if r.json.get("prompt")]
    assert prompts == ["Name three rivers."]
    assert record.config == BenchmarkConfig((LLAMA,), record.config.prompts, 1, False)


def test_closing_the_dialog_stops_the_benchmark(
    qtbot, dialog: BenchmarkDialog, fake: FakeOllama, pool: WorkerPool
) -> None:  # type: ignore[no-untyped-def]
    choose(dialog, runs=1)
    fake.script(tokens=[f" w{i}" for i in range(3000)], chunk_delay=0.005)
    qtbot.mouseClick(dialog.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(r.tokens_sent for r in fake.requests_to("/api/generate")))
    dialog.close()
    assert not dialog.controller.busy
    request = next(r for r in fake.requests_to("/api/generate") if r.tokens_sent)
    assert request.client_hung_up.wait(5)
    qtbot.waitUntil(lambda: pool.busy == 0)


def speeds(model: str, *values: float) -> list[RunResult]:
    """Runs of `model` at these answer speeds (100 tokens each)."""
    return [
        RunResult(
            model, "short", i, stats=ReplyStats("stop", eval_count=100, eval_duration=round(100 / v * 1e9))
        )
        for i, v in enumerate(values, 1)
    ]


def test_chart_marks_each_models_range_beside_its_bar(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = SpeedChart()
    qtbot.addWidget(chart)
    today = summarize(speeds("a", 30.0, 20.0, 40.0) + speeds("b", 10.0, 10.0))
    before = summarize(speeds("a", 25.0, 26.0) + speeds("c", 5.0))
    chart.show_sets([ChartSet("today", today), ChartSet("before", before)])
    assert chart.models == ["a", "b", "c"]
    assert chart.bar_values() == {"today": [30.0, 10.0, 0.0], "before": [25.5, 0.0, 5.0]}
    # Two bar sets share a category: today's bar sits left of the centre, the earlier one right.
    quarter = BAR_WIDTH / 4
    assert chart.ranges == [
        RangeMark(pytest.approx(0 - quarter), pytest.approx(20.0), pytest.approx(40.0)),  # type: ignore[arg-type]
        RangeMark(pytest.approx(0 + quarter), pytest.approx(25.0), pytest.approx(26.0)),  # type: ignore[arg-type]
    ]  # b and c ran at one speed each: nothing to mark
    assert len(chart.chart().series()) == 1 + 2  # the bars and two range marks
    chart.show_sets([])
    assert chart.bar_values() == {}
    assert chart.ranges == []


def test_a_column_with_nothing_in_it_takes_no_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    table = ResultsTable()
    qtbot.addWidget(table)
    header = ["Model", "Speed", "Problem"]
    table.set_rows(header, [[Cell("llama3.1:8b"), Cell("40.0"), Cell("")]])
    assert table.isColumnHidden(2)
    assert not table.isColumnHidden(1)
    table.set_rows(header, [[Cell("llama3.1:8b"), Cell(""), Cell("Out of memory")]])
    assert not table.isColumnHidden(2)
    assert table.isColumnHidden(1)
